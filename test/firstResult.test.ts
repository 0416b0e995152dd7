import {describe, expect, it} from "vitest";
import type {PortfolioSimulation, Scenario} from "tierwise";
import {simulateWithFirstResult} from "../src/components/firstResult.js";
import type {Progress} from "../src/components/progress.js";
import type {RunSettings} from "../src/components/simulationClient.js";

/** A client whose runs answer at once with the futures asked for; it records each request. */
function fakeClient() {
  const requested: number[] = [];
  const client = {
    latest: 0,
    run(_scenario: Scenario, settings: RunSettings) {
      requested.push(settings.trials);
      const id = ++client.latest;
      return {id, promise: Promise.resolve({trials: settings.trials} as PortfolioSimulation)};
    }
  };
  return {client, requested};
}

function fakeProgress() {
  const events: string[] = [];
  const progress = {
    start: (label: string) => events.push(`start ${label}`),
    set: () => undefined,
    finish: () => events.push("finish")
  } as unknown as Progress;
  return {progress, events};
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
