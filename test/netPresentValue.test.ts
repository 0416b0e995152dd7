import {describe, expect, it} from "vitest";
import {netPresentValue} from "tierwise";

describe("netPresentValue()", () => {
  it("discounts end-of-year flows from the first year", () => {
    // 100 a year for 3 years at 10%: 100/1.1 + 100/1.21 + 100/1.331 = 248.685199...
    expect(netPresentValue([100, 100, 100], {discountRate: 0.1})).toBeCloseTo(248.685199098422, 12);
  });

  it("leaves the first flow undiscounted with timing start", () => {
    // -100 + 60/1.1 + 60/1.21 = 4.1322314...
    expect(netPresentValue([-100, 60, 60], {discountRate: 0.1, timing: "start"})).toBeCloseTo(4.132231404958677, 12);
  });

  it("defaults to 8% and end-of-year timing", () => {
    expect(netPresentValue([108])).toBeCloseTo(100, 12);
  });

  it("matches the annuity closed form", () => {
    // PV of an ordinary annuity: m·(1 − (1+r)^−n)/r.
    const r = 0.08;
    const n = 25;
    expect(netPresentValue(Array(n).fill(1), {discountRate: r})).toBeCloseTo((1 - (1 + r) ** -n) / r, 12);
  });

  it("is the plain sum at a zero rate and 0 for no flows", () => {
    expect(netPresentValue([1, 2, 3], {discountRate: 0})).toBe(6);
    expect(netPresentValue([])).toBe(0);
  });

  it("accepts typed arrays", () => {
    expect(netPresentValue(Float64Array.of(110, 121), {discountRate: 0.1})).toBeCloseTo(200, 12);
  });

  it("rejects an invalid rate, timing or cash flow", () => {
    expect(() => netPresentValue([1], {discountRate: -0.1})).toThrow("invalid discount rate: -0.1");
    expect(() => netPresentValue([1], {discountRate: 1})).toThrow("invalid discount rate: 1");
    expect(() => netPresentValue([1], {discountRate: NaN})).toThrow("invalid discount rate: NaN");
    expect(() => netPresentValue([1], {timing: "middle" as "end"})).toThrow("invalid timing: middle");
    expect(() => netPresentValue([1, NaN, 3])).toThrow("invalid cash flow at index 1: NaN");
  });
});
