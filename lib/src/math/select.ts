/**
 * Hoare's selection with the median of three as pivot: rearranges a[left..right] so that a[k] is
 * the value a sort would put there, and returns it. The values must not be NaN.
 *
 * @example
 * select(Float64Array.of(5, 1, 4, 2, 3), 1); // 2
 */
export function select(a: Float64Array, k: number, left = 0, right = a.length - 1): number {
  while (right > left) {
    // Median of three as the pivot.
    const mid = (left + right) >>> 1;
    const x = a[left]!;
    const y = a[mid]!;
    const z = a[right]!;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = left;
    let j = right;
    while (i <= j) {
      while (a[i]! < pivot) ++i;
      while (a[j]! > pivot) --j;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        ++i;
        --j;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return a[k]!;
  }
  return a[k]!;
}
