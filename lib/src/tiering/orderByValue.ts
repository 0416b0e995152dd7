/**
 * The positions 0..n − 1 of `values` in increasing order of value (equal values in no particular
 * order): a least-significant-digit radix sort of the values' bits, 11 bits a pass, for large
 * inputs, where it is several times faster than a comparison sort; a comparison sort for small
 * ones. −0 comes just before +0; the values must not be NaN.
 *
 * Sorting several arrays of the same length, pass the same `scratch` to each call: its buffers are
 * then allocated once, which spares the garbage collector (large typed arrays count towards its
 * budget). The result is then a view into the scratch, valid until the next call.
 *
 * @example
 * orderByValue(Float64Array.of(3, 1, 2)); // Uint32Array [1, 2, 0]
 */
export function orderByValue(values: Float64Array, scratch: OrderScratch = {}): Uint32Array {
  const n = values.length;
  const buffer = (key: keyof OrderScratch) => {
    const b = scratch[key];
    return b && b.length >= n ? b.subarray(0, n) : (scratch[key] = new Uint32Array(n));
  };
  if (n < 4096) {
    const order = buffer("order");
    for (let i = 0; i < n; ++i) order[i] = i;
    return order.sort((a, b) => values[a]! - values[b]!);
  }
  // IEEE 754 bits as an unsigned key of the same order: flip every bit of a negative number, the
  // sign bit of a non-negative one. Words [hi, lo] of each key, whatever the host's byte order.
  const bits = new Uint32Array(values.buffer, values.byteOffset, 2 * n);
  const hiWord = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
  let hi = buffer("hi");
  let lo = buffer("lo");
  let order = buffer("order");
  let hiTo = buffer("hiSwap");
  let loTo = buffer("loSwap");
  let orderTo = buffer("swap");
  // Six digits of 11, 11 and 10 bits of each word, counted in one pass: 2,048 buckets a pass keep
  // the counts and the places written to in the cache, where 65,536 did not.
  const counts = new Uint32Array(6 * 2048);
  for (let i = 0; i < n; ++i) {
    const h = bits[2 * i + hiWord]!;
    const l = bits[2 * i + 1 - hiWord]!;
    const negative = h >>> 31 === 1;
    const kh = negative ? ~h >>> 0 : (h | 0x80000000) >>> 0;
    const kl = negative ? ~l >>> 0 : l;
    hi[i] = kh;
    lo[i] = kl;
    order[i] = i;
    ++counts[kl & 0x7ff]!;
    ++counts[2048 + ((kl >>> 11) & 0x7ff)]!;
    ++counts[4096 + (kl >>> 22)]!;
    ++counts[6144 + (kh & 0x7ff)]!;
    ++counts[8192 + ((kh >>> 11) & 0x7ff)]!;
    ++counts[10240 + (kh >>> 22)]!;
  }
  for (let pass = 0; pass < 6; ++pass) {
    const offset = pass * 2048;
    const shift = (pass % 3) * 11;
    // A pass in which every key has the same digit leaves the order as it is.
    let start = 0;
    let trivial = false;
    for (let d = 0; d < 2048; ++d) {
      const count = counts[offset + d]!;
      if (count === n) trivial = true;
      counts[offset + d] = start;
      start += count;
    }
    if (trivial) continue;
    const words = pass < 3 ? lo : hi;
    // Keys travel with their positions, so that every pass reads its input in order; only those
    // a later pass reads.
    if (pass < 2)
      for (let k = 0; k < n; ++k) {
        const at = counts[offset + ((words[k]! >>> shift) & 0x7ff)]!++;
        orderTo[at] = order[k]!;
        hiTo[at] = hi[k]!;
        loTo[at] = lo[k]!;
      }
    else if (pass < 5)
      for (let k = 0; k < n; ++k) {
        const at = counts[offset + ((words[k]! >>> shift) & 0x7ff)]!++;
        orderTo[at] = order[k]!;
        hiTo[at] = hi[k]!;
      }
    else for (let k = 0; k < n; ++k) orderTo[counts[offset + ((words[k]! >>> shift) & 0x7ff)]!++] = order[k]!;
    [order, orderTo] = [orderTo, order];
    [hi, hiTo] = [hiTo, hi];
    [lo, loTo] = [loTo, lo];
  }
  return order;
}

/** Buffers {@link orderByValue} may reuse from one call to the next. */
export interface OrderScratch {
  order?: Uint32Array;
  swap?: Uint32Array;
  hi?: Uint32Array;
  lo?: Uint32Array;
  hiSwap?: Uint32Array;
  loSwap?: Uint32Array;
}
