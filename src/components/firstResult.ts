import type {PortfolioSimulation, Scenario} from "tierwise";
import type {Progress} from "./progress.js";
import type {Run, RunSettings} from "./simulationClient.js";

/** Options of {@link simulateWithFirstResult}. */
export interface FirstResultOptions {
  /** The accounts simulated (the active ones): with the futures they decide how long a run takes. */
  accounts: number;
  /** Futures of the first result. */
  first?: number;
  /** Runs of at most this many account-futures show no first result: they take about a second or less. */
  threshold?: number;
  /** Resolves when the page no longer needs the results (Framework's `invalidation`). */
  invalidation?: Promise<unknown>;
}

/** A simulation as the page shows it, with how long it took in ms. */
export interface TimedSimulation {
  simulation: PortfolioSimulation;
  elapsed: number;
}

/**
 * Runs a scenario on `client` and yields its result; on a big book (more than `threshold`
 * account-futures) it first yields the result of the first `first` futures (same seed), so the
 * page shows a result within seconds while the full run goes on. The progress `finish`es only
 * when the full result is in, so the page's signal of completion means the full run.
 *
 * @example
 * const result = simulateWithFirstResult(client, scenario, {trials: 1000, seed: 1, asOf}, progress, {accounts: 66_000});
 */
export async function* simulateWithFirstResult(
  client: {
    run(scenario: Scenario, settings: RunSettings, onProgress?: (done: number) => void): Run<PortfolioSimulation>;
    latest: number;
  },
  scenario: Scenario,
  settings: RunSettings,
  progress: Progress,
  {accounts, first = 200, threshold = 5_000_000, invalidation}: FirstResultOptions
): AsyncGenerator<TimedSimulation, void, unknown> {
  let stopped = false;
  void invalidation?.then(() => (stopped = true));
  const started = performance.now();
  if (settings.trials > first && accounts * settings.trials > threshold) {
    progress.start(`A first result on ${first.toLocaleString("en-US")} futures`);
    const preview = client.run(scenario, {...settings, trials: first}, progress.set);
    const simulation = await preview.promise;
    // Superseded by newer inputs: their run is under way, and this one must not cancel it.
    if (stopped || preview.id !== client.latest) return;
    yield {simulation, elapsed: performance.now() - started};
    if (stopped || preview.id !== client.latest) return;
  }
  progress.start(`Simulating ${settings.trials.toLocaleString("en-US")} futures`);
  const run = client.run(scenario, settings, progress.set);
  const simulation = await run.promise.finally(() => run.id === client.latest && progress.finish());
  yield {simulation, elapsed: performance.now() - started};
}
