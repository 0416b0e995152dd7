import type {Account} from "../portfolio/accountFields.js";
import {attritionData} from "../portfolio/attritionData.js";
import {fitWeibull} from "./fitWeibull.js";
import {hazardPath} from "./hazardPath.js";

/** Options of {@link estimateHazards}. */
export interface EstimateHazardsOptions {
  asOf: number;
  origin?: "firm" | "relationship";
  /** Years of each path. Default 10. */
  horizon?: number;
}

/** One industry's estimated hazard path, or why there is none. */
export interface IndustryHazards {
  industry: string;
  /** Yearly hazards from next year on; null when the fit failed or no account is active. */
  hazard: number[] | null;
  accounts: number;
  events: number;
  note: string;
}

/**
 * Each industry's yearly exit hazards for its active accounts over the coming years: a Weibull
 * fit to the industry's history (with late entry), evaluated at the active accounts' current ages
 * by {@link hazardPath}. This is what the simulator uses when attrition is "estimated".
 *
 * @example
 * estimateHazards(accounts, {asOf: 2025}); // [{industry: "Banking", hazard: [0.036, …], …}, …]
 */
export function estimateHazards(
  accounts: readonly Account[],
  {asOf, origin = "firm", horizon = 10}: EstimateHazardsOptions
): IndustryHazards[] {
  const industries = [...new Set(accounts.map((a) => a.industry))].sort();
  return industries.map((industry) => {
    const data = attritionData(
      accounts.filter((a) => a.industry === industry),
      {asOf, origin}
    );
    const events = data.event.reduce((a, b) => a + b, 0);
    const base = {industry, accounts: data.accounts.length, events};
    const active = data.accounts.filter((a) => a.exitYear === null);
    if (active.length === 0) return {...base, hazard: null, note: "no active account"};
    let fit;
    try {
      fit = fitWeibull(data);
    } catch (error) {
      return {...base, hazard: null, note: (error as Error).message};
    }
    if (!fit.converged) return {...base, hazard: null, note: fit.message};
    const ages = active.map((a) => asOf - (origin === "firm" ? a.foundedYear! : a.firstYear) + 1);
    return {...base, hazard: hazardPath(fit.survival, ages, {horizon}), note: ""};
  });
}
