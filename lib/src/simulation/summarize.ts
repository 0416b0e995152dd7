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
 * An empty sample gives NaN everywhere.
 *
 * @example
 * summarize([1, 2, 3, 4]).p50; // 2.5
 */
export function summarize(values: ArrayLike<number>): Summary {
  const n = values.length;
  if (n === 0) return {mean: NaN, sd: NaN, p5: NaN, p25: NaN, p50: NaN, p75: NaN, p95: NaN};
  const sorted = Float64Array.from(values).sort();
  // Welford's update: stable for large means with small spread.
  let mean = 0;
  let m2 = 0;
  for (let i = 0; i < n; ++i) {
    const x = values[i]!;
    const delta = x - mean;
    mean += delta / (i + 1);
    m2 += delta * (x - mean);
  }
  const [p5, p25, p50, p75, p95] = percentiles.map((p) => quantileSorted(sorted, p));
  return {mean, sd: n > 1 ? Math.sqrt(m2 / (n - 1)) : 0, p5: p5!, p25: p25!, p50: p50!, p75: p75!, p95: p95!};
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
