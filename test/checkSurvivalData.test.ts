import {describe, expect, it} from "vitest";
import {checkSurvivalData, fitExponential, fitWeibull, kaplanMeier, lifeTable, logRank, nelsonAalen} from "tierwise";

describe("checkSurvivalData()", () => {
  it("returns typed copies with entry 0 when absent", () => {
    const data = checkSurvivalData({duration: [3, 5], event: [true, 0]});
    expect(data.n).toBe(2);
    expect(Array.from(data.duration)).toEqual([3, 5]);
    expect(Array.from(data.event)).toEqual([1, 0]);
    expect(Array.from(data.entry)).toEqual([0, 0]);
    expect(data.lateEntry).toBe(false);
    expect(checkSurvivalData({duration: [3, 5], event: [1, 0], entry: [0, 2]}).lateEntry).toBe(true);
  });

  it("names the problem and the index", () => {
    expect(() => checkSurvivalData({duration: [1, 2], event: [1]})).toThrow(
      "data: lengths differ: duration has 2 values, event has 1"
    );
    expect(() => checkSurvivalData({duration: [1, 2], event: [1, 0], entry: [0]})).toThrow(
      "data: lengths differ: duration has 2 values, entry has 1"
    );
    expect(() => checkSurvivalData({duration: [], event: []})).toThrow("data: empty data");
    expect(() => checkSurvivalData({duration: [1, -2], event: [1, 0]})).toThrow(
      "data: invalid duration at index 1: -2"
    );
    expect(() => checkSurvivalData({duration: [1, 2, NaN], event: [1, 0, 1]})).toThrow(
      "data: invalid duration at index 2: NaN"
    );
    expect(() => checkSurvivalData({duration: [Infinity], event: [1]})).toThrow(
      "data: invalid duration at index 0: Infinity"
    );
    expect(() => checkSurvivalData({duration: [1, 2], event: [1, 2]})).toThrow(
      "data: invalid event at index 1: 2 (expected 0, 1 or a boolean)"
    );
    expect(() => checkSurvivalData({duration: [1, 2], event: [1, 0], entry: [0, 2]})).toThrow(
      "data: entry 2 is not below duration 2 at index 1"
    );
    expect(() => checkSurvivalData({duration: [1, 2], event: [1, 0], entry: [-1, 0]})).toThrow(
      "data: invalid entry at index 0: -1"
    );
  });

  it("guards every estimator", () => {
    const bad = {duration: [1, 2], event: [1, 0.5]};
    for (const f of [kaplanMeier, nelsonAalen, lifeTable, fitExponential, fitWeibull]) {
      expect(() => f(bad)).toThrow("invalid event at index 1: 0.5");
    }
    expect(() => logRank({a: {duration: [1], event: [1]}, b: bad})).toThrow("group b: invalid event at index 1");
  });
});
