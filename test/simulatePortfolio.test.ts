import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {
  accountCashFlows,
  assignTiers,
  breakEvenSurvival,
  defaultScenario,
  expectedNpv,
  hazardAt,
  simulatePortfolio,
  tiers,
  type Account,
  type Scenario
} from "tierwise";
import {account, portfolio24} from "./fixtures/accounts.js";

const accounts: Account[] = portfolio24;

const scenario = (overrides: Partial<Scenario> = {}, attrition: Partial<Scenario["attrition"]> = {}): Scenario => ({
  ...defaultScenario,
  horizon: 8,
  tierRules: {...defaultScenario.tierRules, cut: {by: "rank", topN: 4, shareA: 0.25, shareB: 0.25}},
  ...overrides,
  attrition: {
    hazard: {"*": [0.1, 0.15, 0.08], Telecom: [0.5, 0.6, 0.25, 0.15, 0.1]},
    healthCoefficient: -1.5,
    shockVolatility: 0,
    ...attrition
  }
});

/** The exact expected NPV of each tier when there is no shock: Σ over accounts of expectedNpv(). */
function closedForm(s: Scenario): Record<string, number> {
  const result: Record<string, number> = {S: 0, A: 0, B: 0, C: 0};
  for (const {account: a, tier} of assignTiers(accounts, s.tierRules)) {
    const flows = accountCashFlows(a, s.tiers[tier], s);
    const m = Math.exp(s.attrition.healthCoefficient * (a.health - 0.5));
    const survival: number[] = [];
    let p = 1;
    for (let t = 1; t <= s.horizon; ++t) survival.push((p *= (1 - hazardAt(s.attrition, a.industry, t)) ** m));
    result[tier]! += expectedNpv(flows, survival, {discountRate: s.discountRate});
  }
  return result;
}

