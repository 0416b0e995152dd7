import type {TierOutcome} from "../simulation/simulatePortfolio.js";
import {formatPercent} from "../text/format.js";

/** How a tier's multi-year relationship building fares, in words. */
export interface TierVerdict {
  /** "justified" when it pays back in at least 80% of futures, "uncertain" from 50%, else "not justified"; "empty" for no accounts. */
  rating: "justified" | "uncertain" | "not justified" | "empty";
  /** E.g. "Multi-year relationship building pays back in 83% of simulated futures." */
  sentence: string;
  /** Why: the annual survival the policy needs against the survival simulated. */
  reason: string;
  /** The tier's equivalent survival: the constant annual survival worth its simulated mean NPV. */
  equivalentSurvival: number | null;
}

// Percentages in a sentence: never "100%" for a share below one (see formatPercent).
const percent = (x: number) => formatPercent(x, {words: true});

/**
 * The plain-language verdict on one tier's simulated outcome, and its reason. Ratings cut
 * P(NPV > 0) at 80% and 50%: a policy that loses money in one future in five is not one to bet
 * years of relationship building on without a second look.
 *
 * @example
 * tierVerdict(result.tiers.S).sentence; // "Multi-year relationship building pays back in more than 99.9% of simulated futures."
 */
export function tierVerdict(outcome: TierOutcome): TierVerdict {
  if (outcome.accounts === 0) {
    return {rating: "empty", sentence: "No accounts in this tier.", reason: "", equivalentSurvival: null};
  }
  const p = outcome.probabilityPositive;
  const equivalentSurvival = outcome.equivalentSurvival;
  const need = outcome.breakEvenSurvival;
  const reason =
    need === null
      ? "It loses money even if no customer ever dies: the policy costs more than the orders it wins bring in."
      : need === 0
        ? "It pays back even if every customer dies in its first year."
        : equivalentSurvival === 0
          ? // The simulated mean is below what any constant survival gives (a tier that loses money in
            // each year a customer lives, and gains only near the horizon): "equivalent to 0% a year"
            // would read as every customer dying.
            `It breaks even at ${percent(need)} annual survival; under the simulated attrition it does no better than if every customer left in its first year.`
          : `It breaks even at ${percent(need)} annual survival; the simulated attrition is equivalent to ${percent(equivalentSurvival!)} a year${
              equivalentSurvival! >= need ? ", above what it needs" : ", short of what it needs"
            }.`;
  return {
    rating: p >= 0.8 ? "justified" : p >= 0.5 ? "uncertain" : "not justified",
    sentence: `Multi-year relationship building pays back in ${percent(p)} of simulated futures.`,
    reason,
    equivalentSurvival
  };
}
