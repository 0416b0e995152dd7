import type {TierPolicy} from "../economics/tierPolicy.js";
import {select} from "../math/select.js";
import {exp, log, pow} from "../math/deterministic.js";
import type {Account} from "../portfolio/accountFields.js";
import {randomExponential} from "../random/randomExponential.js";
import {randomStream} from "../random/randomStream.js";
import {hazardAt, type Scenario} from "../scenario/scenario.js";
import {randomNormal} from "../simulation/randomNormal.js";
import {tiers, type Tier} from "../tiering/tiers.js";
import {
  effortResponse,
  effortShape,
  fillEffortCashFlows,
  type EffortResponse,
  type EffortShape
} from "./effortResponse.js";
import {lifetimeDistribution, shockQuadrature} from "./expectedSurvival.js";

/**
 * What the allocation of heads needs of a scenario and its accounts, computed once: the accounts'
 * exact lifetime distributions, the discount factors, and scratch space to evaluate an account
 * with any number of heads. Every per-account figure is kept in columns (typed arrays indexed by
 * the account's position in `rows`), never in an object per account: a million accounts' objects
 * would cost seconds of garbage collection in every later step of an allocation.
 */
export class AllocationModel {
  readonly horizon: number;
  readonly scenario: Scenario;
  readonly response: EffortResponse;
  /** The accounts and their tiers, as given. */
  readonly rows: readonly {account: Account; tier: Tier}[];
  readonly industries: string[];
  /** Each account's tier, as its index in `tiers`. */
  readonly tierOf: Uint8Array;
  /** Each account's industry, as its index in {@link industries}. */
  readonly industryOf: Int32Array;
  /** exp(−healthCoefficient · (health − 0.5)), as in `simulatePortfolio`. */
  readonly inverseRisk: Float64Array;
  /** lifetimes[i · (H + 1) + L] = P(account i lives exactly L full years), L = 0..H. */
  readonly lifetimes: Float64Array;
  /** The accounts' {@link AccountPaths} at [i · H + t − 1]: its wallet, and what it keeps buying uncovered. */
  private readonly wallet: Float64Array;
  private readonly kept: Float64Array;
  /** Each account's gross margin under its tier's policy, and the share of its wallet it buys today. */
  private readonly margin: Float64Array;
  private readonly share: Float64Array;
  /** (1 + r)^t for t = 0..H. */
  private readonly discount: Float64Array;
  private readonly flows: {investment: Float64Array; revenue: Float64Array; contribution: Float64Array};
  /** The policies and anchors by tier index. */
  private readonly policies: TierPolicy[];
  private readonly anchors: (number | undefined)[];
  /** Each tier's effort shape by heads: the same for every account of the tier, and its pow and exp are dear. */
  private readonly shapes: Map<number, EffortShape>[];

