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
    expect(b.chiSquare).toBeCloseTo(a.chiSquare!, 12);
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
    expect(test.chiSquare).toBeGreaterThan(logRank([sixMP, third]).chiSquare!);
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

  it("gives no test, with the reason, when no group has an exit", () => {
    const test = logRank([
      {duration: [3, 5], event: [0, 0]},
      {duration: [2, 7, 9], event: [0, 0, 0]}
    ]);
    expect(test).toEqual({
      groups: ["0", "1"],
      observed: [0, 0],
      expected: [0, 0],
      chiSquare: null,
      df: 0,
      p: null,
      reason: "no exit in any group, so there is no difference to test"
    });
  });

  it("gives no test when every exit happens where no other group is at risk", () => {
    // Two accounts, one per group: the exit at 4 comes after the other account's censoring at 2.
    const test = logRank([
      {duration: [2], event: [0]},
      {duration: [4], event: [1]}
    ]);
    expect(test.chiSquare).toBeNull();
    expect(test.p).toBeNull();
    expect(test.df).toBe(0);
    expect(test.reason).toBe(
      "every exit happened where no other group had anyone at risk, so the exits cannot tell the groups apart"
    );
  });

  it("drops a degree of freedom for a group never at risk at an exit, as R's survdiff does", () => {
    // Entered at 40 and censored at 50: after every Gehan exit, so it adds nothing to the test.
    const late = {duration: [50], event: [0], entry: [40]};
    const two = logRank([sixMP, placebo]);
    const three = logRank([sixMP, placebo, late]);
    expect(three.df).toBe(1);
    expect(three.expected[2]).toBe(0);
    expect(three.chiSquare).toBeCloseTo(two.chiSquare!, 10);
    expect(three.p).toBeCloseTo(two.p!, 12);
    expect(three.reason).toBeNull();
  });

  it("takes groups from a Map, whatever their names", () => {
    const test = logRank(
      new Map([
        ["__proto__", sixMP],
        ["constructor", placebo]
      ])
    );
    expect(test.groups).toEqual(["__proto__", "constructor"]);
    expect(test.chiSquare).toBeCloseTo(16.7929, 4);
  });

  it("needs two groups", () => {
    expect(() => logRank([sixMP])).toThrow("need at least two groups, got 1");
  });
});
