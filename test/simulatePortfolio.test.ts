import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {
  accountCashFlows,
  assignTiers,
  breakEvenSurvival,
  defaultScenario,
  expectedNpv,
  hazardAt,
  simulatePortfolio,
  tiers,
  type Account,
  type Scenario
} from "tierwise";
import {portfolio24} from "./fixtures/accounts.js";

const accounts: Account[] = portfolio24;

const scenario = (overrides: Partial<Scenario> = {}, attrition: Partial<Scenario["attrition"]> = {}): Scenario => ({
  ...defaultScenario,
  horizon: 8,
  tierRules: {...defaultScenario.tierRules, cut: {by: "rank", topN: 4, shareA: 0.25, shareB: 0.25}},
  ...overrides,
  attrition: {
    hazard: {"*": [0.1, 0.15, 0.08], Telecom: [0.5, 0.6, 0.25, 0.15, 0.1]},
    healthCoefficient: -1.5,
    shockVolatility: 0,
    ...attrition
  }
});

/** The exact expected NPV of each tier when there is no shock: Σ over accounts of expectedNpv(). */
function closedForm(s: Scenario): Record<string, number> {
  const result: Record<string, number> = {S: 0, A: 0, B: 0, C: 0};
  for (const {account: a, tier} of assignTiers(accounts, s.tierRules)) {
    const flows = accountCashFlows(a, s.tiers[tier], s);
    const m = Math.exp(s.attrition.healthCoefficient * (a.health - 0.5));
    const survival: number[] = [];
    let p = 1;
    for (let t = 1; t <= s.horizon; ++t) survival.push((p *= (1 - hazardAt(s.attrition, a.industry, t)) ** m));
    result[tier]! += expectedNpv(flows, survival, {discountRate: s.discountRate});
  }
  return result;
}

