import type {CheckedSurvivalData} from "./survivalData.js";

/** Counts at each distinct event time, in increasing time. */
export interface RiskSets {
  time: Float64Array;
  /** Accounts at risk just before each time: entry < t ≤ duration. */
  atRisk: Float64Array;
  events: Float64Array;
  /** Censored at or after this event time and before the next one (the last row: all later). */
  censored: Float64Array;
}

/**
 * Risk sets at the distinct event times. An account censored at an event time is still at risk at
 * that time; one that enters at t is not at risk at t. O(n log n).
 */
export function riskSets({n, duration, event, entry, lateEntry}: CheckedSurvivalData): RiskSets {
  const eventTimes: number[] = [];
  for (let i = 0; i < n; ++i) if (event[i]) eventTimes.push(duration[i]!);
  const times = Float64Array.from(eventTimes).sort();
  const k = distinctCount(times);
  const time = new Float64Array(k);
  const events = new Float64Array(k);
  for (let i = 0, j = -1; i < times.length; ++i) {
    if (j < 0 || times[i] !== time[j]) time[++j] = times[i]!;
    ++events[j]!;
  }
  const atRisk = countAtRisk({n, duration, entry, lateEntry}, time);
  const censored = new Float64Array(k);
  for (let i = 0; i < n; ++i) {
    if (event[i]) continue;
    const j = upperBound(time, duration[i]!) - 1;
    if (j >= 0) ++censored[j]!;
  }
  return {time, atRisk, events, censored};
}

/**
 * The number at risk just before each of the increasing `times`: the durations ≥ t minus the
 * entries ≥ t, from sorted copies, one pointer per array.
 */
export function countAtRisk(
  {n, duration, entry, lateEntry}: Pick<CheckedSurvivalData, "n" | "duration" | "entry" | "lateEntry">,
  times: Float64Array
): Float64Array {
  const durations = Float64Array.from(duration).sort();
  const entries = lateEntry ? Float64Array.from(entry).sort() : null;
  const counts = new Float64Array(times.length);
  for (let j = 0, p = 0, q = 0; j < times.length; ++j) {
    const t = times[j]!;
    while (p < n && durations[p]! < t) ++p;
    let count = n - p;
    if (entries) {
      while (q < n && entries[q]! < t) ++q;
      count -= n - q;
    }
    counts[j] = count;
  }
  return counts;
}

function distinctCount(sorted: Float64Array): number {
  let k = 0;
  for (let i = 0; i < sorted.length; ++i) if (i === 0 || sorted[i] !== sorted[i - 1]) ++k;
  return k;
}

/** The number of elements ≤ x in a sorted array. */
export function upperBound(sorted: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
