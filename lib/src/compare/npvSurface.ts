import {breakEvenSurvival} from "../economics/breakEvenSurvival.js";
import {expectedNpv} from "../economics/expectedNpv.js";
import type {Account} from "../portfolio/accountFields.js";
import type {Scenario} from "../scenario/scenario.js";
import {assignTiers, type TieredAccount} from "../tiering/assignTiers.js";
import type {Tier} from "../tiering/tiers.js";
import {pow} from "../math/deterministic.js";

/** Options of {@link npvSurface}. */
export interface NpvSurfaceOptions {
  /** Annual survival probabilities, the surface's columns. Default 0.30 to 1.00 by 0.02. */
  survival?: readonly number[];
  /** Ramp years, the surface's rows. Default 0 to 6. */
  rampYears?: readonly number[];
  /** Tier assignments to use instead of applying the scenario's rules. */
  tiered?: readonly TieredAccount[];
  /** Called with the share of the tier's accounts done (0 to 1), every few thousand accounts and at the end. */
  onProgress?: (done: number) => void;
}

/** One cell of {@link npvSurface}. */
export interface NpvSurfaceCell {
  survival: number;
  rampYears: number;
  /** Expected NPV of the tier's accounts over the horizon. */
  npv: number;
}

/** The result of {@link npvSurface}. */
export interface NpvSurface {
  tier: Tier;
  accounts: number;
  cells: NpvSurfaceCell[];
  /** For each ramp, the annual survival at which the tier breaks even (null: never, even if no account dies). */
  breakEven: {rampYears: number; survival: number | null}[];
}

const defaultSurvival = Array.from({length: 36}, (_, i) => Math.round((0.3 + 0.02 * i) * 100) / 100);
const defaultRamps = [0, 1, 2, 3, 4, 5, 6];
const progressEvery = 4096;

/**
 * Expected NPV of one tier over a grid of (constant annual survival × ramp years), holding the rest
 * of the tier's policy: the closed form of {@link expectedNpv} with S(t) = s^t applied to the
 * tier's summed yearly flows. Every account shares the one survival rate, so health and industry
 * shocks play no part: the surface shows where the policy pays back, and its break-even line
 * where it stops paying back, for any attrition the team believes in.
 *
 * The summed flows are those of `accountCashFlows` for each ramp, added account by account in the
 * tier's order, to the last bit; what does not depend on the ramp (the wallet's growth, the share's
 * path from the first order) is worked out once per account rather than once per ramp.
 *
 * @example
 * const {breakEven} = npvSurface(accounts, defaultScenario, "S");
 * breakEven.find((d) => d.rampYears === 2)?.survival; // the survival a two-year bet needs
 */
export function npvSurface(
  accounts: readonly Account[],
  scenario: Scenario,
  tier: Tier,
  {survival = defaultSurvival, rampYears = defaultRamps, tiered, onProgress}: NpvSurfaceOptions = {}
): NpvSurface {
  for (const s of survival) if (!(s >= 0 && s <= 1)) throw new RangeError(`invalid survival: ${s} (0 to 1)`);
  for (const r of rampYears)
    if (!(Number.isInteger(r) && r >= 0 && r <= 15)) throw new RangeError(`invalid ramp years: ${r} (0 to 15)`);
  const H = scenario.horizon;
  const R = rampYears.length;
  const policy = scenario.tiers[tier];
  const {costPerHead, defaultWalletGrowth} = scenario;
  const {costPerOrder, ordersPerYear, variableShare} = policy.costToServe;
  const heads = policy.headsPerAccount;
  // Row k of each (ramp k, year t at k·H + t − 1) holds the tier's sum of that year's flow.
  const investment = new Float64Array(R * H);
  const contribution = new Float64Array(R * H);
  // Per account: its wallet in year t (index t − 1), and its share in its j-th year of orders (index j).
  const wallet = new Float64Array(H);
  const share = new Float64Array(H);
  let members = 0;
  const all = tiered ?? assignTiers(accounts, scenario.tierRules);
  const inTier = all.reduce((n, d) => (d.tier === tier ? n + 1 : n), 0);
  for (const d of all) {
    if (d.tier !== tier) continue;
    const account = d.account;
    // The same operations, in the same order, as accountCashFlows: the same numbers to the last bit.
    const growth = account.walletGrowth ?? defaultWalletGrowth;
    const margin = policy.grossMargin === "account" ? account.grossMargin : policy.grossMargin;
    const current = account.annualWallet > 0 ? Math.min(1, account.annualRevenue / account.annualWallet) : 0;
    let s = policy.firstShare === "current" ? current : policy.firstShare;
    for (let t = 1; t <= H; ++t) {
      wallet[t - 1] = account.annualWallet * pow(1 + growth, t);
      share[t - 1] = s;
      s += policy.shareGrowth * (policy.shareCeiling - s);
    }
    for (let k = 0; k < R; ++k) {
      const ramp = rampYears[k]!;
      const row = k * H;
      for (let t = 1; t <= H; ++t) {
        investment[row + t - 1]! += heads * costPerHead + (t <= ramp ? policy.presalesCost : 0);
        // A ramp year earns nothing: adding its zero would leave the sum as it is.
        if (t <= ramp) continue;
        const revenue = wallet[t - 1]! * share[t - ramp - 1]!;
        contribution[row + t - 1]! +=
          revenue * margin - (revenue > 0 ? costPerOrder * ordersPerYear + variableShare * revenue : 0);
      }
    }
    if (++members % progressEvery === 0) onProgress?.(members / inTier);
  }
  onProgress?.(1);
  const options = {discountRate: scenario.discountRate};
  const cells: NpvSurfaceCell[] = [];
  const breakEven: NpvSurface["breakEven"] = [];
  for (let k = 0; k < R; ++k) {
    const r = rampYears[k]!;
    const flows = {
      investment: investment.subarray(k * H, k * H + H),
      contribution: contribution.subarray(k * H, k * H + H)
    };
    for (const s of survival)
      cells.push({survival: s, rampYears: r, npv: expectedNpv(flows, (t) => pow(s, t), options)});
    breakEven.push({rampYears: r, survival: members === 0 ? null : breakEvenSurvival(flows, options)});
  }
  return {tier, accounts: members, cells, breakEven};
}
