import type {Account} from "../portfolio/accountFields.js";
import {attritionData} from "../portfolio/attritionData.js";
import {attritionOrigin} from "../portfolio/attritionOrigin.js";
import {fitWeibull} from "./fitWeibull.js";
import {hazardPath} from "./hazardPath.js";

/** Options of {@link estimateHazards}. */
export interface EstimateHazardsOptions {
  asOf: number;
  /**
   * The time origin (see `attritionData`). Default: the firm's age if any account has a founding
   * year, else the relationship's age ({@link attritionOrigin}).
   */
  origin?: "firm" | "relationship";
  /** Years of each path. Default 10. */
  horizon?: number;
}

/** One industry's estimated hazard path, or why there is none. */
export interface IndustryHazards {
  industry: string;
  /** Yearly hazards from next year on; null when there is no exit, no active account, or the fit failed. */
  hazard: number[] | null;
  accounts: number;
  events: number;
  note: string;
}

/**
 * Each industry's yearly exit hazards for its active accounts over the coming years: a Weibull
 * fit to the industry's history (with late entry), evaluated at the active accounts' current ages
 * by {@link hazardPath}. This is what the simulator uses when attrition is "estimated". An
 * industry without an estimate has a null path and a `note` saying why, in words.
 *
 * @example
 * estimateHazards(accounts, {asOf: 2025}); // [{industry: "Banking", hazard: [0.036, …], …}, …]
 */
export function estimateHazards(
  accounts: readonly Account[],
  {asOf, origin = attritionOrigin(accounts).origin, horizon = 10}: EstimateHazardsOptions
): IndustryHazards[] {
  const industries = [...new Set(accounts.map((a) => a.industry))].sort();
  return industries.map((industry) => {
    const data = attritionData(
      accounts.filter((a) => a.industry === industry),
      {asOf, origin}
    );
    const events = data.event.reduce((a, b) => a + b, 0);
    const base = {industry, accounts: data.accounts.length, events};
    if (data.accounts.length === 0)
      return {...base, hazard: null, note: origin === "firm" ? "no account with a founding year" : "no account"};
    const active = data.accounts.filter((a) => a.exitYear === null);
    if (active.length === 0) return {...base, hazard: null, note: "no active account"};
    if (events === 0) return {...base, hazard: null, note: "no exit yet, so no hazard can be estimated"};
    let fit;
    try {
      fit = fitWeibull(data);
    } catch (error) {
      return {...base, hazard: null, note: (error as Error).message};
    }
    if (!fit.converged) return {...base, hazard: null, note: fit.message};
    const ages = active.map((a) => asOf - (origin === "firm" ? a.foundedYear! : a.firstYear) + 1);
    const hazard = hazardPath(fit.survival, ages, {horizon});
    if (!hazard.every(Number.isFinite))
      return {...base, hazard: null, note: "the fitted survival reaches zero before the active accounts' ages"};
    return {...base, hazard, note: ""};
  });
}
