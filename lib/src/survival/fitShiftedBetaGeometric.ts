import {logBeta} from "../math/gamma.js";
import {nelderMead} from "../math/nelderMead.js";
import {exp, log} from "../math/deterministic.js";

/** A fitted shifted-beta-geometric (sBG) model of a contractual cohort's retention. */
export interface ShiftedBetaGeometric {
  alpha: number;
  beta: number;
  logLikelihood: number;
  converged: boolean;
  iterations: number;
  /** S(t) = B(α, β + t) / B(α, β): the share of the cohort still alive after t periods. */
  survival(t: number): number;
  /** r(t) = (β + t − 1)/(α + β + t − 1): the share of those alive after t − 1 periods who renew at t. */
  retention(t: number): number;
  /**
   * DEL(d) = Σ_{t≥0} S(t)/(1+d)^t = ₂F₁(1, β; α+β; 1/(1+d)): the discounted expected lifetime, in
   * periods, of a customer just acquired, the first period counted undiscounted (Fader & Hardie 2010, eq. 5).
   */
  discountedExpectedLifetime(d: number): number;
  /**
   * DERL(d, n) = (β+n−1)/(α+β+n−1) · ₂F₁(1, β+n; α+β+n; 1/(1+d)): the discounted expected residual
   * lifetime of a customer who has made n − 1 renewals and is about to decide on the n-th
   * (Fader & Hardie 2010, eq. 6), counted from the next period, discounted from it.
   */
  discountedExpectedResidualLifetime(d: number, n: number): number;
}

/**
 * Fits Fader and Hardie's shifted-beta-geometric model to a cohort: `alive[0]` customers at the
 * start and `alive[t]` still alive after t periods. Each customer has a constant churn probability
 * drawn from Beta(α, β); the cohort's retention rises with time as the likeliest churners leave.
 * Maximum likelihood by Nelder-Mead on (log α, log β).
 *
 * References: Fader & Hardie, "How to project customer retention", Journal of Interactive
 * Marketing 21(1), 2007; "Customer-base valuation in a contractual setting: the perils of ignoring
 * heterogeneity", Marketing Science 29(1), 2010.
 *
 * @example
 * const fit = fitShiftedBetaGeometric([1000, 631, 468, 382, 326, 289, 262, 241]);
 * fit.survival(12); // projected share alive after 12 periods
 */
export function fitShiftedBetaGeometric(alive: ArrayLike<number>): ShiftedBetaGeometric {
  const T = alive.length - 1;
  if (T < 1)
    throw new RangeError(
      `fitShiftedBetaGeometric: need a cohort size and at least one later count, got ${alive.length} values`
    );
  for (let t = 0; t <= T; ++t) {
    const a = alive[t]!;
    if (!(a >= 0 && a < Infinity)) throw new RangeError(`fitShiftedBetaGeometric: invalid count at index ${t}: ${a}`);
    if (t > 0 && a > alive[t - 1]!) {
      throw new RangeError(`fitShiftedBetaGeometric: the cohort grows at index ${t}: ${alive[t - 1]} → ${a}`);
    }
  }
  if (!(alive[0]! > 0)) throw new RangeError("fitShiftedBetaGeometric: the cohort is empty");
  if (alive[T] === alive[0])
    throw new RangeError("fitShiftedBetaGeometric: nobody churned, so the likelihood has no maximum");
  const logLik = (alpha: number, beta: number) => {
    // P(T = t) = B(α+1, β+t−1)/B(α, β), by the recursion P(t) = P(t−1)·(β+t−2)/(α+β+t−1).
    let p = alpha / (alpha + beta);
    let s = 1;
    let ll = 0;
    for (let t = 1; t <= T; ++t) {
      if (t > 1) p *= (beta + t - 2) / (alpha + beta + t - 1);
      s -= p;
      const lost = alive[t - 1]! - alive[t]!;
      if (lost > 0) ll += lost * log(p);
    }
    if (alive[T]! > 0) ll += alive[T]! * log(Math.max(s, Number.MIN_VALUE));
    return ll;
  };
  const result = nelderMead(([x, y]) => -logLik(exp(x!), exp(y!)), [0, 0], {
    tolerance: 1e-13,
    maxIterations: 5000
  });
  const alpha = exp(result.x[0]!);
  const beta = exp(result.x[1]!);
  const logB = logBeta(alpha, beta);
  const hypergeometric = (b: number, c: number, z: number) => {
    // ₂F₁(1, b; c; z) = Σ_j (b)_j/(c)_j z^j; the terms' ratio tends to z < 1.
    let term = 1;
    let sum = 1;
    for (let j = 0; j < 100_000; ++j) {
      term *= ((b + j) / (c + j)) * z;
      sum += term;
      if (term < sum * 1e-16) break;
    }
    return sum;
  };
  const checkRate = (d: number) => {
    if (!(d > 0 && d < Infinity)) throw new RangeError(`invalid discount rate: ${d}`);
  };
  return {
    alpha,
    beta,
    logLikelihood: -result.value,
    converged: result.converged,
    iterations: result.iterations,
    survival: (t) => (t <= 0 ? 1 : exp(logBeta(alpha, beta + t) - logB)),
    retention: (t) => (beta + t - 1) / (alpha + beta + t - 1),
    discountedExpectedLifetime(d) {
      checkRate(d);
      return hypergeometric(beta, alpha + beta, 1 / (1 + d));
    },
    discountedExpectedResidualLifetime(d, n) {
      checkRate(d);
      if (!(Number.isInteger(n) && n >= 1)) throw new RangeError(`invalid renewal count: ${n}`);
      return ((beta + n - 1) / (alpha + beta + n - 1)) * hypergeometric(beta + n, alpha + beta + n, 1 / (1 + d));
    }
  };
}
