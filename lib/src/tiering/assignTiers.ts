import type {Account} from "../portfolio/accountFields.js";
import {select} from "../math/select.js";
import {orderByValue, type OrderScratch} from "./orderByValue.js";
import {tiers, type Tier} from "./tiers.js";

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
  return tieredRows(rankTiers(accounts, rules, {ranked: true}));
}

/**
 * {@link assignTiers} in typed arrays, one entry per active account in input order: what a large
 * simulation needs without an object per account.
 */
export interface TierRanking {
  /** The active accounts, in input order. */
  accounts: readonly Account[];
  /** Each one's tier, as its index in `tiers` (0 for S to 3 for C). */
  tier: Uint8Array;
  score: Float64Array;
  /** 1 for the highest score; ties broken by id, then input order (sorted when first read). */
  readonly rank: Uint32Array;
  /**
   * Criterion k's percentile of account i at [k · n + i], k in the order of `criteria` (those of
   * criteria of weight 0, which the score does not need, computed when first read).
   */
  readonly percentiles: Float64Array;
  /** The weights the score used, and their sum: criterion c's contribution is weight · percentile / total. */
  weights: Readonly<Record<Criterion, number>>;
  totalWeight: number;
}

/**
 * The tiers of {@link assignTiers} in typed arrays, with no object per account: the same numbers,
 * ten times faster on a million accounts. Tiers cut by rank come from the accounts at the three
 * cut-off ranks, found by selection; the ranks of every account are sorted only when read (as
 * {@link tieredRows} does), or at once with `{ranked: true}`, which then cuts the tiers from them
 * (what assignTiers does: its rows need every rank). {@link tieredRows} makes the rows from it.
 *
 * @example
 * const {tier, accounts} = rankTiers(portfolio, defaultTierRules);
 * tiers[tier[0]]; // the first active account's tier, "S" to "C"
 */
export function rankTiers(
  accounts: readonly Account[],
  rules: TierRules = defaultTierRules,
  {ranked = false}: {ranked?: boolean} = {}
): TierRanking {
  checkRules(rules);
  // The accounts themselves when none has exited: a copy of a million references costs a full
  // garbage collection of the heap that holds the accounts.
  let exited = 0;
  for (const a of accounts) if (a.exitYear !== null) ++exited;
  const active: readonly Account[] = exited === 0 ? accounts : accounts.filter((a) => a.exitYear === null);
  const n = active.length;
  const K = criteria.length;
  const weights = {...rules.weights};
  const totalWeight = criteria.reduce((sum, c) => sum + weights[c], 0);
  // Each weighted criterion's values, NaN for a missing one, replaced by their percentiles and
  // added to the scores, one criterion at a time in one buffer: a million accounts then allocate a
  // few typed arrays, not enough to start a full garbage collection of the heap that holds them.
  // A criterion of weight 0 adds +0 to every score, which changes none; every criterion's
  // percentiles are kept only when someone reads them.
  const values = new Float64Array(n);
  const score = new Float64Array(n);
  const scratch: PercentileScratch = {order: {}};
  for (let k = 0; k < K; ++k) {
    const w = weights[criteria[k]!];
    if (!(w > 0)) continue;
    readCriterion(active, k, values);
    percentileRanks(values, scratch);
    // Each account's score is summed in the order of `criteria`, from 0.
    for (let i = 0; i < n; ++i) score[i]! += (w * values[i]!) / totalWeight;
  }
  const tier = new Uint8Array(n);
  let rank: Uint32Array | undefined;
  const {cut} = rules;
  if (cut.by === "score") {
    for (let i = 0; i < n; ++i) {
      const s = score[i]!;
      tier[i] = s >= cut.S ? 0 : s >= cut.A ? 1 : s >= cut.B ? 2 : 3;
    }
  } else if (ranked) {
    // Every rank is wanted (assignTiers' rows carry one): the tiers are read from them.
    const a = cut.topN + Math.round(cut.shareA * n);
    const b = a + Math.round(cut.shareB * n);
    rank = ranks(score, active, scratch.order);
    for (let i = 0; i < n; ++i) {
      const r = rank[i]! - 1;
      tier[i] = r < cut.topN ? 0 : r < a ? 1 : r < b ? 2 : 3;
    }
  } else {
    // Tiers by rank need only the accounts at three ranks, found by selection; the ranks of all
    // wait until someone reads them.
    const a = cut.topN + Math.round(cut.shareA * n);
    const b = a + Math.round(cut.shareB * n);
    const isS = before(score, active, cut.topN, values);
    const isA = before(score, active, a, values);
    const isB = before(score, active, b, values);
    for (let i = 0; i < n; ++i) tier[i] = isS(i) ? 0 : isA(i) ? 1 : isB(i) ? 2 : 3;
  }
  let percentiles: Float64Array | undefined;
  return {
    accounts: active,
    tier,
    score,
    get rank() {
      return (rank ??= ranks(score, active, scratch.order));
    },
    get percentiles() {
      if (!percentiles) {
        percentiles = new Float64Array(K * n);
        for (let k = 0; k < K; ++k) {
          const into = percentiles.subarray(k * n, (k + 1) * n);
          readCriterion(active, k, into);
          percentileRanks(into, scratch);
        }
      }
      return percentiles;
    },
    weights,
    totalWeight
  };
}

