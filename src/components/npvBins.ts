// Histogram bins made once from typed arrays, for charts of thousands of simulated futures: Plot
// would otherwise make an object per future and bin them itself on every redraw.

/** One bar of {@link npvBins}: a tier's futures whose NPV (in `per`) falls in [x1, x2). */
export interface NpvBin {
  tier: string;
  x1: number;
  x2: number;
  count: number;
}

/**
 * Each tier's NPV draws (divided by `per`) counted in bins shared by every tier, as Plot's
 * `binX({y: "count"}, {thresholds})` bins them: about `thresholds` bins of a round width (d3's
 * tick increment) from the first multiple of it at or below the least value to the first one
 * above the greatest; empty bins are left out. One pass over the draws, no object per draw.
 *
 * @example
 * npvBins([{tier: "S", npv: Float64Array.of(0, 1.5e6, 2.5e6)}], {thresholds: 2}); // three bins of 1 (USD millions)
 */
export function npvBins(
  draws: readonly {tier: string; npv: ArrayLike<number>}[],
  {thresholds = 40, per = 1e6}: {thresholds?: number; per?: number} = {}
): NpvBin[] {
  let min = Infinity;
  let max = -Infinity;
  for (const {npv} of draws)
    for (let k = 0; k < npv.length; ++k) {
      const x = npv[k]! / per;
      if (x < min) min = x;
      if (x > max) max = x;
    }
  if (!(min <= max)) return [];
  const T = binThresholds(min, max, thresholds);
  // A collapsed extent is one bin [min, min] holding every draw, as in Plot.
  const edges = T.length === 1 ? [T[0]!, T[0]!] : T;
  return draws.flatMap(({tier, npv}) => {
    const counts = new Float64Array(edges.length - 1);
    for (let k = 0; k < npv.length; ++k) {
      const x = npv[k]! / per;
      // The last threshold at or below x (bisect right, less one), as Plot's bin finds it.
      let low = 0;
      let high = T.length; // bisected over the thresholds, not the edges, as Plot does
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (T[middle]! <= x) low = middle + 1;
        else high = middle;
      }
      if (low > 0 && low - 1 < counts.length) ++counts[low - 1]!;
    }
    const bins: NpvBin[] = [];
    counts.forEach((count, i) => count > 0 && bins.push({tier, x1: edges[i]!, x2: edges[i + 1]!, count}));
    return bins;
  });
}

/**
 * Plot's thresholds for about `count` bins over [min, max] (its bin transform): multiples of d3's
 * tick increment, the first at or below `min`, the last above `max`; `[min]` when the extent
 * collapses to a point.
 */
function binThresholds(min: number, max: number, count: number): number[] {
  const step = tickIncrement(min, max, count);
  if (!Number.isFinite(step) || step === 0) return [min];
  // A negative increment −k stands for the step 1/k (d3's convention), exact for steps below 1.
  const at = step > 0 ? (i: number) => i * step : (i: number) => i / -step;
  let r0 = step > 0 ? Math.round(min / step) : Math.round(min * -step);
  let r1 = step > 0 ? Math.round(max / step) : Math.round(max * -step);
  if (!(at(r0) <= min)) --r0;
  if (!(at(r1) > max)) ++r1;
  return Array.from({length: r1 - r0 + 1}, (_, i) => at(r0 + i));
}

// d3-array's tickIncrement (ISC licence), which Plot's bin transform uses: the step of about
// `count` round ticks over [start, stop], negative for the inverse of a step below 1. It takes the
// engine's Math.log10 and Math.pow, as d3 does, so that the bins are those Plot would make in the
// same browser; they only place bars on a chart, never a model number.
/* eslint-disable no-restricted-properties */
const e10 = Math.sqrt(50);
const e5 = Math.sqrt(10);
const e2 = Math.sqrt(2);
function tickIncrement(start: number, stop: number, count: number): number {
  const step = (stop - start) / Math.max(0, count);
  const power = Math.floor(Math.log10(step));
  const error = step / Math.pow(10, power);
  const factor = error >= e10 ? 10 : error >= e5 ? 5 : error >= e2 ? 2 : 1;
  let i1: number;
  let i2: number;
  let inc: number;
  if (power < 0) {
    inc = Math.pow(10, -power) / factor;
    i1 = Math.round(start * inc);
    i2 = Math.round(stop * inc);
    if (i1 / inc < start) ++i1;
    if (i2 / inc > stop) --i2;
    inc = -inc;
  } else {
    inc = Math.pow(10, power) * factor;
    i1 = Math.round(start / inc);
    i2 = Math.round(stop / inc);
    if (i1 * inc < start) ++i1;
    if (i2 * inc > stop) --i2;
  }
  if (i2 < i1 && 0.5 <= count && count < 2) return tickIncrement(start, stop, count * 2);
  return inc;
}
/* eslint-enable no-restricted-properties */
