import {attritionData, type AttritionData} from "../portfolio/attritionData.js";
import type {Account} from "../portfolio/accountFields.js";
import {fitWeibull} from "./fitWeibull.js";
import {kaplanMeier, type KaplanMeier} from "./kaplanMeier.js";
import type {ParametricFit} from "./parametricFit.js";

/** Options of {@link industrySurvival}. */
export interface IndustrySurvivalOptions {
  /** The last full year of observation (see {@link attritionData}). */
  asOf: number;
  /** The time origin: the firm's age (default) or the relationship's. */
  origin?: "firm" | "relationship";
  /** Accounts and exits an industry needs for its estimate to count as reliable: 30 and 10 by default. */
  minAccounts?: number;
  minEvents?: number;
}

/** One industry's survival: its data, Kaplan-Meier estimate and Weibull fit, and how much they rest on. */
export interface IndustrySurvival {
  industry: string;
  /** Its survival data; null when none of its accounts can be placed in time (no founding year under firm age). */
  data: AttritionData | null;
  km: KaplanMeier | null;
  /** The Weibull fit, or why there is none (no exit yet, or the fit failed); null without data. */
  weibull: ParametricFit | {error: string} | null;
  /** Accounts placed in time, accounts left out, and exits among those placed. */
  accounts: number;
  skipped: number;
  events: number;
  /** At least `minAccounts` accounts and `minEvents` exits. */
  reliable: boolean;
}

/**
 * Each industry's survival, industries in code-point order of their names: its attrition data,
 * Kaplan-Meier estimate and Weibull fit at once, so that the Attrition page's curves, table and
 * tests read one computation. An industry with no account placed in time has no data, no
 * estimate and no fit, and stays listed with its skipped accounts.
 *
 * @example
 * industrySurvival(accounts, {asOf: 2025}).map((d) => [d.industry, d.events, d.reliable]);
 */
export function industrySurvival(
  accounts: readonly Account[],
  {asOf, origin = "firm", minAccounts = 30, minEvents = 10}: IndustrySurvivalOptions
): IndustrySurvival[] {
  const groups = new Map<string, Account[]>();
  for (const a of accounts) {
    const group = groups.get(a.industry);
    if (group) group.push(a);
    else groups.set(a.industry, [a]);
  }
  return [...groups]
    .map(([industry, members]): IndustrySurvival => {
      const data = attritionData(members, {asOf, origin});
      let events = 0;
      for (const e of data.event) events += e;
      const empty = data.accounts.length === 0;
      let weibull: IndustrySurvival["weibull"] = null;
      if (!empty) {
        try {
          weibull = fitWeibull(data);
        } catch (error) {
          weibull = {error: events === 0 ? "no exit yet, so no Weibull fit" : (error as Error).message};
        }
      }
      return {
        industry,
        data: empty ? null : data,
        km: empty ? null : kaplanMeier(data),
        weibull,
        accounts: data.accounts.length,
        skipped: data.skipped,
        events,
        reliable: data.accounts.length >= minAccounts && events >= minEvents
      };
    })
    .sort((a, b) => (a.industry < b.industry ? -1 : a.industry > b.industry ? 1 : 0));
}
