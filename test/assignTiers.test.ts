import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {
  assignTiers,
  criteria,
  defaultTierRules,
  rankTiers,
  tieredRows,
  type Account,
  type TierRules,
  type TieredAccount
} from "tierwise";
import {account} from "./fixtures/accounts.js";

const walletOnly = {wallet: 1, growth: 0, revenue: 0, margin: 0, health: 0, strategicFit: 0};

describe("assignTiers()", () => {
  const accounts = [10, 40, 20, 30, 50].map((w, i) => account({id: `A${i}`, annualWallet: w * 1e6, health: i / 4}));

  it("scores by percentile ranks and explains the score by criterion", () => {
    const rules: TierRules = {
      weights: {...walletOnly, health: 1},
      cut: {by: "rank", topN: 1, shareA: 0.2, shareB: 0.4}
    };
    const tiered = assignTiers(accounts, rules);
    // Wallet percentiles 0, 0.75, 0.25, 0.5, 1; health percentiles 0, 0.25, 0.5, 0.75, 1.
    expect(tiered.map((d) => d.percentiles.wallet)).toEqual([0, 0.75, 0.25, 0.5, 1]);
    expect(tiered.map((d) => d.score)).toEqual([0, 0.5, 0.375, 0.625, 1]);
    for (const d of tiered) {
      expect(criteria.reduce((s, c) => s + d.contributions[c], 0)).toBeCloseTo(d.score, 15);
      expect(d.contributions.wallet).toBe(d.percentiles.wallet / 2);
    }
    expect(tiered.map((d) => d.rank)).toEqual([5, 3, 4, 2, 1]);
    // Top 1 is S, the next 20% of 5 (1) A, the next 40% (2) B, the rest C.
    expect(tiered.map((d) => d.tier)).toEqual(["C", "B", "B", "A", "S"]);
  });

  it("cuts by score thresholds", () => {
    const rules: TierRules = {weights: walletOnly, cut: {by: "score", S: 0.9, A: 0.7, B: 0.3}};
    expect(assignTiers(accounts, rules).map((d) => d.tier)).toEqual(["C", "A", "C", "B", "S"]);
  });

  it("gives tied values the same percentile and a missing growth the median", () => {
    const tiered = assignTiers(
      [
        account({id: "a", annualWallet: 5}),
        account({id: "b", annualWallet: 5, walletGrowth: null}),
        account({id: "c", annualWallet: 9})
      ],
      {weights: walletOnly, cut: {by: "rank", topN: 1, shareA: 0, shareB: 0}}
    );
    expect(tiered.map((d) => d.percentiles.wallet)).toEqual([0.25, 0.25, 1]);
    expect(tiered[1]!.percentiles.growth).toBe(0.5);
    // Ties in score are broken by id.
    expect(tiered.map((d) => d.rank)).toEqual([2, 3, 1]);
  });

  it("tiers only active accounts", () => {
    const tiered = assignTiers([account({id: "a"}), account({id: "b", exitYear: 2020})]);
    expect(tiered.map((d) => d.account.id)).toEqual(["a"]);
  });

  it("grows tier S, and never shrinks it, as top N grows (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({w: fc.integer({min: 1, max: 1000}), h: fc.double({min: 0, max: 1, noNaN: true})}), {
          minLength: 1,
          maxLength: 40
        }),
        fc.integer({min: 0, max: 40}),
        (rows, topN) => {
          const list = rows.map((r, i) =>
            account({id: `A${String(i).padStart(2, "0")}`, annualWallet: r.w, health: r.h})
          );
          const count = (n: number) =>
            assignTiers(list, {...defaultTierRules, cut: {by: "rank", topN: n, shareA: 0.1, shareB: 0.2}}).filter(
              (d) => d.tier === "S"
            ).length;
          expect(count(topN)).toBe(Math.min(topN, list.length));
          expect(count(topN + 1)).toBeGreaterThanOrEqual(count(topN));
        }
      )
    );
  });

  it("rejects invalid rules, naming the rule", () => {
    expect(() => assignTiers(accounts, {weights: {...walletOnly, wallet: -1}, cut: defaultTierRules.cut})).toThrow(
      "tier rules: weights.wallet must be a non-negative number, got -1"
    );
    expect(() => assignTiers(accounts, {weights: {...walletOnly, wallet: 0}, cut: defaultTierRules.cut})).toThrow(
      "at least one weight must be positive"
    );
    expect(() => assignTiers(accounts, {weights: walletOnly, cut: {by: "score", S: 0.5, A: 0.7, B: 0.1}})).toThrow(
      "S ≥ A ≥ B"
    );
  });
});

