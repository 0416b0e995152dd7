import {survivalAt, type IndustrySurvival, type LogRank} from "tierwise";

/** One industry's row in the Attrition page's comparison table (and its download). */
export interface AttritionRow {
  industry: string;
  accounts: number;
  exits: number;
  "alive at 1": number | null;
  "alive at 5": number | null;
  "alive at 10": number | null;
  /** Years, or "not reached" when the curve never falls to half (text in the table and its download alike). */
  median: number | string | null;
  shape: number | null;
  scale: number | null;
  /** Why the industry's estimate is missing or not to be relied on; "" when it is. */
  note: string;
}

/**
 * The comparison table's rows: each industry's accounts, exits, survival at 1, 5 and 10 years of
 * age, median and Weibull fit, with a note when there is no curve, no exit, too few accounts or
 * exits for `minAccounts` and `minEvents`, or a fit that failed.
 *
 * @example
 * const rows = attritionRows(industrySurvival(accounts, {asOf: 2025}), {minAccounts: 30, minEvents: 10});
 */
export function attritionRows(
  industries: readonly IndustrySurvival[],
  {minAccounts, minEvents}: {minAccounts: number; minEvents: number}
): AttritionRow[] {
  return industries.map((d) => {
    const fit = d.weibull && "converged" in d.weibull ? d.weibull : null;
    return {
      industry: d.industry,
      accounts: d.accounts,
      exits: d.events,
      "alive at 1": d.km ? survivalAt(d.km, 1) : null,
      "alive at 5": d.km ? survivalAt(d.km, 5) : null,
      "alive at 10": d.km ? survivalAt(d.km, 10) : null,
      median: d.km ? (d.km.median ?? "not reached") : null,
      shape: fit?.converged ? fit.shape : null,
      scale: fit?.converged ? fit.scale : null,
      note: !d.km
        ? `No account with a founding year (${d.skipped} left out)`
        : d.events === 0
          ? "No exit yet: every curve stays at 100% and nothing can be fitted"
          : !d.reliable
            ? `Too few for a reliable estimate (${d.accounts} accounts, ${d.events} exits; want ${minAccounts} and ${minEvents})`
            : d.weibull && "error" in d.weibull
              ? d.weibull.error
              : fit && !fit.converged
                ? fit.message
                : ""
    };
  });
}

/**
 * What the log-rank test says about the industries shown, in a sentence: null `test` when fewer
 * than two are shown, of `measured` industries with data.
 *
 * @example
 * logRankSentence(logRank(groups), 4); // "Log-rank test across the 4 industries shown: χ² = 12.3 on 3 df, p = 0.006: their survival differs"
 */
export function logRankSentence(test: LogRank | null, measured: number): string {
  if (test === null)
    return measured < 2
      ? "Only one industry, so there is no other to compare it with"
      : "Choose two or more industries to compare them";
  if (test.p === null) return `No log-rank test across the ${test.groups.length} industries shown: ${test.reason}`;
  const p = test.p < 0.001 ? "< 0.001" : `= ${test.p.toFixed(3)}`;
  return `Log-rank test across the ${test.groups.length} industries shown: χ² = ${test.chiSquare!.toFixed(1)} on ${test.df} df, p ${p}${test.p < 0.05 ? ": their survival differs" : ": no clear difference"}`;
}
