import type {Account} from "../portfolio/accountFields.js";
import {costToServe} from "./costToServe.js";
import type {TierPolicy} from "./tierPolicy.js";

/** Settings shared by every tier. */
export interface EconomicsSettings {
  /** Years simulated (1-30). */
  horizon: number;
  /** Yearly discount rate, [0, 1). */
  discountRate: number;
  /** Loaded yearly cost of one sales head, currency. */
  costPerHead: number;
  /** Wallet growth for accounts without their own walletGrowth. */
  defaultWalletGrowth: number;
}

/**
 * One account's cash flows under a policy, year by year if it lives (index t − 1 is year t).
 * Investment (heads and pre-sales) is paid at the start of each year the account is alive at;
 * contribution (revenue · margin − cost to serve) arrives at the end of each year it survives.
 */
export interface AccountCashFlows {
  investment: Float64Array;
  revenue: Float64Array;
  contribution: Float64Array;
  heads: number;
  /** Years before the first order. */
  rampYears: number;
}

// Powers of the wallet's growth factor by year, reused by every call (made longer for a longer horizon).
let growthPowers = new Float64Array(32);

/**
 * The cash flows of one account under a tier policy. Revenue is zero during the ramp; from year
 * rampYears + 1 it is wallet · share, where the wallet grows at the account's walletGrowth and the
 * share starts at `firstShare` and closes `shareGrowth` of its gap to `shareCeiling` each year.
 *
 * With `into`, the flows are written to its arrays (of at least `horizon` years) and it is returned,
 * so that a caller going through many accounts allocates nothing per account.
 *
 * @example
 * accountCashFlows(account, defaultTierPolicies.S, {horizon: 10, discountRate: 0.1, costPerHead: 150_000, defaultWalletGrowth: 0.03});
 */
export function accountCashFlows(
  account: Account,
  policy: TierPolicy,
  {horizon, costPerHead, defaultWalletGrowth}: EconomicsSettings,
  into?: AccountCashFlows
): AccountCashFlows {
  const investment = into?.investment ?? new Float64Array(horizon);
  const revenue = into?.revenue ?? new Float64Array(horizon);
  const contribution = into?.contribution ?? new Float64Array(horizon);
  const serving = policy.costToServe;
  const growth = account.walletGrowth ?? defaultWalletGrowth;
  const margin = policy.grossMargin === "account" ? account.grossMargin : policy.grossMargin;
  const current = account.annualWallet > 0 ? Math.min(1, account.annualRevenue / account.annualWallet) : 0;
  let share = policy.firstShare === "current" ? current : policy.firstShare;
  const heads = policy.headsPerAccount;
  // (1 + growth)^t as pow gives it, to the last bit, with one multiplication a year: pow squares
  // the base and multiplies the squares of t's bits in from the lowest, so the power of t is the
  // power of t less its highest bit times that bit's square.
  if (growthPowers.length <= horizon) growthPowers = new Float64Array(horizon + 1);
  const powers = growthPowers;
  const base = 1 + growth;
  let square = base;
  let highest = 1;
  for (let t = 1; t <= horizon; ++t) {
    if (t === 2 * highest) {
      highest = t;
      square *= square;
    }
    powers[t] = t === highest ? square : powers[t - highest]! * square;
  }
  for (let t = 1; t <= horizon; ++t) {
    investment[t - 1] = heads * costPerHead + (t <= policy.rampYears ? policy.presalesCost : 0);
    if (t <= policy.rampYears) {
      revenue[t - 1] = 0;
      contribution[t - 1] = 0;
      continue;
    }
    const r = account.annualWallet * powers[t]! * share;
    revenue[t - 1] = r;
    contribution[t - 1] = r * margin - costToServe(r, serving);
    share += policy.shareGrowth * (policy.shareCeiling - share);
  }
  if (into) {
    into.heads = heads;
    into.rampYears = policy.rampYears;
    return into;
  }
  return {investment, revenue, contribution, heads, rampYears: policy.rampYears};
}
