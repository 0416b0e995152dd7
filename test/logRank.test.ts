import {describe, expect, it} from "vitest";
import {logRank} from "tierwise";
import {placebo, sixMP} from "./fixtures/gehan.js";

describe("logRank()", () => {
  it("reproduces R's survdiff on the Gehan data: chi-square 16.8 on 1 df, p = 4.17e-5", () => {
    // R: survdiff(Surv(time, cens) ~ treat, data = MASS::gehan) prints
    //   treat=6-MP N=21 Observed=9 Expected=19.25; treat=control N=21 Observed=21 Expected=10.75;
    //   Chisq= 16.8 on 1 degrees of freedom, p= 4e-05 (Klein & Moeschberger §7.3 give 16.79).
    const test = logRank({"6-MP": sixMP, placebo});
    expect(test.groups).toEqual(["6-MP", "placebo"]);
    expect(test.observed).toEqual([9, 21]);
    expect(test.expected[0]).toBeCloseTo(19.2505, 4);
    expect(test.expected[1]).toBeCloseTo(10.7495, 4);
    expect(test.chiSquare).toBeCloseTo(16.7929, 4);
    expect(test.df).toBe(1);
    expect(test.p).toBeCloseTo(4.1688e-5, 8);
  });

  it("does not depend on the order of the groups", () => {
    const a = logRank([sixMP, placebo]);
    const b = logRank([placebo, sixMP]);
    expect(b.chiSquare).toBeCloseTo(a.chiSquare, 12);
    expect(b.expected).toEqual([...a.expected].reverse());
  });

  it("handles three groups with 2 degrees of freedom, and identical groups give 0", () => {
    const third = {duration: [3, 5, 9, 14, 20, 28], event: [1, 0, 1, 1, 0, 1]};
    const test = logRank([sixMP, placebo, third]);
    expect(test.df).toBe(2);
    expect(test.observed.reduce((a, b) => a + b)).toBeCloseTo(
      test.expected.reduce((a, b) => a + b),
      10
    );
    expect(test.chiSquare).toBeGreaterThan(logRank([sixMP, third]).chiSquare);
    const same = logRank([sixMP, sixMP]);
    expect(same.chiSquare).toBeCloseTo(0, 12);
    expect(same.p).toBeCloseTo(1, 12);
  });

  it("respects late entry in the risk sets", () => {
    const late = {duration: [5, 6, 8, 9], event: [1, 1, 1, 0], entry: [4, 4, 4, 4]};
    const test = logRank([late, {duration: [1, 2, 5, 6, 8, 9], event: [1, 1, 1, 1, 1, 0]}]);
    // At t = 1 and 2 the late group is not at risk, so it expects nothing then; at 5, 6 and 8 it is
    // half of the risk set (4 of 8, 3 of 6, 2 of 4) when two die.
    expect(test.expected[0]).toBeCloseTo((2 * 4) / 8 + (2 * 3) / 6 + (2 * 2) / 4, 12);
  });

  it("needs two groups", () => {
    expect(() => logRank([sixMP])).toThrow("need at least two groups, got 1");
  });
});
