import {describe, expect, it} from "vitest";
import {
  breakEvenSurvival,
  defaultScenario,
  equivalentSurvival,
  expectedNpv,
  histogram,
  pairedDifference,
  scenarioReport,
  simulatePortfolio,
  tierVerdict,
  tiers,
  verdictSummary,
  type Account,
  type Scenario,
  type TierVerdict
} from "tierwise";
import {portfolio24} from "./fixtures/accounts.js";

const accounts: Account[] = portfolio24;
const rules = {...defaultScenario.tierRules, cut: {by: "rank" as const, topN: 4, shareA: 0.25, shareB: 0.25}};
const shakeout: Scenario = {
  ...defaultScenario,
  name: "Shakeout",
  horizon: 8,
  tierRules: rules,
  attrition: {hazard: {"*": [0.5, 0.6, 0.25, 0.15, 0.1]}, healthCoefficient: -1.5, shockVolatility: 0.3}
};
const baseline: Scenario = {
  ...shakeout,
  name: "Baseline",
  attrition: {...shakeout.attrition, hazard: {"*": [0.2, 0.145, 0.11]}}
};

describe("equivalentSurvival()", () => {
  const flows = {investment: [100, 20, 20], contribution: [0, 150, 80]};
  it("is the break-even survival at an NPV of zero, and inverts the closed form elsewhere", () => {
    expect(equivalentSurvival(flows, 0, {discountRate: 0.1})).toBeCloseTo(
      breakEvenSurvival(flows, {discountRate: 0.1})!,
      10
    );
    for (const s of [0.35, 0.7, 0.95]) {
      const npv = expectedNpv(flows, (t) => s ** t, {discountRate: 0.1});
      expect(equivalentSurvival(flows, npv, {discountRate: 0.1})).toBeCloseTo(s, 10);
    }
  });
  it("is 0 or 1 for values no constant survival gives", () => {
    expect(equivalentSurvival(flows, -1000, {discountRate: 0.1})).toBe(0);
    expect(equivalentSurvival(flows, 1e6, {discountRate: 0.1})).toBe(1);
    expect(() => equivalentSurvival(flows, NaN)).toThrow("invalid NPV: NaN");
  });
  it("from simulatePortfolio: 1 − h under a constant hazard alone, and below break-even exactly when the mean NPV is negative", () => {
    const flat = {...shakeout, attrition: {hazard: {"*": [0.2]}, healthCoefficient: 0, shockVolatility: 0}};
    const sim = simulatePortfolio(accounts, flat, {trials: 4000, seed: 4});
    for (const t of tiers) expect(Math.abs(sim.tiers[t].equivalentSurvival! - 0.8)).toBeLessThan(0.01);
    const shaken = simulatePortfolio(accounts, shakeout, {trials: 2000, seed: 4});
    for (const o of [...tiers.map((t) => shaken.tiers[t]), shaken.total]) {
      if (o.breakEvenSurvival === null) continue;
      expect(o.equivalentSurvival! < o.breakEvenSurvival).toBe(o.npv.mean < 0);
    }
  });
});

describe("histogram()", () => {
  it("bins a sample in equal widths, the last bin closed", () => {
    expect(histogram([0, 1, 2, 3], {bins: 2})).toEqual([
      {x0: 0, x1: 1.5, count: 2},
      {x0: 1.5, x1: 3, count: 2}
    ]);
    expect(histogram([5, 5, 5])).toEqual([{x0: 5, x1: 5, count: 3}]);
    expect(histogram([])).toEqual([]);
    expect(() => histogram([1, NaN])).toThrow("histogram: value 1 is not a finite number (NaN)");
    expect(() => histogram([1], {bins: 0})).toThrow("invalid number of bins: 0");
  });
});

describe("tierVerdict()", () => {
  it("rates a tier by P(NPV > 0) and explains it by break-even and equivalent survival", () => {
    const outcome = simulatePortfolio(accounts, shakeout, {trials: 500, seed: 2}).tiers.S;
    const verdict = tierVerdict({
      ...outcome,
      probabilityPositive: 0.834,
      breakEvenSurvival: 0.6,
      equivalentSurvival: 0.72
    });
    expect(verdict).toEqual({
      rating: "justified",
      sentence: "Multi-year relationship building pays back in 83% of simulated futures.",
      reason:
        "It breaks even at 60% annual survival; the simulated attrition is equivalent to 72% a year, above what it needs.",
      equivalentSurvival: 0.72
    });
    expect(tierVerdict({...outcome, probabilityPositive: 0.5}).rating).toBe("uncertain");
    expect(
      tierVerdict({...outcome, probabilityPositive: 0.49, breakEvenSurvival: 0.9, equivalentSurvival: 0.7}).reason
    ).toBe(
      "It breaks even at 90% annual survival; the simulated attrition is equivalent to 70% a year, short of what it needs."
    );
    expect(tierVerdict({...outcome, breakEvenSurvival: null}).reason).toBe(
      "It loses money even if no customer ever dies: the policy costs more than the orders it wins bring in."
    );
    expect(tierVerdict({...outcome, accounts: 0}).rating).toBe("empty");
  });
  it("tierVerdict() never says 100% or 0% of futures for a share short of it, as the tables do not", () => {
    const outcome = simulatePortfolio(accounts, shakeout, {trials: 200, seed: 2}).tiers.S;
    expect(tierVerdict({...outcome, probabilityPositive: 0.999}).sentence).toBe(
      "Multi-year relationship building pays back in 99.9% of simulated futures."
    );
    expect(tierVerdict({...outcome, probabilityPositive: 0.9998}).sentence).toBe(
      "Multi-year relationship building pays back in more than 99.9% of simulated futures."
    );
    expect(tierVerdict({...outcome, probabilityPositive: 0.0002}).sentence).toBe(
      "Multi-year relationship building pays back in less than 0.1% of simulated futures."
    );
  });
  it("tierVerdict() does not call a mean NPV below every constant survival's 'equivalent to 0%'", () => {
    const outcome = simulatePortfolio(accounts, shakeout, {trials: 200, seed: 2}).tiers.C;
    expect(tierVerdict({...outcome, probabilityPositive: 0, breakEvenSurvival: 0.987, equivalentSurvival: 0})).toEqual({
      rating: "not justified",
      sentence: "Multi-year relationship building pays back in 0% of simulated futures.",
      reason:
        "It breaks even at 99% annual survival; under the simulated attrition it does no better than if every customer left in its first year.",
      equivalentSurvival: 0
    });
  });
});

