import {describe, expect, it} from "vitest";
import {defaultScenario, randomExponential, randomNormal, randomStream, type Scenario} from "tierwise";
import {simulateBlocks} from "../lib/src/simulation/simulateBlocks.js";
import {blockCount, planSimulation, trialsPerBlock} from "../lib/src/simulation/simulationPlan.js";
import {exp} from "../lib/src/math/deterministic.js";
import {portfolio24} from "./fixtures/accounts.js";

const scenario = (hazard: Scenario["attrition"]["hazard"], shockVolatility: number, horizon = 7): Scenario => ({
  ...defaultScenario,
  horizon,
  tierRules: {...defaultScenario.tierRules, cut: {by: "rank", topN: 4, shareA: 0.25, shareB: 0.25}},
  attrition: {hazard, healthCoefficient: -1.5, shockVolatility}
});

/**
 * The exit years of every account in every trial, drawn from the same streams as the kernel but
 * with the plain linear search: the number of cumulative-hazard thresholds at or below the variate.
 */
function referenceLifetimes(s: Scenario, trials: number, seed: number): Int32Array[] {
  const plan = planSimulation(portfolio24, s, {trials, seed});
  const {n, horizon: H, industries: J, logSurvival, shockVolatility: sigma} = plan;
  const result: Int32Array[] = [];
  for (let block = 0; block < blockCount(trials); ++block) {
    const normal = randomNormal(randomStream(seed, `shocks ${block}`));
    const first = block * trialsPerBlock;
    const count = Math.min(trials, first + trialsPerBlock) - first;
    // Account by account, the block's trials in order for each.
    const draws = new Float64Array(n * count);
    randomExponential(seed, `lifetimes ${block}`).fill(draws);
    for (let trial = first; trial < first + count; ++trial) {
      const threshold = new Float64Array(J * H);
      for (let j = 0; j < J; ++j) {
        let c = 0;
        for (let t = 0; t < H; ++t) {
          const shock = sigma > 0 ? exp(sigma * normal() - (sigma * sigma) / 2) : 1;
          c -= logSurvival[j * H + t]! * shock;
          threshold[j * H + t] = c;
        }
      }
      result.push(
        Int32Array.from({length: n}, (_, i) => {
          const e = draws[i * count + trial - first]! * plan.inverseRisk[i]!;
          let L = 0;
          while (L < H && threshold[plan.industryOf[i]! * H + L]! <= e) ++L;
          return L;
        })
      );
    }
  }
  return result;
}

