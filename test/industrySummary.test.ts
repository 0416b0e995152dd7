import {describe, expect, it} from "vitest";
import {industrySummary} from "../lib/src/index.js";

const account = (industry: string, exitYear: number | null, annualRevenue: number, grossMargin: number) => ({
  industry,
  exitYear,
  annualRevenue,
  grossMargin
});

describe("industrySummary()", () => {
  it("industrySummary(accounts) counts, sums and orders industries by revenue, largest first", () => {
    expect(
      industrySummary([
        account("Retail", null, 100, 0.3),
        account("Telecom", null, 400, 0.5),
        account("Retail", 2021, 50, 0.2),
        account("Telecom", 2020, 100, 0.1)
      ])
    ).toEqual([
      {industry: "Telecom", accounts: 2, active: 1, revenue: 500, grossProfit: 210, activeGrossProfit: 200},
      {industry: "Retail", accounts: 2, active: 1, revenue: 150, grossProfit: 40, activeGrossProfit: 30}
    ]);
  });

  it("industrySummary(accounts) keeps first-seen order on equal revenue and gives no rows for no accounts", () => {
    const rows = industrySummary([account("B", 2020, 10, 0.5), account("A", 2019, 10, 0.5)]);
    expect(rows.map((d) => [d.industry, d.active, d.activeGrossProfit])).toEqual([
      ["B", 0, 0],
      ["A", 0, 0]
    ]);
    expect(industrySummary([])).toEqual([]);
  });
});