describe("verdictSummary()", () => {
  const rows = (ratings: TierVerdict["rating"][]) =>
    ratings.map((rating, k) => ({tier: "SABC"[k]!, verdict: {rating}}));
  it("verdictSummary() names the tiers of each rating in one sentence", () => {
    expect(verdictSummary(rows(["justified", "justified", "not justified", "not justified"]))).toBe(
      "Multi-year relationship building is justified for tiers S and A, and not justified for tiers B and C."
    );
    expect(verdictSummary(rows(["justified", "uncertain", "not justified", "empty"]))).toBe(
      "Multi-year relationship building is justified for tier S, uncertain for tier A, and not justified for tier B. Tier C has no accounts."
    );
    expect(verdictSummary(rows(["justified", "justified", "justified", "uncertain"]))).toBe(
      "Multi-year relationship building is justified for tiers S, A and B, and uncertain for tier C."
    );
    expect(verdictSummary(rows(["not justified", "not justified", "not justified", "not justified"]))).toBe(
      "Multi-year relationship building is not justified for tiers S, A, B and C."
    );
    expect(verdictSummary(rows(["empty", "empty"]))).toBe("Tiers S and A have no accounts.");
    expect(verdictSummary([])).toBe("No tiers.");
  });
});

describe("scenarioReport()", () => {
  it("reports each tier with bins instead of draws, and the reference on the same futures", () => {
    const report = scenarioReport(accounts, shakeout, {trials: 800, seed: 3, reference: baseline, bins: 10});
    const a = simulatePortfolio(accounts, shakeout, {trials: 800, seed: 3});
    const b = simulatePortfolio(accounts, baseline, {trials: 800, seed: 3});
    expect(report.tiers.map((t) => t.tier)).toEqual(["S", "A", "B", "C"]);
    expect([report.trials, report.seed, report.horizon, report.accounts, report.asOf]).toEqual([800, 3, 8, 24, 2015]);
    tiers.forEach((tier, k) => {
      const row = report.tiers[k]!;
      expect(row.npv).toEqual(a.tiers[tier].npv);
      expect(row.standardError).toBe(a.tiers[tier].npv.sd / Math.sqrt(800));
      const p = a.tiers[tier].probabilityPositive;
      expect(row.probabilityStandardError).toBe(Math.sqrt((p * (1 - p)) / 800));
      expect(row.histogram).toHaveLength(10);
      expect(row.histogram.reduce((n, bin) => n + bin.count, 0)).toBe(800);
      expect(row.verdict).toEqual(tierVerdict(a.tiers[tier]));
      const d = pairedDifference(b.tiers[tier].npvDraws, a.tiers[tier].npvDraws);
      expect(row.reference!.npvMean).toBe(b.tiers[tier].npv.mean);
      expect(row.reference!.difference.mean).toBe(d.summary.mean);
      expect(row.reference!.difference.probabilityGreater).toBe(d.probabilityGreater);
      expect(row.reference!.survivorsMedian).toEqual(b.tiers[tier].survivors.p50);
      expect(row.reference!.cumulativeCashMedian).toEqual(b.tiers[tier].cumulativeCash.p50);
    });
    expect(report.total.npv).toEqual(a.total.npv);
    expect(report.summary).toBe(verdictSummary(tiers.map((tier) => ({tier, verdict: tierVerdict(a.tiers[tier])}))));
    expect(report.referenceSummary).toBe(
      verdictSummary(tiers.map((tier) => ({tier, verdict: tierVerdict(b.tiers[tier])})))
    );
    expect(report.hazards).toEqual([
      {
        key: "*",
        industries: ["Banking", "Retail", "Telecom"],
        accounts: 24,
        hazard: [0.5, 0.6, 0.25, 0.15, 0.1, 0.1, 0.1, 0.1]
      }
    ]);
    expect(report.referenceHazards).toEqual([
      {
        key: "*",
        industries: ["Banking", "Retail", "Telecom"],
        accounts: 24,
        hazard: [0.2, 0.145, 0.11, 0.11, 0.11, 0.11, 0.11, 0.11]
      }
    ]);
    // A shakeout never beats the baseline's milder attrition on the same futures.
    expect(report.total.reference!.difference.probabilityGreater).toBe(0);
    expect(JSON.stringify(report).length).toBeLessThan(40_000);
    const alone = scenarioReport(accounts, shakeout, {trials: 50});
    expect([alone.tiers[0]!.reference, alone.referenceHazards, alone.referenceSummary]).toEqual([null, null, null]);
  });
});
