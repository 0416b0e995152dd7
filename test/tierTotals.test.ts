import {describe, expect, it} from "vitest";
import {tierTotals, type Tier, type TieredAccount} from "tierwise";
import {account} from "./fixtures/accounts.js";

// Only what the totals and the moves read: the account and its tier.
const tiered = (rows: [string, Tier, number, number, number][]) =>
  rows.map(
    ([id, tier, annualRevenue, grossMargin, salesHeads]) =>
      ({tier, account: account({id, annualRevenue, grossMargin, salesHeads})}) as TieredAccount
  );
const free = {costPerOrder: 0, ordersPerYear: 0, variableShare: 0};

describe("tierTotals()", () => {
  it("sums each tier in tier order, leaves out empty tiers, and divides by heads", () => {
    const rows = tiered([
      ["c1", "C", 100_000, 0.5, 0],
      ["s1", "S", 4_000_000, 0.25, 2],
      ["s2", "S", 2_000_000, 0.5, 1],
      ["b1", "B", 0, 0.5, 0]
    ]);
    const {byTier, total} = tierTotals(rows, {costPerHead: 100_000, costToServe: free});
    expect(byTier).toEqual([
      {
        tier: "S",
        accounts: 2,
        revenue: 6_000_000,
        profit: 1_700_000,
        heads: 3,
        revenuePerHead: 2_000_000,
        profitPerHead: 1_700_000 / 3
      },
      {tier: "B", accounts: 1, revenue: 0, profit: 0, heads: 0, revenuePerHead: NaN, profitPerHead: NaN},
      {
        tier: "C",
        accounts: 1,
        revenue: 100_000,
        profit: 50_000,
        heads: 0,
        revenuePerHead: Infinity,
        profitPerHead: Infinity
      }
    ]);
    expect(total).toEqual({accounts: 4, revenue: 6_100_000, profit: 1_750_000, heads: 3});
  });

  it("costs heads and service with the model's defaults, and gives zeros for no accounts", () => {
    // 1,000,000 × 0.4 − 1 × 150,000 − (25,000 × 4 + 5% × 1,000,000) = 100,000.
    expect(tierTotals(tiered([["a", "A", 1_000_000, 0.4, 1]])).total.profit).toBe(100_000);
    expect(tierTotals([])).toEqual({byTier: [], total: {accounts: 0, revenue: 0, profit: 0, heads: 0}});
    const all = tierTotals(tiered([["a", "A", 1_000_000, 0.4, 1]]), {all: true}).byTier;
    expect(all.map((d) => [d.tier, d.accounts, d.profit])).toEqual([
      ["S", 0, 0],
      ["A", 1, 100_000],
      ["B", 0, 0],
      ["C", 0, 0]
    ]);
  });
});
