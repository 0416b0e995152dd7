import type {EconomicsSettings} from "../economics/accountCashFlows.js";
import {costToServe} from "../economics/costToServe.js";
import type {TierPolicy} from "../economics/tierPolicy.js";
import {exp, pow} from "../math/deterministic.js";
import type {Account} from "../portfolio/accountFields.js";
import type {Scenario} from "../scenario/scenario.js";
import type {Tier} from "../tiering/tiers.js";

/**
 * How an account's outcome responds to the sales heads it gets, anchored at its tier's policy:
 * with the policy's heads h₀ it earns exactly what the Simulator's policy earns.
 *
 * - The share of wallet won (the first share and the ceiling it grows towards) is scaled by the
 *   saturating response r(h) = (1 − e^(−b·h)) / (1 − e^(−b·h₀)) (Mantrala, Sinha and Zoltners
 *   1992), so r(h₀) = 1. The rate b is set so that the elasticity of the share to effort at h₀,
 *   b·h₀ / (e^(b·h₀) − 1), equals `elasticity`.
 * - The years before the first order shrink with effort: ramp(h) = rampYears · (h₀/h)^`rampExponent`,
 *   a fraction of a year counting as that part of the year without orders. Too little effort on
 *   a tier that must be won first (S, A) means a long ramp that the account may not survive:
 *   below the ramp the value of effort is S-shaped.
 * - No heads means no relationship investment (no heads, no pre-sales): the account keeps only
 *   what it buys today, growing with its wallet and eroding by `erosion` a year.
 */
export interface EffortResponse {
  /** Elasticity of the share of wallet won to heads at the tier's policy heads, in (0, 1). Default 0.34. */
  elasticity: number;
  /** How the ramp shrinks with heads: ramp(h) = rampYears · (h₀/h)^rampExponent, 0 to 3. Default 0.5. */
  rampExponent: number;
  /** Yearly erosion of what an account with no heads keeps buying, 0 to 1. Default 0.25. */
  erosion: number;
  /** The most heads one account can take, above 0 and at most 100. Default 10. */
  maxHeads: number;
  /**
   * Heads per account at which each tier's policy (its shares and ramp) holds, when they differ
   * from the policy's own heads: a scenario whose heads were moved (by the Allocate page, say)
   * keeps the policy's shares and ramp where they were measured, and its heads then respond.
   * A tier not listed is anchored at its policy's heads.
   */
  anchor?: Partial<Record<Tier, number>>;
}

/**
 * The default response: an elasticity of 0.34, the mean sales-effort elasticity of Albers,
 * Mantrala and Sridhar's meta-analysis ("Personal selling elasticities: a meta-analysis", Journal
 * of Marketing Research 47(5), 2010); a ramp that halves with four times the heads; a quarter of
 * an uncovered account's purchases lost each year; at most 10 heads on one account.
 */
export const defaultEffortResponse: EffortResponse = {elasticity: 0.34, rampExponent: 0.5, erosion: 0.25, maxHeads: 10};

/** The scenario's effort response, or the default when it has none. */
export function effortResponse(scenario: Pick<Scenario, "response">): EffortResponse {
  return scenario.response ?? defaultEffortResponse;
}

/**
 * The x > 0 at which x / (eˣ − 1) equals the elasticity ε ∈ (0, 1): the response rate times the
 * anchor heads. x / (eˣ − 1) falls from 1 at x = 0 towards 0, so bisection finds it.
 *
 * @example
 * responseRateTimesAnchor(0.34); // ≈ 1.88
 */
export function responseRateTimesAnchor(elasticity: number): number {
  if (!(elasticity > 0 && elasticity < 1)) throw new RangeError(`invalid elasticity: ${elasticity} (between 0 and 1)`);
  const known = rates.get(elasticity);
  if (known !== undefined) return known;
  let lo = 1e-9;
  let hi = 60;
  for (let k = 0; k < 200; ++k) {
    const mid = (lo + hi) / 2;
    if (mid / (exp(mid) - 1) > elasticity) lo = mid;
    else hi = mid;
  }
  const x = (lo + hi) / 2;
  rates.set(elasticity, x);
  return x;
}
const rates = new Map<number, number>();

/**
 * The heads a tier's response is anchored at: the response's anchor for the tier if it has one,
 * else the policy's heads, or one head for a policy with none.
 */
export function anchorHeads(policy: TierPolicy, anchor?: number): number {
  const h = anchor ?? policy.headsPerAccount;
  return h > 0 ? h : 1;
}

/** Cash flows of one account given its heads, year by year if it lives (index t − 1 is year t). */
export interface EffortCashFlows {
  investment: Float64Array;
  revenue: Float64Array;
  contribution: Float64Array;
  /** Years before the first order (fractional); 0 with no heads. */
  rampYears: number;
  /** The response r(h): the factor on the share of wallet won, 1 at the policy's heads. */
  response: number;
}

/**
 * One account's cash flows with `heads` heads under its tier's policy and an effort response.
 * With the policy's own heads they equal `accountCashFlows` exactly. Investment is paid at the
 * start of each year the account is alive at, contribution arrives at the end of each year it
 * survives, as in `accountCashFlows` and `simulatePortfolio`.
 *
 * @example
 * effortCashFlows(account, defaultTierPolicies.S, 3, {horizon: 10, discountRate: 0.1, costPerHead: 150_000, defaultWalletGrowth: 0.03});
 */