describe("rankTiers()", () => {
  // Enough accounts for the radix sort, with tied wallets, missing growth and duplicate ids.
  const many = Array.from({length: 6000}, (_, i) =>
    account({
      id: `B${i % 4000}`,
      annualWallet: 1e6 * ((i * 37) % 50),
      walletGrowth: i % 9 === 0 ? null : ((i * 13) % 101) / 1000 - 0.05,
      health: ((i * 7) % 21) / 20,
      exitYear: i % 23 === 0 ? 2020 : null
    })
  );

  it("rankTiers() gives mid-rank percentiles, ranks by score then id, and tiers by rank", () => {
    const ranking = rankTiers(many, defaultTierRules);
    const active = many.filter((a) => a.exitYear === null);
    const n = active.length;
    expect(ranking.accounts).toEqual(active);
    // Percentile by the definition: (values below + half the other ties) / (m − 1).
    const wallets = active.map((a) => a.annualWallet);
    for (const i of [0, 1, 17, n - 1]) {
      const below = wallets.filter((w) => w < wallets[i]!).length;
      const ties = wallets.filter((w) => w === wallets[i]!).length - 1;
      expect(ranking.percentiles[i]).toBe((below + ties / 2) / (n - 1));
    }
    const growths = active.map((a) => a.walletGrowth);
    const missing = growths.findIndex((g) => g === null);
    expect(ranking.percentiles[n + missing]).toBe(0.5);
    const order = active
      .map((a, i) => ({id: a.id, i, score: ranking.score[i]!}))
      .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : a.i - b.i));
    expect(order.map((d) => ranking.rank[d.i])).toEqual(order.map((_, r) => r + 1));
    const S = defaultTierRules.cut.by === "rank" ? defaultTierRules.cut.topN : 0;
    expect(order.slice(0, S).every((d) => ranking.tier[d.i] === 0)).toBe(true);
    expect(ranking.tier[order[S]!.i]).toBe(1);
  });

  it("rankTiers() ranks a large book none of which has exited by the same definition, on the accounts given", () => {
    const active = many.map((a) => ({...a, exitYear: null}));
    const n = active.length;
    const ranking = rankTiers(active, defaultTierRules);
    expect(ranking.accounts).toBe(active);
    // Wallets and health tie in runs (no value missing); growth misses some (the median, 0.5).
    for (const [k, value] of [
      [0, (a: Account) => a.annualWallet],
      [1, (a: Account) => a.walletGrowth],
      [4, (a: Account) => a.health]
    ] as const) {
      const values = active.map(value);
      const present = values.filter((v) => v !== null);
      for (const i of [0, 1, 9, 17, 4321, n - 1]) {
        const v = values[i]!;
        const expected =
          v === null
            ? 0.5
            : (present.filter((w) => w < v).length + (present.filter((w) => w === v).length - 1) / 2) /
              (present.length - 1);
        expect(ranking.percentiles[k * n + i]).toBe(expected);
      }
    }
    expect(tieredRows(ranking)).toEqual(assignTiers(active.map((a) => ({...a}))));
  });

  it("rankTiers() tiers by rank through selection as the full ranking does, ties and out-of-range cuts included", () => {
    // Wallet alone (50 distinct values, so long runs of tied scores) and duplicate ids.
    const weights = walletOnly;
    const n = many.filter((a) => a.exitYear === null).length;
    for (const [topN, shareA, shareB] of [
      [0, 0, 0],
      [1, 0.15, 0.35],
      [37, 0.2, 0.3],
      [100, 0, 1],
      [n - 1, 0.5, 0.5],
      [n, 0, 0],
      [n + 5, 1, 1]
    ] as const) {
      const ranking = rankTiers(many, {weights, cut: {by: "rank", topN, shareA, shareB}});
      const a = topN + Math.round(shareA * n);
      const b = a + Math.round(shareB * n);
      const byRank = Array.from(ranking.rank, (r) => (r - 1 < topN ? 0 : r - 1 < a ? 1 : r - 1 < b ? 2 : 3));
      expect(Array.from(ranking.tier)).toEqual(byRank);
      // Tiered from every rank at once (as assignTiers' rows are): the same tiers and ranks.
      const ranked = rankTiers(many, {weights, cut: {by: "rank", topN, shareA, shareB}}, {ranked: true});
      expect(Array.from(ranked.tier)).toEqual(byRank);
      expect(Array.from(ranked.rank)).toEqual(Array.from(ranking.rank));
    }
    const counts = [0, 0, 0, 0];
    for (const t of rankTiers(many, {weights, cut: {by: "rank", topN: 37, shareA: 0.2, shareB: 0.3}}).tier)
      ++counts[t]!;
    expect(counts).toEqual([
      37,
      Math.round(0.2 * n),
      Math.round(0.3 * n),
      n - 37 - Math.round(0.2 * n) - Math.round(0.3 * n)
    ]);
  });

  it("rankTiers() gives the percentiles of a criterion of weight 0 when they are read", () => {
    const varied = many.map((a, i) => ({...a, annualRevenue: 1e5 * ((i * 11) % 30)}));
    const ranking = rankTiers(varied, defaultTierRules);
    expect(defaultTierRules.weights.revenue).toBe(0);
    const active = varied.filter((a) => a.exitYear === null);
    const n = active.length;
    const revenues = active.map((a) => a.annualRevenue);
    for (const i of [0, 5, n - 1]) {
      const below = revenues.filter((v) => v < revenues[i]!).length;
      const ties = revenues.filter((v) => v === revenues[i]!).length - 1;
      expect(ranking.percentiles[2 * n + i]).toBe((below + ties / 2) / (n - 1));
    }
  });

  it("tieredRows() makes assignTiers' rows, whose percentiles and contributions JSON keeps", () => {
    const rows = tieredRows(rankTiers(many));
    expect(rows).toEqual(assignTiers(many));
    const row = rows[5]!;
    expect(criteria.reduce((s, c) => s + row.contributions[c], 0)).toBe(row.score);
    const parsed = JSON.parse(JSON.stringify(row)) as TieredAccount;
    expect(parsed.percentiles).toEqual(row.percentiles);
    expect(parsed.contributions.wallet).toBe(row.contributions.wallet);
    expect(parsed.rank).toBe(row.rank);
  });
});
