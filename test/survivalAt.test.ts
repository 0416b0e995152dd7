import {describe, expect, it} from "vitest";
import {atRiskAt, kaplanMeier, survivalAt} from "tierwise";

// Five subjects, exits at 1 and 3, censored at 2, 3 and 4; the fifth enters late, at 2.
const data = {duration: [1, 2, 3, 3, 4], event: [1, 0, 1, 0, 0], entry: [0, 0, 0, 0, 2]};

describe("survivalAt()", () => {
  it("survivalAt() reads the Kaplan-Meier step function at a time, right-continuous, 1 before the first exit", () => {
    const km = kaplanMeier(data);
    // S(1) = 1 - 1/4 (the late entrant is not at risk at 1); S(3) = 0.75 × (1 - 1/3) (at risk at 3: 3 of them).
    expect(survivalAt(km, 0.5)).toBe(1);
    expect(survivalAt(km, 1)).toBe(0.75);
    expect(survivalAt(km, 2.9)).toBe(0.75);
    expect(survivalAt(km, 3)).toBeCloseTo(0.5, 15);
    expect(survivalAt(km, 100)).toBeCloseTo(0.5, 15);
    expect(() => survivalAt(km, NaN)).toThrow(new RangeError("invalid time: NaN"));
  });
});

describe("atRiskAt()", () => {
  it("atRiskAt() counts those entered before a time and observed at it, as kaplanMeier's atRisk does", () => {
    expect([1, 2, 3, 4, 5].map((t) => atRiskAt(data, t))).toEqual([4, 3, 3, 1, 0]);
    const km = kaplanMeier(data);
    expect(Array.from(km.time, (t) => atRiskAt(data, t))).toEqual(Array.from(km.atRisk));
    expect(atRiskAt({duration: [2, 5], event: [1, 1]}, 2)).toBe(2);
  });
});
