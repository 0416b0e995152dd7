/**
 * The yearly cost of serving an account: a fixed cost per order plus a variable share of revenue.
 * Because the fixed part does not grow with the order, a 10M order costs far less per unit of
 * revenue than a 1M order: the seed's point about whom to serve.
 */
export interface CostToServe {
  /** Cost of handling one order (proposal, contract, delivery, support), currency. */
  costPerOrder: number;
  /** Orders a year from an account that buys. */
  ordersPerYear: number;
  /** Costs that scale with revenue (logistics, warranty, commissions), as a share of revenue. */
  variableShare: number;
}

/** The default cost-to-serve, a mid-sized B2B seller's: 4 orders a year at 25,000 each, plus 5% of revenue. */
export const defaultCostToServe: CostToServe = {costPerOrder: 25_000, ordersPerYear: 4, variableShare: 0.05};

/**
 * The yearly cost to serve an account buying `revenue` a year; 0 when it buys nothing.
 *
 * @example
 * costToServe(1_000_000, {costPerOrder: 25_000, ordersPerYear: 4, variableShare: 0.05}); // 150,000
 */
export function costToServe(
  revenue: number,
  {costPerOrder, ordersPerYear, variableShare}: CostToServe = defaultCostToServe
): number {
  return revenue > 0 ? costPerOrder * ordersPerYear + variableShare * revenue : 0;
}
