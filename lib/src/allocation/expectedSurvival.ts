import {exp, log, pow} from "../math/deterministic.js";

/**
 * Nodes and weights of n-point Gauss–Hermite quadrature (∫ e^(−x²) f(x) dx ≈ Σ wₖ f(xₖ)), by
 * Newton's method on the orthonormal Hermite recurrence (Press et al., Numerical Recipes, 3rd
 * ed., §4.6, `gauher`). Only arithmetic, square roots and the platform-independent pow, so the
 * nodes are the same in Node and in every browser.
 */
export function gaussHermite(n: number): {x: Float64Array; w: Float64Array} {
  if (!(Number.isInteger(n) && n >= 1 && n <= 200)) throw new RangeError(`invalid number of nodes: ${n}`);
  const x = new Float64Array(n);
  const w = new Float64Array(n);
  const pim4 = 0.7511255444649425; // π^(−1/4)
  const m = (n + 1) >> 1;
  let z = 0;
  for (let i = 0; i < m; ++i) {
    if (i === 0) z = Math.sqrt(2 * n + 1) - 1.85575 * pow(2 * n + 1, -0.16667);
    else if (i === 1) z -= (1.14 * pow(n, 0.426)) / z;
    else if (i === 2) z = 1.86 * z - 0.86 * x[0]!;
    else if (i === 3) z = 1.91 * z - 0.91 * x[1]!;
    else z = 2 * z - x[i - 2]!;
    let pp = 0;
    for (let its = 0; its < 100; ++its) {
      let p1 = pim4;
      let p2 = 0;
      for (let j = 0; j < n; ++j) {
        const p3 = p2;
        p2 = p1;
        p1 = z * Math.sqrt(2 / (j + 1)) * p2 - Math.sqrt(j / (j + 1)) * p3;
      }
      pp = Math.sqrt(2 * n) * p2;
      const z1 = z;
      z = z1 - p1 / pp;
      if (Math.abs(z - z1) <= 3e-16 * Math.max(1, Math.abs(z))) break;
    }
    x[i] = z;
    x[n - 1 - i] = -z;
    w[i] = 2 / (pp * pp);
    w[n - 1 - i] = w[i]!;
  }
  return {x, w};
}

/**
 * E[exp(−a·Z)] for the log-normal hazard multiplier Z = exp(σN − σ²/2) (mean 1) as quadrature:
 * the nodes zₖ and their weights (summing to 1). With σ = 0 a single node Z = 1.
 */
export interface ShockQuadrature {
  z: Float64Array;
  w: Float64Array;
}

// Nodes of the quadrature: 24 integrate the shock of the default volatility (0.2) and up to 0.5
// to machine precision; wider shocks take 64.
const nodesFor = (sigma: number) => (sigma <= 0.5 ? 24 : 64);

/** The quadrature of a yearly log-normal shock of volatility σ (see {@link ShockQuadrature}). */
export function shockQuadrature(sigma: number): ShockQuadrature {
  if (!(sigma >= 0 && Number.isFinite(sigma))) throw new RangeError(`invalid shock volatility: ${sigma}`);
  if (sigma === 0) return {z: Float64Array.of(1), w: Float64Array.of(1)};
  const nodes = nodesFor(sigma);
  const {x, w} = gaussHermite(nodes);
  let total = 0;
  for (let k = 0; k < nodes; ++k) total += w[k]!;
  const z = new Float64Array(nodes);
  const weights = new Float64Array(nodes);
  for (let k = 0; k < nodes; ++k) {
    z[k] = exp(sigma * Math.SQRT2 * x[k]! - (sigma * sigma) / 2);
    weights[k] = w[k]! / total;
  }
  return {z, w: weights};
}

/**
 * The distribution of the whole years an account lives within the horizon, exactly (to the
 * quadrature's precision) rather than by simulation. The account survives year t when its
 * standard exponential variate E, times its inverse risk, is at least Σ_{s≤t} c_s·Z_s, where
 * c_s = −log(1 − hazard_s) and Z_s are its industry's independent yearly shocks, as in
 * `simulatePortfolio`. So P(alive after t years) = E[exp(−m·Σ c_s Z_s)] = Π_{s≤t} E[exp(−m c_s Z_s)]
 * with m = 1 / inverse risk: one one-dimensional integral a year.
 *
 * Returns p with p[L] = P(the account lives exactly L full years), L = 0..H (L = H: alive at the
 * horizon); they sum to 1. Into `out` (at least H + 1 long) when given, for a loop over many
 * accounts that keeps them in one buffer (a million small arrays cost seconds of garbage collection).
 *
 * @example
 * lifetimeDistribution([0.1, 0.1], 1, shockQuadrature(0)); // [0.1, 0.09, 0.81]
 */
export function lifetimeDistribution(
  hazards: ArrayLike<number>,
  inverseRisk: number,
  quadrature: ShockQuadrature,
  out?: Float64Array
): Float64Array {
  const H = hazards.length;
  const p = out ?? new Float64Array(H + 1);
  const m = 1 / inverseRisk;
  const {z, w} = quadrature;
  let alive = 1;
  for (let t = 0; t < H; ++t) {
    const h = hazards[t]!;
    let survive: number;
    if (h >= 1) survive = 0;
    else if (h <= 0) survive = 1;
    else {
      const a = -log(1 - h) * m;
      survive = 0;
      for (let k = 0; k < z.length; ++k) survive += w[k]! * exp(-a * z[k]!);
    }
    const next = alive * survive;
    p[t] = alive - next;
    alive = next;
  }
  p[H] = alive;
  return p;
}
