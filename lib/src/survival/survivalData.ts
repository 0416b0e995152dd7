/**
 * Durations with right censoring and, optionally, late entry (left truncation), as plain or typed
 * arrays of equal length.
 *
 * - `duration[i]`: time from the origin (for example the firm's founding, or the start of the
 *   relationship) to the event or to censoring; finite and non-negative.
 * - `event[i]`: 1 or `true` if the event (exit) was observed at `duration[i]`; 0 or `false` if the
 *   account was still active then (right-censored).
 * - `entry[i]` (optional, default 0): time at which the account came under observation. It is at
 *   risk only for times in (entry, duration], so `entry[i]` must be below `duration[i]`.
 */
export interface SurvivalData {
  duration: ArrayLike<number>;
  event: ArrayLike<number | boolean>;
  entry?: ArrayLike<number> | undefined;
}

/** Validated survival data: typed copies, `entry` all zeros when absent. */
export interface CheckedSurvivalData {
  n: number;
  duration: Float64Array;
  event: Uint8Array;
  entry: Float64Array;
  /** Whether any entry is above 0. */
  lateEntry: boolean;
}

/**
 * Checks survival data and returns typed copies. Throws a `RangeError` naming the problem and the
 * first offending index: lengths that differ, no rows, a negative or non-finite duration, an
 * event that is not 0/1/boolean, or an entry that is negative, non-finite or not below its duration.
 *
 * @example
 * checkSurvivalData({duration: [3, 5], event: [1, 0]}).n; // 2
 */
export function checkSurvivalData(data: SurvivalData, {name = "data"}: {name?: string} = {}): CheckedSurvivalData {
  if (data == null || typeof data !== "object") throw new TypeError(`${name}: expected {duration, event, entry?}`);
  const {duration, event, entry} = data;
  if (duration == null || typeof duration.length !== "number") throw new TypeError(`${name}: missing duration`);
  if (event == null || typeof event.length !== "number") throw new TypeError(`${name}: missing event`);
  const n = duration.length;
  if (event.length !== n) {
    throw new RangeError(`${name}: lengths differ: duration has ${n} values, event has ${event.length}`);
  }
  if (entry != null && entry.length !== n) {
    throw new RangeError(`${name}: lengths differ: duration has ${n} values, entry has ${entry.length}`);
  }
  if (n === 0) throw new RangeError(`${name}: empty data`);
  const d = new Float64Array(n);
  const e = new Uint8Array(n);
  const s = new Float64Array(n);
  let lateEntry = false;
  for (let i = 0; i < n; ++i) {
    const t = duration[i]!;
    if (!(t >= 0 && t < Infinity)) throw new RangeError(`${name}: invalid duration at index ${i}: ${t}`);
    d[i] = t;
    const x = event[i];
    if (x === 1 || x === true) e[i] = 1;
    else if (x !== 0 && x !== false)
      throw new RangeError(`${name}: invalid event at index ${i}: ${String(x)} (expected 0, 1 or a boolean)`);
    if (entry != null) {
      const a = entry[i]!;
      if (!(a >= 0 && a < Infinity)) throw new RangeError(`${name}: invalid entry at index ${i}: ${a}`);
      if (!(a < t)) throw new RangeError(`${name}: entry ${a} is not below duration ${t} at index ${i}`);
      s[i] = a;
      if (a > 0) lateEntry = true;
    }
  }
  return {n, duration: d, event: e, entry: s, lateEntry};
}
