import {describe, expect, it} from "vitest";
import {
  accountCashFlows,
  accountValueCurve,
  allocateHeads,
  assignTiers,
  defaultEffortResponse,
  defaultScenario,
  defaultTierPolicies,
  effortCashFlows,
  gaussHermite,
  lifetimeDistribution,
  parseScenario,
  responseRateTimesAnchor,
  shockQuadrature,
  simulatePortfolio,
  tiers,
  type Account,
  type FirstAllocation,
  type Scenario,
  type TieredAccount
} from "tierwise";
import {account, portfolio24} from "./fixtures/accounts.js";

const settings = {horizon: 10, discountRate: 0.1, costPerHead: 150_000, defaultWalletGrowth: 0.03};

// A small scenario for enumeration: a short horizon, two industries' hazards, yearly shocks.
const small: Scenario = {
  ...defaultScenario,
  horizon: 6,
  attrition: {
    hazard: {Telecom: [0.3, 0.2, 0.1], Banking: [0.05], "*": [0.15]},
    healthCoefficient: -1.5,
    shockVolatility: 0.4
  }
};

/**
 * Brute force: the best sum of the accounts' curves (values at `levels`) over every allocation using
 * at most `budget` heads, or exactly `budget` with `exactly`.
 */
function enumerated(curves: number[][], levels: number[], budget: number, {exactly = false} = {}): number {
  const n = curves.length;
  let best = -Infinity;
  for (let code = 0; code < levels.length ** n; ++code) {
    let c = code;
    let used = 0;
    let value = 0;
    for (let i = 0; i < n; ++i) {
      const k = c % levels.length;
      c = (c - k) / levels.length;
      used += levels[k]!;
      value += curves[i]![k]!;
    }
    const fits = exactly ? Math.abs(used - budget) < 1e-9 : used <= budget + 1e-9;
    if (fits && value > best) best = value;
  }
  return best;
}

describe("effortCashFlows()", () => {
  it("equals the tier policy's cash flows, to the bit, at the policy's heads", () => {
    for (const tier of tiers) {
      for (const a of portfolio24.slice(0, 6)) {
        const policy = defaultTierPolicies[tier];
        const expected = accountCashFlows(a, policy, settings);
        const actual = effortCashFlows(a, policy, policy.headsPerAccount, settings);
        expect(Array.from(actual.investment)).toEqual(Array.from(expected.investment));
        expect(Array.from(actual.revenue)).toEqual(Array.from(expected.revenue));
        expect(Array.from(actual.contribution)).toEqual(Array.from(expected.contribution));
        expect(actual.rampYears).toBe(policy.rampYears);
        expect(actual.response).toBe(1);
      }
    }
  });

  it("has an elasticity of the share won to effort of 0.34 at the policy's heads", () => {
    // d ln r / d ln h at h₀ by a central difference, for each tier's anchor.
    for (const tier of tiers) {
      const policy = defaultTierPolicies[tier];
      const h0 = policy.headsPerAccount;
      const a = account({annualWallet: 10_000_000, annualRevenue: 1_000_000});
      const e = 1e-5;
      const up = effortCashFlows(a, policy, h0 * (1 + e), settings).response;
      const down = effortCashFlows(a, policy, h0 * (1 - e), settings).response;
      expect((up - down) / (2 * e)).toBeCloseTo(0.34, 6);
    }
    // x / (eˣ − 1) = 0.34 at x ≈ 1.8733: 1.8733 / (e^1.8733 − 1) = 1.8733 / 5.5103 = 0.3400.
    expect(responseRateTimesAnchor(0.34)).toBeCloseTo(1.8733, 4);
  });

  it("keeps only today's purchases, eroding, with no heads", () => {
    const a = account({annualRevenue: 1_000_000, walletGrowth: 0, grossMargin: 0.4});
    const flows = effortCashFlows(a, defaultTierPolicies.B, 0, settings);
    expect(Array.from(flows.investment)).toEqual(new Array(10).fill(0));
    expect(flows.revenue[0]).toBeCloseTo(750_000, 6);
    expect(flows.revenue[1]).toBeCloseTo(562_500, 6);
    // Contribution: 750,000 · 0.4 − (4 · 25,000 + 0.05 · 750,000).
    expect(flows.contribution[0]).toBeCloseTo(162_500, 6);
  });

  it("shortens the ramp with more heads and lengthens it with fewer, a fraction of a year without orders", () => {
    const a = account();
    const S = defaultTierPolicies.S; // two heads, two ramp years
    const more = effortCashFlows(a, S, 8, settings); // ramp 2 · (2/8)^0.5 = 1
    expect(more.rampYears).toBeCloseTo(1, 12);
    expect(more.revenue[0]).toBe(0);
    expect(more.revenue[1]).toBeGreaterThan(0);
    const fewer = effortCashFlows(a, S, 0.5, settings); // ramp 2 · 2 = 4
    expect(fewer.rampYears).toBeCloseTo(4, 12);
    expect(Array.from(fewer.revenue.slice(0, 4))).toEqual([0, 0, 0, 0]);
    // Pre-sales for the four ramp years only; heads every year.
    expect(fewer.investment[3]).toBeCloseTo(0.5 * 150_000 + 250_000, 6);
    expect(fewer.investment[4]).toBeCloseTo(0.5 * 150_000, 6);
    const half = effortCashFlows(a, S, 2 / 1.5625, settings); // ramp 2 · 1.25 = 2.5: half of year 3 ordering
    expect(half.rampYears).toBeCloseTo(2.5, 12);
    expect(half.investment[2]).toBeCloseTo((2 / 1.5625) * 150_000 + 125_000, 6);
    expect(half.revenue[2]).toBeGreaterThan(0);
  });
});

