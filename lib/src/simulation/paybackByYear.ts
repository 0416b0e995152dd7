/** One year of {@link paybackByYear}: the share of futures that paid back in it, and by it. */
export interface PaybackYear {
  year: number;
  /** The share of all futures whose cumulative discounted cash first turned non-negative in this year. */
  inYear: number;
  /** The share of all futures that had paid back by the end of this year. */
  byYear: number;
}

/**
 * When an investment pays back: from each future's payback year (1 to `horizon`, 0 for a future
 * that never pays back within it, as `TierOutcome.paybackDraws` records them), the share of futures
 * paying back in each year and by each year. The shares are of all futures, so `byYear` ends at
 * P(payback). No futures give zeros.
 *
 * @example
 * paybackByYear(Uint8Array.of(1, 2, 0, 2), {horizon: 3});
 * // [{year: 1, inYear: 0.25, byYear: 0.25}, {year: 2, inYear: 0.5, byYear: 0.75}, {year: 3, inYear: 0, byYear: 0.75}]
 */
export function paybackByYear(draws: ArrayLike<number>, {horizon}: {horizon: number}): PaybackYear[] {
  if (!(Number.isInteger(horizon) && horizon >= 1)) throw new RangeError(`invalid horizon: ${horizon}`);
  const counts = new Array<number>(horizon + 1).fill(0);
  for (let k = 0; k < draws.length; ++k) {
    const year = draws[k]!;
    if (!(Number.isInteger(year) && year >= 0 && year <= horizon))
      throw new RangeError(`invalid payback year ${year} for future ${k + 1}: years run 0 (never) to ${horizon}`);
    counts[year] = counts[year]! + 1;
  }
  const trials = draws.length;
  let paid = 0;
  return counts.slice(1).map((count, k) => {
    paid += count;
    return {year: k + 1, inYear: trials ? count / trials : 0, byYear: trials ? paid / trials : 0};
  });
}
