import {afterAll, beforeAll, expect, it} from "vitest";
import {openSite, visit, type Site} from "./site.js";

let site: Site;
beforeAll(async () => void (site = await openSite()));
afterAll(async () => await site?.close());

it("attrition draws a curve per industry, compares them, and follows its inputs", async () => {
  const {page, context, problems} = await visit(site, "/attrition");
  const subtitle = page.locator(".card h3").nth(1);
  // The sample's eight industries: one Kaplan-Meier step line each, plus reference and fitted lines.
  expect(await page.locator("svg [aria-label='line'] path").count()).toBeGreaterThanOrEqual(8 + 2 + 8);
  expect(await subtitle.innerText()).toMatch(
    /^Log-rank test across the 8 industries shown: χ² = [\d.]+ on 7 df, p < 0\.001/
  );
  expect(await page.locator(".card h3").first().innerText()).toMatch(
    /^Internet loses firms fastest: \d+% gone within five years/
  );

  await page.getByLabel("Internet").uncheck();
  await expect.poll(() => subtitle.innerText()).toMatch(/across the 7 industries shown: χ² = [\d.]+ on 6 df/);

  const before = await page.locator("form table tbody tr").first().innerText();
  await page.getByLabel("Relationship age (first year with us)").check();
  await expect.poll(() => page.locator("form table tbody tr").first().innerText()).not.toBe(before);
  expect(problems).toEqual([]);
  await context.close();
});
