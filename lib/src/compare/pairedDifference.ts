import {summarize, type Summary} from "../simulation/summarize.js";

/** The distribution of a paired difference B − A across trials. */
export interface PairedDifference {
  /** B − A in every trial, in trial order. */
  draws: Float64Array;
  summary: Summary;
  /** Standard error of the mean difference: sd / √trials. */
  standardError: number;
  /** Share of trials in which B is greater than A. */
  probabilityGreater: number;
  /** Share of trials in which B equals A (nothing in the change touched this quantity). */
  probabilityEqual: number;
}

/**
 * Paired differences of two simulations' per-trial draws, `b[k] − a[k]`. With common random
 * numbers (the same seed, so trial k of both runs sees the same futures), the difference carries
 * far less noise than the two means apart: its standard error is that of the difference itself.
 *
 * @example
 * const d = pairedDifference(base.tiers.S.npvDraws, variant.tiers.S.npvDraws);
 * d.summary.mean; // E[NPV_variant − NPV_base]
 */
export function pairedDifference(a: ArrayLike<number>, b: ArrayLike<number>): PairedDifference {
  const n = a.length;
  if (b.length !== n) throw new RangeError(`paired draws differ in length: ${n} and ${b.length}`);
  if (n === 0) throw new RangeError("paired draws are empty");
  const draws = new Float64Array(n);
  let greater = 0;
  let equal = 0;
  for (let k = 0; k < n; ++k) {
    const d = b[k]! - a[k]!;
    draws[k] = d;
    if (d > 0) ++greater;
    else if (d === 0) ++equal;
  }
  const summary = summarize(draws);
  return {
    draws,
    summary,
    standardError: summary.sd / Math.sqrt(n),
    probabilityGreater: greater / n,
    probabilityEqual: equal / n
  };
}
