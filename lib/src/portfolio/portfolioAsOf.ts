import type {Account} from "./accountFields.js";

/**
 * The last year a portfolio's history covers: the latest first or exit year of its accounts.
 * Active accounts are censored at its end, and simulations start from it. Every page, worker and
 * report takes it from here, so they all count ages from the same year.
 *
 * @example
 * portfolioAsOf([{firstYear: 2019, exitYear: 2023}, {firstYear: 2021, exitYear: null}]); // 2023
 */
export function portfolioAsOf(accounts: readonly Pick<Account, "firstYear" | "exitYear">[]): number {
  let asOf = -Infinity;
  for (const {firstYear, exitYear} of accounts) {
    if (firstYear > asOf) asOf = firstYear;
    if (exitYear !== null && exitYear > asOf) asOf = exitYear;
  }
  if (!Number.isFinite(asOf)) throw new RangeError("an empty portfolio covers no year");
  return asOf;
}
