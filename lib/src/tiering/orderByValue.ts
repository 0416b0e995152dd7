/**
 * The positions 0..n − 1 of `values` in increasing order of value (equal values in no particular
 * order): a least-significant-digit radix sort of the values' bits, 16 bits a pass, for large
 * inputs, where it is several times faster than a comparison sort; a comparison sort for small
 * ones. −0 comes just before +0; the values must not be NaN.
 *
 * Sorting several arrays of the same length, pass the same `scratch` to each call: its four
 * buffers are then allocated once, which spares the garbage collector (large typed arrays count
 * towards its budget). The result is then a view into the scratch, valid until the next call.
 *
 * @example
 * orderByValue(Float64Array.of(3, 1, 2)); // Uint32Array [1, 2, 0]
 */
export function orderByValue(values: Float64Array, scratch: OrderScratch = {}): Uint32Array {
  const n = values.length;
  const buffer = (key: "order" | "swap" | "hi" | "lo") => {
    const b = scratch[key];
    return b && b.length >= n ? b.subarray(0, n) : (scratch[key] = new Uint32Array(n));
  };
  const order = buffer("order");
  for (let i = 0; i < n; ++i) order[i] = i;
  if (n < 4096) return order.sort((a, b) => values[a]! - values[b]!);
  // IEEE 754 bits as an unsigned key of the same order: flip every bit of a negative number, the
  // sign bit of a non-negative one. Words [hi, lo] of each key, whatever the host's byte order.
  const bits = new Uint32Array(values.buffer, values.byteOffset, 2 * n);
  const hiWord = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
  const hi = buffer("hi");
  const lo = buffer("lo");
  for (let i = 0; i < n; ++i) {
    const h = bits[2 * i + hiWord]!;
    const l = bits[2 * i + 1 - hiWord]!;
    const negative = h >>> 31 === 1;
    hi[i] = negative ? ~h >>> 0 : (h | 0x80000000) >>> 0;
    lo[i] = negative ? ~l >>> 0 : l;
  }
  const counts = new Uint32Array(4 * 65536);
  for (let i = 0; i < n; ++i) {
    ++counts[lo[i]! & 0xffff]!;
    ++counts[65536 + (lo[i]! >>> 16)]!;
    ++counts[131072 + (hi[i]! & 0xffff)]!;
    ++counts[196608 + (hi[i]! >>> 16)]!;
  }
  let from = order;
  let to = buffer("swap");
  for (let pass = 0; pass < 4; ++pass) {
    const offset = pass * 65536;
    const words = pass < 2 ? lo : hi;
    const shift = pass % 2 === 0 ? 0 : 16;
    // A pass in which every key has the same digit leaves the order as it is.
    let start = 0;
    let trivial = false;
    for (let d = 0; d < 65536; ++d) {
      const count = counts[offset + d]!;
      if (count === n) trivial = true;
      counts[offset + d] = start;
      start += count;
    }
    if (trivial) continue;
    for (let k = 0; k < n; ++k) {
      const i = from[k]!;
      to[counts[offset + ((words[i]! >>> shift) & 0xffff)]!++] = i;
    }
    const swap = from;
    from = to;
    to = swap;
  }
  return from;
}

/** Buffers {@link orderByValue} may reuse from one call to the next. */
export interface OrderScratch {
  order?: Uint32Array;
  swap?: Uint32Array;
  hi?: Uint32Array;
  lo?: Uint32Array;
}
