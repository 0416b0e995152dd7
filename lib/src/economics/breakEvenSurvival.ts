import {equivalentSurvival} from "./equivalentSurvival.js";
import {expectedNpv, type ExpectedNpvOptions, type YearlyFlows} from "./expectedNpv.js";

/**
 * The constant annual survival probability s at which flows break even: expectedNpv with
 * S(t) = s^t is zero. Returns 0 if they pay back even when every account dies in its first year,
 * and null if they do not pay back even when no account ever dies. Bisection to 1e-12 on the
 * smallest root (expected NPV is negative at s = 0 whenever the first year costs anything).
 *
 * @example
 * breakEvenSurvival({investment: [100, 0], contribution: [0, 150]}, {discountRate: 0.1}); // ≈ 0.898
 */
export function breakEvenSurvival(flows: YearlyFlows, options: ExpectedNpvOptions = {}): number | null {
  // The constant survival worth an NPV of zero (0 if even s = 0 pays back); none if s = 1 does not.
  const s = equivalentSurvival(flows, 0, options);
  return s === 1 && expectedNpv(flows, () => 1, options) < 0 ? null : s;
}
