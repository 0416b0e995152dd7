import type {TierPolicy} from "../economics/tierPolicy.js";
import {exp, log, pow} from "../math/deterministic.js";
import type {Account} from "../portfolio/accountFields.js";
import {randomExponential} from "../random/randomExponential.js";
import {randomStream} from "../random/randomStream.js";
import {hazardAt, type Scenario} from "../scenario/scenario.js";
import {randomNormal} from "../simulation/randomNormal.js";
import type {Tier} from "../tiering/tiers.js";
import {
  accountPaths,
  effortResponse,
  effortShape,
  fillEffortCashFlows,
  type AccountPaths,
  type EffortResponse,
  type EffortShape
} from "./effortResponse.js";
import {lifetimeDistribution, shockQuadrature} from "./expectedSurvival.js";

/** One account as the allocation sees it: its tier, policy and exact distribution of years lived. */
export interface PreparedAccount {
  account: Account;
  tier: Tier;
  policy: TierPolicy;
  /** exp(−healthCoefficient · (health − 0.5)), as in `simulatePortfolio`. */
  inverseRisk: number;
  /** Index of its industry in {@link AllocationModel.industries}. */
  industry: number;
  /** p[L] = P(lives exactly L full years), L = 0..H. */
  lifetime: Float64Array;
  paths: AccountPaths;
}

/**
 * What the allocation of heads needs of a scenario and its accounts, computed once: the accounts'
 * exact lifetime distributions, the discount factors, and scratch space to evaluate an account
 * with any number of heads.
 */
export class AllocationModel {
  readonly horizon: number;
  readonly scenario: Scenario;
  readonly response: EffortResponse;
  readonly accounts: PreparedAccount[];
  readonly industries: string[];
  /** (1 + r)^t for t = 0..H. */
  private readonly discount: Float64Array;
  private readonly flows: {investment: Float64Array; revenue: Float64Array; contribution: Float64Array};
  /** Each tier's effort shape by heads: the same for every account of the tier, and its pow and exp are dear. */
  private readonly shapes = new Map<Tier, Map<number, EffortShape>>();

  constructor(rows: readonly {account: Account; tier: Tier}[], scenario: Scenario) {
    const H = scenario.horizon;
    if (!(Number.isInteger(H) && H >= 1 && H <= 30)) throw new RangeError(`invalid horizon: ${H} (1 to 30)`);
    this.horizon = H;
    this.scenario = scenario;
    this.response = effortResponse(scenario);
    this.discount = new Float64Array(H + 1);
    for (let t = 0; t <= H; ++t) this.discount[t] = pow(1 + scenario.discountRate, t);
    this.flows = {investment: new Float64Array(H), revenue: new Float64Array(H), contribution: new Float64Array(H)};
    this.industries = [...new Set(rows.map((d) => d.account.industry))].sort();
    const industryIndex = new Map(this.industries.map((name, j) => [name, j]));
    const quadrature = shockQuadrature(scenario.attrition.shockVolatility);
    const hazards = new Map<string, Float64Array>();
    for (const industry of this.industries) {
      const path = new Float64Array(H);
      for (let t = 1; t <= H; ++t) path[t - 1] = hazardAt(scenario.attrition, industry, t);
      hazards.set(industry, path);
    }
    const c = scenario.attrition.healthCoefficient;
    // Every account's lifetime distribution and paths in one buffer, as views: a million accounts'
    // three small arrays each would cost seconds of garbage collection.
    const width = 3 * H + 1;
    const store = new Float64Array(rows.length * width);
    this.accounts = rows.map(({account, tier}, i) => {
      const inverseRisk = exp(-c * (account.health - 0.5));
      const at = i * width;
      return {
        account,
        tier,
        policy: scenario.tiers[tier],
        inverseRisk,
        industry: industryIndex.get(account.industry)!,
        lifetime: lifetimeDistribution(
          hazards.get(account.industry)!,
          inverseRisk,
          quadrature,
          store.subarray(at, at + H + 1)
        ),
        paths: accountPaths(account, scenario, this.response, {
          wallet: store.subarray(at + H + 1, at + 2 * H + 1),
          kept: store.subarray(at + 2 * H + 1, at + width)
        })
      };
    });
  }

