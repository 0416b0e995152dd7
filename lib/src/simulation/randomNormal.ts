import type {Random} from "../random/randomStream.js";
import {log} from "../math/deterministic.js";

/**
 * Standard normal draws from a uniform source by Marsaglia's polar method, using both values of
 * each accepted pair. It needs only a logarithm (the platform-independent one in
 * math/deterministic.ts) and a square root (exact in IEEE 754), no trigonometry, so seeded normals
 * are the same in Node and in the browser.
 *
 * @example
 * const normal = randomNormal(randomStream(1, "shocks"));
 * normal(); // a standard normal draw
 */
export function randomNormal(random: Random): () => number {
  let spare = NaN;
  return () => {
    if (!Number.isNaN(spare)) {
      const z = spare;
      spare = NaN;
      return z;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * random() - 1;
      v = 2 * random() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * log(s)) / s);
    spare = v * f;
    return u * f;
  };
}
