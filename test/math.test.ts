import {describe, expect, it} from "vitest";
import {chiSquareSurvival, gammaQ, logBeta, logGamma, nelderMead, normalQuantile} from "tierwise";

describe("normalQuantile()", () => {
  it("matches published quantiles of the standard normal", () => {
    // Abramowitz & Stegun Table 26.5 / R qnorm, to the digits printed by R with 16 significant digits.
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 14);
    expect(normalQuantile(0.95)).toBeCloseTo(1.644853626951472, 14);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 12);
    expect(normalQuantile(0.025)).toBeCloseTo(-1.959963984540054, 14);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(() => normalQuantile(1.5)).toThrow("invalid probability: 1.5");
  });
});

describe("logGamma(), logBeta(), gammaQ(), chiSquareSurvival()", () => {
  it("agree with exact values", () => {
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 13);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 13);
    expect(logGamma(101)).toBeCloseTo(363.73937555556347, 10);
    expect(logBeta(2, 3)).toBeCloseTo(Math.log(1 / 12), 13);
    expect(gammaQ(1, 2)).toBeCloseTo(Math.exp(-2), 14);
    expect(gammaQ(3, 0.5)).toBeCloseTo(Math.exp(-0.5) * (1 + 0.5 + 0.125), 14);
    // Chi-square critical values (R qchisq): 3.841459 (1 df), 5.991465 (2 df), 11.0705 (5 df) at 0.05.
    expect(chiSquareSurvival(3.841458820694124, 1)).toBeCloseTo(0.05, 12);
    expect(chiSquareSurvival(5.991464547107979, 2)).toBeCloseTo(0.05, 12);
    expect(chiSquareSurvival(11.070497693516351, 5)).toBeCloseTo(0.05, 12);
    expect(chiSquareSurvival(0, 3)).toBe(1);
  });
});

describe("nelderMead()", () => {
  it("finds the minimum of the Rosenbrock function", () => {
    const result = nelderMead(([x, y]) => 100 * (y! - x! * x!) ** 2 + (1 - x!) ** 2, [-1.2, 1], {
      tolerance: 1e-14,
      maxIterations: 10_000
    });
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 5);
    expect(result.x[1]).toBeCloseTo(1, 5);
  });
});