export function effortCashFlows(
  account: Account,
  policy: TierPolicy,
  heads: number,
  settings: EconomicsSettings,
  response: EffortResponse = defaultEffortResponse,
  anchor?: number
): EffortCashFlows {
  const H = settings.horizon;
  const out = {investment: new Float64Array(H), revenue: new Float64Array(H), contribution: new Float64Array(H)};
  const {rampYears, response: factor} = fillEffortCashFlows(
    account,
    policy,
    heads,
    settings,
    response,
    out,
    accountPaths(account, settings, response),
    anchor
  );
  return {...out, rampYears, response: factor};
}

/** An account's wallet and uncovered purchases by year, which do not depend on its heads. */
export interface AccountPaths {
  /** annualWallet · (1 + growth)^t at index t − 1. */
  wallet: Float64Array;
  /** annualRevenue · (1 + growth)^t · (1 − erosion)^t at index t − 1. */
  kept: Float64Array;
}

/**
 * The {@link AccountPaths} of an account, computed as {@link effortCashFlows} computes them; into
 * `into`'s arrays (each at least `horizon` long) when given.
 */
export function accountPaths(
  account: Account,
  {horizon, defaultWalletGrowth}: Pick<EconomicsSettings, "horizon" | "defaultWalletGrowth">,
  response: EffortResponse,
  into?: AccountPaths
): AccountPaths {
  const growth = account.walletGrowth ?? defaultWalletGrowth;
  const wallet = into?.wallet ?? new Float64Array(horizon);
  const kept = into?.kept ?? new Float64Array(horizon);
  for (let t = 1; t <= horizon; ++t) {
    wallet[t - 1] = account.annualWallet * pow(1 + growth, t);
    kept[t - 1] = account.annualRevenue * pow(1 + growth, t) * pow(1 - response.erosion, t);
  }
  return {wallet, kept};
}

/**
 * {@link effortCashFlows} into arrays the caller owns (each at least `horizon` long), for loops
 * over many accounts and head counts, optionally from the account's precomputed paths (the same
 * numbers, to the bit); returns the ramp and the response factor.
 */
export function fillEffortCashFlows(
  account: Account,
  policy: TierPolicy,
  heads: number,
  settings: EconomicsSettings,
  response: EffortResponse,
  {investment, revenue, contribution}: {investment: Float64Array; revenue: Float64Array; contribution: Float64Array},
  paths: AccountPaths = accountPaths(account, settings, response),
  anchor?: number,
  shape?: EffortShape
): {rampYears: number; response: number} {
  const {horizon, costPerHead} = settings;
  if (!(heads >= 0 && Number.isFinite(heads))) throw new RangeError(`invalid heads: ${heads} (a number of at least 0)`);
  investment.fill(0, 0, horizon);
  revenue.fill(0, 0, horizon);
  contribution.fill(0, 0, horizon);
  const margin = policy.grossMargin === "account" ? account.grossMargin : policy.grossMargin;
  if (heads === 0) {
    for (let t = 1; t <= horizon; ++t) {
      const r = paths.kept[t - 1]!;
      revenue[t - 1] = r;
      contribution[t - 1] = r * margin - costToServe(r, policy.costToServe);
    }
    return {rampYears: 0, response: 0};
  }
  const {factor, ramp} = shape ?? effortShape(policy, heads, response, anchor);
  const current = account.annualWallet > 0 ? Math.min(1, account.annualRevenue / account.annualWallet) : 0;
  let share = Math.min(1, (policy.firstShare === "current" ? current : policy.firstShare) * factor);
  const ceiling = Math.min(1, policy.shareCeiling * factor);
  for (let t = 1; t <= horizon; ++t) {
    // The part of year t still in the ramp, in [0, 1].
    const inRamp = Math.min(1, Math.max(0, ramp - (t - 1)));
    investment[t - 1] = heads * costPerHead + (inRamp > 0 ? policy.presalesCost * inRamp : 0);
    if (inRamp === 1) continue;
    const r = paths.wallet[t - 1]! * share * (1 - inRamp);
    revenue[t - 1] = r;
    contribution[t - 1] = r * margin - costToServe(r, policy.costToServe);
    share += policy.shareGrowth * (ceiling - share);
  }
  return {rampYears: ramp, response: factor};
}

/** What heads do to any account of a tier: the factor r(h) on its shares and its ramp in years. */
export interface EffortShape {
  factor: number;
  ramp: number;
}

/**
 * The {@link EffortShape} of `heads` heads (above 0) under a tier's policy, as
 * {@link fillEffortCashFlows} computes it: it depends on the tier, not the account, so a loop
 * over many accounts of a tier can compute it once per head count.
 *
 * @example
 * effortShape(defaultTierPolicies.S, 2, defaultEffortResponse); // {factor: 1, ramp: 2}: the policy's own heads
 */
export function effortShape(policy: TierPolicy, heads: number, response: EffortResponse, anchor?: number): EffortShape {
  const h0 = anchorHeads(policy, anchor);
  const b = responseRateTimesAnchor(response.elasticity) / h0;
  const factor = heads === h0 ? 1 : (1 - exp(-b * heads)) / (1 - exp(-b * h0));
  const ramp =
    policy.rampYears === 0
      ? 0
      : heads === h0
        ? policy.rampYears
        : policy.rampYears * pow(h0 / heads, response.rampExponent);
  return {factor, ramp};
}