describe("simulatePortfolio()", () => {
  it("has Monte Carlo means within 4 standard errors of the closed-form expected NPV", () => {
    const s = scenario();
    const trials = 4000;
    const result = simulatePortfolio(accounts, s, {trials, seed: 11});
    const exact = closedForm(s);
    for (const tier of tiers) {
      const {mean, sd} = result.tiers[tier].npv;
      expect(Math.abs(mean - exact[tier]!)).toBeLessThan((4 * sd) / Math.sqrt(trials));
    }
    expect(result.total.npv.mean).toBeCloseTo(
      tiers.reduce((sum, t) => sum + result.tiers[t].npv.mean, 0),
      4
    );
  });

  it("gives each tier's break-even survival from its accounts' summed flows", () => {
    const s = scenario();
    const result = simulatePortfolio(accounts, s, {trials: 2, seed: 1});
    for (const tier of tiers) {
      const flows = assignTiers(accounts, s.tierRules)
        .filter((d) => d.tier === tier)
        .map((d) => accountCashFlows(d.account, s.tiers[tier], s));
      const sum = (key: "investment" | "contribution") =>
        Array.from({length: s.horizon}, (_, t) => flows.reduce((total, f) => total + f[key][t]!, 0));
      const expected = breakEvenSurvival(
        {investment: sum("investment"), contribution: sum("contribution")},
        {discountRate: s.discountRate}
      );
      expect(result.tiers[tier].breakEvenSurvival).toBe(expected);
    }
    expect(result.tiers.S.breakEvenSurvival).toBeGreaterThan(0);
    expect(result.tiers.S.breakEvenSurvival).toBeLessThan(1);
  });

  it("is deterministic and equals the closed form with hazard 0", () => {
    const s = scenario({}, {hazard: {"*": [0]}});
    const result = simulatePortfolio(accounts, s, {trials: 5, seed: 1});
    const exact = closedForm(s);
    for (const tier of tiers) {
      expect(result.tiers[tier].npv.sd).toBe(0);
      expect(result.tiers[tier].npv.mean).toBeCloseTo(exact[tier]!, 6);
      expect(result.tiers[tier].wastedBeforeFirstOrder).toBe(0);
      expect(result.tiers[tier].survivors.p5.at(-1)).toBe(result.tiers[tier].accounts);
    }
  });

  it("loses every account in year 1 with hazard 1, all its first-year investment wasted", () => {
    const s = scenario({}, {hazard: {"*": [1]}});
    const result = simulatePortfolio(accounts, s, {trials: 3, seed: 1});
    const firstYear = assignTiers(accounts, s.tierRules).reduce(
      (sum, {account: a, tier}) => sum + accountCashFlows(a, s.tiers[tier], s).investment[0]!,
      0
    );
    expect(result.total.npv.mean).toBeCloseTo(-firstYear, 6);
    expect(result.total.survivors.mean).toEqual([24, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(result.total.wastedBeforeFirstOrder).toBeCloseTo(firstYear, 6);
    expect(result.total.probabilityPayback).toBe(0);
  });

  it("counts investment wasted on accounts that die before their first order", () => {
    const result = simulatePortfolio(accounts, scenario(), {trials: 500, seed: 2});
    // S has a two-year ramp; Telecom loses half its firms in year one.
    expect(result.tiers.S.wastedBeforeFirstOrder).toBeGreaterThan(0);
    expect(result.tiers.S.wastedBeforeFirstOrder).toBeLessThan(result.tiers.S.investment);
    expect(result.tiers.S.wastedBeforePayback).toBeGreaterThanOrEqual(result.tiers.S.wastedBeforeFirstOrder);
  });

  it("handles horizons of 1 and 30 years, one trial and an empty tier", () => {
    const one = simulatePortfolio(accounts, scenario({horizon: 1}), {trials: 1, seed: 1});
    expect(one.total.survivors.year).toEqual([0, 1]);
    expect(one.total.npv.sd).toBe(0);
    const long = simulatePortfolio(accounts, scenario({horizon: 30}), {trials: 50, seed: 1});
    expect(long.total.cumulativeCash.year).toHaveLength(31);
    const noS = simulatePortfolio(
      accounts,
      scenario({tierRules: {...defaultScenario.tierRules, cut: {by: "rank", topN: 0, shareA: 0.5, shareB: 0.2}}}),
      {
        trials: 20,
        seed: 1
      }
    );
    expect(noS.tiers.S.accounts).toBe(0);
    expect(noS.tiers.S.npv.mean).toBe(0);
    expect(noS.tiers.S.probabilityPayback).toBe(0);
    expect(noS.tiers.S.breakEvenSurvival).toBeNull();
    expect(noS.tiers.S.perHead.revenue.every((x) => x === 0)).toBe(true);
  });

  it("runs 100,000 trials", () => {
    const result = simulatePortfolio(accounts.slice(0, 3), scenario({horizon: 3}), {trials: 100_000, seed: 1});
    expect(result.total.npvDraws).toHaveLength(100_000);
  });

  it("gives the same numbers for the same seed and different ones for another", () => {
    const s = scenario({}, {shockVolatility: 0.3});
    const a = simulatePortfolio(accounts, s, {trials: 200, seed: 7});
    const b = simulatePortfolio(accounts, s, {trials: 200, seed: 7});
    expect(b.total.npvDraws).toEqual(a.total.npvDraws);
    expect(b.tiers.A.cumulativeCash).toEqual(a.tiers.A.cumulativeCash);
    expect(simulatePortfolio(accounts, s, {trials: 200, seed: 8}).total.npv.mean).not.toBe(a.total.npv.mean);
  });

  it("shares its futures between scenarios that differ only in policy (common random numbers)", () => {
    const base = scenario({}, {shockVolatility: 0.3});
    const longerRamp = {...base, tiers: {...base.tiers, S: {...base.tiers.S, rampYears: 4}}};
    const a = simulatePortfolio(accounts, base, {trials: 300, seed: 4});
    const b = simulatePortfolio(accounts, longerRamp, {trials: 300, seed: 4});
    expect(b.total.survivors).toEqual(a.total.survivors);
    expect(b.tiers.A.npvDraws).toEqual(a.tiers.A.npvDraws);
    // The S difference is paired, future by future, not noise between two samples: a longer ramp
    // costs more in every future, except those where every S account dies in year 1 (equal losses).
    const differences = a.tiers.S.npvDraws.map((x, k) => x - b.tiers.S.npvDraws[k]!);
    expect(differences.every((d) => d >= 0)).toBe(true);
    expect(differences.filter((d) => d > 0).length).toBeGreaterThan(250);
  });

  it("never lets survivors increase, in any trial percentile (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({min: 0, max: 1, noNaN: true}), {minLength: 1, maxLength: 6}),
        fc.double({min: 0, max: 1, noNaN: true}),
        fc.integer({min: 1, max: 12}),
        (hazard, shock, horizon) => {
          const result = simulatePortfolio(
            accounts,
            scenario({horizon}, {hazard: {"*": hazard}, shockVolatility: shock}),
            {trials: 10, seed: 3}
          );
          for (const column of [
            result.total.survivors.p5,
            result.total.survivors.p50,
            result.total.survivors.p95,
            result.total.survivors.mean
          ]) {
            for (let t = 1; t < column.length; ++t) expect(column[t]!).toBeLessThanOrEqual(column[t - 1]!);
          }
        }
      ),
      {numRuns: 40}
    );
  });

  it("matches its recorded result for a small seeded scenario", () => {
    const result = simulatePortfolio(accounts, scenario({horizon: 5}, {shockVolatility: 0.25}), {
      trials: 100,
      seed: 2026
    });
    const round = (x: number) => Math.round(x);
    expect(
      Object.fromEntries(
        [...tiers, "total" as const].map((t) => {
          const o = t === "total" ? result.total : result.tiers[t];
          return [
            t,
            {
              accounts: o.accounts,
              npv: [o.npv.mean, o.npv.p5, o.npv.p95].map(round),
              pPositive: o.probabilityPositive,
              survivors: o.survivors.mean
            }
          ];
        })
      )
    ).toMatchSnapshot();
  });

  it("rejects invalid trials and horizons", () => {
    expect(() => simulatePortfolio(accounts, scenario(), {trials: 0})).toThrow("invalid trials: 0");
    expect(() => simulatePortfolio(accounts, scenario({horizon: 31}))).toThrow("invalid horizon: 31");
  });
});