describe("simulatePortfolio()", () => {
  it("has Monte Carlo means within 4 standard errors of the closed-form expected NPV", () => {
    const s = scenario();
    const trials = 4000;
    const result = simulatePortfolio(accounts, s, {trials, seed: 11});
    const exact = closedForm(s);
    for (const tier of tiers) {
      const {mean, sd} = result.tiers[tier].npv;
      expect(Math.abs(mean - exact[tier]!)).toBeLessThan((4 * sd) / Math.sqrt(trials));
    }
    expect(result.total.npv.mean).toBeCloseTo(
      tiers.reduce((sum, t) => sum + result.tiers[t].npv.mean, 0),
      4
    );
  });

  it("gives each tier's break-even survival from its accounts' summed flows", () => {
    const s = scenario();
    const result = simulatePortfolio(accounts, s, {trials: 2, seed: 1});
    for (const tier of tiers) {
      const flows = assignTiers(accounts, s.tierRules)
        .filter((d) => d.tier === tier)
        .map((d) => accountCashFlows(d.account, s.tiers[tier], s));
      const sum = (key: "investment" | "contribution") =>
        Array.from({length: s.horizon}, (_, t) => flows.reduce((total, f) => total + f[key][t]!, 0));
      const expected = breakEvenSurvival(
        {investment: sum("investment"), contribution: sum("contribution")},
        {discountRate: s.discountRate}
      );
      expect(result.tiers[tier].breakEvenSurvival).toBe(expected);
    }
    expect(result.tiers.S.breakEvenSurvival).toBeGreaterThan(0);
    expect(result.tiers.S.breakEvenSurvival).toBeLessThan(1);
  });

  it("is deterministic and equals the closed form with hazard 0", () => {
    const s = scenario({}, {hazard: {"*": [0]}});
    const result = simulatePortfolio(accounts, s, {trials: 5, seed: 1});
    const exact = closedForm(s);
    for (const tier of tiers) {
      expect(result.tiers[tier].npv.sd).toBe(0);
      expect(result.tiers[tier].npv.mean).toBeCloseTo(exact[tier]!, 6);
      expect(result.tiers[tier].wastedBeforeFirstOrder).toBe(0);
      expect(result.tiers[tier].survivors.p5.at(-1)).toBe(result.tiers[tier].accounts);
    }
  });

  it("loses every account in year 1 with hazard 1, all its first-year investment wasted", () => {
    const s = scenario({}, {hazard: {"*": [1]}});
    const result = simulatePortfolio(accounts, s, {trials: 3, seed: 1});
    const firstYear = assignTiers(accounts, s.tierRules).reduce(
      (sum, {account: a, tier}) => sum + accountCashFlows(a, s.tiers[tier], s).investment[0]!,
      0
    );
    expect(result.total.npv.mean).toBeCloseTo(-firstYear, 6);
    expect(result.total.survivors.mean).toEqual([24, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(result.total.wastedBeforeFirstOrder).toBeCloseTo(firstYear, 6);
    expect(result.total.probabilityPayback).toBe(0);
  });

  it("counts investment wasted on accounts that die before their first order", () => {
    const result = simulatePortfolio(accounts, scenario(), {trials: 500, seed: 2});
    // S has a two-year ramp; Telecom loses half its firms in year one.
    expect(result.tiers.S.wastedBeforeFirstOrder).toBeGreaterThan(0);
    expect(result.tiers.S.wastedBeforeFirstOrder).toBeLessThan(result.tiers.S.investment);
    expect(result.tiers.S.wastedBeforePayback).toBeGreaterThanOrEqual(result.tiers.S.wastedBeforeFirstOrder);
  });

  it("books each account's investment by its fate, to the unit, in a deterministic case", () => {
    // Discount rate 0, no shock, hazards 0 or 1: every lifetime is fixed. One tier (S) with a
    // one-year ramp; year 1 costs 150 (a head of 100 and pre-sales of 50), later years 100; from
    // year 2 a living account contributes half its wallet a year. Its own cash turns
    // non-negative in year 2 (wallet 1,000), year 4 (wallet 300) or never (wallet 200).
    const policy = {
      ...defaultScenario.tiers.S,
      rampYears: 1,
      headsPerAccount: 1,
      presalesCost: 50,
      firstShare: 0.5,
      shareCeiling: 0.5,
      shareGrowth: 0,
      grossMargin: 1,
      costToServe: {costPerOrder: 0, ordersPerYear: 0, variableShare: 0}
    };
    const book = [
      ["dies in year 1", "Y1", 1000],
      ["dies in year 2, in its ramp", "Y2", 1000],
      ["dies in year 3, paid back in year 2", "Y3", 1000],
      ["dies in year 3, before its payback in year 4", "Y3", 300],
      ["dies in year 4, would never pay back", "Y4", 200],
      ["lives, paid back in year 2", "Never", 1000],
      ["lives, not paid back at the horizon", "Never", 200]
    ].map(([id, industry, wallet]) =>
      account({
        id: String(id),
        industry: String(industry),
        annualWallet: Number(wallet),
        annualRevenue: 0,
        walletGrowth: 0
      })
    );
    const s: Scenario = {
      ...defaultScenario,
      horizon: 4,
      discountRate: 0,
      costPerHead: 100,
      tierRules: {...defaultScenario.tierRules, cut: {by: "rank", topN: book.length, shareA: 0, shareB: 0}},
      tiers: {...defaultScenario.tiers, S: policy},
      attrition: {
        hazard: {Y1: [1], Y2: [0, 1], Y3: [0, 0, 1], Y4: [0, 0, 0, 1], Never: [0]},
        healthCoefficient: -1.5,
        shockVolatility: 0
      }
    };
    const S = simulatePortfolio(book, s, {trials: 3, seed: 5}).tiers.S;
    expect(S.accounts).toBe(7);
    // Spent until exit: 150 in year 1, 250 by year 2, 350 by year 3, 450 by year 4.
    expect(S.ledger).toEqual({
      diedBeforeFirstOrder: 150 + 250,
      diedBeforePayback: 350 + 450,
      notYetPaidBack: 450,
      paidBack: 350 + 450
    });
    expect(S.wastedBeforeFirstOrder).toBe(400);
    expect(S.wastedBeforePayback).toBe(1200);
    expect(S.investment).toBe(2450);

    // A ramp that reaches past the horizon: pre-sales every year (150 a year), and every account
    // that dies within it dies before its first order; those alive at the horizon have not paid back.
    const long = simulatePortfolio(
      book,
      {...s, tiers: {...s.tiers, S: {...policy, rampYears: 6}}},
      {trials: 2, seed: 5}
    ).tiers.S;
    expect(long.ledger).toEqual({
      diedBeforeFirstOrder: 150 + 300 + 450 * 2 + 600,
      diedBeforePayback: 0,
      notYetPaidBack: 1200,
      paidBack: 0
    });
  });

  it("never books more wasted than invested, nor more before the first order than before payback (property)", () => {
    const money = fc.integer({min: 0, max: 400_000});
    fc.assert(
      fc.property(
        fc.integer({min: 1, max: 30}),
        fc.array(fc.integer({min: 0, max: 15}), {minLength: 4, maxLength: 4}),
        fc.array(fc.double({min: 0, max: 1, noNaN: true}), {minLength: 1, maxLength: 8}),
        fc.double({min: 0, max: 0.6, noNaN: true}),
        fc.array(fc.record({heads: fc.double({min: 0, max: 3, noNaN: true}), presales: money}), {
          minLength: 4,
          maxLength: 4
        }),
        (horizon, ramps, hazard, shock, effort) => {
          const base = scenario(
            {horizon},
            {hazard: {"*": hazard, Telecom: hazard.map((h) => h / 2)}, shockVolatility: shock}
          );
          const s: Scenario = {
            ...base,
            tiers: Object.fromEntries(
              tiers.map((t, k) => [
                t,
                {
                  ...base.tiers[t],
                  rampYears: ramps[k]!,
                  headsPerAccount: effort[k]!.heads,
                  presalesCost: effort[k]!.presales
                }
              ])
            ) as Scenario["tiers"]
          };
          const result = simulatePortfolio(accounts, s, {trials: 20, seed: horizon});
          for (const o of [...tiers.map((t) => result.tiers[t]), result.total]) {
            expect(o.wastedBeforeFirstOrder).toBeGreaterThanOrEqual(0);
            expect(o.wastedBeforeFirstOrder).toBeLessThanOrEqual(o.wastedBeforePayback);
            expect(o.wastedBeforePayback).toBeLessThanOrEqual(o.investment);
            for (const part of Object.values(o.ledger)) expect(part).toBeGreaterThanOrEqual(0);
            const {diedBeforeFirstOrder, diedBeforePayback, notYetPaidBack, paidBack} = o.ledger;
            expect(diedBeforeFirstOrder + diedBeforePayback + notYetPaidBack + paidBack).toBeCloseTo(o.investment, 6);
          }
          // A ramp as long as the horizon: nothing dies after its first order, and with heads
          // on the account (so its cash is negative until orders come) nothing pays back.
          for (const t of tiers) {
            const o = result.tiers[t];
            if (ramps[tiers.indexOf(t)]! >= horizon && o.accounts > 0) {
              expect(o.ledger.diedBeforePayback).toBe(0);
              if (effort[tiers.indexOf(t)]!.heads > 0) expect(o.ledger.paidBack).toBe(0);
            }
          }
        }
      ),
      {numRuns: 60}
    );
  });

  it("handles horizons of 1 and 30 years, one trial and an empty tier", () => {
    const one = simulatePortfolio(accounts, scenario({horizon: 1}), {trials: 1, seed: 1});
    expect(one.total.survivors.year).toEqual([0, 1]);
    expect(one.total.npv.sd).toBe(0);
    const long = simulatePortfolio(accounts, scenario({horizon: 30}), {trials: 50, seed: 1});
    expect(long.total.cumulativeCash.year).toHaveLength(31);
    const noS = simulatePortfolio(
      accounts,
      scenario({tierRules: {...defaultScenario.tierRules, cut: {by: "rank", topN: 0, shareA: 0.5, shareB: 0.2}}}),
      {
        trials: 20,
        seed: 1
      }
    );
    expect(noS.tiers.S.accounts).toBe(0);
    expect(noS.tiers.S.npv.mean).toBe(0);
    expect(noS.tiers.S.probabilityPayback).toBe(0);
    expect(noS.tiers.S.breakEvenSurvival).toBeNull();
    expect(noS.tiers.S.perHead.revenue.every((x) => x === 0)).toBe(true);
  });

  it("returns the tiers of assignTiers, whether it tiered the accounts itself or was given them", () => {
    const withExited = [...portfolio24, account({id: "gone", exitYear: 2020})];
    const own = simulatePortfolio(withExited, defaultScenario, {trials: 50, seed: 3});
    const tiered = assignTiers(withExited, defaultScenario.tierRules);
    expect(own.tiered).toEqual(tiered);
    expect(own.tiered.map((d) => d.account.id)).not.toContain("gone");
    const given = simulatePortfolio(withExited, defaultScenario, {trials: 50, seed: 3, tiered});
    expect(given.tiered).toBe(tiered);
    expect(given.total.npvDraws).toEqual(own.total.npvDraws);
  });

  it("runs 100,000 trials", () => {
    const result = simulatePortfolio(accounts.slice(0, 3), scenario({horizon: 3}), {trials: 100_000, seed: 1});
    expect(result.total.npvDraws).toHaveLength(100_000);
  });

  it("gives the same numbers for the same seed and different ones for another", () => {
    const s = scenario({}, {shockVolatility: 0.3});
    const a = simulatePortfolio(accounts, s, {trials: 200, seed: 7});
    const b = simulatePortfolio(accounts, s, {trials: 200, seed: 7});
    expect(b.total.npvDraws).toEqual(a.total.npvDraws);
    expect(b.tiers.A.cumulativeCash).toEqual(a.tiers.A.cumulativeCash);
    expect(simulatePortfolio(accounts, s, {trials: 200, seed: 8}).total.npv.mean).not.toBe(a.total.npv.mean);
  });

  it("shares its futures between scenarios that differ only in policy (common random numbers)", () => {
    const base = scenario({}, {shockVolatility: 0.3});
    const longerRamp = {...base, tiers: {...base.tiers, S: {...base.tiers.S, rampYears: 4}}};
    const a = simulatePortfolio(accounts, base, {trials: 300, seed: 4});
    const b = simulatePortfolio(accounts, longerRamp, {trials: 300, seed: 4});
    expect(b.total.survivors).toEqual(a.total.survivors);
    expect(b.tiers.A.npvDraws).toEqual(a.tiers.A.npvDraws);
    // The S difference is paired, future by future, not noise between two samples: a longer ramp
    // costs more in every future, except those where every S account dies in year 1 (equal losses).
    const differences = a.tiers.S.npvDraws.map((x, k) => x - b.tiers.S.npvDraws[k]!);
    expect(differences.every((d) => d >= 0)).toBe(true);
    expect(differences.filter((d) => d > 0).length).toBeGreaterThan(250);
  });

  it("never lets survivors increase, in any trial percentile (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({min: 0, max: 1, noNaN: true}), {minLength: 1, maxLength: 6}),
        fc.double({min: 0, max: 1, noNaN: true}),
        fc.integer({min: 1, max: 12}),
        (hazard, shock, horizon) => {
          const result = simulatePortfolio(
            accounts,
            scenario({horizon}, {hazard: {"*": hazard}, shockVolatility: shock}),
            {trials: 10, seed: 3}
          );
          for (const column of [
            result.total.survivors.p5,
            result.total.survivors.p50,
            result.total.survivors.p95,
            result.total.survivors.mean
          ]) {
            for (let t = 1; t < column.length; ++t) expect(column[t]!).toBeLessThanOrEqual(column[t - 1]!);
          }
        }
      ),
      {numRuns: 40}
    );
  });

  it("matches its recorded result for a small seeded scenario", () => {
    const result = simulatePortfolio(accounts, scenario({horizon: 5}, {shockVolatility: 0.25}), {
      trials: 100,
      seed: 2026
    });
    const round = (x: number) => Math.round(x);
    expect(
      Object.fromEntries(
        [...tiers, "total" as const].map((t) => {
          const o = t === "total" ? result.total : result.tiers[t];
          return [
            t,
            {
              accounts: o.accounts,
              npv: [o.npv.mean, o.npv.p5, o.npv.p95].map(round),
              pPositive: o.probabilityPositive,
              survivors: o.survivors.mean
            }
          ];
        })
      )
    ).toMatchSnapshot();
  });

  it("leaves out only the cash fans and paybacks with {cash: false}", () => {
    const s = scenario({}, {shockVolatility: 0.3});
    const full = simulatePortfolio(accounts, s, {trials: 120, seed: 6});
    const lean = simulatePortfolio(accounts, s, {trials: 120, seed: 6, cash: false});
    for (const [a, b] of [
      ...tiers.map((t) => [full.tiers[t], lean.tiers[t]] as const),
      [full.total, lean.total] as const
    ]) {
      expect(b.npvDraws).toStrictEqual(a.npvDraws);
      expect(b.survivors).toStrictEqual(a.survivors);
      expect(b.ledger).toStrictEqual(a.ledger);
      expect(b.perHead).toStrictEqual(a.perHead);
      expect(b.cumulativeCash.year).toEqual(a.cumulativeCash.year);
      expect(b.cumulativeCash.p50.every(Number.isNaN)).toBe(true);
      expect(b.paybackDraws.every((y) => y === 0)).toBe(true);
      expect(b.probabilityPayback).toBeNaN();
    }
    expect(full.total.probabilityPayback).toBeGreaterThan(0);
  });

  it("rejects invalid trials, horizons and hazards", () => {
    expect(() => simulatePortfolio(accounts, scenario(), {trials: 0})).toThrow("invalid trials: 0");
    expect(() => simulatePortfolio(accounts, scenario({horizon: 31}))).toThrow("invalid horizon: 31");
    expect(() => simulatePortfolio(accounts, scenario({}, {hazard: {"*": [0.1, 1.2]}}))).toThrow(
      'invalid hazard for "Banking" in year 2: 1.2 (0 to 1)'
    );
  });
});