describe("lifetimeDistribution()", () => {
  it("is the product of yearly survivals without shocks", () => {
    const p = lifetimeDistribution([0.1, 0.1], 1, shockQuadrature(0));
    expect(p[0]).toBeCloseTo(0.1, 15);
    expect(p[1]).toBeCloseTo(0.09, 15);
    expect(p[2]).toBeCloseTo(0.81, 15);
  });

  it("integrates the log-normal shock exactly: Gauss–Hermite nodes and E[Z] = 1", () => {
    // Two-point rule: x = ±1/√2, w = √π/2 (Abramowitz and Stegun, Table 25.10).
    const {x, w} = gaussHermite(2);
    expect(x[0]).toBeCloseTo(Math.SQRT1_2, 14);
    expect(w[0]).toBeCloseTo(Math.sqrt(Math.PI) / 2, 14);
    const q = shockQuadrature(0.5);
    let mean = 0;
    let second = 0;
    for (let k = 0; k < q.z.length; ++k) {
      mean += q.w[k]! * q.z[k]!;
      second += q.w[k]! * q.z[k]! * q.z[k]!;
    }
    expect(mean).toBeCloseTo(1, 12);
    expect(second).toBeCloseTo(Math.exp(0.25), 12); // E[Z²] = e^(σ²)
    // Wide shocks take more nodes and still integrate E[Z] = 1 and E[Z²] = e^(σ²).
    const wide = shockQuadrature(1.2);
    let m1 = 0;
    let m2 = 0;
    for (let k = 0; k < wide.z.length; ++k) {
      m1 += wide.w[k]! * wide.z[k]!;
      m2 += wide.w[k]! * wide.z[k]! * wide.z[k]!;
    }
    expect(m1).toBeCloseTo(1, 10);
    expect(m2 / Math.exp(1.44)).toBeCloseTo(1, 8);
  });

  it("agrees with simulatePortfolio's simulated survivors within 4 standard errors, with shocks", () => {
    const scenario: Scenario = {...small, attrition: {...small.attrition, healthCoefficient: 0}};
    const accounts = portfolio24.map((a) => ({...a, industry: "Telecom", health: 0.5}));
    const sim = simulatePortfolio(accounts, scenario, {trials: 4000, seed: 9});
    const p = lifetimeDistribution([0.3, 0.2, 0.1, 0.1, 0.1, 0.1], 1, shockQuadrature(0.4));
    let alive = 1;
    for (let t = 1; t <= 6; ++t) {
      alive -= p[t - 1]!;
      const simulated = sim.total.survivors.mean[t]! / accounts.length;
      // Accounts of one industry share shocks, so the standard error is that of the trial means.
      const se = (sim.total.survivors.p95[t]! - sim.total.survivors.p5[t]!) / 3.29 / accounts.length / Math.sqrt(4000);
      expect(Math.abs(simulated - alive)).toBeLessThan(4 * se + 1e-12);
    }
  });
});

