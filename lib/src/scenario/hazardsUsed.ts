import {hazardAt, type AttritionAssumptions} from "./scenario.js";

/** The yearly hazards one of a scenario's paths gives the industries it applies to. */
export interface HazardsUsed {
  /** The scenario's key for the path: an industry, or "*" for every industry not listed. */
  key: string;
  /** The portfolio's industries the path applies to, sorted. */
  industries: string[];
  /** How many of the accounts are in those industries. */
  accounts: number;
  /** The hazard in years 1..horizon, the path's last value repeated past its end. */
  hazard: number[];
}

/** Options of {@link hazardsUsed}. */
export interface HazardsUsedOptions {
  /** Years to spell out. Default 10. */
  horizon?: number;
}

/**
 * The hazards a simulation of these accounts uses, one row per path of the scenario that applies
 * to at least one of their industries (a path that applies to none is left out): what a report
 * shows as the attrition assumed, year by year over the horizon. Rows are in the order of the
 * scenario's keys, "*" last. No accounts, no rows.
 *
 * @example
 * hazardsUsed([{industry: "Retail"}, {industry: "Telecom"}], {hazard: {Telecom: [0.2], "*": [0.5, 0.6, 0.25]}}, {horizon: 4});
 * // [{key: "Telecom", industries: ["Telecom"], accounts: 1, hazard: [0.2, 0.2, 0.2, 0.2]},
 * //  {key: "*", industries: ["Retail"], accounts: 1, hazard: [0.5, 0.6, 0.25, 0.25]}]
 */
export function hazardsUsed(
  accounts: readonly {industry: string}[],
  attrition: Pick<AttritionAssumptions, "hazard">,
  {horizon = 10}: HazardsUsedOptions = {}
): HazardsUsed[] {
  if (!(Number.isInteger(horizon) && horizon >= 1)) throw new RangeError(`invalid horizon: ${horizon}`);
  const counts = new Map<string, number>();
  for (const {industry} of accounts) counts.set(industry, (counts.get(industry) ?? 0) + 1);
  const keys = [...Object.keys(attrition.hazard).filter((key) => key !== "*"), "*"];
  return keys.flatMap((key) => {
    const industries = [...counts.keys()]
      .filter((industry) => (key === "*" ? !Object.hasOwn(attrition.hazard, industry) : industry === key))
      .sort();
    if (industries.length === 0) return [];
    return [
      {
        key,
        industries,
        accounts: industries.reduce((n, industry) => n + counts.get(industry)!, 0),
        // hazardAt throws, naming the industry, when no path applies and there is no "*".
        hazard: Array.from({length: horizon}, (_, t) => hazardAt(attrition, industries[0]!, t + 1))
      }
    ];
  });
}
