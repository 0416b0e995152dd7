import type {PortfolioSimulation, Scenario} from "tierwise";
import {firstFutures} from "./firstFutures.js";
import type {Progress} from "./progress.js";
import type {Run, RunSettings} from "./simulationClient.js";

/** Options of {@link simulateWithFirstResult}. */
export interface FirstResultOptions {
  /** The accounts simulated (the active ones): with the futures they decide how long a run takes. */
  accounts: number;
  /** The most futures of the first result (see {@link firstFutures}). */
  first?: number;
  /** Runs of at most this many account-futures show no first result: they take about a second or less. */
  threshold?: number;
  /** The most account-futures the first result asks of one worker (see {@link firstFutures}). */
  budget?: number;
  /** Resolves when the page no longer needs the results (Framework's `invalidation`). */
  invalidation?: Promise<unknown>;
}

/** A simulation as the page shows it, with how long it took in ms, and whether it is the full run. */
export interface TimedSimulation {
  simulation: PortfolioSimulation;
  elapsed: number;
  final: boolean;
}

/**
 * Runs a scenario on `client` and yields its result; on a big book (more than `threshold`
 * account-futures) it first yields the result of the first futures of the same run (same seed),
 * as many as {@link firstFutures} allows on the client's workers, so the page shows a result
 * within seconds while the full run goes on. The progress `finish`es only when the full result is
 * in, so the page's signal of completion means the full run.
 *
 * @example
 * const result = simulateWithFirstResult(client, scenario, {trials: 1000, seed: 1, asOf}, progress, {accounts: 66_000});
 */
export async function* simulateWithFirstResult(
  client: {
    run(scenario: Scenario, settings: RunSettings, onProgress?: (done: number) => void): Run<PortfolioSimulation>;
    latest: number;
    /** Workers the client spreads a run over; default 1. */
    size?: number;
  },
  scenario: Scenario,
  settings: RunSettings,
  progress: Progress,
  {accounts, first, threshold, budget, invalidation}: FirstResultOptions
): AsyncGenerator<TimedSimulation, void, unknown> {
  let stopped = false;
  void invalidation?.then(() => (stopped = true));
  const started = performance.now();
  const futures = firstFutures({
    accounts,
    trials: settings.trials,
    workers: client.size ?? 1,
    ...(first === undefined ? {} : {first}),
    ...(threshold === undefined ? {} : {threshold}),
    ...(budget === undefined ? {} : {budget})
  });
  if (futures !== null) {
    progress.start(`A first result on ${futures.toLocaleString("en-US")} futures`);
    const preview = client.run(scenario, {...settings, trials: futures}, progress.set);
    const simulation = await preview.promise;
    // Superseded by newer inputs: their run is under way, and this one must not cancel it.
    if (stopped || preview.id !== client.latest) return;
    yield {simulation, elapsed: performance.now() - started, final: false};
    if (stopped || preview.id !== client.latest) return;
  }
  progress.start(`Simulating ${settings.trials.toLocaleString("en-US")} futures`);
  const run = client.run(scenario, settings, progress.set);
  const simulation = await run.promise.finally(() => run.id === client.latest && progress.finish());
  yield {simulation, elapsed: performance.now() - started, final: true};
}
