import {afterAll, beforeAll, expect, it} from "vitest";
import {linkWritten, openSite, visit, type Site} from "./site.js";

let site: Site;
beforeAll(async () => void (site = await openSite()));
afterAll(async () => await site?.close());

it("tiers show the whale curve and per-head revenue, and a larger top N grows tier S", async () => {
  const {page, context, problems} = await visit(site, "/tiers");
  const tierS = page.locator(".card .big").first();
  expect(await tierS.innerText()).toBe("100");
  // The sample's 1,358 active accounts: 100 in S, 15% (204) in A, 35% (475) in B, the rest in C.
  expect(await page.locator(".card .big").allInnerTexts()).toEqual(["100", "204", "475", "579"]);
  expect(await page.locator("svg [aria-label='dot'] circle").count()).toBeGreaterThan(1000);
  expect(await page.locator("svg [aria-label='bar'] rect").count()).toBeGreaterThanOrEqual(4);
  expect(await page.getByText("Same tiers as the default rules").count()).toBe(1);

  const topN = page.getByLabel("Tier S: top N accounts").first();
  await topN.fill("150");
  await topN.dispatchEvent("input");
  await page.locator(".card .big").first().getByText("150", {exact: true}).waitFor();
  // Ranks 100-149 move from A to S, and the A and B windows shift by 50: 150 accounts move.
  await page.getByText("150 accounts change tier against the default rules", {exact: true}).waitFor();
  expect(problems).toEqual([]);
  await context.close();
});

it("tiers cut by score thresholds when asked, as assignTiers() does in Node", async () => {
  const {readFileSync} = await import("node:fs");
  const {assignTiers, defaultTierRules, ingestRows, parseDelimited, tiers} = await import("tierwise");
  const {header, rows} = parseDelimited(
    readFileSync(new URL("../../data/sample-portfolio.csv", import.meta.url), "utf-8")
  );
  const tiered = assignTiers(ingestRows(header, rows).accounts, {
    weights: defaultTierRules.weights,
    cut: {by: "score", S: 0.8, A: 0.65, B: 0.45}
  });
  const expected = tiers.map((t) => tiered.filter((d) => d.tier === t).length.toLocaleString("en-US"));

  const {page, context, problems} = await visit(site, "/tiers");
  // Cutting by rank, the score thresholds do not apply and cannot be set; by score, the rank cut's.
  expect(await page.getByLabel("Score threshold for S").first().isDisabled()).toBe(true);
  expect(await page.getByLabel("Tier S: top N accounts").first().isDisabled()).toBe(false);
  await page.getByLabel("By score thresholds").check();
  await page.getByLabel("Score threshold for S").first().waitFor({state: "visible"});
  expect(await page.getByLabel("Score threshold for S").first().isDisabled()).toBe(false);
  expect(await page.getByLabel("Tier S: top N accounts").first().isDisabled()).toBe(true);
  expect(await page.getByLabel("Tier A: next share of accounts (%)").first().isDisabled()).toBe(true);
  await page.waitForFunction(
    (want) => [...document.querySelectorAll<HTMLElement>(".card .big")].map((d) => d.innerText).join("|") === want,
    expected.join("|"),
    {timeout: 120_000}
  );
  expect(await page.locator(".card .big").allInnerTexts()).toEqual(expected);
  const sThreshold = page.getByLabel("Score threshold for S").first();
  await sThreshold.fill("0.5");
  await sThreshold.dispatchEvent("input");
  await page.getByText("Score thresholds must fall from S to A to B.").waitFor();
  expect(problems).toEqual([]);
  await context.close();
});

it("tier rules saved on the tiers page tier the Simulator's accounts, and travel in its link", async () => {
  const {page, context, problems} = await visit(site, "/tiers");
  const topN = page.getByLabel("Tier S: top N accounts").first();
  await topN.fill("150");
  await topN.dispatchEvent("input");
  await page.getByRole("button", {name: "Use these rules in the Simulator and Compare"}).click();
  await page
    .getByText(
      "Saved: the Simulator and Compare tier accounts by top 150 by score, then 15% A and 35% B; weights wallet 0.35, growth 0.1, margin 0.15, health 0.25, strategic fit 0.15."
    )
    .waitFor();
  await page.goto(site.origin + "/simulator");
  await page
    .getByText("Accounts are tiered by your rules (saved on the Portfolio & tiers page): top 150 by score", {
      exact: false
    })
    .waitFor();
  await page.getByText("Tier S: 150 accounts").waitFor();
  await linkWritten(page);
  expect(page.url()).toMatch(/#s=[A-Za-z0-9_-]+$/);
  const url = page.url();

  // A fresh browser has no saved rules, but the link carries them.
  const fresh = await visit(site, url.replace(site.origin, ""));
  await fresh.page.getByText("Accounts are tiered by your rules (from the link)", {exact: false}).waitFor();
  await fresh.page.getByText("Tier S: 150 accounts").waitFor();
  expect(fresh.problems).toEqual([]);
  await fresh.context.close();

  await page.goto(site.origin + "/tiers");
  expect(await page.getByLabel("Tier S: top N accounts").first().inputValue()).toBe("150");
  await Promise.all([
    page.waitForEvent("load"),
    page.getByRole("button", {name: "Return to the default rules"}).click()
  ]);
  await page.getByText("The Simulator and Compare use the default rules.").waitFor();
  expect(await page.getByLabel("Tier S: top N accounts").first().inputValue()).toBe("100");
  expect(problems).toEqual([]);
  await context.close();
});