  constructor(rows: readonly {account: Account; tier: Tier}[], scenario: Scenario) {
    const H = scenario.horizon;
    if (!(Number.isInteger(H) && H >= 1 && H <= 30)) throw new RangeError(`invalid horizon: ${H} (1 to 30)`);
    const n = rows.length;
    this.horizon = H;
    this.scenario = scenario;
    this.response = effortResponse(scenario);
    this.rows = rows;
    this.discount = new Float64Array(H + 1);
    for (let t = 0; t <= H; ++t) this.discount[t] = pow(1 + scenario.discountRate, t);
    this.flows = {investment: new Float64Array(H), revenue: new Float64Array(H), contribution: new Float64Array(H)};
    this.policies = tiers.map((t) => scenario.tiers[t]);
    const anchor = this.response.anchor;
    this.anchors = tiers.map((t) => (anchor && Object.hasOwn(anchor, t) ? anchor[t] : undefined));
    this.shapes = tiers.map(() => new Map());
    this.tierOf = new Uint8Array(n);
    this.industryOf = new Int32Array(n);
    this.inverseRisk = new Float64Array(n);
    this.lifetimes = new Float64Array(n * (H + 1));
    this.wallet = new Float64Array(n * H);
    this.kept = new Float64Array(n * H);
    this.margin = new Float64Array(n);
    this.share = new Float64Array(n);
    const industryIndex = new Map<string, number>();
    for (let i = 0; i < n; ++i) {
      const name = rows[i]!.account.industry;
      let j = industryIndex.get(name);
      if (j === undefined) industryIndex.set(name, (j = industryIndex.size));
      this.industryOf[i] = j;
    }
    this.industries = [...industryIndex.keys()].sort();
    const rank = new Int32Array(industryIndex.size);
    for (const [name, j] of industryIndex) rank[j] = this.industries.indexOf(name);
    for (let i = 0; i < n; ++i) this.industryOf[i] = rank[this.industryOf[i]!]!;
    const quadrature = shockQuadrature(scenario.attrition.shockVolatility);
    const hazards = this.industries.map((industry) => {
      const path = new Float64Array(H);
      for (let t = 1; t <= H; ++t) path[t - 1] = hazardAt(scenario.attrition, industry, t);
      return path;
    });
    const c = scenario.attrition.healthCoefficient;
    // Accounts of an industry with the same health have the same lifetimes: a book's health scores
    // take few values, and each distribution costs a few hundred exponentials.
    const known = this.industries.map(() => new Map<number, number>());
    const remembered = 1 << 16;
    let rememberedCount = 0;
    const keep = new Float64Array(H);
    for (let t = 1; t <= H; ++t) keep[t - 1] = pow(1 - this.response.erosion, t);
    for (let i = 0; i < n; ++i) {
      const {account, tier} = rows[i]!;
      const g = tiers.indexOf(tier);
      const policy = this.policies[g]!;
      this.tierOf[i] = g;
      const inverseRisk = exp(-c * (account.health - 0.5));
      this.inverseRisk[i] = inverseRisk;
      const j = this.industryOf[i]!;
      const lifetime = this.lifetimes.subarray(i * (H + 1), (i + 1) * (H + 1));
      const same = known[j]!.get(inverseRisk);
      if (same !== undefined) lifetime.set(this.lifetimes.subarray(same * (H + 1), (same + 1) * (H + 1)));
      else {
        lifetimeDistribution(hazards[j]!, inverseRisk, quadrature, lifetime);
        if (rememberedCount < remembered) {
          known[j]!.set(inverseRisk, i);
          ++rememberedCount;
        }
      }
      // accountPaths, with the powers shared by the wallet and what is kept computed once.
      const growth = account.walletGrowth ?? scenario.defaultWalletGrowth;
      const at = i * H;
      for (let t = 1; t <= H; ++t) {
        const grown = pow(1 + growth, t);
        this.wallet[at + t - 1] = account.annualWallet * grown;
        this.kept[at + t - 1] = account.annualRevenue * grown * keep[t - 1]!;
      }
      this.margin[i] = policy.grossMargin === "account" ? account.grossMargin : policy.grossMargin;
      this.share[i] = account.annualWallet > 0 ? Math.min(1, account.annualRevenue / account.annualWallet) : 0;
    }
  }

  /** The number of accounts. */
  get size(): number {
    return this.rows.length;
  }

  /** Account i's lifetime distribution: p[L] = P(lives exactly L full years), L = 0..H (a view). */
  lifetime(i: number): Float64Array {
    const w = this.horizon + 1;
    return this.lifetimes.subarray(i * w, (i + 1) * w);
  }

  /**
   * The NPV of account i with `heads` heads for each number of full years L = 0..H it may live,
   * into `out` (length H + 1): discounted contribution of the years it survives less the
   * discounted investment of the years it starts alive, as in `simulatePortfolio`. `shape` is the
   * tier's {@link shapeOf} these heads, when the caller has it.
   */
  npvByLifetime(i: number, heads: number, out: Float64Array, shape?: EffortShape): void {
    const H = this.horizon;
    this.fill(i, heads, shape);
    const {investment, contribution} = this.flows;
    const d = this.discount;
    // K(t): investment of years 1..t; M(t): contribution of years 1..t. NPV(L) = M(L) − K(min(L + 1, H)).
    let k = investment[0]! / d[0]!;
    let m = 0;
    out[0] = -k;
    for (let L = 1; L <= H; ++L) {
      m += contribution[L - 1]! / d[L]!;
      if (L < H) k += investment[L]! / d[L]!;
      out[L] = m - k;
    }
  }

  /** The expected NPV of account i with `heads` heads, and its expected revenue and head-years. */
  expected(i: number, heads: number, table: Float64Array): {npv: number; revenue: number; headYears: number} {
    this.npvByLifetime(i, heads, table);
    return this.expectedAfter(i, heads, table);
  }

  /**
   * {@link expected} from the table {@link npvByLifetime} has just filled for account i and
   * `heads`, for a loop that also needs the table.
   */
  expectedAfter(i: number, heads: number, table: Float64Array): {npv: number; revenue: number; headYears: number} {
    const into = this.sums;
    this.expectedInto(i, heads, table, into);
    return {npv: into[0]!, revenue: into[1]!, headYears: into[2]!};
  }
  private readonly sums = new Float64Array(3);

