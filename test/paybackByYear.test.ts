import {describe, expect, it} from "vitest";
import {paybackByYear} from "tierwise";

describe("paybackByYear()", () => {
  it("paybackByYear() gives each year's share of all futures, in the year and cumulated", () => {
    expect(paybackByYear(Uint8Array.of(1, 2, 0, 2), {horizon: 3})).toEqual([
      {year: 1, inYear: 0.25, byYear: 0.25},
      {year: 2, inYear: 0.5, byYear: 0.75},
      {year: 3, inYear: 0, byYear: 0.75}
    ]);
    expect(paybackByYear([], {horizon: 2})).toEqual([
      {year: 1, inYear: 0, byYear: 0},
      {year: 2, inYear: 0, byYear: 0}
    ]);
  });

  it("paybackByYear() refuses a year beyond the horizon and a bad horizon", () => {
    expect(() => paybackByYear([1, 4], {horizon: 3})).toThrow(
      new RangeError("invalid payback year 4 for future 2: years run 0 (never) to 3")
    );
    expect(() => paybackByYear([1], {horizon: 0})).toThrow(new RangeError("invalid horizon: 0"));
  });
});
