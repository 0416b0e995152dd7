import {describe, expect, it} from "vitest";
import {defaultScenario, simulatePortfolio, type PortfolioSimulation, type Scenario} from "tierwise";
import {compareWithFirstResult, type Comparison} from "../src/components/compareRun.js";
import type {RunSettings} from "../src/components/simulationClient.js";
import {portfolio24} from "./fixtures/accounts.js";
import {fakeProgress} from "./fixtures/fakeProgress.js";

/** A pool of two workers whose batches answer at once with one result per scenario; it records each request. */
function fakePool() {
  const requested: [number, number][] = [];
  const pool = {
    latest: 0,
    size: 2,
    batch(scenarios: Scenario[], settings: RunSettings) {
      requested.push([scenarios.length, settings.trials]);
      const id = ++pool.latest;
      return {id, promise: Promise.resolve(scenarios.map(() => ({trials: settings.trials}) as PortfolioSimulation))};
    }
  };
  return {pool, requested};
}

const two = [{} as Scenario, {} as Scenario];
const settings = {trials: 1000, seed: 1, asOf: 2025};

async function yielded(generator: AsyncGenerator<Comparison>): Promise<[number[], boolean][]> {
  const out: [number[], boolean][] = [];
  for await (const {results, final} of generator) out.push([results.map((r) => r.trials), final]);
  return out;
}

describe("compareWithFirstResult()", () => {
  it("compareWithFirstResult() on a big book yields every scenario on 200 futures first, then the full run, and finishes once", async () => {
    const {pool, requested} = fakePool();
    const {progress, events} = fakeProgress();
    expect(await yielded(compareWithFirstResult(pool, two, settings, progress, {accounts: 66_000}))).toEqual([
      [[200, 200], false],
      [[1000, 1000], true]
    ]);
    expect(requested).toEqual([
      [2, 200],
      [2, 1000]
    ]);
    expect(events).toEqual([
      "start A first result: 2 scenarios × 200 futures",
      "start Simulating 2 scenarios × 1,000 futures",
      "finish"
    ]);
  });

  it("compareWithFirstResult() cuts the first result to one block of 50 futures on a very big book", async () => {
    const {pool, requested} = fakePool();
    const {progress} = fakeProgress();
    // 660,000 accounts × 50 futures is 33 million account-futures for each worker (a scenario each), past the
    // 25 million budget already: one block.
    expect(await yielded(compareWithFirstResult(pool, two, settings, progress, {accounts: 660_000}))).toEqual([
      [[50, 50], false],
      [[1000, 1000], true]
    ]);
    expect(requested.map((r) => r[1])).toEqual([50, 1000]);
  });

  it("compareWithFirstResult() on a small book runs once, and with one scenario yields an empty final comparison", async () => {
    const small = fakePool();
    const {progress, events} = fakeProgress();
    expect(await yielded(compareWithFirstResult(small.pool, two, settings, progress, {accounts: 1300}))).toEqual([
      [[1000, 1000], true]
    ]);
    const one = fakePool();
    expect(await yielded(compareWithFirstResult(one.pool, [two[0]!], settings, progress, {accounts: 66_000}))).toEqual([
      [[], true]
    ]);
    expect(one.requested).toEqual([]);
    expect(events).toEqual(["start Simulating 2 scenarios × 1,000 futures", "finish", "finish"]);
  });

  it("compareWithFirstResult() stops after the first result when a newer request has superseded it", async () => {
    const {pool, requested} = fakePool();
    const {progress} = fakeProgress();
    const generator = compareWithFirstResult(pool, two, settings, progress, {accounts: 66_000});
    expect((await generator.next()).value).toMatchObject({final: false});
    pool.latest += 1;
    expect((await generator.next()).done).toBe(true);
    expect(requested).toEqual([[2, 200]]);
  });

  it("the first result's futures are the first futures of the full run: each draw is the full run's own", () => {
    const first = simulatePortfolio(portfolio24, defaultScenario, {trials: 200, seed: 5});
    const full = simulatePortfolio(portfolio24, defaultScenario, {trials: 1000, seed: 5});
    for (const tier of ["S", "A", "B", "C"] as const)
      expect(Array.from(first.tiers[tier].npvDraws)).toEqual(Array.from(full.tiers[tier].npvDraws).slice(0, 200));
  });
});
