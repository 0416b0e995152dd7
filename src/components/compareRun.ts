import type {PortfolioSimulation, Scenario} from "tierwise";
import {firstFutures} from "./firstFutures.js";
import type {Progress} from "./progress.js";
import type {Run, RunSettings} from "./simulationClient.js";

/** Options of {@link compareWithFirstResult}. */
export interface CompareRunOptions {
  /** The accounts simulated (the active ones): with the futures and scenarios they decide how long a run takes. */
  accounts: number;
  /** The most futures of the first result on a big book; fewer on a very big one (see {@link firstFutures}). */
  first?: number;
  /** Runs of at most this many account-futures (all scenarios together) show no first result. */
  threshold?: number;
  /** The most account-futures the first result asks of one worker (see {@link firstFutures}). */
  budget?: number;
  /** Resolves when the page no longer needs the results (Framework's `invalidation`). */
  invalidation?: Promise<unknown>;
}

/** The comparison as the page shows it: each scenario's simulation, and whether it is the full run. */
export interface Comparison {
  results: PortfolioSimulation[];
  final: boolean;
}

/**
 * Simulates every scenario on the same futures (a batch on `client`) and yields the comparison; on
 * a big book (more than `threshold` account-futures) it first yields the comparison on the first
 * futures, as many as {@link firstFutures} allows with the scenarios spread over the client's
 * workers (200 at most, 50 on a very big book), with the same seed: the simulator draws its
 * futures in blocks of 50 with their own random streams, so these futures are the first of the
 * full run, and each scenario's draws are a prefix of its final draws. The progress `finish`es
 * only when the full comparison is in, so the page's signal of completion means the final result.
 * With fewer than two scenarios there is nothing to compare: it yields an empty, final comparison.
 *
 * @example
 * const comparison = compareWithFirstResult(pool, [baseline, shakeout], {trials: 1000, seed: 1, asOf}, progress, {accounts: 660_000});
 */
export async function* compareWithFirstResult(
  client: {
    batch(
      scenarios: Scenario[],
      settings: RunSettings,
      onProgress?: (done: number) => void
    ): Run<PortfolioSimulation[]>;
    latest: number;
    /** Workers the client spreads a batch over; default 1. */
    size?: number;
  },
  scenarios: Scenario[],
  settings: RunSettings,
  progress: Progress,
  {accounts, first, threshold, budget, invalidation}: CompareRunOptions
): AsyncGenerator<Comparison, void, unknown> {
  if (scenarios.length < 2) {
    progress.finish();
    yield {results: [], final: true};
    return;
  }
  let stopped = false;
  void invalidation?.then(() => (stopped = true));
  const n = scenarios.length;
  const quick = firstFutures({
    accounts,
    trials: settings.trials,
    scenarios: n,
    workers: client.size ?? 1,
    ...(first === undefined ? {} : {first}),
    ...(threshold === undefined ? {} : {threshold}),
    ...(budget === undefined ? {} : {budget})
  });
  if (quick !== null) {
    progress.start(`A first result: ${n} scenarios × ${quick.toLocaleString("en-US")} futures`);
    const preview = client.batch(scenarios, {...settings, trials: quick}, progress.set);
    const results = await preview.promise;
    // Superseded by newer inputs: their run is under way, and this one must not cancel it.
    if (stopped || preview.id !== client.latest) return;
    yield {results, final: false};
    if (stopped || preview.id !== client.latest) return;
  }
  progress.start(`Simulating ${n} scenarios × ${settings.trials.toLocaleString("en-US")} futures`);
  const run = client.batch(scenarios, settings, progress.set);
  const results = await run.promise.finally(() => run.id === client.latest && progress.finish());
  yield {results, final: true};
}
