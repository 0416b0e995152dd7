import {pow} from "../math/deterministic.js";
/** Options of {@link netPresentValue}. */
export interface NetPresentValueOptions {
  /** Yearly discount rate, in [0, 1). Default 0.08. */
  discountRate?: number;
  /**
   * When each period's cash flow arrives: `"end"` (the default, the convention of Gupta and
   * Lehmann's customer lifetime value: the first flow is discounted one period) or `"start"`
   * (the first flow is undiscounted, as spending committed today is).
   */
  timing?: "end" | "start";
}

/**
 * The present value of a series of yearly cash flows, Σ CF(t) / (1 + r)^(t + k), where t counts
 * from 0 and k is 1 for flows at the end of each year and 0 for flows at its start.
 *
 * An empty series is worth 0. A missing or non-finite cash flow throws rather than being skipped,
 * since a silently dropped year would overstate or understate a relationship's value.
 *
 * @example
 * netPresentValue([-100, 60, 60], {discountRate: 0.1, timing: "start"}); // 4.13...
 */
export function netPresentValue(
  cashFlows: ArrayLike<number>,
  {discountRate = 0.08, timing = "end"}: NetPresentValueOptions = {}
): number {
  if (!(discountRate >= 0 && discountRate < 1)) throw new RangeError(`invalid discount rate: ${discountRate}`);
  if (timing !== "end" && timing !== "start") throw new RangeError(`invalid timing: ${String(timing)}`);
  const shift = timing === "end" ? 1 : 0;
  let sum = 0;
  for (let t = 0; t < cashFlows.length; ++t) {
    const value = cashFlows[t]!;
    if (!Number.isFinite(value)) throw new RangeError(`invalid cash flow at index ${t}: ${value}`);
    sum += value / pow(1 + discountRate, t + shift);
  }
  return sum;
}
