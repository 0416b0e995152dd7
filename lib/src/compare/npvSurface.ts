import {accountCashFlows} from "../economics/accountCashFlows.js";
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

/**
 * Expected NPV of one tier over a grid of (constant annual survival × ramp years), holding the rest
 * of the tier's policy: the closed form of {@link expectedNpv} with S(t) = s^t applied to the
 * tier's summed yearly flows. Every account shares the one survival rate, so health and industry
 * shocks play no part: the surface shows where the policy pays back, and its break-even line
 * where it stops paying back, for any attrition the team believes in.
 *
 * @example
 * const {breakEven} = npvSurface(accounts, defaultScenario, "S");
 * breakEven.find((d) => d.rampYears === 2)?.survival; // the survival a two-year bet needs
 */
export function npvSurface(
  accounts: readonly Account[],
  scenario: Scenario,
  tier: Tier,
  {survival = defaultSurvival, rampYears = defaultRamps, tiered}: NpvSurfaceOptions = {}
): NpvSurface {
  for (const s of survival) if (!(s >= 0 && s <= 1)) throw new RangeError(`invalid survival: ${s} (0 to 1)`);
  for (const r of rampYears)
    if (!(Number.isInteger(r) && r >= 0 && r <= 15)) throw new RangeError(`invalid ramp years: ${r} (0 to 15)`);
  const members = (tiered ?? assignTiers(accounts, scenario.tierRules)).filter((d) => d.tier === tier);
  const H = scenario.horizon;
  const options = {discountRate: scenario.discountRate};
  const cells: NpvSurfaceCell[] = [];
  const breakEven: NpvSurface["breakEven"] = [];
  for (const r of rampYears) {
    const policy = {...scenario.tiers[tier], rampYears: r};
    const investment = new Float64Array(H);
    const contribution = new Float64Array(H);
    for (const {account} of members) {
      const flows = accountCashFlows(account, policy, scenario);
      for (let t = 0; t < H; ++t) {
        investment[t]! += flows.investment[t]!;
        contribution[t]! += flows.contribution[t]!;
      }
    }
    const flows = {investment, contribution};
    for (const s of survival)
      cells.push({survival: s, rampYears: r, npv: expectedNpv(flows, (t) => pow(s, t), options)});
    breakEven.push({rampYears: r, survival: members.length === 0 ? null : breakEvenSurvival(flows, options)});
  }
  return {tier, accounts: members.length, cells, breakEven};
}
