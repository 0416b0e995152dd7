import {readFileSync} from "node:fs";
import {afterAll, beforeAll, expect, it} from "vitest";
import {
  estimateHazards,
  ingestRows,
  parseDelimited,
  parseScenario,
  simulatePortfolio,
  tiers,
  type Scenario
} from "tierwise";
import {openSite, visit, type Site} from "./site.js";

let site: Site;
beforeAll(async () => void (site = await openSite()));
afterAll(async () => await site?.close());

// Node 20 and Chromium differ in the last bit of Math.exp, Math.log and ** for about one input in
// ten; the Weibull fits behind the estimated hazards, and the closed forms behind break-even and
// equivalent survival, make thousands of such calls. Every one goes through the deterministic
// functions, so the browser's numbers equal Node's to the last bit.
it("estimates the same hazards, break-even and equivalent survival in the browser as in Node, to the last bit", async () => {
  const {page, context, problems} = await visit(site, "/simulator");
  // The default attrition is estimated from the portfolio. The results card names the scenario
  // once it has caught up with the latest run: the page's own signal that it is done.
  await page
    .getByText("Attrition estimated from this portfolio, 1,000 futures, seed 1", {exact: true})
    .waitFor({timeout: 120_000});
  const download = async (name: string) => {
    const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", {name}).last().click()]);
    return readFileSync((await file.path())!, "utf-8");
  };
  const scenario: Scenario = parseScenario(await download("Download scenario (JSON)"));
  const table = parseDelimited(await download("Download results by tier (CSV)"));

  const {header, rows} = parseDelimited(
    readFileSync(new URL("../../data/sample-portfolio.csv", import.meta.url), "utf-8")
  );
  const accounts = ingestRows(header, rows).accounts;
  const asOf = 2025;
  const estimated = estimateHazards(accounts, {asOf, horizon: 15}).filter((e) => e.hazard);
  expect(estimated.length).toBeGreaterThan(4);
  for (const {industry, hazard} of estimated) {
    expect(Object.hasOwn(scenario.attrition.hazard, industry)).toBe(true);
    expect(scenario.attrition.hazard[industry]).toEqual(hazard);
  }

  const node = simulatePortfolio(accounts, scenario, {trials: 1000, seed: 1, asOf});
  const column = (name: string) =>
    table.rows.map((r) => {
      const cell = r[table.header.indexOf(name)];
      return cell === "" ? null : Number(cell);
    });
  expect(column("tier")).toHaveLength(tiers.length);
  expect(column("mean NPV")).toEqual(tiers.map((t) => node.tiers[t].npv.mean));
  expect(column("break-even survival")).toEqual(tiers.map((t) => node.tiers[t].breakEvenSurvival));
  expect(column("equivalent survival")).toEqual(tiers.map((t) => node.tiers[t].equivalentSurvival));
  // Tiers with accounts have both survivals, strictly between 0 and 1 on the sample.
  for (const t of tiers) expect(node.tiers[t].equivalentSurvival).toBeGreaterThan(0);
  expect(problems).toEqual([]);
  await context.close();
});
