import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {simulateAttrition} from "tierwise";

describe("simulateAttrition()", () => {
  it("reproduces the seed's 100 → 50 → 20 on average, with binomial spread when there is no shock", () => {
    const trials = 4000;
    const paths = simulateAttrition({accounts: 100, hazard: [0.5, 0.6], trials, seed: 3});
    expect(paths.year).toEqual([0, 1, 2]);
    expect(paths.mean[0]).toBe(100);
    // Survivors ~ Binomial(100, S): S = 0.5 then 0.2; mean within 4 standard errors sqrt(n S (1−S) / trials).
    for (const [t, s] of [
      [1, 0.5],
      [2, 0.2]
    ] as const) {
      const sd = Math.sqrt(100 * s * (1 - s));
      expect(Math.abs(paths.mean[t]! - 100 * s)).toBeLessThan((4 * sd) / Math.sqrt(trials));
      // The sample variance of a binomial has standard error ≈ σ²·sqrt(2/(trials−1)) (plus a kurtosis term, small here).
      expect(Math.abs(paths.sd[t]! ** 2 - sd ** 2)).toBeLessThan(4 * sd ** 2 * Math.sqrt(2 / (trials - 1)));
    }
  });

  it("widens the spread, not the mean, with a shared shock", () => {
    const calm = simulateAttrition({hazard: [0.2, 0.2, 0.2], trials: 4000, seed: 5});
    const shocked = simulateAttrition({hazard: [0.2, 0.2, 0.2], shock: 0.8, trials: 4000, seed: 5});
    expect(shocked.sd[3]!).toBeGreaterThan(2 * calm.sd[3]!);
    // The mean moves little (the multiplier has mean 1, survival is convex in it).
    expect(Math.abs(shocked.mean[3]! - calm.mean[3]!)).toBeLessThan(5);
  });

  it("handles hazards 0 and 1", () => {
    const paths = simulateAttrition({hazard: [0, 1, 0.3], trials: 10, seed: 1});
    expect(paths.mean).toEqual([100, 100, 0, 0]);
    expect(paths.p95).toEqual([100, 100, 0, 0]);
  });

  it("never lets survivors increase, and repeats itself for a seed (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({min: 0, max: 1, noNaN: true}), {minLength: 1, maxLength: 12}),
        fc.double({min: 0, max: 1, noNaN: true}),
        fc.integer({min: 0, max: 1000}),
        (hazard, shock, seed) => {
          const a = simulateAttrition({accounts: 30, hazard, shock, trials: 20, seed});
          for (const column of [a.mean, a.p5, a.p50, a.p95]) {
            for (let t = 1; t < column.length; ++t) expect(column[t]!).toBeLessThanOrEqual(column[t - 1]!);
          }
          expect(simulateAttrition({accounts: 30, hazard, shock, trials: 20, seed})).toEqual(a);
        }
      ),
      {numRuns: 50}
    );
  });

  it("rejects a hazard outside [0, 1]", () => {
    expect(() => simulateAttrition({hazard: [0.2, 1.2]})).toThrow("invalid hazard at index 1: 1.2");
  });
});
