import {exp, log} from "../math/deterministic.js";

/** Mean, standard deviation and percentiles of a sample. */
export interface Summary {
  mean: number;
  /** Sample standard deviation (n − 1); 0 for one value. */
  sd: number;
  p5: number;
  p25: number;
  p50: number;
  p75: number;
  p95: number;
}

/** Percentiles reported everywhere, as fractions. */
export const percentiles = [0.05, 0.25, 0.5, 0.75, 0.95] as const;

/**
 * Summarises a sample: mean, sample standard deviation, and the 5th to 95th percentiles by linear
 * interpolation between order statistics (Hyndman & Fan type 7, as R's default quantile and d3's).
 * An empty sample gives NaN everywhere. The order statistics are found by selection in a copy,
 * in linear time, not by sorting; a sample of whole numbers spanning at most four times its size
 * (a count of survivors, say) by counting them, about ten times faster; a sample with NaN is
 * sorted instead (NaN last, as in a sort). The three give the same numbers.
 *
 * @example
 * summarize([1, 2, 3, 4]).p50; // 2.5
 */
export function summarize(values: ArrayLike<number>): Summary {
  const n = values.length;
  if (n === 0) return {mean: NaN, sd: NaN, p5: NaN, p25: NaN, p50: NaN, p75: NaN, p95: NaN};
  // Welford's update: stable for large means with small spread.
  let mean = 0;
  let m2 = 0;
  let nan = false;
  // Whether every value is a whole number (not −0, whose sign a count would lose), and their range.
  let whole = true;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; ++i) {
    const x = values[i]!;
    if (x !== x) nan = true;
    else {
      if (x < min) min = x;
      if (x > max) max = x;
      if (whole && (x !== Math.trunc(x) || (x === 0 && 1 / x < 0))) whole = false;
    }
    const delta = x - mean;
    mean += delta / (i + 1);
    m2 += delta * (x - mean);
  }
  const q = nan
    ? percentiles.map((p) => quantileSorted(Float64Array.from(values).sort(), p))
    : whole && max - min <= 4 * n
      ? quantilesByCounting(values, min, max - min, percentiles)
      : quantilesBySelection(Float64Array.from(values), percentiles);
  return {mean, sd: n > 1 ? Math.sqrt(m2 / (n - 1)) : 0, p5: q[0]!, p25: q[1]!, p50: q[2]!, p75: q[3]!, p95: q[4]!};
}

/**
 * Type 7 quantiles of values without NaN, for increasing fractions `ps`, by selection: each order
 * statistic needed is put in place by Floyd and Rivest's SELECT, searching only to the right of
 * the previous one. Reorders `values`.
 */
export function quantilesBySelection(values: Float64Array, ps: readonly number[]): number[] {
  const n = values.length;
  let left = 0;
  return ps.map((p) => {
    const h = (n - 1) * p;
    const i = Math.floor(h);
    if (i >= left) {
      select(values, i, left, n - 1);
      left = i + 1;
    }
    const lo = values[i]!;
    if (i + 1 >= n) return lo;
    if (i + 1 >= left) {
      // The least of the values above position i.
      let k = i + 1;
      for (let m = i + 2; m < n; ++m) if (values[m]! < values[k]!) k = m;
      const x = values[k]!;
      values[k] = values[i + 1]!;
      values[i + 1] = x;
      left = i + 2;
    }
    return lo + (h - i) * (values[i + 1]! - lo);
  });
}

/**
 * Type 7 quantiles of whole numbers from `min` to `min + range`, for increasing fractions `ps`,
 * by counting each value: the order statistics are read off the running count in one pass over
 * the range, and interpolated as {@link quantilesBySelection} does, so both give the same numbers.
 */
function quantilesByCounting(values: ArrayLike<number>, min: number, range: number, ps: readonly number[]): number[] {
  const n = values.length;
  const counts = new Uint32Array(range + 1);
  for (let i = 0; i < n; ++i) ++counts[values[i]! - min]!;
  let v = 0;
  let below = 0; // values less than min + v
  /** The order statistic of rank r (0-based); each rank asked is at least the one before the last. */
  const at = (r: number) => {
    while (r < below) below -= counts[--v]!;
    while (below + counts[v]! <= r) below += counts[v++]!;
    return min + v;
  };
  return ps.map((p) => {
    const h = (n - 1) * p;
    const i = Math.floor(h);
    const lo = at(i);
    if (i + 1 >= n) return lo;
    return lo + (h - i) * (at(i + 1) - lo);
  });
}

/**
 * Floyd & Rivest, "Algorithm 489: SELECT", CACM 18(3), 1975, as in d3-array's quickselect:
 * rearranges a[left..right] so that a[k] is the value that would be there if it were sorted, the
 * values before it no greater and those after it no less.
 */
function select(a: Float64Array, k: number, left: number, right: number): void {
  while (right > left) {
    if (right - left > 600) {
      const n = right - left + 1;
      const m = k - left + 1;
      const z = log(n);
      const s = 0.5 * exp((2 * z) / 3);
      const sd = 0.5 * Math.sqrt((z * s * (n - s)) / n) * (m - n / 2 < 0 ? -1 : 1);
      const newLeft = Math.max(left, Math.floor(k - (m * s) / n + sd));
      const newRight = Math.min(right, Math.floor(k + ((n - m) * s) / n + sd));
      select(a, k, newLeft, newRight);
    }
    const t = a[k]!;
    let i = left;
    let j = right;
    swap(a, left, k);
    if (a[right]! > t) swap(a, left, right);
    while (i < j) {
      swap(a, i, j);
      ++i;
      --j;
      while (a[i]! < t) ++i;
      while (a[j]! > t) --j;
    }
    if (a[left] === t) swap(a, left, j);
    else {
      ++j;
      swap(a, j, right);
    }
    if (j <= k) left = j + 1;
    if (k <= j) right = j - 1;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}

/** The p-quantile of sorted values by linear interpolation (type 7). */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const i = Math.floor(h);
  const lo = sorted[i]!;
  return i + 1 < n ? lo + (h - i) * (sorted[i + 1]! - lo) : lo;
}