/**
 * Whether account i comes before rank r (from 0) in the order of {@link ranks}, found without
 * sorting: the score at rank r by selection; every higher score is before it, and of the scores
 * equal to it, the first in order of id (then input order) until rank r.
 */
function before(
  score: Float64Array,
  active: readonly Account[],
  r: number,
  scratch: Float64Array
): (i: number) => boolean {
  const n = score.length;
  if (r >= n) return () => true;
  if (r <= 0) return () => false;
  // The (r + 1)-th highest score is the (n − r)-th lowest.
  scratch.set(score);
  const v = select(scratch, n - 1 - r);
  let higher = 0;
  const tied: number[] = [];
  for (let i = 0; i < n; ++i) {
    const s = score[i]!;
    if (s > v) ++higher;
    else if (s === v) tied.push(i);
  }
  // Ranks higher..higher + tied.length − 1 hold the ties, in order of id, then input order.
  tied.sort((x, y) => compareIds(active[x]!.id, active[y]!.id) || x - y);
  const first = new Set(tied.slice(0, r - higher));
  return (i) => score[i]! > v || (score[i] === v && first.has(i));
}

/** Every account's rank: 1 for the highest score; ties by id, then input order. */
function ranks(score: Float64Array, active: readonly Account[], scratch: OrderScratch): Uint32Array {
  const n = score.length;
  const rank = new Uint32Array(n);
  // The increasing order read backwards, each run of equal scores put in order of id.
  const increasing = orderByValue(score, scratch);
  let r = 0;
  for (let end = n; end > 0;) {
    const s = score[increasing[end - 1]!]!;
    let start = end - 1;
    while (start > 0 && score[increasing[start - 1]!] === s) --start;
    if (start === end - 1) rank[increasing[start]!] = ++r;
    else {
      const run = Array.from(increasing.subarray(start, end));
      run.sort((x, y) => compareIds(active[x]!.id, active[y]!.id) || x - y);
      for (const i of run) rank[i] = ++r;
    }
    end = start;
  }
  return rank;
}

/** Criterion k's value of every account, in the order of `criteria`; NaN for a missing growth. */
function readCriterion(active: readonly Account[], k: number, into: Float64Array): void {
  const n = active.length;
  if (k === 0) for (let i = 0; i < n; ++i) into[i] = active[i]!.annualWallet;
  else if (k === 1) for (let i = 0; i < n; ++i) into[i] = active[i]!.walletGrowth ?? NaN;
  else if (k === 2) for (let i = 0; i < n; ++i) into[i] = active[i]!.annualRevenue;
  else if (k === 3) for (let i = 0; i < n; ++i) into[i] = active[i]!.grossMargin;
  else if (k === 4) for (let i = 0; i < n; ++i) into[i] = active[i]!.health;
  else for (let i = 0; i < n; ++i) into[i] = active[i]!.strategicFit;
}

/**
 * The rows of {@link assignTiers} from a {@link TierRanking}: one object per account, whose
 * percentiles and contributions are read from the ranking when asked for.
 *
 * @example
 * const rows = tieredRows(rankTiers(portfolio));
 */
