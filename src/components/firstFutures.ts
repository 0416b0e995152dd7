import {trialsPerBlock} from "tierwise";

/** Options of {@link firstFutures}. */
export interface FirstFuturesOptions {
  /** The accounts simulated (the active ones). */
  accounts: number;
  /** Futures of the full run. */
  trials: number;
  /** Scenarios simulated together on the same futures (Compare's batch); default 1. */
  scenarios?: number;
  /** Workers the run is spread over; default 1. */
  workers?: number;
  /** The most futures a first result has; default 200. */
  first?: number;
  /** Runs of at most this many account-futures (all scenarios together) show no first result; default 5 million. */
  threshold?: number;
  /**
   * The most account-futures a first result asks of one worker (one block of {@link trialsPerBlock}
   * futures at least); default 25 million, about a second and a half of simulation at 50 to 70 ns
   * per account-future.
   */
  budget?: number;
}

/**
 * How many futures a page's first result has, or null when the full run needs none (it is small,
 * or no longer than the first result would be). The first result is whole blocks of
 * {@link trialsPerBlock} futures, so with the same seed its futures are the first futures of the
 * full run (each block has its own random streams): at most `first` futures, and no more blocks
 * per worker than keep each worker's share within `budget` account-futures (one at least). A
 * batch of scenarios gives each worker whole scenarios; a single scenario is shared between the
 * workers, a block or more each, so two workers draw 100 futures in the time one draws 50.
 *
 * @example
 * firstFutures({accounts: 66_000, trials: 1000, workers: 2}); // 200
 * firstFutures({accounts: 660_000, trials: 1000, workers: 2}); // 100: one block on each worker
 * firstFutures({accounts: 660_000, trials: 1000, scenarios: 2, workers: 2}); // 50: one scenario on each worker
 */
export function firstFutures({
  accounts,
  trials,
  scenarios = 1,
  workers = 1,
  first = 200,
  threshold = 5_000_000,
  budget = 25_000_000
}: FirstFuturesOptions): number | null {
  if (accounts * trials * scenarios <= threshold) return null;
  const perWorker = Math.ceil(scenarios / workers);
  const blocks = Math.max(1, Math.floor(budget / (accounts * trialsPerBlock * perWorker)));
  // A batch gives each worker whole scenarios; only a single scenario is shared between workers.
  const share = scenarios === 1 ? workers : 1;
  const futures = Math.max(
    trialsPerBlock,
    Math.min(Math.floor(first / trialsPerBlock), blocks * share) * trialsPerBlock
  );
  return futures < trials ? futures : null;
}
