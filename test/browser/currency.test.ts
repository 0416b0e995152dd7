import {readFileSync} from "node:fs";
import type {Locator} from "playwright-core";
import {afterAll, beforeAll, expect, it} from "vitest";
import {openSite, runFinished, settled, visit, type Site} from "./site.js";

/** The text of a select's chosen option (Inputs.select's values are indices). */
const chosen = (select: Locator) => select.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent);

let site: Site;
beforeAll(async () => void (site = await openSite()));
afterAll(async () => await site?.close());

// A CRM export in yuan: amounts with ¥ and 元, Chinese magnitudes.
const csv =
  "客户编号,客户名称,行业,区域,成立年份,首次合作年份,流失年份,年采购额,增长率,年收入,毛利率,健康度,战略匹配度,销售人数\n" +
  "C1,华东电信,Telecom,China,1990,2015,,¥8000万,5%,¥2000万,30%,0.8,4,1.5\n" +
  "C2,南方银行,Banking,China,1980,2016,,1.2亿元,3%,3000万元,35%,0.7,3,1\n" +
  "C3,西部能源,Energy,China,2000,2018,,¥5000万,2%,¥800万,25%,0.6,2,0.5\n" +
  "C4,北方制造,Manufacturing,China,1995,2017,2022,¥3000万,2%,¥500万,28%,0.4,3,0.5\n";

it("proposes the currency a file's signs name, and every page then names amounts in it, the Simulator's costs and report included", async () => {
  const {page, context, problems} = await visit(site, "/data");
  await page
    .locator("input[type=file]")
    .setInputFiles({name: "book-in-yuan.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf-8")});
  await page.getByText("book-in-yuan.csv: 4 data rows, 14 columns").waitFor();
  expect(await chosen(page.getByLabel("Amounts are in"))).toBe("CNY");
  await page.getByText("Currency proposed from the file's signs and codes: CNY.").waitFor();
  await page.getByRole("button", {name: "Load 4 rows"}).click();
  await page.getByText("Every page now uses book-in-yuan.csv").waitFor();

  // The overview: the badge, the cards, the chart's title and the table's headers.
  await page.goto(site.origin + "/");
  await page.getByText("Amounts in CNY.").waitFor();
  await page.locator("form table tbody tr").first().waitFor();
  const revenue = await page.locator(".card", {hasText: "Revenue"}).locator(".big").first().innerText();
  // ¥20M + ¥30M + ¥8M of revenue from the three active accounts, and ¥5M from the one that left.
  expect(revenue).toBe("CN¥63.0M");
  await page.getByText("Where today's revenue comes from, in CNY millions a year").waitFor();
  expect(await page.locator("form table thead th").allInnerTexts()).toContain("Revenue (CNY/yr)");
  const text = await page.locator("#observablehq-main").innerText();
  expect(text).not.toMatch(/\$|USD/);

  // The Simulator: its note, its cost inputs, its results and its report.
  await page.goto(site.origin + "/simulator");
  await runFinished(page, 0);
  await page.getByText("This book's amounts are in CNY, and so are the costs below").waitFor();
  await page.getByText("Loaded cost per sales head (CNY/yr)").waitFor();
  expect(await page.locator(".tw-amount").first().innerText()).toMatch(/^CNY [\d,]+/);
  const cards = await page.locator(".card", {hasText: "expected NPV"}).first().innerText();
  expect(cards).toMatch(/CN¥[\d.]+[KMB]? expected NPV/);
  const [report] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", {name: "Download report (HTML)"}).click()
  ]);
  const html = readFileSync((await report.path())!, "utf-8");
  expect(html).toContain("<dt>Currency</dt><dd>CNY: every amount");
  expect(html).toMatch(/Expected NPV <span class="tw-nowrap">−?CN¥/);
  expect(html.replace(/<[^>]+>/g, " ")).not.toMatch(/\$|USD/);

  // Every other page with amounts names them in yuan, its charts' axes included.
  for (const path of ["/tiers", "/allocate", "/compare"]) {
    await page.goto(site.origin + path);
    await settled(page);
    await page.getByText("Amounts in CNY.").waitFor();
    await page.locator("#observablehq-main svg").first().waitFor();
    const shown = await page.locator("#observablehq-main").evaluate((main) => main.textContent ?? "");
    expect(shown, path).toContain("CN¥");
    expect(
      [...shown.matchAll(/.{0,60}(?:\$|USD).{0,30}/g)].map((m) => m[0]),
      path
    ).toEqual([]);
  }
  expect(problems).toEqual([]);
  await context.close();
});

it("asks for the currency of a file that names none, US dollars first", async () => {
  const {page, context, problems} = await visit(site, "/data");
  await page.locator("input[type=file]").setInputFiles({
    name: "plain.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(csv.replace(/¥|元/g, ""), "utf-8")
  });
  await page.getByText("plain.csv: 4 data rows, 14 columns").waitFor();
  expect(await chosen(page.getByLabel("Amounts are in"))).toBe("USD");
  await page.getByText("The file names no currency: choose the one its amounts are in.").waitFor();
  expect(problems).toEqual([]);
  await context.close();
});
