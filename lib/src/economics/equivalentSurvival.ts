import {expectedNpv, type ExpectedNpvOptions, type YearlyFlows} from "./expectedNpv.js";
import {pow} from "../math/deterministic.js";

/**
 * The constant annual survival s at which flows are worth `npv`: expectedNpv with S(t) = s^t
 * equals it. It summarises a survival that varies by year and by customer (a shakeout's early
 * deaths, say) on the same scale as {@link breakEvenSurvival}: flows whose simulated expected NPV
 * is below zero have an equivalent survival below their break-even survival, and the reverse.
 * Returns 0 or 1 when `npv` lies beyond what any constant survival gives, and the smallest such s
 * when several do. Bisection to 1e-12.
 *
 * @example
 * equivalentSurvival({investment: [100, 0], contribution: [0, 150]}, 0, {discountRate: 0.1}); // = breakEvenSurvival(...)
 */
export function equivalentSurvival(flows: YearlyFlows, npv: number, options: ExpectedNpvOptions = {}): number {
  if (!Number.isFinite(npv)) throw new RangeError(`invalid NPV: ${npv}`);
  const f = (s: number) => expectedNpv(flows, (t) => pow(s, t), options) - npv;
  if (f(0) >= 0) return 0;
  let lo = 0;
  let hi = 1;
  if (f(1) < 0) {
    // Beyond what even no deaths give: the nearest constant survival is 1.
    return 1;
  }
  for (let k = 1; k <= 64; ++k) {
    const s = k / 64;
    if (f(s) >= 0) {
      hi = s;
      lo = (k - 1) / 64;
      break;
    }
  }
  while (hi - lo > 1e-12) {
    const mid = (lo + hi) / 2;
    if (f(mid) >= 0) hi = mid;
    else lo = mid;
  }
  return hi;
}
