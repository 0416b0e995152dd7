import {xoshiroSeed} from "./randomStream.js";
import {exp, log} from "../math/deterministic.js";

// Marsaglia & Tsang, "The Ziggurat Method for Generating Random Variables", Journal of Statistical
// Software 5(8), 2000: 256 layers for the standard exponential, r = 7.697117470131487 and layer
// area v = 3.949659822581572e-3 from their paper. Tables are built once with the platform-independent exp and log.
const R = 7.697117470131487;
const V = 3.949659822581572e-3;
const TWO32 = 4294967296;
/**
 * The ziggurat's tables: draw j (32 bits) in layer i is accepted at once iff j < ke[i], as j · we[i];
 * fe[i] is the density at layer i's edge, for the wedge test.
 */
export const ke = new Float64Array(256);
export const we = new Float64Array(256);
export const fe = new Float64Array(256);
{
  let de = R;
  let te = de;
  const q = V / exp(-de);
  ke[0] = Math.floor((de / q) * TWO32);
  ke[1] = 0;
  we[0] = q / TWO32;
  we[255] = de / TWO32;
  fe[0] = 1;
  fe[255] = exp(-de);
  for (let i = 254; i >= 1; --i) {
    de = -log(V / de + exp(-de));
    ke[i + 1] = Math.floor((de / te) * TWO32);
    te = de;
    fe[i] = exp(-de);
    we[i] = de / TWO32;
  }
}

/** Standard exponential draws: one per call, or many at once with `fill`. */
export interface ExponentialStream {
  (): number;
  /** Fills target[0..count) with the next `count` draws: the same numbers as `count` calls, faster. */
  fill(target: Float64Array, count?: number): void;
}

/**
 * Standard exponential draws (mean 1) by the ziggurat method: 99% of draws take one table lookup
 * and one multiplication, no logarithm. Following Doornik (2005), the layer index comes from bits
 * of a separate 32-bit output than the abscissa, which removes the correlation of the original.
 * The same seed and stream give the same draws in Node and in the browser.
 *
 * `fill` keeps the generator's state in local variables for a whole block of draws, since a call
 * per draw through closures costs several times the draw itself in some engines.
 *
 * @example
 * const exponential = randomExponential(42, "lifetimes");
 * exponential(); // ≥ 0, mean 1
 * exponential.fill(new Float64Array(1000)); // the next 1,000 draws
 */
export function randomExponential(seed: number = 42, stream: string = ""): ExponentialStream {
  // xoshiro128** state (as in uint32Stream) and the unused layer bytes of the last 32-bit output.
  const state = Int32Array.from(xoshiroSeed(seed, stream));
  let bits = 0;
  let left = 0;
  const fill = (target: Float64Array, count: number = target.length) => {
    let a = state[0]!;
    let b = state[1]!;
    let c = state[2]!;
    let d = state[3]!;
    let byte = bits;
    let bytes = left;
    for (let k = 0; k < count; ++k) {
      for (;;) {
        // j: the next 32-bit output.
        const j = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
        let t = b << 9;
        c ^= a;
        d ^= b;
        b ^= c;
        a ^= d;
        c ^= t;
        d = rotl(d, 11);
        // i: the layer, one byte of a separate output, four layers per output.
        if (bytes === 0) {
          byte = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
          t = b << 9;
          c ^= a;
          d ^= b;
          b ^= c;
          a ^= d;
          c ^= t;
          d = rotl(d, 11);
          bytes = 4;
        }
        const i = byte & 255;
        byte >>>= 8;
        --bytes;
        if (j < ke[i]!) {
          target[k] = j * we[i]!;
          break;
        }
        // The base strip or the wedge of a layer: uniforms from the shared state.
        state[0] = a;
        state[1] = b;
        state[2] = c;
        state[3] = d;
        const x = exponentialSlow(state, i, j);
        a = state[0]!;
        b = state[1]!;
        c = state[2]!;
        d = state[3]!;
        if (x === x) {
          target[k] = x;
          break;
        }
      }
    }
    state[0] = a;
    state[1] = b;
    state[2] = c;
    state[3] = d;
    bits = byte;
    left = bytes;
  };
  const one = new Float64Array(1);
  const draw = (() => {
    fill(one, 1);
    return one[0]!;
  }) as ExponentialStream;
  draw.fill = fill;
  return draw;
}

/**
 * The rare slow path of a ziggurat draw that missed layer i's rectangle with 32-bit output j: the
 * tail (layer 0) or the wedge test, with uniforms from the xoshiro128** state, which it advances.
 * Returns the draw, or NaN if it is rejected (then draw again). Shared by {@link randomExponential}
 * and the simulation's kernel, which inlines the fast path, so both give the same numbers.
 */
export function exponentialSlow(state: Int32Array, i: number, j: number): number {
  if (i === 0) return R - log(1 - uniform(state));
  const x = j * we[i]!;
  return fe[i]! + uniform(state) * (fe[i - 1]! - fe[i]!) < exp(-x) ? x : NaN;
}

/** The next output of the xoshiro128** state. */
function next(state: Int32Array): number {
  let a = state[0]!;
  let b = state[1]!;
  let c = state[2]!;
  let d = state[3]!;
  const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
  const t = b << 9;
  c ^= a;
  d ^= b;
  b ^= c;
  a ^= d;
  c ^= t;
  d = rotl(d, 11);
  state[0] = a;
  state[1] = b;
  state[2] = c;
  state[3] = d;
  return result;
}

function uniform(state: Int32Array): number {
  return ((next(state) >>> 5) * 67108864 + (next(state) >>> 6)) / 9007199254740992;
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
