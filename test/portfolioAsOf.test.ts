import {describe, expect, it} from "vitest";
import {portfolioAsOf} from "tierwise";

describe("portfolioAsOf()", () => {
  it("portfolioAsOf() is the latest first or exit year, active accounts counting by their first year", () => {
    expect(
      portfolioAsOf([
        {firstYear: 2019, exitYear: 2023},
        {firstYear: 2021, exitYear: null}
      ])
    ).toBe(2023);
    expect(
      portfolioAsOf([
        {firstYear: 2024, exitYear: null},
        {firstYear: 2010, exitYear: 2012}
      ])
    ).toBe(2024);
  });

  it("portfolioAsOf() refuses an empty portfolio", () => {
    expect(() => portfolioAsOf([])).toThrow(new RangeError("an empty portfolio covers no year"));
  });
});
