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
  const npv = (s: number) => expectedNpv(flows, (t) => s ** t, options);
  if (npv(0) >= 0) return 0;
  if (npv(1) < 0) return null;
  // Scan for the first sign change, then bisect within it.
  let lo = 0;
  let hi = 1;
  for (let k = 1; k <= 64; ++k) {
    const s = k / 64;
    if (npv(s) >= 0) {
      hi = s;
      lo = (k - 1) / 64;
      break;
    }
  }
  while (hi - lo > 1e-12) {
    const mid = (lo + hi) / 2;
    if (npv(mid) >= 0) hi = mid;
    else lo = mid;
  }
  return hi;
}
