import {describe, expect, it} from "vitest";
import {
  accountCashFlows,
  assignTiers,
  breakEvenSurvival,
  defaultScenario,
  expectedNpv,
  npvSurface,
  tiers,
  type Account,
  type NpvSurface,
  type Scenario,
  type Tier
} from "tierwise";
import {portfolio24} from "./fixtures/accounts.js";
import {pow} from "../lib/src/math/deterministic.js";

/** npvSurface as first written: each ramp's flows from accountCashFlows, summed account by account. */
function reference(accounts: readonly Account[], scenario: Scenario, tier: Tier, survival: number[], ramps: number[]) {
  const members = assignTiers(accounts, scenario.tierRules).filter((d) => d.tier === tier);
  const H = scenario.horizon;
  const options = {discountRate: scenario.discountRate};
  const cells: NpvSurface["cells"] = [];
  const breakEven: NpvSurface["breakEven"] = [];
  for (const r of ramps) {
    const policy = {...scenario.tiers[tier], rampYears: r};
    const investment = new Float64Array(H);
    const contribution = new Float64Array(H);
    for (const {account} of members) {
      const flows = accountCashFlows(account, policy, scenario);
      for (let t = 0; t < H; ++t) {
        investment[t]! += flows.investment[t]!;
        contribution[t]! += flows.contribution[t]!;
      }
    }
    const flows = {investment, contribution};
    for (const s of survival)
      cells.push({survival: s, rampYears: r, npv: expectedNpv(flows, (t) => pow(s, t), options)});
    breakEven.push({rampYears: r, survival: members.length === 0 ? null : breakEvenSurvival(flows, options)});
  }
  return {tier, accounts: members.length, cells, breakEven};
}

describe("npvSurface()", () => {
  it("gives the same numbers, to the last bit, as summing accountCashFlows for each ramp", () => {
    const survival = [0, 0.3, 0.62, 0.9, 1];
    const ramps = [0, 1, 2, 3, 5, 8, 12];
    const fixedMargin: Scenario = {
      ...defaultScenario,
      horizon: 8,
      defaultWalletGrowth: 0.07,
      tiers: {
        ...defaultScenario.tiers,
        S: {...defaultScenario.tiers.S, grossMargin: 0.35, firstShare: "current", presalesCost: 80_000},
        C: {...defaultScenario.tiers.C, firstShare: 0, shareGrowth: 0}
      }
    };
    for (const scenario of [defaultScenario, fixedMargin])
      for (const tier of tiers) {
        const fast = npvSurface(portfolio24, scenario, tier, {survival, rampYears: ramps});
        expect(fast).toEqual(reference(portfolio24, scenario, tier, survival, ramps));
      }
    // Not a surface of zeros: the default S policy loses money if every account dies in year one and earns if none does.
    const s = npvSurface(portfolio24, defaultScenario, "S", {survival: [0, 1], rampYears: [2]});
    expect(s.accounts).toBe(assignTiers(portfolio24, defaultScenario.tierRules).filter((d) => d.tier === "S").length);
    expect(s.cells[0]!.npv).toBeLessThan(0);
    expect(s.cells[1]!.npv).toBeGreaterThan(0);
  });

  it("reports its progress through the tier's accounts, ending at 1", () => {
    const many = Array.from({length: 30_000}, (_, i) => ({...portfolio24[i % portfolio24.length]!, id: `A${i}`}));
    const inC = assignTiers(many, defaultScenario.tierRules).filter((d) => d.tier === "C").length;
    const seen: number[] = [];
    const surface = npvSurface(many, defaultScenario, "C", {onProgress: (p) => seen.push(p)});
    expect(surface.accounts).toBe(inC);
    const every = Array.from({length: Math.floor(inC / 4096)}, (_, i) => (4096 * (i + 1)) / inC);
    expect(seen).toEqual([...every, 1]);
    expect(seen.length).toBeGreaterThan(2);
  });
});