export function tieredRows(ranking: TierRanking): TieredAccount[] {
  const n = ranking.accounts.length;
  const rows: TieredAccount[] = new Array<TieredAccount>(n);
  for (let i = 0; i < n; ++i) rows[i] = new TieredRow(ranking, i);
  return rows;
}

/**
 * A row of {@link assignTiers}: its percentiles and contributions are read from the ranking when
 * asked for, so that tiering a million accounts makes a million objects, not three million.
 */
class TieredRow implements TieredAccount {
  account: Account;
  tier: Tier;
  score: number;
  rank: number;
  readonly #i: number;
  readonly #ranking: TierRanking;
  constructor(ranking: TierRanking, i: number) {
    this.account = ranking.accounts[i]!;
    this.tier = tiers[ranking.tier[i]!]!;
    this.score = ranking.score[i]!;
    this.rank = ranking.rank[i]!;
    this.#i = i;
    this.#ranking = ranking;
  }
  get percentiles(): Record<Criterion, number> {
    return this.#record(1);
  }
  get contributions(): Record<Criterion, number> {
    return this.#record(0);
  }
  /** The row with its percentiles and contributions, as `JSON.stringify` should see it. */
  toJSON(): TieredAccount {
    const {account, tier, score, rank, percentiles, contributions} = this;
    return {account, tier, score, rank, percentiles, contributions};
  }
  /** The percentiles (with `plain`), else the contributions, as the score summed them. */
  #record(plain: 0 | 1): Record<Criterion, number> {
    const {accounts, percentiles: p, weights: w, totalWeight: total} = this.#ranking;
    const n = accounts.length;
    const i = this.#i;
    const part = (k: number, c: Criterion) => (plain ? p[k * n + i]! : (w[c] * p[k * n + i]!) / total);
    return {
      wallet: part(0, "wallet"),
      growth: part(1, "growth"),
      revenue: part(2, "revenue"),
      margin: part(3, "margin"),
      health: part(4, "health"),
      strategicFit: part(5, "strategicFit")
    };
  }
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Replaces values by their mid-rank percentiles in [0, 1]: (values below + half the other ties) /
 * (m − 1) among the m present values; a missing one (NaN) becomes 0.5.
 */
function percentileRanks(values: Float64Array, scratch: PercentileScratch): void {
  const n = values.length;
  let m = 0;
  for (let i = 0; i < n; ++i) if (values[i] === values[i]) ++m;
  if (m === n) {
    // No value missing: ranked in place. Each run of ties is read before it is written over,
    // and the runs after it are read later.
    if (m < 2) values.fill(0.5);
    else assignPercentiles(values, orderByValue(values, scratch.order), values, null);
    return;
  }
  // Buffers for the present values, made for the first criterion with a missing one.
  const present = (scratch.present ??= new Float64Array(n));
  const at = (scratch.at ??= new Uint32Array(n));
  for (let i = 0, k = 0; i < n; ++i) {
    const v = values[i]!;
    if (v !== v) continue;
    present[k] = v;
    at[k++] = i;
  }
  values.fill(0.5);
  if (m < 2) return;
  const sorted = present.subarray(0, m);
  assignPercentiles(sorted, orderByValue(sorted, scratch.order), values, at);
}

/** Writes each of the m sorted values' mid-rank percentile to `values`, at its place `at` (or its own place). */
function assignPercentiles(
  sorted: Float64Array,
  order: Uint32Array,
  values: Float64Array,
  at: Uint32Array | null
): void {
  const m = order.length;
  for (let i = 0; i < m;) {
    const v = sorted[order[i]!]!;
    let j = i;
    while (j + 1 < m && sorted[order[j + 1]!] === v) ++j;
    // Positions i..j tie: each has i values below and j − i other ties.
    const p = (i + (j - i) / 2) / (m - 1);
    if (at) for (let q = i; q <= j; ++q) values[at[order[q]!]!] = p;
    else for (let q = i; q <= j; ++q) values[order[q]!] = p;
    i = j + 1;
  }
}

/** Buffers reused from one criterion to the next. */
interface PercentileScratch {
  present?: Float64Array;
  at?: Uint32Array;
  order: OrderScratch;
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
