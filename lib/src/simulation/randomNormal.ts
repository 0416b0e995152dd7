import type {Random} from "../random/randomStream.js";

/**
 * Standard normal draws from a uniform source by Marsaglia's polar method, using both values of
 * each accepted pair. It needs only `Math.log` and `Math.sqrt` (no trigonometry, whose
 * implementation V8 has changed between releases), so seeded normals are the same in Node and in
 * the browser.
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
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    spare = v * f;
    return u * f;
  };
}
