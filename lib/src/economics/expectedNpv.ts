import {pow} from "../math/deterministic.js";
/** The yearly flows {@link expectedNpv} discounts: investment at each year's start, contribution at its end. */
export interface YearlyFlows {
  investment: ArrayLike<number>;
  contribution: ArrayLike<number>;
}

/** Options of {@link expectedNpv}. */
export interface ExpectedNpvOptions {
  /** Yearly discount rate, [0, 1). Default 0.1. */
  discountRate?: number;
}

/**
 * The expected NPV of an account's (or a tier's summed) flows under a survival curve:
 *
 *   Σ_t [ S(t) · contribution_t / (1+r)^t − S(t−1) · investment_t / (1+r)^(t−1) ],
 *
 * where S(t) is the probability of being alive at the end of year t (S(0) = 1): investment is
 * spent on every account alive at the start of a year, contribution is earned only by those that
 * survive it. `survival` is an array S(1..H) or a function of t.
 *
 * @example
 * expectedNpv({investment: [100, 0], contribution: [0, 150]}, [0.9, 0.8], {discountRate: 0.1}); // −100 + 0.8·150/1.21
 */
export function expectedNpv(
  {investment, contribution}: YearlyFlows,
  survival: ArrayLike<number> | ((t: number) => number),
  {discountRate = 0.1}: ExpectedNpvOptions = {}
): number {
  if (!(discountRate >= 0 && discountRate < 1)) throw new RangeError(`invalid discount rate: ${discountRate}`);
  const horizon = investment.length;
  if (contribution.length !== horizon)
    throw new RangeError(`flows differ in length: ${horizon} and ${contribution.length}`);
  const S = typeof survival === "function" ? survival : (t: number) => (t === 0 ? 1 : survival[t - 1]!);
  if (typeof survival !== "function" && survival.length < horizon) {
    throw new RangeError(`survival has ${survival.length} years, flows have ${horizon}`);
  }
  let npv = 0;
  let previous = 1;
  for (let t = 1; t <= horizon; ++t) {
    const s = S(t);
    if (!(s >= 0 && s <= 1)) throw new RangeError(`invalid survival at year ${t}: ${s}`);
    npv +=
      (s * contribution[t - 1]!) / pow(1 + discountRate, t) -
      (previous * investment[t - 1]!) / pow(1 + discountRate, t - 1);
    previous = s;
  }
  return npv;
}