  /**
   * {@link expectedAfter} into `into` (npv, revenue, head-years at 0, 1, 2): the same numbers with
   * no object made, for loops over a million accounts.
   */
  expectedInto(i: number, heads: number, table: Float64Array, into: Float64Array): void {
    const H = this.horizon;
    const p = this.lifetimes;
    const at = i * (H + 1);
    let npv = 0;
    for (let L = 0; L <= H; ++L) npv += p[at + L]! * table[L]!;
    // Revenue of year t is earned if the account lives ≥ t years; heads are paid if it lives ≥ t − 1.
    const revenueOf = this.flows.revenue;
    let atLeast = 1;
    let revenue = 0;
    let headYears = 0;
    for (let t = 1; t <= H; ++t) {
      headYears += heads * atLeast;
      atLeast -= p[at + t - 1]!;
      revenue += revenueOf[t - 1]! * atLeast;
    }
    into[0] = npv;
    into[1] = revenue;
    into[2] = headYears;
  }

  /** The ramp years (fractional) of account i with `heads` heads; 0 with none. */
  rampYears(i: number, heads: number): number {
    const {account, tier} = this.rows[i]!;
    const g = this.tierOf[i]!;
    const H = this.horizon;
    return fillEffortCashFlows(
      account,
      this.policies[g]!,
      heads,
      this.scenario,
      this.response,
      this.flows,
      {wallet: this.wallet.subarray(i * H, (i + 1) * H), kept: this.kept.subarray(i * H, (i + 1) * H)},
      this.anchor(tier)
    ).rampYears;
  }

  /** The effort shape of a tier's accounts (tier by index) with `heads` heads, computed once per tier and head count. */
  shapeOf(tier: number, heads: number): EffortShape {
    const byHeads = this.shapes[tier]!;
    let shape = byHeads.get(heads);
    if (shape === undefined) {
      shape = effortShape(this.policies[tier]!, heads, this.response, this.anchors[tier]);
      // Head counts off the allocation's grid (a baseline's shares of revenue) are not kept.
      if (byHeads.size < 4096) byHeads.set(heads, shape);
    }
    return shape;
  }

  /**
   * Account i's cash flows with `heads` heads into the scratch flows: `fillEffortCashFlows` with
   * the account's paths, margin and share read from the columns, the same arithmetic in the same
   * order (so the same numbers to the bit).
   */
  private fill(i: number, heads: number, shape?: EffortShape): void {
    const H = this.horizon;
    if (!(heads >= 0 && Number.isFinite(heads)))
      throw new RangeError(`invalid heads: ${heads} (a number of at least 0)`);
    const g = this.tierOf[i]!;
    const policy = this.policies[g]!;
    const {costPerOrder, ordersPerYear, variableShare} = policy.costToServe;
    const {investment, revenue, contribution} = this.flows;
    const margin = this.margin[i]!;
    const at = i * H;
    // Every year of every flow is written below (as fillEffortCashFlows' zeros and values).
    if (heads === 0) {
      const kept = this.kept;
      for (let t = 1; t <= H; ++t) {
        const r = kept[at + t - 1]!;
        investment[t - 1] = 0;
        revenue[t - 1] = r;
        contribution[t - 1] = r * margin - (r > 0 ? costPerOrder * ordersPerYear + variableShare * r : 0);
      }
      return;
    }
    const {factor, ramp} = shape ?? this.shapeOf(g, heads);
    const costPerHead = this.scenario.costPerHead;
    let share = Math.min(1, (policy.firstShare === "current" ? this.share[i]! : policy.firstShare) * factor);
    const ceiling = Math.min(1, policy.shareCeiling * factor);
    const wallet = this.wallet;
    for (let t = 1; t <= H; ++t) {
      // The part of year t still in the ramp, in [0, 1].
      const inRamp = Math.min(1, Math.max(0, ramp - (t - 1)));
      investment[t - 1] = heads * costPerHead + (inRamp > 0 ? policy.presalesCost * inRamp : 0);
      if (inRamp === 1) {
        revenue[t - 1] = 0;
        contribution[t - 1] = 0;
        continue;
      }
      const r = wallet[at + t - 1]! * share * (1 - inRamp);
      revenue[t - 1] = r;
      contribution[t - 1] = r * margin - (r > 0 ? costPerOrder * ordersPerYear + variableShare * r : 0);
      share += policy.shareGrowth * (ceiling - share);
    }
  }

  /** The anchor heads of a tier's response, if the scenario sets one. */
  private anchor(tier: Tier): number | undefined {
    return this.anchors[tiers.indexOf(tier)];
  }
}

