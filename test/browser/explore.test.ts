import {readFileSync} from "node:fs";
import {afterAll, beforeAll, expect, it} from "vitest";
import {assignTiers, ingestRows, parseDelimited, tiers} from "tierwise";
import {openSite, settled, visit, type Site} from "./site.js";
import type {Page} from "playwright-core";

let site: Site;
beforeAll(async () => void (site = await openSite()));
afterAll(async () => await site?.close());

const {header, rows} = parseDelimited(
  readFileSync(new URL("../../data/sample-portfolio.csv", import.meta.url), "utf-8")
);
const accounts = ingestRows(header, rows).accounts;

/** Waits for the page's own signal that run number `run` has finished, and returns its status line. */
async function ran(page: Page, run: number) {
  await page.waitForFunction(
    (n) => Number(document.querySelector(".tw-query-status")?.getAttribute("data-run")) >= n,
    run,
    {timeout: 120_000}
  );
  return page.locator(".tw-query-status");
}

async function runSql(page: Page, sql: string, run: number) {
  await page.getByLabel("SQL query").fill(sql);
  await page.getByRole("button", {name: "Run", exact: true}).click();
  return ran(page, run);
}

it("runs read-only SQL, refuses a DROP, keeps the query in the link, and a saved segment narrows /tiers until cleared", async () => {
  const industries = new Set(accounts.map((a) => a.industry)).size;
  const apacTelecom = accounts.filter(
    (a) => a.industry === "Telecom operators" && a.region === "Asia Pacific" && a.exitYear === null
  );
  const {page, context, problems} = await visit(site, "/explore");

  // The first example runs on arrival: one row per industry, as counted in Node.
  let status = await ran(page, 1);
  expect(await status.getAttribute("data-rows")).toBe(String(industries));
  expect(await status.innerText()).toMatch(new RegExp(`^${industries} rows, 3 columns, in `));
  expect(await page.locator(".card table").first().locator("tbody tr").count()).toBe(industries);

  await page.getByRole("button", {name: "Active telecom operators in Asia Pacific"}).click();
  status = await ran(page, 2);
  expect(await status.getAttribute("data-rows")).toBe(String(apacTelecom.length));
  const sharedLink = page.url();
  expect(sharedLink).toMatch(/#s=/);

  // The database behind the page has external access off, whatever the text.
  status = await runSql(page, "SELECT current_setting('enable_external_access') AS e, '<b>x</b>' AS t", 3);
  expect(await status.getAttribute("data-state")).toBe("done");
  expect(await page.locator(".card table").first().locator("tbody td").allInnerTexts()).toEqual([
    "",
    "false",
    "<b>x</b>"
  ]);

  status = await runSql(page, "DROP TABLE accounts", 4);
  expect(await status.getAttribute("data-state")).toBe("refused");
  expect(await status.innerText()).toBe(
    "Not run: DROP is not allowed (character 1): Explore runs only read-only queries (SELECT, WITH … SELECT, FROM …, VALUES, DESCRIBE, SUMMARIZE)."
  );

  // The shared link runs its query again (opened afresh: going to it from this page would only change the hash).
  await page.goto("about:blank");
  await page.goto(sharedLink);
  await settled(page);
  status = await ran(page, 1);
  expect(await status.getAttribute("data-rows")).toBe(String(apacTelecom.length));
  expect(await page.getByLabel("SQL query").inputValue()).toContain("WHERE industry = 'Telecom operators'");

  await page.getByLabel("Segment name").fill("APAC telecom operators");
  await page.getByRole("button", {name: "Save as segment"}).click();
  await page
    .getByText(`Saved “APAC telecom operators”: ${apacTelecom.length} accounts, now in use on every page.`)
    .waitFor();
  expect(await page.locator(".tw-segment-select").inputValue()).toBe("APAC telecom operators");

  // /tiers shows the segment: its badge names it, its tiers are those of the segment's accounts.
  const tiered = assignTiers(apacTelecom);
  // The page shows a card for each tier that holds accounts.
  const expected = tiers
    .map((t) => tiered.filter((d) => d.tier === t).length)
    .filter((n) => n > 0)
    .map(String);
  expect(expected).toEqual([String(apacTelecom.length)]);
  await page.goto(site.origin + "/tiers");
  await settled(page);
  expect(await page.locator(".tw-segment").innerText()).toBe(
    `Segment: APAC telecom operators (${apacTelecom.length} of 2,000 accounts, ${apacTelecom.length} active): every figure is the segment's own, tiers ranked and attrition estimated among its accounts. Clear segment`
  );
  expect(await page.locator(".card .big").allInnerTexts()).toEqual(expected);

  await page.getByRole("link", {name: "Clear segment"}).click();
  await page.waitForFunction(() => document.querySelector(".tw-segment") === null, undefined, {timeout: 120_000});
  await settled(page);
  expect(await page.locator(".card .big").allInnerTexts()).toEqual(["100", "204", "475", "579"]);
  expect(problems).toEqual([]);
  await context.close();
});
