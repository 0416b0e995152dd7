import type {Account} from "../portfolio/accountFields.js";
import type {Tier} from "./tiers.js";

/** What a tier rule can weigh. */
export const criteria = ["wallet", "growth", "revenue", "margin", "health", "strategicFit"] as const;
export type Criterion = (typeof criteria)[number];

/** Where each criterion comes from in the account record. */
export const criterionFields: Record<Criterion, keyof Account> = {
  wallet: "annualWallet",
  growth: "walletGrowth",
  revenue: "annualRevenue",
  margin: "grossMargin",
  health: "health",
  strategicFit: "strategicFit"
};

/** Cut-offs by rank: the top N accounts are S, then shares of all tiered accounts for A and B. */
export interface RankCut {
  by: "rank";
  topN: number;
  shareA: number;
  shareB: number;
}

/** Cut-offs by score in [0, 1]: S at or above `S`, A at or above `A`, B at or above `B`, C below. */
export interface ScoreCut {
  by: "score";
  S: number;
  A: number;
  B: number;
}

/** Transparent tier rules: weights over percentile-normalised criteria, and cut-offs. */
export interface TierRules {
  weights: Record<Criterion, number>;
  cut: RankCut | ScoreCut;
}

/**
 * The default rules, following the seed's argument that a customer is judged on its future, not
 * today's order book:
 * - wallet 0.35: the size of the customer's spend is what a relationship can win (Huawei's list
 *   of the 100 richest operators ranked on exactly this);
 * - health 0.25: choose customers who will live, since trust takes years to pay back;
 * - margin 0.15 and strategic fit 0.15: "real customers pay for what they want and let you earn";
 * - growth 0.10: where the wallet is heading;
 * - revenue 0: what we sell them today is the result of past choices, not a reason to invest.
 * Cut by rank: the top 100 are S (the "100 richest customers" list), the next 15% of accounts A,
 * the next 35% B, the rest C.
 */
export const defaultTierRules: TierRules = {
  weights: {wallet: 0.35, growth: 0.1, revenue: 0, margin: 0.15, health: 0.25, strategicFit: 0.15},
  cut: {by: "rank", topN: 100, shareA: 0.15, shareB: 0.35}
};

/** One account with its tier and the explanation of its score. */
export interface TieredAccount {
  account: Account;
  tier: Tier;
  /** Σ weight · percentile / Σ weight, in [0, 1]. */
  score: number;
  /** 1 for the highest score; ties broken by id. */
  rank: number;
  /** Each criterion's percentile among the tiered accounts, in [0, 1] (0.5 when the value is missing). */
  percentiles: Record<Criterion, number>;
  /** Each criterion's share of the score: weight · percentile / Σ weight; they sum to the score. */
  contributions: Record<Criterion, number>;
}

/**
 * Tiers the active accounts (those with no exitYear; exited ones are history, not candidates) by
 * a weighted score of percentile ranks. A percentile is the share of other accounts with a lower
 * value, ties counting half, so the largest wallet scores 1 and the smallest 0 whatever the
 * spread of wallets; a missing walletGrowth counts as the median, 0.5. Returns one row per active
 * account, in input order.
 *
 * @example
 * const tiered = assignTiers(accounts, defaultTierRules);
 * tiered.filter((d) => d.tier === "S").length; // 100 (or all accounts if fewer)
 */
export function assignTiers(accounts: readonly Account[], rules: TierRules = defaultTierRules): TieredAccount[] {
  checkRules(rules);
  const active = accounts.filter((a) => a.exitYear === null);
  const n = active.length;
  const totalWeight = criteria.reduce((sum, c) => sum + rules.weights[c], 0);
  const percentiles = criteria.map((c) => percentileRanks(active.map((a) => a[criterionFields[c]] as number | null)));
  const rows = active.map((account, i) => {
    const p = {} as Record<Criterion, number>;
    const contributions = {} as Record<Criterion, number>;
    let score = 0;
    criteria.forEach((c, k) => {
      p[c] = percentiles[k]![i]!;
      contributions[c] = (rules.weights[c] * p[c]) / totalWeight;
      score += contributions[c];
    });
    return {account, tier: "C" as Tier, score, rank: 0, percentiles: p, contributions};
  });
  const order = rows
    .map((_, i) => i)
    .sort((a, b) => rows[b]!.score - rows[a]!.score || compareIds(rows[a]!.account.id, rows[b]!.account.id));
  const {cut} = rules;
  order.forEach((i, r) => {
    const row = rows[i]!;
    row.rank = r + 1;
    if (cut.by === "rank") {
      const a = cut.topN + Math.round(cut.shareA * n);
      const b = a + Math.round(cut.shareB * n);
      row.tier = r < cut.topN ? "S" : r < a ? "A" : r < b ? "B" : "C";
    } else {
      row.tier = row.score >= cut.S ? "S" : row.score >= cut.A ? "A" : row.score >= cut.B ? "B" : "C";
    }
  });
  return rows;
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Mid-rank percentiles in [0, 1]: (values below + half the other ties) / (n − 1); null is 0.5. */
function percentileRanks(values: (number | null)[]): Float64Array {
  const n = values.length;
  const out = new Float64Array(n).fill(0.5);
  const present = values.map((v, i) => [v, i] as const).filter((d): d is readonly [number, number] => d[0] !== null);
  present.sort((a, b) => a[0] - b[0]);
  const m = present.length;
  if (m < 2) return out;
  for (let i = 0; i < m;) {
    let j = i;
    while (j + 1 < m && present[j + 1]![0] === present[i]![0]) ++j;
    // Positions i..j tie: each has i values below and j − i other ties.
    const p = (i + (j - i) / 2) / (m - 1);
    for (let k = i; k <= j; ++k) out[present[k]![1]] = p;
    i = j + 1;
  }
  return out;
}

/** Throws a RangeError naming the first invalid rule. */
export function checkRules({weights, cut}: TierRules): void {
  if (weights == null || typeof weights !== "object") throw new RangeError("tier rules: missing weights");
  let total = 0;
  for (const c of criteria) {
    const w = weights[c];
    if (!(w >= 0 && w < Infinity))
      throw new RangeError(`tier rules: weights.${c} must be a non-negative number, got ${w}`);
    total += w;
  }
  if (!(total > 0)) throw new RangeError("tier rules: at least one weight must be positive");
  if (cut?.by === "rank") {
    if (!(Number.isInteger(cut.topN) && cut.topN >= 0))
      throw new RangeError(`tier rules: cut.topN must be a whole number ≥ 0, got ${cut.topN}`);
    for (const k of ["shareA", "shareB"] as const) {
      if (!(cut[k] >= 0 && cut[k] <= 1))
        throw new RangeError(`tier rules: cut.${k} must be from 0 to 1, got ${cut[k]}`);
    }
  } else if (cut?.by === "score") {
    for (const k of ["S", "A", "B"] as const) {
      if (!(cut[k] >= 0 && cut[k] <= 1))
        throw new RangeError(`tier rules: cut.${k} must be from 0 to 1, got ${cut[k]}`);
    }
    if (!(cut.S >= cut.A && cut.A >= cut.B))
      throw new RangeError(`tier rules: cut thresholds must satisfy S ≥ A ≥ B, got ${cut.S}, ${cut.A}, ${cut.B}`);
  } else {
    throw new RangeError(`tier rules: cut.by must be "rank" or "score"`);
  }
}
