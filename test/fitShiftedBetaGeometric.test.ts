import {describe, expect, it} from "vitest";
import {fitShiftedBetaGeometric, logBeta} from "tierwise";

// Fader & Hardie, "How to project customer retention", Journal of Interactive Marketing 21(1),
// 2007: two cohorts of 1,000 customers observed for 7 years (their Table 1).
const regular = [1000, 631, 468, 382, 326, 289, 262, 241];
const highEnd = [1000, 869, 743, 653, 593, 551, 517, 491];

describe("fitShiftedBetaGeometric()", () => {
  it("reproduces Fader and Hardie's estimates for the regular cohort (α = 0.704, β = 1.182, LL = −1680.3)", () => {
    const fit = fitShiftedBetaGeometric(regular);
    expect(fit.converged).toBe(true);
    expect(+fit.alpha.toFixed(3)).toBe(0.704);
    expect(+fit.beta.toFixed(3)).toBe(1.182);
    expect(+fit.logLikelihood.toFixed(1)).toBe(-1680.3);
  });

  it("reproduces Fader and Hardie's estimates for the high-end cohort (α = 0.668, β = 3.806, LL = −1611.2)", () => {
    const fit = fitShiftedBetaGeometric(highEnd);
    expect(+fit.alpha.toFixed(3)).toBe(0.668);
    expect(+fit.beta.toFixed(3)).toBe(3.806);
    expect(+fit.logLikelihood.toFixed(1)).toBe(-1611.2);
  });

  it("is at a maximum: nudging α or β lowers the likelihood", () => {
    const fit = fitShiftedBetaGeometric(regular);
    const ll = (a: number, b: number) => {
      let value = 0;
      for (let t = 1; t < regular.length; ++t) {
        const p = Math.exp(logBeta(a + 1, b + t - 1) - logBeta(a, b));
        value += (regular[t - 1]! - regular[t]!) * Math.log(p);
      }
      return value + regular[7]! * (logBeta(a, b + 7) - logBeta(a, b));
    };
    expect(fit.logLikelihood).toBeCloseTo(ll(fit.alpha, fit.beta), 8);
    for (const [da, db] of [
      [1e-3, 0],
      [-1e-3, 0],
      [0, 1e-3],
      [0, -1e-3]
    ] as const) {
      expect(ll(fit.alpha + da, fit.beta + db)).toBeLessThan(fit.logLikelihood);
    }
  });

  it("has survival and retention consistent with each other", () => {
    const fit = fitShiftedBetaGeometric(highEnd);
    expect(fit.survival(0)).toBe(1);
    let s = 1;
    for (let t = 1; t <= 12; ++t) {
      s *= fit.retention(t);
      expect(fit.survival(t)).toBeCloseTo(s, 12);
    }
    // Retention rises with tenure as the likeliest churners leave.
    expect(fit.retention(2)).toBeGreaterThan(fit.retention(1));
    expect(fit.retention(1)).toBeCloseTo(fit.beta / (fit.alpha + fit.beta), 15);
  });

  it("gives DEL and DERL as the discounted sums of survival they define", () => {
    const fit = fitShiftedBetaGeometric(regular);
    const d = 0.1;
    let del = 0;
    let derl = 0;
    const n = 3;
    for (let t = 0; t < 5000; ++t) {
      del += fit.survival(t) / (1 + d) ** t;
      // Alive after n − 1 periods: the next periods' survival, conditional, discounted from the first.
      if (t >= n) derl += fit.survival(t) / fit.survival(n - 1) / (1 + d) ** (t - n);
    }
    expect(fit.discountedExpectedLifetime(d)).toBeCloseTo(del, 6);
    expect(fit.discountedExpectedResidualLifetime(d, n)).toBeCloseTo(derl, 6);
    expect(() => fit.discountedExpectedLifetime(0)).toThrow("invalid discount rate: 0");
    // The Fader-Hardie (2010) identity DERL(d, 1) = (DEL(d) − 1)(1 + d).
    expect(fit.discountedExpectedResidualLifetime(d, 1)).toBeCloseTo(
      (fit.discountedExpectedLifetime(d) - 1) * (1 + d),
      10
    );
    expect(() => fit.discountedExpectedResidualLifetime(0.1, 0)).toThrow("invalid renewal count: 0");
  });

  it("gives the DERL published for the high-end cohort after seven renewals", () => {
    // jdmaturen/shifted_beta_geometric_py, README: derl(alpha, beta, 0.1, 7) = 7.530 for the
    // high-end cohort, their renewals count being our n − 1.
    const fit = fitShiftedBetaGeometric(highEnd);
    expect(+fit.discountedExpectedResidualLifetime(0.1, 8).toFixed(3)).toBe(7.53);
  });

  it("rejects a cohort that grows, an empty cohort or one without churn", () => {
    expect(() => fitShiftedBetaGeometric([100, 80, 85])).toThrow("the cohort grows at index 2: 80 → 85");
    expect(() => fitShiftedBetaGeometric([100])).toThrow("need a cohort size and at least one later count");
    expect(() => fitShiftedBetaGeometric([0, 0])).toThrow("the cohort is empty");
    expect(() => fitShiftedBetaGeometric([100, 100])).toThrow("nobody churned");
    expect(() => fitShiftedBetaGeometric([100, NaN])).toThrow("invalid count at index 1: NaN");
  });
});
