/**
 * At most `max` of `points`, evenly spaced by rank, the first and the last always among them: a
 * curve drawn through them looks the same at screen resolution, and a big book does not put a
 * hundred thousand circles in the page.
 *
 * @example
 * evenlySpaced([0, 1, 2, 3, 4, 5, 6, 7, 8], 3); // [0, 4, 8]
 */
export function evenlySpaced<T>(points: readonly T[], max: number): T[] {
  if (!(max >= 2 && Number.isInteger(max))) throw new RangeError(`invalid number of points: ${max}`);
  if (points.length <= max) return points.slice();
  const step = (points.length - 1) / (max - 1);
  return Array.from({length: max}, (_, i) => points[Math.round(i * step)]!);
}
