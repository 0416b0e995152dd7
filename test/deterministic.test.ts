import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {exp, log, pow} from "tierwise";

// Distance in units in the last place; below the smallest normal number an ulp is 2^−1074.
const ulps = (a: number, b: number) =>
  Math.abs(a - b) / (Number.EPSILON * Math.max(Math.abs(a), Math.abs(b), 2 ** -1022));

describe("exp(), log() and pow()", () => {
  it("are within one ulp of Math's over their range", () => {
    fc.assert(
      fc.property(fc.double({min: -745, max: 709, noNaN: true}), (x) => {
        expect(ulps(exp(x), Math.exp(x))).toBeLessThanOrEqual(1);
      }),
      {numRuns: 20_000}
    );
    fc.assert(
      fc.property(fc.double({min: Number.MIN_VALUE, max: Number.MAX_VALUE, noNaN: true}), (x) => {
        expect(ulps(log(x), Math.log(x))).toBeLessThanOrEqual(1);
      }),
      {numRuns: 20_000}
    );
  });

  it("give exact values where they exist, and IEEE special cases", () => {
    expect(exp(0)).toBe(1);
    expect(ulps(exp(1), Math.E)).toBeLessThanOrEqual(1);
    expect(exp(-Infinity)).toBe(0);
    expect(exp(Infinity)).toBe(Infinity);
    expect(exp(800)).toBe(Infinity);
    expect(exp(-800)).toBe(0);
    expect(exp(NaN)).toBeNaN();
    expect(log(1)).toBe(0);
    expect(log(Math.E)).toBe(1);
    expect(log(0)).toBe(-Infinity);
    expect(log(-1)).toBeNaN();
    expect(log(Infinity)).toBe(Infinity);
    expect(log(Number.MIN_VALUE)).toBeCloseTo(-744.4400719213812, 10);
    expect(log(1024)).toBe(10 * Math.LN2);
  });

  it("computes integer powers by repeated squaring and others through exp and log", () => {
    expect(pow(2, 10)).toBe(1024);
    expect(pow(1.1, 3)).toBe(1.1 * 1.1 * 1.1);
    expect(pow(2, -2)).toBe(0.25);
    expect(pow(7, 0)).toBe(1);
    expect(pow(0, 0.5)).toBe(0);
    expect(ulps(pow(0.9, 0.37), 0.9 ** 0.37)).toBeLessThan(64);
    expect(ulps(pow(1.07, 25), 1.07 ** 25)).toBeLessThan(16);
  });
});