describe("allocateHeads()", () => {
  it("gives the simulated mean NPV of today's policies when every account is locked at its tier's heads", () => {
    const tiered = assignTiers(portfolio24, small.tierRules);
    const locked = Object.fromEntries(tiered.map((d) => [d.account.id, small.tiers[d.tier].headsPerAccount]));
    const heads = Object.values(locked).reduce((a, b) => a + b, 0);
    const result = allocateHeads(portfolio24, small, {heads, locked, trials: 200});
    const sim = simulatePortfolio(portfolio24, small, {trials: 20_000, seed: 5});
    const se = sim.total.npv.sd / Math.sqrt(20_000);
    expect(Math.abs(result.total.expectedNpv - sim.total.npv.mean)).toBeLessThan(4 * se);
    expect(result.total.heads).toBe(heads);
  });

  // Five small portfolios, heads from 0 to 2 in half steps (5 levels each), every budget.
  const cases: {name: string; accounts: Account[]; budgets: number[]}[] = [
    {name: "three accounts", accounts: portfolio24.slice(0, 3), budgets: [0, 0.5, 1.5, 3, 6]},
    {name: "four accounts", accounts: portfolio24.slice(4, 8), budgets: [1, 2.5, 4, 8]},
    {name: "five accounts", accounts: portfolio24.slice(10, 15), budgets: [0.5, 2, 3.5, 5, 10]},
    {name: "a weak account and whales", accounts: portfolio24.slice(15, 19), budgets: [1, 2, 3]},
    {
      name: "one industry",
      accounts: portfolio24.slice(0, 5).map((a) => ({...a, industry: "Telecom"})),
      budgets: [0.5, 1, 4.5]
    }
  ];
  for (const {name, accounts, budgets} of cases) {
    it(`finds the optimum that enumeration finds: ${name}`, () => {
      const scenario: Scenario = {
        ...small,
        tierRules: {...small.tierRules, cut: {by: "rank", topN: 1, shareA: 0.25, shareB: 0.25}}
      };
      const tiered = assignTiers(accounts, scenario.tierRules);
      const levels = [0, 0.5, 1, 1.5, 2];
      const perTier = {S: {max: 2}, A: {max: 2}, B: {max: 2}, C: {max: 2}};
      // Each account's curve, from accountValueCurve alone.
      const curves = tiered.map(
        (d) => accountValueCurve(d, scenario, {heads: levels, trials: 100, seed: 3}).expectedNpv
      );
      for (const budget of budgets) {
        const result = allocateHeads(accounts, scenario, {heads: budget, step: 0.5, perTier, trials: 100, seed: 3});
        const best = enumerated(curves, levels, budget);
        expect(result.gap).toBe(0);
        expect(result.total.expectedNpv).toBeCloseTo(best, 4);
        // The allocation's value is the sum of the curves at its heads.
        const sum = result.allocation.reduce((s, row, i) => s + curves[i]![levels.indexOf(row.heads)]!, 0);
        expect(result.total.expectedNpv).toBeCloseTo(sum, 4);
        expect(result.total.heads).toBeLessThanOrEqual(budget);
        // Every frontier point is feasible and within its own gap of the enumerated optimum.
        expect(result.frontier.length).toBe(Math.round(budget / 0.5) + 1);
        for (const row of result.frontier) {
          expect(row.heads).toBeLessThanOrEqual(row.budget + 1e-9);
          const optimum = enumerated(curves, levels, row.budget);
          expect(row.expectedNpv).toBeLessThanOrEqual(optimum + 1e-6 * Math.abs(optimum));
          expect(row.expectedNpv + row.gap).toBeGreaterThanOrEqual(optimum - 1e-6 * Math.abs(optimum));
        }
      }
    });
  }

  it("splits the gain over today into reallocation (the best use of exactly today's heads) and sizing, as enumeration does", () => {
    const scenario: Scenario = {
      ...small,
      tierRules: {...small.tierRules, cut: {by: "rank", topN: 1, shareA: 0.3, shareB: 0.3}}
    };
    const accounts = portfolio24.slice(0, 3).map((a, i) => ({...a, salesHeads: [0.5, 1, 1.5][i]!}));
    const tiered = assignTiers(accounts, scenario.tierRules);
    const levels = [0, 0.5, 1, 1.5, 2];
    const perTier = {S: {max: 2}, A: {max: 2}, B: {max: 2}, C: {max: 2}};
    const curves = tiered.map((d) => accountValueCurve(d, scenario, {heads: levels, trials: 50}).expectedNpv);
    const result = allocateHeads(accounts, scenario, {heads: 4, step: 0.5, perTier, trials: 50});
    const sameTotal = enumerated(curves, levels, 3, {exactly: true});
    const best = enumerated(curves, levels, Infinity);
    const today = tiered.reduce((s, d, i) => s + curves[i]![levels.indexOf(d.account.salesHeads)]!, 0);
    expect(result.leftOnTable.exact).toBe(true);
    expect(result.baselines.current.expectedNpv).toBeCloseTo(today, 4);
    expect(result.leftOnTable.reallocation).toBeCloseTo(sameTotal - today, 4);
    expect(result.leftOnTable.sizing).toBeCloseTo(best - sameTotal, 4);
    expect(result.leftOnTable.bestExpectedNpv).toBeCloseTo(best, 4);
  });

  it("refuses a budget with too many steps to walk, naming heads and the smallest step that works", () => {
    expect(() => allocateHeads(portfolio24, small, {heads: 1e8, step: 0.25, trials: 10})).toThrow(
      /^heads: 100000000 heads in steps of 0\.25 make 400,000,000 budgets, more than the 100,000,000 the model walks: use a step of at least 1$/
    );
  });

  it("on a portfolio too large to enumerate: the frontier never falls, the gap is not negative, and the parts add up", () => {
    const result = allocateHeads(portfolio24, defaultScenario, {heads: 17.25, trials: 200});
    for (let k = 1; k < result.frontier.length; ++k)
      expect(result.frontier[k]!.expectedNpv).toBeGreaterThanOrEqual(result.frontier[k - 1]!.expectedNpv - 1e-6);
    expect(result.gap).toBeGreaterThanOrEqual(0);
    // Value left on the table adds up.
    const {reallocation, sizing, bestExpectedNpv} = result.leftOnTable;
    expect(reallocation + sizing).toBeCloseTo(bestExpectedNpv - result.baselines.current.expectedNpv, 3);
    // Per-tier heads add up to the total.
    const heads = tiers.reduce((s, t) => s + result.tiers[t].heads, 0);
    expect(heads).toBeCloseTo(result.total.heads, 9);
  });

  it("hands onFrontier, before any future is simulated, the banded frontier rows and total the result then has", () => {
    const events: string[] = [];
    let first: FirstAllocation | null = null;
    // 6,000 budgets in steps of 0.01: every second one carries percentiles.
    const result = allocateHeads(portfolio24, defaultScenario, {
      heads: 60,
      step: 0.01,
      trials: 20,
      onProgress: (done) => events.push(`progress ${done}`),
      onFrontier: (f) => {
        events.push("frontier");
        first = f;
      }
    });
    expect(events.filter((e) => e === "frontier")).toHaveLength(1);
    expect(events.slice(events.indexOf("frontier") - 1, events.indexOf("frontier") + 2)).toEqual([
      "progress 0.2",
      "frontier",
      "progress 0.3"
    ]);
    const got = first as unknown as FirstAllocation;
    const banded = result.frontier.filter((row) => row.p5 !== null);
    expect(banded).toHaveLength(3001);
    expect(got.frontier).toEqual(banded.map((row) => ({...row, p5: null, p95: null, probabilityPositive: null})));
    expect(got.frontier.map((row) => row.budget).slice(0, 3)).toEqual([0, 0.02, 0.04]);
    expect(got.frontier.at(-1)!.budget).toBe(60);
    const pending = {p5: null, p95: null, probabilityPositive: null};
    expect(got.total).toEqual({...result.total, ...pending});
    expect([got.method, got.gap, got.step]).toEqual([result.method, result.gap, 0.01]);
  });

  it("hands onFrontier the whole allocation the result then has, all but its figures over the futures", () => {
    let first: FirstAllocation | null = null;
    const result = allocateHeads(portfolio24, small, {heads: 14, trials: 300, seed: 4, onFrontier: (f) => (first = f)});
    const got = first as unknown as FirstAllocation;
    const pending = {p5: null, p95: null, probabilityPositive: null};
    expect(got.allocation).toEqual(result.allocation);
    expect(got.nextHeads).toEqual(result.nextHeads);
    expect(got.fewerHeads).toEqual(result.fewerHeads);
    expect(got.leftOnTable).toEqual(result.leftOnTable);
    expect(got.baselines.current).toEqual({...result.baselines.current, ...pending});
    for (const t of tiers) {
      const {today, allocated, ...rest} = result.tiers[t];
      expect(got.tiers[t]).toEqual({...rest, today: {...today, ...pending}, allocated: {...allocated, ...pending}});
    }
    expect([got.asOf, got.trials, got.seed, got.objective, got.bounds]).toEqual([
      result.asOf,
      300,
      4,
      "mean",
      result.bounds
    ]);
  });

  it("gives accounts that share a health their own industry's lifetimes, as each account's curve alone has them", () => {
    // Accounts of one industry and health share one lifetime distribution; of another industry, not.
    const base = portfolio24[0]!;
    const accounts = [
      {...base, id: "T1", industry: "Telecom", health: 0.4},
      {...base, id: "B1", industry: "Banking", health: 0.4},
      {...base, id: "T2", industry: "Telecom", health: 0.4}
    ];
    const result = allocateHeads(accounts, small, {heads: 6, step: 1, trials: 10});
    for (const row of result.allocation) {
      const account = accounts.find((a) => a.id === row.id)!;
      const curve = accountValueCurve(account, small, {heads: [0, 2, row.heads], tier: row.tier, trials: 10});
      expect(row.expectedNpv).toBe(curve.expectedNpv[2]);
    }
    const alone = (account: (typeof accounts)[number]) =>
      accountValueCurve(account, small, {heads: [0], tier: "C", trials: 10}).expectedNpv[0]!;
    expect(alone(accounts[0]!)).not.toBe(alone(accounts[1]!));
    expect(result.nextHeads.find((d) => d.id === "T1")?.survival).not.toBe(
      result.nextHeads.find((d) => d.id === "B1")?.survival
    );
  });

  it("gives each tier's figures today and allocated as a run on that tier alone, locked, would", () => {
    const result = allocateHeads(portfolio24, small, {heads: 14, trials: 300, seed: 4});
    const tiered = assignTiers(portfolio24, small.tierRules);
    let sum = 0;
    for (const tier of tiers) {
      const rows = tiered.filter((d) => d.tier === tier);
      const t = result.tiers[tier];
      expect(t.accounts).toBe(rows.length);
      sum += t.allocated.expectedNpv;
      if (rows.length === 0) continue;
      const locked = Object.fromEntries(result.allocation.filter((r) => r.tier === tier).map((r) => [r.id, r.heads]));
      const alone = allocateHeads(portfolio24, small, {heads: 100, locked, trials: 300, seed: 4, tiered: rows});
      expect(t.allocated.p5).toBe(alone.total.p5);
      expect(t.allocated.p95).toBe(alone.total.p95);
      expect(t.allocated.probabilityPositive).toBe(alone.total.probabilityPositive);
      expect(t.allocated.expectedNpv).toBeCloseTo(alone.total.expectedNpv, 6);
      expect(t.allocated.revenuePerHead).toBeCloseTo(alone.total.revenuePerHead!, 6);
      expect(t.today.expectedNpv).toBeCloseTo(alone.baselines.current.expectedNpv, 6);
      expect(t.today.p5).toBe(alone.baselines.current.p5);
      expect(t.currentHeads).toBeCloseTo(
        rows.reduce((s, d) => s + d.account.salesHeads, 0),
        9
      );
    }
    expect(sum).toBeCloseTo(result.total.expectedNpv, 4);
  });

  it("gives an account the same futures whichever accounts share the run", () => {
    const tiered = assignTiers(portfolio24, defaultScenario.tierRules);
    const target = tiered[5]!;
    const h = 1.5;
    const curve = accountValueCurve(target, defaultScenario, {heads: [h], trials: 300, seed: 11});
    const locked = Object.fromEntries(tiered.map((d) => [d.account.id, d === target ? h : 0]));
    // The same account locked at h in the whole portfolio and alone: its own distribution is the curve's.
    const alone = allocateHeads([target.account], defaultScenario, {
      heads: h,
      locked: {[target.account.id]: h},
      trials: 300,
      seed: 11,
      tiered: [target]
    });
    expect(alone.total.p5).toBe(curve.p5[0]);
    expect(alone.total.p95).toBe(curve.p95[0]);
    expect(alone.total.probabilityPositive).toBe(curve.probabilityPositive[0]);
    expect(alone.total.expectedNpv).toBe(curve.expectedNpv[0]);
    const all = allocateHeads(portfolio24, defaultScenario, {heads: h, locked, trials: 300, seed: 11, tiered});
    expect(all.allocation[5]!.expectedNpv).toBe(curve.expectedNpv[0]);
  });

  it("gives up expected NPV for a thinner tail under a risk-averse objective, and none with weight 0", () => {
    const options = {heads: 12, trials: 400, seed: 2};
    const mean = allocateHeads(portfolio24, small, options);
    const neutral = allocateHeads(portfolio24, small, {...options, objective: {cvar: {alpha: 0.1, weight: 0}}});
    expect(neutral.total.expectedNpv).toBe(mean.total.expectedNpv);
    expect(neutral.risk!.meanGivenUp).toBe(0);
    const averse = allocateHeads(portfolio24, small, {...options, objective: {cvar: {alpha: 0.1, weight: 3}}});
    expect(averse.risk!.meanGivenUp).toBeGreaterThanOrEqual(0);
    expect(averse.risk!.meanGivenUp).toBeCloseTo(mean.total.expectedNpv - averse.total.expectedNpv, 3);
    // The objective it maximises is at least the mean-optimal allocation's.
    const objective = (r: typeof mean, shortfall: number) => r.total.expectedNpv - 3 * shortfall;
    const meanShortfall = allocateHeads(portfolio24, small, {
      ...options,
      objective: {cvar: {alpha: 0.1, weight: 1e-12}}
    }).risk!.shortfall;
    expect(objective(averse, averse.risk!.shortfall)).toBeGreaterThanOrEqual(objective(mean, meanShortfall) - 1e-6);
    expect(averse.risk!.shortfall).toBeLessThanOrEqual(meanShortfall + 1e-6);
  });

  it("names the field of bad input in a RangeError", () => {
    const run = (options: Partial<Parameters<typeof allocateHeads>[2]>) => () =>
      allocateHeads(portfolio24, small, {heads: 10, trials: 10, ...options});
    expect(run({heads: -1})).toThrow(/^heads: must be a number of at least 0, got -1$/);
    expect(run({locked: {NOPE: 1}})).toThrow(/^locked: no active account has id "NOPE"$/);
    expect(run({locked: {A00: -2}})).toThrow(/^locked\.A00: must be a number of heads of at least 0, got -2$/);
    expect(run({perTier: {S: {min: 3, max: 2}}})).toThrow(/^perTier\.S: min 3 is above max 2$/);
    expect(run({heads: 5, locked: {A00: 4, A01: 3}})).toThrow(
      /^heads: 5 is below the 7 heads that locked accounts and tier minimums take$/
    );
    expect(run({step: 0})).toThrow(/^step: /);
    expect(run({objective: {cvar: {alpha: 1.5, weight: 1}}})).toThrow(/^objective\.cvar\.alpha: /);
    expect(() => accountValueCurve(portfolio24[0]!, small, {heads: [1]})).toThrow(/^tier: /);
    expect(() => accountValueCurve(assignTiers(portfolio24)[0] as TieredAccount, small, {heads: [1, -1]})).toThrow(
      /^heads\[1\]: must be a number of at least 0, got -1$/
    );
  });

  it("keeps a tier's response where its policy was measured when the scenario's heads move, by its anchor", () => {
    const tiered = assignTiers(portfolio24, small.tierRules);
    const moved: Scenario = {
      ...small,
      tiers: {
        ...small.tiers,
        S: {...small.tiers.S, headsPerAccount: 3.5},
        C: {...small.tiers.C, headsPerAccount: 0.05}
      },
      response: {...defaultEffortResponse, anchor: {S: 2, C: 0.15}}
    };
    const heads = [0, 0.5, 2, 3.5, 6];
    for (const d of tiered.filter((r) => r.tier === "S" || r.tier === "C").slice(0, 4)) {
      const before = accountValueCurve(d, small, {heads, trials: 50});
      const after = accountValueCurve(d, moved, {heads, trials: 50});
      expect(after.expectedNpv).toEqual(before.expectedNpv);
    }
    // Without the anchor the response moves with the policy's heads.
    const unanchored: Scenario = {...moved, response: defaultEffortResponse};
    const d = tiered.find((r) => r.tier === "S")!;
    expect(accountValueCurve(d, unanchored, {heads: [2], trials: 50}).expectedNpv[0]).not.toBe(
      accountValueCurve(d, small, {heads: [2], trials: 50}).expectedNpv[0]
    );
    expect(parseScenario({version: 1, response: {anchor: {S: 2}}}).response!.anchor).toEqual({S: 2});
    expect(() => parseScenario({version: 1, response: {anchor: {X: 2}}})).toThrow(
      /response\.anchor\.X: is not a known setting/
    );
    expect(() => parseScenario({version: 1, response: {anchor: {S: -1}}})).toThrow(
      /response\.anchor\.S: must be a number from 0 to 100/
    );
  });

  it("reads a scenario's effort response and rejects bad ones", () => {
    const parsed = parseScenario({version: 1, response: {elasticity: 0.5, erosion: 0.1}});
    expect(parsed.response).toEqual({...defaultEffortResponse, elasticity: 0.5, erosion: 0.1});
    expect(parseScenario({version: 1}).response).toBeUndefined();
    expect(() => parseScenario({version: 1, response: {elasticity: 1}})).toThrow(
      /response\.elasticity: must be between 0 and 1/
    );
    expect(() => parseScenario({version: 1, response: {speed: 1}})).toThrow(/response\.speed: is not a known setting/);
  });
});

