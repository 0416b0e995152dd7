import {pow} from "../math/deterministic.js";
/** Inputs of {@link customerLifetimeValue}. */
export interface CustomerLifetimeValueInput {
  /** Margin per period, received at the end of each period the customer survives. */
  margin: number;
  /** Probability of surviving each period, [0, 1]. */
  retention: number;
  /** Discount rate per period, [0, 1). */
  discountRate: number;
  /** Periods counted; Infinity (the default) for the closed form. */
  horizon?: number;
}

/**
 * Customer lifetime value with constant margin and retention, margin received at the end of each
 * period survived (Gupta & Lehmann, "Customers as Assets", Journal of Interactive Marketing 17(1),
 * 2003): Σ_{t=1..H} m·r^t/(1+i)^t, which for an infinite horizon is m·r/(1+i−r). Add m for a
 * margin received now as well.
 *
 * @example
 * customerLifetimeValue({margin: 100, retention: 0.8, discountRate: 0.1}); // 266.67
 */
export function customerLifetimeValue({
  margin,
  retention,
  discountRate,
  horizon = Infinity
}: CustomerLifetimeValueInput): number {
  if (!Number.isFinite(margin)) throw new RangeError(`invalid margin: ${margin}`);
  if (!(retention >= 0 && retention <= 1)) throw new RangeError(`invalid retention: ${retention}`);
  if (!(discountRate >= 0 && discountRate < 1)) throw new RangeError(`invalid discount rate: ${discountRate}`);
  if (!(horizon >= 0)) throw new RangeError(`invalid horizon: ${horizon}`);
  const q = retention / (1 + discountRate);
  if (horizon === Infinity) {
    if (q >= 1) throw new RangeError("customerLifetimeValue: infinite with retention 1 and no discounting");
    return (margin * retention) / (1 + discountRate - retention);
  }
  if (!Number.isInteger(horizon)) throw new RangeError(`invalid horizon: ${horizon}`);
  return q === 1 ? margin * horizon : (margin * q * (1 - pow(q, horizon))) / (1 - q);
}
