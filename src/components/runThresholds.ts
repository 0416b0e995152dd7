/** Thresholds of the pages' big-book paths, where a test has lowered them (see {@link runThresholds}). */
export interface RunThresholds {
  /** Runs of at most this many account-futures show no first result (see `firstFutures`). */
  threshold?: number;
  /** The most account-futures a first result asks of one worker (see `firstFutures`). */
  budget?: number;
  /** Compare's tornado waits for a click past this many account-futures. */
  tornadoBudget?: number;
  /** How long a run goes before its progress bar shows, in ms (see `Progress`). */
  progressDelay?: number;
}

/**
 * The thresholds a browser test set on `window.tierwiseThresholds` before the page loaded
 * (Playwright's `addInitScript`), so that the sample portfolio takes a big book's path in a second
 * rather than a book of a million rows in minutes; none otherwise, and the pages keep their
 * defaults. Only non-negative numbers are taken.
 *
 * @example
 * compareWithFirstResult(pool, scenarios, settings, progress, {accounts, ...runThresholds()});
 */
export function runThresholds(): RunThresholds {
  const set = (globalThis as {tierwiseThresholds?: unknown}).tierwiseThresholds;
  if (typeof set !== "object" || set === null) return {};
  const thresholds: RunThresholds = {};
  for (const key of ["threshold", "budget", "tornadoBudget", "progressDelay"] as const) {
    const value = (set as Record<string, unknown>)[key];
    if (typeof value === "number" && value >= 0) thresholds[key] = value;
  }
  return thresholds;
}
