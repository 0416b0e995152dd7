import {describe, expect, it} from "vitest";
import {kaplanMeier} from "tierwise";
import {placebo, sixMP} from "./fixtures/gehan.js";

// Exact product-limit values for the 6-MP group from its risk sets (n, d) at the seven relapse
// times: (21, 3), (17, 1), (15, 1), (12, 1), (11, 1), (7, 1), (6, 1).
const riskSets: [number, number][] = [
  [21, 3],
  [17, 1],
  [15, 1],
  [12, 1],
  [11, 1],
  [7, 1],
  [6, 1]
];
const exactSurvival: number[] = [];
const exactStdErr: number[] = [];
{
  let s = 1;
  let g = 0;
  for (const [n, d] of riskSets) {
    s *= (n - d) / n;
    g += d / (n * (n - d));
    exactSurvival.push(s);
    exactStdErr.push(s * Math.sqrt(g));
  }
}

describe("kaplanMeier() on the 6-MP leukaemia data (Freireich et al. 1963)", () => {
  const km = kaplanMeier(sixMP);

  it("has one row per distinct event time with the published risk sets", () => {
    expect(Array.from(km.time)).toEqual([6, 7, 10, 13, 16, 22, 23]);
    expect(Array.from(km.atRisk)).toEqual(riskSets.map(([n]) => n));
    expect(Array.from(km.events)).toEqual(riskSets.map(([, d]) => d));
    // Censored at 6 (tied with the deaths), 9; 10, 11; none; 17, 19, 20; none; 25, 32, 32, 34, 35.
    expect(Array.from(km.censored)).toEqual([1, 1, 2, 0, 3, 0, 5]);
  });

  it("reproduces the product-limit estimate and Greenwood standard errors to 1e-9", () => {
    km.survival.forEach((s, j) => expect(s).toBeCloseTo(exactSurvival[j]!, 9));
    km.stdErr.forEach((se, j) => expect(se).toBeCloseTo(exactStdErr[j]!, 9));
    expect(km.survival[0]).toBeCloseTo(18 / 21, 15);
  });

  // G. Rodríguez, "Kaplan-Meier and Mantel-Haenszel", grodri.github.io/survival/gehan: Stata
  // `sts list, by(group)` (Greenwood SE, log-log 95% band) and R `summary(survfit())` (log band)
  // for the 6-MP group, as printed.
  it("matches the published survival, Greenwood standard errors and log-log band (Stata)", () => {
    expect(Array.from(km.survival, (s) => +s.toFixed(4))).toEqual([
      0.8571, 0.8067, 0.7529, 0.6902, 0.6275, 0.5378, 0.4482
    ]);
    expect(Array.from(km.stdErr, (s) => +s.toFixed(4))).toEqual([
      0.0764, 0.0869, 0.0963, 0.1068, 0.1141, 0.1282, 0.1346
    ]);
    expect(Array.from(km.lower, (s) => +s.toFixed(4))).toEqual([
      0.6197, 0.5631, 0.5032, 0.4316, 0.3675, 0.2678, 0.1881
    ]);
    expect(Array.from(km.upper, (s) => +s.toFixed(4))).toEqual([
      0.9516, 0.9228, 0.8894, 0.8491, 0.8049, 0.7468, 0.6801
    ]);
  });

  it("gives R's log-transformed 95% band (survfit's default) as printed", () => {
    // R's columns "lower 95% CI" and "upper 95% CI" on the same page, to 3 significant digits; R's
    // print() gives the median 23 with 0.95LCL 16 and 0.95UCL NA.
    const log = kaplanMeier(sixMP, {ci: "log"});
    expect(Array.from(log.lower, (s) => +s.toFixed(3))).toEqual([0.72, 0.653, 0.586, 0.51, 0.439, 0.337, 0.249]);
    expect(Array.from(log.upper, (s) => +s.toFixed(3))).toEqual([1, 0.996, 0.968, 0.935, 0.896, 0.858, 0.807]);
    expect([log.median, log.medianLower, log.medianUpper]).toEqual([23, 16, null]);
  });

  it("gives the log-log band as Stata's sts list prints it", () => {
    // G. Rodríguez, "Kaplan-Meier Survival", Princeton ECO 572 (data.princeton.edu/eco572/KaplanMeier.html):
    // Stata `sts list, by(group)` on the Gehan data, control group, first two rows:
    //   time 1: 21 at risk, 2 fail, S 0.9048, SE 0.0641, 95% CI 0.6700-0.9753
    //   time 2: 19 at risk, 2 fail, S 0.8095, SE 0.0857, 95% CI 0.5689-0.9239
    const control = kaplanMeier(placebo);
    const row = (j: number) =>
      [
        control.time,
        control.atRisk,
        control.events,
        control.survival,
        control.stdErr,
        control.lower,
        control.upper
      ].map((column) => +column[j]!.toFixed(4));
    expect([row(0), row(1)]).toEqual([
      [1, 21, 2, 0.9048, 0.0641, 0.67, 0.9753],
      [2, 19, 2, 0.8095, 0.0857, 0.5689, 0.9239]
    ]);
    // 6-MP: the log-log band reaches 0.5 at 13 weeks at its lower end and never at its upper.
    expect([km.median, km.medianLower, km.medianUpper]).toEqual([23, 13, null]);
  });

  it("computes each band from its formula", () => {
    const z = 1.959963984540054;
    const plain = kaplanMeier(sixMP, {ci: "plain"});
    const log = kaplanMeier(sixMP, {ci: "log"});
    exactSurvival.forEach((s, j) => {
      const sigma = exactStdErr[j]! / s;
      expect(plain.lower[j]).toBeCloseTo(s - z * exactStdErr[j]!, 12);
      expect(plain.upper[j]).toBeCloseTo(Math.min(1, s + z * exactStdErr[j]!), 12);
      expect(log.lower[j]).toBeCloseTo(s * Math.exp(-z * sigma), 12);
      expect(km.lower[j]).toBeCloseTo(s ** Math.exp((z * sigma) / -Math.log(s)), 12);
      expect(km.upper[j]).toBeCloseTo(s ** Math.exp((-z * sigma) / -Math.log(s)), 12);
    });
    const narrow = kaplanMeier(sixMP, {conf: 0.9});
    expect(narrow.lower[0]).toBeGreaterThan(km.lower[0]!);
    expect(narrow.conf).toBe(0.9);
  });
});

