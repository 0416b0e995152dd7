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

it("overview's tier cards follow the tier rules saved on Portfolio & tiers, and say so", async () => {
  const rules = {
    weights: {wallet: 0.35, growth: 0.1, revenue: 0, margin: 0.15, health: 0.25, strategicFit: 0.15},
    cut: {by: "rank", topN: 7, shareA: 0.1, shareB: 0.2}
  };
  const {page, context, problems} = await visit(site, "/", {
    init: `localStorage.setItem("tierwise-tier-rules", ${JSON.stringify(JSON.stringify(rules))})`
  });
  expect(problems).toEqual([]);
  await page.getByText("your rules saved on Portfolio & tiers (top 7 by score").waitFor({timeout: 60_000});
  const active = accounts.filter((d) => d.exitYear === "").length;
  const cards = page.locator(".card", {has: page.locator("h2", {hasText: /^Tier [SABC]$/})});
  const counts = await cards.locator(".big").allInnerTexts();
  // Top 7 in S, then 10% and 20% of the 1,358 active accounts in A and B, the rest in C.
  const a = Math.round(0.1 * active);
  const b = Math.round(0.2 * active);
  expect(counts).toEqual(
    ["7", String(a), String(b), String(active - 7 - a - b)].map((n) => Number(n).toLocaleString("en-US"))
  );
  await context.close();
});
