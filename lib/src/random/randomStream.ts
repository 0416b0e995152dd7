/** A source of uniform random numbers in [0, 1). */
export type Random = () => number;

/**
 * A seeded uniform random number generator: xoshiro128** (Blackman & Vigna, 2018), its 128-bit
 * state filled by SplitMix32 from the seed and a stream name, returning doubles in [0, 1) with 53
 * random bits (two 32-bit outputs each). Only 32-bit integer arithmetic (`Math.imul`, shifts) is
 * used, so the same seed gives the same numbers in Node and in every browser.
 *
 * Named streams are independent sequences for independent things (the draws of attrition and of
 * wallet shocks, say), so that adding a parameter that consumes one stream does not reshuffle
 * the others.
 *
 * @example
 * const random = randomStream(42, "attrition");
 * random(); // the same number on every run and every platform
 */
export function randomStream(seed: number = 42, stream: string = ""): Random {
  const next = uint32Stream(seed, stream);
  return () => ((next() >>> 5) * 67108864 + (next() >>> 6)) / 9007199254740992;
}

/**
 * The raw unsigned 32-bit outputs behind {@link randomStream}, for generators that need bits
 * rather than doubles (the ziggurat in `randomExponential`).
 */
export function uint32Stream(seed: number = 42, stream: string = ""): () => number {
  const [a, b, c, d] = xoshiroSeed(seed, stream);
  return xoshiro128StarStar(a, b, c, d);
}

/** The xoshiro128** state of a seed and stream: four 32-bit words from SplitMix32. */
export function xoshiroSeed(seed: number, stream: string): [number, number, number, number] {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`invalid seed: ${seed} (expected a safe integer)`);
  // Mix the seed's high and low halves and the stream name (FNV-1a) into one 32-bit state.
  let h = 0x811c9dc5;
  for (let i = 0; i < stream.length; ++i) h = Math.imul(h ^ stream.charCodeAt(i), 0x01000193);
  let x = ((seed % 0x100000000) ^ Math.floor(seed / 0x100000000) ^ Math.imul(h, 0x9e3779b9)) >>> 0;
  const splitmix = () => {
    x = (x + 0x9e3779b9) | 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  return [splitmix(), splitmix(), splitmix(), splitmix()];
}

/**
 * The xoshiro128** generator from a 128-bit state given as four 32-bit words (not all zero):
 * each call returns the next unsigned 32-bit output, as Blackman and Vigna's reference C code.
 */
export function xoshiro128StarStar(a: number, b: number, c: number, d: number): () => number {
  if ((a | b | c | d) === 0) throw new RangeError("xoshiro128**: the state must not be all zero");
  return () => {
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result;
  };
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