describe("simulateBlocks()", () => {
  // Hazards of 0 and 1, steps and plateaus, with and without shocks: the table's edge cases.
  const cases: [string, Scenario][] = [
    ["smooth hazards", scenario({"*": [0.1, 0.15, 0.08], Telecom: [0.5, 0.6, 0.25, 0.15, 0.1]}, 0)],
    ["hazards of 0 and 1", scenario({"*": [0, 0, 0.3], Telecom: [0.2, 1], Banking: [0]}, 0)],
    ["shocks", scenario({"*": [0.02, 0.4, 0.02, 0.9], Retail: [0.001]}, 0.6, 12)]
  ];
  for (const [name, s] of cases) {
    it(`finds the same exit year through its table as a linear search (${name})`, () => {
      const trials = 130;
      const reference = referenceLifetimes(s, trials, 3);
      const plan = planSimulation(portfolio24, s, {trials, seed: 3});
      const H = plan.horizon;
      const W = H + 1;
      const part = simulateBlocks(plan, 0, blockCount(trials));
      const counts = new Uint32Array(plan.n * W);
      for (const lifetimes of reference) lifetimes.forEach((L, i) => ++counts[i * W + L]!);
      expect(part.lifetimes).toEqual(counts);
      // Survivors at the end of year 1 and of the horizon, trial by trial.
      for (const t of [1, H]) {
        const column = Array.from(part.survivors.subarray((4 * W + t) * trials, (4 * W + t + 1) * trials));
        expect(column).toEqual(reference.map((lifetimes) => lifetimes.filter((L) => L >= t).length));
      }
      // Each trial's NPV is the sum of the accounts' prefix-sum differences, in account order by
      // tier, then over the tiers.
      const npv = reference.map((lifetimes) => {
        const tiers = [0, 0, 0, 0];
        lifetimes.forEach((L, i) => {
          const row = i * 2 * W;
          tiers[plan.tierOf[i]!]! +=
            plan.flows[row + W + L]! + plan.flows[row + L]! - plan.flows[row + Math.min(L + 1, H)]!;
        });
        return tiers[0]! + tiers[1]! + tiers[2]! + tiers[3]!;
      });
      expect(Array.from(part.npv.subarray(4 * trials, 5 * trials))).toEqual(npv);
      // Cumulative cash, whichever form each account is added in: its own cumulative cash G(t)
      // while alive, its final value once it has exited; summed in another order, so to rounding.
      const own = (i: number, L: number, t: number) => {
        const row = i * 2 * W;
        const {flows} = plan;
        return t <= L ? flows[row + W + t]! : flows[row + W + L]! + flows[row + L]! - flows[row + Math.min(L + 1, H)]!;
      };
      const cash = reference.map((lifetimes) =>
        Array.from({length: W}, (_, t) => lifetimes.reduce((sum, L, i) => sum + own(i, L, t), 0))
      );
      for (let t = 0; t <= H; ++t) {
        const column = part.cumulativeCash.subarray((4 * W + t) * trials, (4 * W + t + 1) * trials);
        column.forEach((x, k) => expect(Math.abs(x - cash[k]![t]!)).toBeLessThan(1e-6));
      }
      const payback = cash.map((values) =>
        Math.max(
          0,
          values.findIndex((x, t) => t > 0 && x >= 0)
        )
      );
      expect(Array.from(part.payback.subarray(4 * trials, 5 * trials))).toEqual(payback);
    });
  }

  it("adds accounts expected to live more than half the horizon to the cash fans in their dead form", () => {
    const plan = planSimulation(portfolio24, cases[0]![1], {trials: 10, seed: 3});
    const {n, horizon: H, industries: J, logSurvival, inverseRisk, industryOf, deadForm, cashBaseline, flows} = plan;
    const W = H + 1;
    expect(J).toBeGreaterThan(1);
    const expectedYears = (i: number) => {
      let c = 0;
      let sum = 0;
      for (let t = 0; t < H; ++t) sum += Math.exp((c += logSurvival[industryOf[i]! * H + t]!) / inverseRisk[i]!);
      return sum;
    };
    const forms = Array.from({length: n}, (_, i) => (expectedYears(i) > H / 2 ? 1 : 0));
    expect(Array.from(deadForm)).toEqual(forms);
    expect(forms).toContain(0);
    expect(forms).toContain(1);
    // The baseline of each tier is the sum of its dead-form accounts' cumulative cash.
    for (let g = 0; g < 4; ++g)
      for (const t of [1, H]) {
        let sum = 0;
        for (let i = 0; i < n; ++i) if (plan.tierOf[i] === g && forms[i]) sum += flows[i * 2 * W + W + t]!;
        expect(cashBaseline[g * W + t]).toBeCloseTo(sum, 6);
      }
  });

  it("gives every block the same numbers whichever blocks run together", () => {
    const s = cases[2]![1];
    const trials = 175;
    const plan = planSimulation(portfolio24, s, {trials, seed: 8});
    const whole = simulateBlocks(plan, 0, 4);
    const last = simulateBlocks(plan, 3, 4);
    expect(last.firstTrial).toBe(150);
    expect(last.trials).toBe(25);
    expect(Array.from(last.npv.subarray(0, 25))).toEqual(Array.from(whole.npv.subarray(150, 175)));
  });
});
