import {afterAll, beforeAll, expect, it} from "vitest";
import {openSite, settled, visit, type Site} from "./site.js";

let site: Site;
beforeAll(async () => void (site = await openSite()));
afterAll(async () => await site?.close());

it("attrition draws a curve per industry, compares them, and follows its inputs", async () => {
  const {page, context, problems} = await visit(site, "/attrition");
  const subtitle = page.locator(".card h3", {hasText: /Log-rank|Choose two/});
  // The sample's eight industries: one Kaplan-Meier step line each, plus reference and fitted lines.
  expect(await page.locator("svg [aria-label='line'] path").count()).toBeGreaterThanOrEqual(8 + 2 + 8);
  expect(await subtitle.innerText()).toMatch(
    /^Log-rank test across the 8 industries shown: χ² = [\d.]+ on 7 df, p < 0\.001/
  );
  expect(await page.locator(".card h3").first().innerText()).toMatch(
    /^Internet loses firms fastest: \d+% gone within five years/
  );

  await page.getByRole("checkbox", {name: "Internet"}).uncheck();
  await page.locator(".card h3", {hasText: /across the 7 industries shown: χ² = [\d.]+ on 6 df/}).waitFor();
  expect(await subtitle.innerText()).toMatch(/^Log-rank test across the 7 industries shown/);

  const before = await page.locator("form table tbody tr").first().innerText();
  await page.getByLabel("Relationship age (first year with us)").check();
  // The table is redrawn in the same update as the checkbox's cell; wait for it with a generous bound.
  await page.waitForFunction(
    (old) => (document.querySelector<HTMLElement>("form table tbody tr")?.innerText ?? old) !== old,
    before,
    {timeout: 120_000}
  );
  expect(problems).toEqual([]);
  await context.close();
});

it("attrition proposes hazards for the simulator, checks edits and keeps them in this browser", async () => {
  const {page, context, problems} = await visit(site, "/attrition");
  const retail = page.getByLabel("Retail", {exact: true}).last();
  // Ten yearly hazards from the Weibull fit, each a share between 0 and 1.
  const proposed = (await retail.inputValue()).split(", ").map(Number);
  expect(proposed).toHaveLength(10);
  expect(proposed.every((h) => h > 0 && h < 1)).toBe(true);
  await retail.fill("0.5, 1.5");
  await retail.dispatchEvent("input");
  await page.getByText("Not saved: Retail need 1 to 30 hazards between 0 and 1.").waitFor();
  await retail.fill("0.5, 0.6, 0.1");
  await retail.dispatchEvent("input");
  await page.getByRole("button", {name: "Save for the simulator"}).click();
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem("tierwise-hazards") ?? "{}"));
  expect(stored.Retail).toEqual([0.5, 0.6, 0.1]);
  await page.reload();
  await settled(page);
  expect(await page.getByLabel("Retail", {exact: true}).last().inputValue()).toBe("0.500, 0.600, 0.100");
  expect(problems).toEqual([]);
  await context.close();
});
