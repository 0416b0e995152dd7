import {accountProfit, type AccountProfitOptions} from "./accountProfit.js";
import type {TieredAccount} from "./assignTiers.js";
import {tiers, type Tier} from "./tiers.js";

/** Options of {@link tierTotals}: how an account's profit is costed (see {@link accountProfit}), and whether empty tiers are listed. */
export interface TierTotalsOptions extends AccountProfitOptions {
  /** List every tier, an empty one with zero accounts (and NaN per head); default false: only tiers with accounts. */
  all?: boolean;
}

/** One tier's accounts and what they earn in a year. */
export interface TierTotal {
  tier: Tier;
  accounts: number;
  /** Yearly revenue, currency. */
  revenue: number;
  /** Yearly profit after sales heads and cost to serve (see {@link accountProfit}), currency. */
  profit: number;
  /** Sales heads assigned today. */
  heads: number;
  /** revenue / heads: Infinity for a tier with revenue and no heads, NaN for one with neither. */
  revenuePerHead: number;
  /** profit / heads, by the same convention. */
  profitPerHead: number;
}

/**
 * Each tier's totals (accounts, revenue, profit, heads, and revenue and profit per head, 人效),
 * in tier order S, A, B, C, leaving out tiers without accounts unless `all`; and the totals over
 * all tiered accounts. Empty input gives no tiers (or four empty ones) and zero totals.
 *
 * @example
 * const {byTier, total} = tierTotals(assignTiers(accounts), {costPerHead: 150_000});
 * byTier[0]; // {tier: "S", accounts: 100, revenue: …, profit: …, heads: …, revenuePerHead: …, profitPerHead: …}
 * total.profit / total.accounts; // the book's mean profit per account
 */
export function tierTotals(
  tiered: readonly TieredAccount[],
  {all = false, ...options}: TierTotalsOptions = {}
): {byTier: TierTotal[]; total: {accounts: number; revenue: number; profit: number; heads: number}} {
  const sums = new Map<Tier, {accounts: number; revenue: number; profit: number; heads: number}>();
  const total = {accounts: 0, revenue: 0, profit: 0, heads: 0};
  for (const {account, tier} of tiered) {
    const profit = accountProfit(account, options);
    let sum = sums.get(tier);
    if (!sum) sums.set(tier, (sum = {accounts: 0, revenue: 0, profit: 0, heads: 0}));
    for (const s of [sum, total]) {
      s.accounts += 1;
      s.revenue += account.annualRevenue;
      s.profit += profit;
      s.heads += account.salesHeads;
    }
  }
  const byTier = tiers.flatMap((tier) => {
    const sum = sums.get(tier) ?? (all ? {accounts: 0, revenue: 0, profit: 0, heads: 0} : undefined);
    return sum ? [{tier, ...sum, revenuePerHead: sum.revenue / sum.heads, profitPerHead: sum.profit / sum.heads}] : [];
  });
  return {byTier, total};
}
