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

  // Medians in words: one year is singular; a curve that never halves says so rather than leaving a blank.
  const compared = page.locator(".card", {has: page.locator("h2", {hasText: "Industries compared"})});
  const median = async (industry: string) =>
    (await compared.locator("tbody tr", {hasText: industry}).locator("td").nth(7).innerText()).trim();
  expect(await median("Internet")).toBe("1 year");
  expect(await median("Public sector")).toBe("not reached");
  expect(await median("Banking")).toBe("12 years");

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

it("attrition proposes hazards for the simulator as a table, checks each cell and keeps edits in this browser", async () => {
  const {page, context, problems} = await visit(site, "/attrition");
  const cell = (industry: string, year: number) => page.getByLabel(`${industry}, year ${year}`, {exact: true});
  // Fifteen yearly hazards from the Weibull fit (the paths the simulator uses), each shown as a
  // percentage between 0 and 100.
  const proposed = await Promise.all(Array.from({length: 15}, (_, i) => cell("Retail", i + 1).inputValue()));
  expect(proposed.every((text) => /^\d+\.\d$/.test(text) && Number(text) > 0 && Number(text) < 100)).toBe(true);
  expect(await cell("Retail", 16).count()).toBe(0);
  const banking = await cell("Banking", 1).inputValue();
  // An invalid cell is marked and named; it does not stop the other industries from saving.
  await cell("Retail", 3).fill("140");
  await page.getByText("Retail, year 3: 140% is above 100%").waitFor();
  expect(await cell("Retail", 3).getAttribute("aria-invalid")).toBe("true");
  expect(await cell("Retail", 2).getAttribute("aria-invalid")).toBeNull();
  await cell("Manufacturing", 2).fill("abc");
  await page.getByText('Manufacturing, year 2: "abc" is not a percentage').waitFor();
  await page.getByRole("button", {name: "Save for the simulator"}).click();
  await page.getByText("Saved the paths of 6 industries for the simulator. Not saved: Manufacturing, Retail").waitFor();
  let stored = await page.evaluate(() => JSON.parse(localStorage.getItem("tierwise-hazards") ?? "{}"));
  expect(Object.keys(stored).sort()).toEqual([
    "Banking",
    "Energy",
    "Internet",
    "Public sector",
    "Telecom operators",
    "Utilities"
  ]);
  expect(stored.Banking).toHaveLength(15);
  expect((stored.Banking[0] * 100).toFixed(1)).toBe(banking);
  // A gap is an error; a path that ends early is three years, the rest of the row empty.
  await cell("Retail", 1).fill("50");
  await cell("Retail", 2).fill("60");
  await cell("Retail", 3).fill("");
  await page.getByText("Retail, year 3: empty, but a later year has a value").waitFor();
  for (let year = 4; year <= 15; ++year) await cell("Retail", year).fill("");
  await cell("Retail", 3).fill("10%");
  await cell("Manufacturing", 2).fill("7,5");
  await page.getByRole("alert").filter({hasText: "Not saved until fixed"}).waitFor({state: "detached"});
  await page.getByRole("button", {name: "Save for the simulator"}).click();
  await page.getByText("Saved the paths of 8 industries for the simulator.", {exact: true}).waitFor();
  stored = await page.evaluate(() => JSON.parse(localStorage.getItem("tierwise-hazards") ?? "{}"));
  expect(stored.Retail).toEqual([0.5, 0.6, 0.1]);
  expect(stored.Manufacturing[1]).toBe(0.075);
  await page.reload();
  await settled(page);
  expect(await cell("Retail", 1).inputValue()).toBe("50.0");
  expect(await cell("Retail", 3).inputValue()).toBe("10.0");
  expect(await cell("Retail", 4).inputValue()).toBe("");
  expect(await cell("Manufacturing", 2).inputValue()).toBe("7.5");
  expect(problems).toEqual([]);
  await context.close();
});
