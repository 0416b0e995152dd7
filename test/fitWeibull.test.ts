import {describe, expect, it} from "vitest";
import {fitExponential, fitWeibull, nelderMead, randomStream} from "tierwise";
import {placebo, sixMP} from "./fixtures/gehan.js";

/** The Weibull log-likelihood with censoring and late entry, written out term by term. */
function logLikelihood(
  {duration, event, entry}: {duration: number[]; event: number[]; entry?: number[]},
  shape: number,
  scale: number
): number {
  let ll = 0;
  duration.forEach((t, i) => {
    const z = (t / scale) ** shape;
    if (event[i]) ll += Math.log(shape / scale) + (shape - 1) * Math.log(t / scale);
    ll -= z;
    if (entry) ll += (entry[i]! / scale) ** shape;
  });
  return ll;
}

function simulate(n: number, shape: number, scale: number, seed: number) {
  const random = randomStream(seed, "weibull");
  const duration: number[] = [];
  const event: number[] = [];
  const entry: number[] = [];
  while (duration.length < n) {
    const life = scale * (-Math.log(1 - random())) ** (1 / shape);
    const start = 2 * scale * random();
    if (life <= start) continue; // left truncation: only firms alive when first seen are observed
    const end = start + scale * random();
    entry.push(start);
    duration.push(Math.min(life, end));
    event.push(life <= end ? 1 : 0);
  }
  return {duration, event, entry};
}

