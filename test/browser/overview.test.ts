import {readFileSync} from "node:fs";
import {csvParse, format, rollups, sum} from "d3";
import {afterAll, beforeAll, expect, it} from "vitest";
import {openSite, visit, type Site} from "./site.js";

// The expected summary, computed in Node from the committed file, independently of DuckDB.
const accounts = csvParse(readFileSync(new URL("../../data/sample-portfolio.csv", import.meta.url), "utf-8"));
const byIndustry = rollups(
  accounts,
  (rows) => ({
    accounts: rows.length,
    active: rows.filter((d) => d.exitYear === "").length,
    revenue: sum(rows, (d) => Number(d.annualRevenue)),
    grossProfit: sum(rows, (d) => Number(d.annualRevenue) * Number(d.grossMargin))
  }),
  (d) => d.industry!
).sort(([, a], [, b]) => b.revenue - a.revenue);

let site: Site;
beforeAll(async () => void (site = await openSite()));
afterAll(async () => await site?.close());

it("overview summarises data/sample-portfolio.csv by industry without DuckDB, with exact sums", async () => {
  const {page, context, problems, requested} = await visit(site, "/");
  expect(problems).toEqual([]);
  // A page that only summarises never starts DuckDB.
  expect(requested.filter((url) => /duckdb/i.test(url))).toEqual([]);
  const big = await page.locator(".card .big").allInnerTexts();
  expect(big.slice(0, 2)).toEqual([
    accounts.length.toLocaleString("en-US"),
    accounts.filter((d) => d.exitYear === "").length.toLocaleString("en-US")
  ]);
  const rows = await page
    .locator("form table tbody tr")
    .evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll("td"), (td) => td.textContent!.trim())));
  expect(rows.map((cells) => cells.slice(-5))).toEqual(
    byIndustry.map(([industry, d]) => [
      industry,
      String(d.accounts),
      String(d.active),
      format(",.0f")(d.revenue),
      format(",.0f")(d.grossProfit)
    ])
  );
  expect(await page.locator("svg [aria-label='bar'] rect").count()).toBe(byIndustry.length);
  await context.close();
});
