import {costToServe, defaultCostToServe, type CostToServe} from "../economics/costToServe.js";
import type {Account} from "../portfolio/accountFields.js";

/** Options of {@link accountProfit}. */
export interface AccountProfitOptions {
  /** Loaded yearly cost of one sales head (salary, travel, overhead), currency. Default 150,000. */
  costPerHead?: number;
  costToServe?: CostToServe;
}

/**
 * An account's yearly profit today, after the cost of its sales heads and of serving it:
 * revenue · grossMargin − salesHeads · costPerHead − cost to serve. This is the activity-based
 * customer profit that whale curves rank (Kaplan & Cooper, Cost & Effect, 1998).
 *
 * @example
 * accountProfit(account, {costPerHead: 150_000});
 */
export function accountProfit(
  account: Account,
  {costPerHead = 150_000, costToServe: serving = defaultCostToServe}: AccountProfitOptions = {}
): number {
  return (
    account.annualRevenue * account.grossMargin -
    account.salesHeads * costPerHead -
    costToServe(account.annualRevenue, serving)
  );
}
