import type {Account} from "./accountFields.js";

/** One industry of {@link industrySummary}. */
export interface IndustrySummary {
  industry: string;
  /** Every account ever served in the industry. */
  accounts: number;
  /** The accounts without an exit year. */
  active: number;
  /** Sum of annual revenue. */
  revenue: number;
  /** Sum of annual revenue × gross margin. */
  grossProfit: number;
  /** Sum of annual revenue × gross margin over the active accounts. */
  activeGrossProfit: number;
}

/**
 * A portfolio summarised by industry: accounts, active accounts, revenue and gross profit, largest
 * revenue first (ties keep the order in which the industries first appear). One pass over the
 * accounts, summed in their order, so a page that only summarises needs no database. An empty
 * portfolio gives no rows.
 *
 * @example
 * industrySummary([
 *   {industry: "Retail", exitYear: null, annualRevenue: 100, grossMargin: 0.3},
 *   {industry: "Retail", exitYear: 2021, annualRevenue: 50, grossMargin: 0.2}
 * ]);
 * // [{industry: "Retail", accounts: 2, active: 1, revenue: 150, grossProfit: 40, activeGrossProfit: 30}]
 */
export function industrySummary(
  accounts: Iterable<Pick<Account, "industry" | "exitYear" | "annualRevenue" | "grossMargin">>
): IndustrySummary[] {
  const byIndustry = new Map<string, IndustrySummary>();
  for (const {industry, exitYear, annualRevenue, grossMargin} of accounts) {
    let row = byIndustry.get(industry);
    if (row === undefined)
      byIndustry.set(
        industry,
        (row = {industry, accounts: 0, active: 0, revenue: 0, grossProfit: 0, activeGrossProfit: 0})
      );
    const profit = annualRevenue * grossMargin;
    row.accounts += 1;
    row.revenue += annualRevenue;
    row.grossProfit += profit;
    if (exitYear === null) {
      row.active += 1;
      row.activeGrossProfit += profit;
    }
  }
  return [...byIndustry.values()].sort((a, b) => b.revenue - a.revenue);
}