  /**
   * The NPV of account i with `heads` heads for each number of full years L = 0..H it may live,
   * into `out` (length H + 1): discounted contribution of the years it survives less the
   * discounted investment of the years it starts alive, as in `simulatePortfolio`.
   */
  npvByLifetime(i: number, heads: number, out: Float64Array): void {
    const H = this.horizon;
    const {account, policy, paths, tier} = this.accounts[i]!;
    fillEffortCashFlows(
      account,
      policy,
      heads,
      this.scenario,
      this.response,
      this.flows,
      paths,
      this.anchor(tier),
      heads > 0 ? this.shape(tier, policy, heads) : undefined
    );
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
    const p = this.accounts[i]!.lifetime;
    const H = this.horizon;
    let npv = 0;
    for (let L = 0; L <= H; ++L) npv += p[L]! * table[L]!;
    // Revenue of year t is earned if the account lives ≥ t years; heads are paid if it lives ≥ t − 1.
    let atLeast = 1;
    let revenue = 0;
    let headYears = 0;
    for (let t = 1; t <= H; ++t) {
      headYears += heads * atLeast;
      atLeast -= p[t - 1]!;
      revenue += this.flows.revenue[t - 1]! * atLeast;
    }
    return {npv, revenue, headYears};
  }

  /** The ramp years (fractional) of account i with `heads` heads; 0 with none. */
  rampYears(i: number, heads: number): number {
    const {account, policy, paths, tier} = this.accounts[i]!;
    return fillEffortCashFlows(
      account,
      policy,
      heads,
      this.scenario,
      this.response,
      this.flows,
      paths,
      this.anchor(tier)
    ).rampYears;
  }

  /** The effort shape of a tier's accounts with `heads` heads, computed once per tier and head count. */
  private shape(tier: Tier, policy: TierPolicy, heads: number): EffortShape {
    let byHeads = this.shapes.get(tier);
    if (!byHeads) this.shapes.set(tier, (byHeads = new Map()));
    let shape = byHeads.get(heads);
    if (shape === undefined) {
      shape = effortShape(policy, heads, this.response, this.anchor(tier));
      // Head counts off the allocation's grid (a baseline's shares of revenue) are not kept.
      if (byHeads.size < 4096) byHeads.set(heads, shape);
    }
    return shape;
  }

  /** The anchor heads of a tier's response, if the scenario sets one. */
  private anchor(tier: Tier): number | undefined {
    const anchor = this.response.anchor;
    return anchor && Object.hasOwn(anchor, tier) ? anchor[tier] : undefined;
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
  const indices = only ?? model.accounts.map((_, i) => i);
  const sigma = model.scenario.attrition.shockVolatility;
  // Cumulative hazard thresholds by industry, trial and year: alive after t years iff E · inverseRisk ≥ T[t].
  const thresholds = new Map<number, Float64Array>();
  // Whether an industry's thresholds never fall (no negative hazard), which the shortcut needs.
  const risingThresholds = new Map<number, boolean>();
  for (const i of indices) {
    const j = model.accounts[i]!.industry;
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
  const lived = new Uint8Array(model.accounts.length * trials);
  const e = new Float64Array(trials);
  // Industry by industry, so that one industry's thresholds stay in cache (a third faster on a
  // large book); each account's futures are its own whatever the order.
  const byIndustry = [...indices].sort((a, b) => model.accounts[a]!.industry - model.accounts[b]!.industry || a - b);
  for (let j = 0; j < byIndustry.length; ++j) {
    if (onProgress && (j & 4095) === 4095) onProgress(j / byIndustry.length);
    const i = byIndustry[j]!;
    const a = model.accounts[i]!;
    randomExponential(seed, `allocation lifetime\u0000${a.account.id}`).fill(e, trials);
    const T = thresholds.get(a.industry)!;
    const rising = risingThresholds.get(a.industry)!;
    const row = i * trials;
    for (let k = 0; k < trials; ++k) {
      const x = e[k]! * a.inverseRisk;
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

/** Hoare's selection: rearranges a[left..right] so that a[k] is the value a sort would put there. */
function select(a: Float64Array, k: number, left: number, right: number): number {
  while (right > left) {
    // Median of three as the pivot.
    const mid = (left + right) >>> 1;
    const x = a[left]!;
    const y = a[mid]!;
    const z = a[right]!;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = left;
    let j = right;
    while (i <= j) {
      while (a[i]! < pivot) ++i;
      while (a[j]! > pivot) --j;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        ++i;
        --j;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return a[k]!;
  }
  return a[k]!;
}