/**
 * Simulated futures of the accounts: for each account and trial, the whole years it lives. An
 * account's futures depend only on the seed, its id and its industry: its exponential variates
 * come from a stream keyed by its id, and each industry's yearly shocks from a stream keyed by the
 * industry, so which other accounts share the run changes nothing.
 */
export interface Futures {
  trials: number;
  seed: number;
  /** lived[i * trials + k]: full years account i lives in trial k (H: alive at the horizon). */
  lived: Uint8Array;
}

/** Simulates {@link Futures} for some accounts of a model (all by default). */
export function simulateFutures(
  model: AllocationModel,
  {
    trials,
    seed,
    only,
    onProgress
  }: {trials: number; seed: number; only?: readonly number[]; onProgress?: (done: number) => void}
): Futures {
  const H = model.horizon;
  const indices = only ?? Array.from({length: model.size}, (_, i) => i);
  const sigma = model.scenario.attrition.shockVolatility;
  // Cumulative hazard thresholds by industry, trial and year: alive after t years iff E · inverseRisk ≥ T[t].
  const thresholds = new Map<number, Float64Array>();
  // Whether an industry's thresholds never fall (no negative hazard), which the shortcut needs.
  const risingThresholds = new Map<number, boolean>();
  for (const i of indices) {
    const j = model.industryOf[i]!;
    if (thresholds.has(j)) continue;
    const industry = model.industries[j]!;
    const c = new Float64Array(H);
    for (let t = 1; t <= H; ++t) c[t - 1] = -log(1 - hazardAt(model.scenario.attrition, industry, t));
    const normal = randomNormal(randomStream(seed, `allocation shocks\u0000${industry}`));
    const T = new Float64Array(trials * H);
    for (let k = 0; k < trials; ++k) {
      let total = 0;
      for (let t = 0; t < H; ++t) {
        const shock = sigma > 0 ? exp(sigma * normal() - (sigma * sigma) / 2) : 1;
        total += c[t]! * shock;
        T[k * H + t] = total;
      }
    }
    thresholds.set(j, T);
    risingThresholds.set(
      j,
      c.every((x) => x >= 0)
    );
  }
  const lived = new Uint8Array(model.size * trials);
  const e = new Float64Array(trials);
  // Industry by industry, so that one industry's thresholds stay in cache (a third faster on a
  // large book); each account's futures are its own whatever the order.
  const industryOf = model.industryOf;
  const byIndustry = Int32Array.from(indices).sort((a, b) => industryOf[a]! - industryOf[b]! || a - b);
  for (let j = 0; j < byIndustry.length; ++j) {
    if (onProgress && (j & 4095) === 4095) onProgress(j / byIndustry.length);
    const i = byIndustry[j]!;
    const industry = industryOf[i]!;
    const inverseRisk = model.inverseRisk[i]!;
    randomExponential(seed, `allocation lifetime\u0000${model.rows[i]!.account.id}`).fill(e, trials);
    const T = thresholds.get(industry)!;
    const rising = risingThresholds.get(industry)!;
    const row = i * trials;
    for (let k = 0; k < trials; ++k) {
      const x = e[k]! * inverseRisk;
      const base = k * H;
      // The thresholds never fall, so most futures (alive at the horizon) need one comparison.
      if (rising && T[base + H - 1]! <= x) {
        lived[row + k] = H;
        continue;
      }
      let L = 0;
      while (L < H && T[base + L]! <= x) ++L;
      lived[row + k] = L;
    }
  }
  return {trials, seed, lived};
}

/**
 * The p-quantile (type 7, as `summarize`) of `values` by selection, reordering `values` in place:
 * O(n) on average instead of a sort.
 */
export function selectQuantile(values: Float64Array, p: number): number {
  const n = values.length;
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const i = Math.floor(h);
  const lo = select(values, i, 0, n - 1);
  if (i + 1 >= n || h === i) return lo;
  // The next order statistic is the smallest value right of position i.
  let next = Infinity;
  for (let k = i + 1; k < n; ++k) if (values[k]! < next) next = values[k]!;
  return lo + (h - i) * (next - lo);
}

/** The mean of the smallest ⌈α·n⌉ values (the lower tail), reordering `values` in place. */
export function lowerTailMean(values: Float64Array, alpha: number): number {
  const n = values.length;
  const count = Math.max(1, Math.ceil(alpha * n - 1e-9));
  select(values, count - 1, 0, n - 1);
  let sum = 0;
  for (let k = 0; k < count; ++k) sum += values[k]!;
  return sum / count;
}
