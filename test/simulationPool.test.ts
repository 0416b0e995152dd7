import {afterAll, describe, expect, it} from "vitest";
import {defaultScenario, simulatePortfolio, type Account, type Scenario} from "tierwise";
import {SimulationPool, simulatePortfolioInPool} from "tierwise/node";
import {portfolio24} from "./fixtures/accounts.js";

// 240 accounts in three industries with varied health; hazards with a 1 and shocks.
const accounts: Account[] = Array.from({length: 240}, (_, i) => ({
  ...portfolio24[i % 24]!,
  id: `P${i}`,
  health: ((i * 37) % 100) / 100
}));
const scenario: Scenario = {
  ...defaultScenario,
  horizon: 9,
  tierRules: {...defaultScenario.tierRules, cut: {by: "rank", topN: 30, shareA: 0.2, shareB: 0.3}},
  attrition: {
    hazard: {"*": [0.08, 0.12, 0.1], Telecom: [0.3, 0.5, 1], Retail: [0, 0.05]},
    healthCoefficient: -1.5,
    shockVolatility: 0.4
  }
};
// Five blocks of 50 trials, the last one short.
const trials = 230;

describe("SimulationPool", () => {
  // Threshold 0: every run goes to the threads, however small.
  const pools = [1, 2, 4].map((workers) => new SimulationPool({workers, threshold: 0}));
  afterAll(async () => void (await Promise.all(pools.map((p) => p.close()))));

  it("gives the same result to the last bit, every field, with 1, 2 and 4 workers as simulatePortfolio", async () => {
    for (const cash of [true, false]) {
      const single = simulatePortfolio(accounts, scenario, {trials, seed: 17, cash});
      for (const pool of pools) {
        const pooled = await pool.simulate(accounts, scenario, {trials, seed: 17, cash});
        expect(pooled).toStrictEqual(single);
      }
      expect(single.total.npvDraws).toHaveLength(trials);
      expect(single.total.survivors.p50[0]).toBe(240);
      if (cash) expect(single.total.probabilityPayback).toBeGreaterThan(0);
      else expect(single.total.cumulativeCash.p50.every(Number.isNaN)).toBe(true);
    }
  });

  it("gives each of several runs at once, and the runs after them, the result of simulatePortfolio", async () => {
    // Runs at once cannot share buffers; runs one after another reuse the last one's, which must be as new.
    const smaller = accounts.slice(0, 150);
    const [a, b] = await Promise.all([
      pools[1]!.simulate(accounts, scenario, {trials, seed: 21}),
      pools[1]!.simulate(smaller, scenario, {trials: 120, seed: 22})
    ]);
    expect(a).toStrictEqual(simulatePortfolio(accounts, scenario, {trials, seed: 21}));
    expect(b).toStrictEqual(simulatePortfolio(smaller, scenario, {trials: 120, seed: 22}));
    for (const seed of [23, 24]) {
      const next = await pools[1]!.simulate(accounts, scenario, {trials, seed});
      expect(next).toStrictEqual(simulatePortfolio(accounts, scenario, {trials, seed}));
    }
  });

  it("gives a run on the last run's buffers, which it does not zero, the result of simulatePortfolio", async () => {
    // The same shapes, other numbers: other healths and hazards change every account's flows,
    // risk and form (the dead form where the last run had the alive form, and back).
    const other: Account[] = accounts.map((a, i) => ({...a, health: ((i * 53) % 100) / 100}));
    const reversed: Scenario = {
      ...scenario,
      attrition: {...scenario.attrition, hazard: {"*": [0.3, 0.02], Retail: [0.6]}, healthCoefficient: 2}
    };
    for (const [book, s] of [
      [accounts, scenario],
      [other, reversed],
      [accounts, scenario]
    ] as const) {
      const pooled = await pools[1]!.simulate(book, s, {trials, seed: 31});
      expect(pooled).toStrictEqual(simulatePortfolio(book, s, {trials, seed: 31}));
    }
  });

  it("reports rising progress ending at 1", async () => {
    const progress: number[] = [];
    await pools[2]!.simulate(accounts, scenario, {trials, seed: 3, onProgress: (p) => progress.push(p)});
    expect(progress.at(-1)).toBe(1);
    for (let k = 1; k < progress.length; ++k) expect(progress[k]!).toBeGreaterThanOrEqual(progress[k - 1]!);
    expect(progress.length).toBeGreaterThan(1);
  });

  it("stops a run when its signal aborts, and runs the next one", async () => {
    const controller = new AbortController();
    const run = pools[1]!.simulate(accounts, scenario, {trials, seed: 3, signal: controller.signal});
    controller.abort(new Error("superseded"));
    await expect(run).rejects.toThrow("superseded");
    const next = await pools[1]!.simulate(accounts, scenario, {trials: 60, seed: 3});
    expect(next.total.npvDraws).toStrictEqual(
      simulatePortfolio(accounts, scenario, {trials: 60, seed: 3}).total.npvDraws
    );
  });

  it("runs once on a pool of its own with simulatePortfolioInPool", async () => {
    const result = await simulatePortfolioInPool(accounts, scenario, {trials: 120, seed: 5, workers: 2, threshold: 0});
    expect(result.tiers.S.npvDraws).toStrictEqual(
      simulatePortfolio(accounts, scenario, {trials: 120, seed: 5}).tiers.S.npvDraws
    );
    expect(() => new SimulationPool({workers: 0})).toThrow("invalid workers: 0");
    expect(() => new SimulationPool({threshold: NaN})).toThrow("invalid threshold: NaN");
  });

  it("runs a run below its threshold on the calling thread, with the same result", async () => {
    const pool = new SimulationPool({workers: 2});
    expect(pool.threshold).toBe(400_000);
    const progress: number[] = [];
    const result = await pool.simulate(accounts, scenario, {trials, seed: 9, onProgress: (p) => progress.push(p)});
    expect(result).toStrictEqual(simulatePortfolio(accounts, scenario, {trials, seed: 9}));
    expect(progress).toEqual([1]);
    await pool.close();
  });
});