describe("simulatePortfolio() with heads moved from the response's anchor", () => {
  it("simulates the effort response, and its mean agrees with the allocation's exact expectation within 4 SE", () => {
    const moved: Scenario = {
      ...small,
      tiers: {...small.tiers, S: {...small.tiers.S, headsPerAccount: 3.5}, A: {...small.tiers.A, headsPerAccount: 0.4}},
      response: {...defaultEffortResponse, anchor: {S: 2, A: 1}}
    };
    const sim = simulatePortfolio(portfolio24, moved, {trials: 20_000, seed: 8});
    const tiered = assignTiers(portfolio24, moved.tierRules);
    const locked = Object.fromEntries(tiered.map((d) => [d.account.id, moved.tiers[d.tier].headsPerAccount]));
    const exact = allocateHeads(portfolio24, moved, {heads: 1000, locked, trials: 10});
    for (const tier of tiers) {
      const se = sim.tiers[tier].npv.sd / Math.sqrt(20_000);
      expect(Math.abs(sim.tiers[tier].npv.mean - exact.tiers[tier].expectedNpv)).toBeLessThan(4 * se + 1e-6);
    }
    // Without the anchor, the moved heads are only a cost: a different result.
    const {response: _response, ...withoutResponse} = moved;
    const unanchored = simulatePortfolio(portfolio24, withoutResponse, {trials: 2000, seed: 8});
    expect(unanchored.tiers.S.npv.mean).not.toBe(
      simulatePortfolio(portfolio24, moved, {trials: 2000, seed: 8}).tiers.S.npv.mean
    );
    // With the anchor at the policy's own heads nothing changes, to the bit.
    const same: Scenario = {...small, response: {...defaultEffortResponse, anchor: {S: 2, A: 1, B: 0.5, C: 0.15}}};
    expect(Array.from(simulatePortfolio(portfolio24, same, {trials: 500, seed: 8}).total.npvDraws)).toEqual(
      Array.from(simulatePortfolio(portfolio24, small, {trials: 500, seed: 8}).total.npvDraws)
    );
  });
});
