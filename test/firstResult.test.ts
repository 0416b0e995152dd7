import {describe, expect, it} from "vitest";
import {
  defaultScenario,
  finishSimulation,
  planSimulation,
  simulateBlocks,
  simulatePortfolio,
  type PortfolioSimulation,
  type Scenario
} from "tierwise";
import {simulateWithFirstResult} from "../src/components/firstResult.js";
import type {RunSettings} from "../src/components/simulationClient.js";
import {portfolio24} from "./fixtures/accounts.js";
import {fakeProgress} from "./fixtures/fakeProgress.js";

/** A client of two workers whose runs answer at once with the futures asked for; it records each request. */
function fakeClient() {
  const requested: number[] = [];
  const asked: RunSettings[] = [];
  const client = {
    latest: 0,
    size: 2,
    run(_scenario: Scenario, settings: RunSettings) {
      requested.push(settings.trials);
      asked.push(settings);
      const id = ++client.latest;
      return {id, promise: Promise.resolve({trials: settings.trials} as PortfolioSimulation)};
    }
  };
  return {client, requested, asked};
}

const scenario = {} as Scenario;
const settings = {trials: 1000, seed: 1, asOf: 2025};

async function yielded(generator: AsyncGenerator<{simulation: PortfolioSimulation}>): Promise<number[]> {
  const trials: number[] = [];
  for await (const {simulation} of generator) trials.push(simulation.trials);
  return trials;
}

describe("simulateWithFirstResult()", () => {
  it("simulateWithFirstResult() on a big book yields 200 futures first, then the full run, and finishes once", async () => {
    const {client, requested} = fakeClient();
    const {progress, events} = fakeProgress();
    expect(await yielded(simulateWithFirstResult(client, scenario, settings, progress, {accounts: 66_000}))).toEqual([
      200, 1000
    ]);
    expect(requested).toEqual([200, 1000]);
    expect(events).toEqual(["start A first result on 200 futures", "start Simulating 1,000 futures", "finish"]);
  });

  it("simulateWithFirstResult() on a small book, or at 200 futures, runs once", async () => {
    const small = fakeClient();
    const {progress} = fakeProgress();
    expect(
      await yielded(simulateWithFirstResult(small.client, scenario, settings, progress, {accounts: 1300}))
    ).toEqual([1000]);
    const few = fakeClient();
    const at200 = {...settings, trials: 200};
    expect(await yielded(simulateWithFirstResult(few.client, scenario, at200, progress, {accounts: 66_000}))).toEqual([
      200
    ]);
    expect([small.requested, few.requested]).toEqual([[1000], [200]]);
  });

  it("simulateWithFirstResult() on a very big book yields one block of futures per worker first, with the full run's seed", async () => {
    const {client, requested, asked} = fakeClient();
    const {progress, events} = fakeProgress();
    // 660,000 accounts: 100 futures, a block of 50 on each of the two workers, keep each within 25 million account-futures.
    expect(await yielded(simulateWithFirstResult(client, scenario, settings, progress, {accounts: 660_000}))).toEqual([
      100, 1000
    ]);
    expect(requested).toEqual([100, 1000]);
    expect(asked[0]).toEqual({trials: 100, seed: 1, asOf: 2025});
    expect(events).toEqual(["start A first result on 100 futures", "start Simulating 1,000 futures", "finish"]);
    // One worker: one block.
    const one = fakeClient();
    one.client.size = 1;
    await yielded(simulateWithFirstResult(one.client, scenario, settings, progress, {accounts: 660_000}));
    expect(one.requested).toEqual([50, 1000]);
  });

  it("simulateWithFirstResult() says which yield is the full run", async () => {
    const {client} = fakeClient();
    const {progress} = fakeProgress();
    const finals: boolean[] = [];
    for await (const {final} of simulateWithFirstResult(client, scenario, settings, progress, {accounts: 66_000}))
      finals.push(final);
    expect(finals).toEqual([false, true]);
  });

  it("the first result is the full run's first futures: a run split between two workers draws the same", () => {
    const first = simulatePortfolio(portfolio24, defaultScenario, {trials: 100, seed: 5});
    const plan = planSimulation(portfolio24, defaultScenario, {trials: 200, seed: 5});
    const full = finishSimulation(plan, [simulateBlocks(plan, 0, 1), simulateBlocks(plan, 1, 4)]);
    for (const tier of ["S", "A", "B", "C"] as const)
      expect(Array.from(first.tiers[tier].npvDraws)).toEqual(Array.from(full.tiers[tier].npvDraws).slice(0, 100));
  });

  it("simulateWithFirstResult() stops after the first result when a newer run has started", async () => {
    const {client, requested} = fakeClient();
    const {progress, events} = fakeProgress();
    const generator = simulateWithFirstResult(client, scenario, settings, progress, {accounts: 66_000});
    expect((await generator.next()).value?.simulation.trials).toBe(200);
    client.latest += 1; // the page's inputs changed and started their own run
    expect((await generator.next()).done).toBe(true);
    expect(requested).toEqual([200]);
    expect(events).toEqual(["start A first result on 200 futures"]);
  });
});