describe("kaplanMeier()", () => {
  it("keeps the censored at risk at a tied time and counts deaths first", () => {
    const km = kaplanMeier({duration: [6, 6, 6, 7, 10], event: [1, 1, 0, 1, 0]});
    expect(Array.from(km.atRisk)).toEqual([5, 2]);
    expect(Array.from(km.survival)).toEqual([0.6, 0.3]);
  });

  it("puts an account at risk only over (entry, duration]", () => {
    // Entering at 2, the third account is not at risk at t = 2 but is at t = 3.
    const km = kaplanMeier({duration: [2, 3, 4, 5], event: [1, 1, 1, 0], entry: [0, 0, 2, 0]});
    expect(Array.from(km.time)).toEqual([2, 3, 4]);
    expect(Array.from(km.atRisk)).toEqual([3, 3, 2]);
    expect(km.survival[2]).toBeCloseTo((2 / 3) * (2 / 3) * (1 / 2), 15);
  });

  it("drops to 0 with an undefined band and null medians where survival never halves", () => {
    const km = kaplanMeier({duration: [1, 2], event: [1, 1]});
    expect(Array.from(km.survival)).toEqual([0.5, 0]);
    expect(Number.isNaN(km.stdErr[1])).toBe(true);
    expect(Number.isNaN(km.lower[1])).toBe(true);
    expect(km.median).toBe(1);
    const flat = kaplanMeier({duration: [1, 2, 3, 4], event: [1, 0, 0, 0]});
    expect([flat.median, flat.medianUpper]).toEqual([null, null]);
    const none = kaplanMeier({duration: [1, 2], event: [0, 0]});
    expect(none.time.length).toBe(0);
    expect(none.median).toBe(null);
  });

  it("rejects an invalid confidence level or transform", () => {
    expect(() => kaplanMeier(sixMP, {conf: 1})).toThrow("invalid confidence level: 1");
    expect(() => kaplanMeier(sixMP, {ci: "arcsine" as "log"})).toThrow("invalid ci: arcsine");
  });
});

describe("kaplanMeier() with late entry, against R", () => {
  // R: survfit(coxph(Surv(entry, times, status) ~ 1), type = "kaplan-meier"), as quoted with its
  // output in statsmodels' test suite (statsmodels/duration/tests/test_survfunc.py,
  // test_survfunc_entry_1 and test_survfunc_entry_3), to 4 decimals.
  it("reproduces R's survival and standard errors (twelve subjects)", () => {
    const km = kaplanMeier({
      duration: [1, 3, 3, 5, 5, 7, 7, 8, 8, 9, 10, 10],
      event: [1, 1, 0, 1, 1, 1, 0, 0, 1, 1, 0, 1],
      entry: [0, 1, 1, 2, 2, 2, 3, 4, 4, 4, 4, 0]
    });
    expect(Array.from(km.time)).toEqual([1, 3, 5, 7, 8, 9, 10]);
    expect(Array.from(km.atRisk)).toEqual([2, 6, 9, 7, 5, 3, 2]);
    expect(Array.from(km.survival, (s) => +s.toFixed(4))).toEqual([
      0.5, 0.4167, 0.3241, 0.2778, 0.2222, 0.1481, 0.0741
    ]);
    expect(Array.from(km.stdErr, (s) => +s.toFixed(4))).toEqual([
      0.3536, 0.3043, 0.2436, 0.2132, 0.1776, 0.133, 0.0846
    ]);
  });

  it("reproduces R's survival and standard errors (nine subjects, ties at 6)", () => {
    const km = kaplanMeier({
      duration: [1, 2, 5, 6, 6, 6, 6, 6, 9],
      event: [0, 0, 1, 1, 1, 0, 1, 1, 0],
      entry: [0, 1, 1, 2, 2, 2, 3, 4, 4]
    });
    expect(Array.from(km.atRisk)).toEqual([7, 6]);
    expect(Array.from(km.survival, (s) => +s.toFixed(6))).toEqual([0.857143, 0.285714]);
    expect(Array.from(km.stdErr, (s) => +s.toFixed(5))).toEqual([0.13226, 0.17075]);
  });
});
