/** One bin of a histogram: [x0, x1) (the last bin includes x1) and how many values fall in it. */
export interface HistogramBin {
  x0: number;
  x1: number;
  count: number;
}

/**
 * Equal-width bins spanning a sample's range, for drawing a distribution without its raw values
 * (a published report carries bins, not thousands of draws). A sample with no spread gets one
 * bin of zero width; an empty one, none.
 *
 * @example
 * histogram([0, 1, 2, 3], {bins: 2}); // [{x0: 0, x1: 1.5, count: 2}, {x0: 1.5, x1: 3, count: 2}]
 */
export function histogram(values: ArrayLike<number>, {bins = 40}: {bins?: number} = {}): HistogramBin[] {
  if (!(Number.isInteger(bins) && bins >= 1)) throw new RangeError(`invalid number of bins: ${bins}`);
  const n = values.length;
  if (n === 0) return [];
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; ++i) {
    const x = values[i]!;
    if (!Number.isFinite(x)) throw new RangeError(`histogram: value ${i} is not a finite number (${x})`);
    if (x < min) min = x;
    if (x > max) max = x;
  }
  if (min === max) return [{x0: min, x1: max, count: n}];
  const width = (max - min) / bins;
  const counts = new Array<number>(bins).fill(0);
  for (let i = 0; i < n; ++i) ++counts[Math.min(bins - 1, Math.floor((values[i]! - min) / width))]!;
  return counts.map((count, k) => ({x0: min + k * width, x1: k === bins - 1 ? max : min + (k + 1) * width, count}));
}