describe("fitWeibull()", () => {
  // Times to breakdown of an insulating fluid at four voltages (Nelson, Applied Life Data Analysis,
  // 1982), all uncensored; survreg(dist = "weibull") per voltage in R's survival package test
  // tests/r_sas.Rout.save, which reproduces the SAS/QC RELIABILITY manual: Weibull scale exp(μ)
  // and shape 1/σ with their standard errors.
  const ifluid: [number[], number, number, number, number][] = [
    [[5.79, 1579.52, 2323.7], 955.74665, 1055.1862, 0.54519, 0.28568],
    [
      [7.74, 17.05, 20.46, 21.02, 22.66, 43.4, 47.3, 139.07, 144.12, 175.88, 194.9],
      77.58159,
      23.39176,
      1.05881,
      0.25274
    ],
    [
      [
        0.19, 0.78, 0.96, 1.31, 2.78, 3.16, 4.15, 4.67, 4.85, 6.5, 7.35, 8.01, 8.27, 12.06, 31.75, 32.52, 33.91, 36.71,
        72.89
      ],
      12.22222,
      3.84707,
      0.77082,
      0.13603
    ],
    [[0.09, 0.39, 0.47, 0.73, 0.74, 1.13, 1.4, 2.38], 1.00092672, 0.27343, 1.36299929, 0.37861]
  ];
  it.each(ifluid)(
    "reproduces R's survreg and SAS on Nelson's insulating fluid (%j)",
    (times, scale, scaleSe, shape, shapeSe) => {
      const fit = fitWeibull({duration: times, event: times.map(() => 1)});
      expect(fit.converged).toBe(true);
      expect(Math.abs(fit.scale / scale - 1)).toBeLessThan(1e-5);
      expect(Math.abs(fit.shape / shape - 1)).toBeLessThan(1e-4);
      expect(Math.abs(fit.standardErrors.scale / scaleSe - 1)).toBeLessThan(1e-4);
      expect(Math.abs(fit.standardErrors.shape / shapeSe - 1)).toBeLessThan(1e-4);
    }
  );

  it("attains the maximum of the log-likelihood, found independently by Nelder-Mead", () => {
    for (const data of [sixMP, placebo, simulate(300, 0.7, 5, 3)]) {
      const fit = fitWeibull(data);
      expect(fit.converged).toBe(true);
      const best = nelderMead(([a, b]) => -logLikelihood(data, Math.exp(b!), Math.exp(a!)), [Math.log(10), 0], {
        tolerance: 1e-14,
        maxIterations: 10_000
      });
      expect(fit.logLikelihood).toBeCloseTo(-best.value, 8);
      expect(fit.logLikelihood).toBeCloseTo(logLikelihood(data, fit.shape, fit.scale), 10);
      expect(fit.scale / Math.exp(best.x[0]!)).toBeCloseTo(1, 5);
      expect(fit.shape / Math.exp(best.x[1]!)).toBeCloseTo(1, 5);
    }
  });

  it("recovers the parameters of simulated left-truncated, censored data within 4 standard errors", () => {
    const data = simulate(20_000, 1.5, 10, 11);
    const fit = fitWeibull(data);
    expect(fit.converged).toBe(true);
    expect(Math.abs(fit.shape - 1.5)).toBeLessThan(4 * fit.standardErrors.shape);
    expect(Math.abs(fit.scale - 10)).toBeLessThan(4 * fit.standardErrors.scale);
    // Ignoring late entry biases the fit towards long lives: the firms seen were those that lived.
    const naive = fitWeibull({duration: data.duration, event: data.event});
    expect(naive.scale - 10).toBeGreaterThan(4 * naive.standardErrors.scale);
  });

  it("has standard errors that match the curvature of the log-likelihood", () => {
    // Observed information by central differences of the written-out likelihood in (log scale, shape).
    const data = sixMP;
    const fit = fitWeibull(data);
    const f = (a: number, k: number) => logLikelihood(data, k, Math.exp(a));
    const a = Math.log(fit.scale);
    const k = fit.shape;
    const h = 1e-4;
    const haa = (f(a + h, k) - 2 * f(a, k) + f(a - h, k)) / h ** 2;
    const hkk = (f(a, k + h) - 2 * f(a, k) + f(a, k - h)) / h ** 2;
    const hak = (f(a + h, k + h) - f(a + h, k - h) - f(a - h, k + h) + f(a - h, k - h)) / (4 * h ** 2);
    const det = haa * hkk - hak * hak;
    expect(fit.standardErrors.shape).toBeCloseTo(Math.sqrt(-haa / det), 5);
    expect(fit.standardErrors.scale).toBeCloseTo(fit.scale * Math.sqrt(-hkk / det), 4);
  });

  it("gives survival and hazard functions of the fitted model", () => {
    const fit = fitWeibull(sixMP);
    expect(fit.survival(0)).toBe(1);
    expect(fit.survival(fit.scale)).toBeCloseTo(Math.exp(-1), 14);
    expect(fit.hazard(fit.scale)).toBeCloseTo(fit.shape / fit.scale, 14);
  });

  it("says why when no maximum exists", () => {
    const fit = fitWeibull({duration: [5, 5, 5, 5], event: [1, 1, 1, 1]});
    expect(fit.converged).toBe(false);
    expect(fit.message).toMatch(/^shape diverges/);
    expect(() => fitWeibull({duration: [1, 2], event: [0, 0]})).toThrow("fitWeibull: no event");
    expect(() => fitWeibull({duration: [0, 2], event: [1, 0]})).toThrow("fitWeibull: event at duration 0 (index 0)");
  });
});

describe("fitExponential()", () => {
  it("is the closed form: exposure over events", () => {
    // 6-MP: 9 relapses over 359 patient-weeks.
    const fit = fitExponential(sixMP);
    expect(fit.scale).toBeCloseTo(359 / 9, 12);
    expect(fit.logLikelihood).toBeCloseTo(-9 * Math.log(359 / 9) - 9, 12);
    expect(fit.standardErrors.scale).toBeCloseTo(359 / 9 / 3, 12);
    expect(fit.survival(10)).toBeCloseTo(Math.exp((-10 * 9) / 359), 14);
    expect(fit.hazard(3)).toBeCloseTo(9 / 359, 14);
  });

  it("counts only the exposure after entry", () => {
    const fit = fitExponential({duration: [5, 8, 10], event: [1, 0, 1], entry: [1, 4, 0]});
    expect(fit.scale).toBeCloseTo((4 + 4 + 10) / 2, 12);
  });

  it("never beats the Weibull, which nests it", () => {
    for (const data of [sixMP, placebo]) {
      expect(fitWeibull(data).logLikelihood).toBeGreaterThanOrEqual(fitExponential(data).logLikelihood);
    }
  });

  it("throws when there is no event", () => {
    expect(() => fitExponential({duration: [1, 2], event: [0, 0]})).toThrow("fitExponential: no event");
  });
});
