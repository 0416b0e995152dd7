import {readFileSync} from "node:fs";
import {
  accountFields,
  accountTemplateCsv,
  ingestRows,
  parseDelimited,
  parseScenario,
  simulatePortfolio,
  tiers
} from "tierwise";
import type {Page} from "playwright-core";
import {afterAll, beforeAll, expect, it} from "vitest";
import {openSite, runFinished, visit, type Site} from "./site.js";

/** The reason column of the rejected-rows table (the page also shows a preview table). */
const rejectedReasons = (page: Page) =>
  page
    .locator("form")
    .filter({has: page.locator("th", {hasText: /^reason$/})})
    .locator("tbody tr td:last-child");

let site: Site;
beforeAll(async () => void (site = await openSite()));
afterAll(async () => await site?.close());

// A CRM export with Chinese headers, thousands separators, percentages, a BOM and CRLF; rows 3, 5
// and 6 are bad, and row 4's name is HTML that must show as text.
const csv =
  "\uFEFF客户编号,客户名称,行业,区域,成立年份,首次合作年份,流失年份,年采购额,增长率,年收入,毛利率,健康度,战略匹配度,销售人数\r\n" +
  'C1,Alpha Telecom,Telecom,Europe,1990,2015,,"1,000,000",5%,"250,000",30%,0.8,4,1.5\r\n' +
  "C2,Beta Bank,Banking,Asia,1980,2015,2009,2000000,3%,400000,35%,0.7,3,1\r\n" +
  'C3,"<img src=x onerror=""document.title=\'pwned\'"">",Retail,Europe,2000,2018,2022,500000,2%,100000,25%,0.4,2,0.5\r\n' +
  "C4,Delta Power,Utilities,Europe,1970,2012,,abc,2%,300000,28%,0.9,3,1\r\n" +
  "C1,Echo Labs,Internet,China,2015,2016,,800000,12%,90000,40%,0.5,3,0.3\r\n";

it("loads an upload, lists its rejected rows, and every page then uses it until the user returns to the sample", async () => {
  const {page, context, problems} = await visit(site, "/data");
  await page
    .locator("input[type=file]")
    .setInputFiles({name: "crm-export.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf-8")});
  await page.getByText("crm-export.csv: 5 data rows, 14 columns").waitFor();
  await page.getByRole("button", {name: "Load 5 rows"}).click();
  await page.getByText("Every page now uses crm-export.csv").waitFor();
  const big = await page.locator(".card .big").allInnerTexts();
  expect(big).toEqual(["5", "2", "3"]);
  const reasons = await rejectedReasons(page).allInnerTexts();
  expect(reasons).toEqual([
    "exitYear 2009 is before firstYear 2015",
    'annualWallet (column "年采购额"): "abc" is not a number',
    'duplicate id "C1" (first at row 2)'
  ]);
  await page
    .getByText(
      "A row number is the line of the file where the row starts, counting every line from 1, the header's line included"
    )
    .waitFor();
  expect(await page.title()).not.toBe("pwned");

  await page.goto(site.origin + "/");
  await page.getByText("Portfolio: crm-export.csv").waitFor();
  await page.locator("form table tbody tr").first().waitFor();
  const industries = await page.locator("form table tbody tr td:nth-child(2)").allInnerTexts();
  expect(industries.sort()).toEqual(["Retail", "Telecom"]);
  expect(await page.locator("img[src=x]").count()).toBe(0);

  // The Simulator's worker reads the stored book from its columns: its results are Node's on the
  // same accounts, to the last bit.
  await page.goto(site.origin + "/simulator");
  await runFinished(page, 0);
  const run = await page.getByText(/ futures, seed \d+, \d+ years from \d+, simulated in /).innerText();
  const [, trials, seed, asOf] = run.match(/([\d,]+) futures, seed (\d+), \d+ years from (\d+)/)!;
  const download = async (name: string) => {
    const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", {name}).click()]);
    return readFileSync((await file.path())!, "utf-8");
  };
  const scenario = parseScenario(await download("Download scenario (JSON)"));
  const shown = parseDelimited(await download("Download results by tier (CSV)"));
  const file = parseDelimited(csv.replace(/^\uFEFF/, ""));
  const uploaded = ingestRows(file.header, file.rows).accounts;
  expect(uploaded.map((a) => a.id)).toEqual(["C1", "C3"]);
  const node = simulatePortfolio(uploaded, scenario, {
    trials: Number(trials!.replace(/,/g, "")),
    seed: Number(seed),
    asOf: Number(asOf)
  });
  const column = (name: string) => shown.rows.map((r) => Number(r[shown.header.indexOf(name)]));
  expect(column("accounts")).toEqual(tiers.map((t) => node.tiers[t].accounts));
  expect(column("accounts").reduce((a, b) => a + b)).toBe(1);
  expect(column("mean NPV")).toEqual(tiers.map((t) => node.tiers[t].npv.mean));

  await page.goto(site.origin + "/data");
  await page.getByRole("button", {name: "Return to the sample portfolio"}).click();
  await page.getByText("Portfolio: Sample portfolio").waitFor();
  expect(problems).toEqual([]);
  await context.close();
});

it("says what a file needs before an upload, and offers a template that loads as it is", async () => {
  const {page, context, problems} = await visit(site, "/data");
  // One row per account field, optional ones saying what is lost without them.
  const fields = page.locator("table.tw-field-table tbody tr");
  expect(await fields.locator("th code").allInnerTexts()).toEqual(accountFields.map((f) => f.name));
  expect(await fields.filter({hasText: "optional"}).locator("th code").allInnerTexts()).toEqual([
    "foundedYear",
    "exitYear",
    "walletGrowth"
  ]);
  expect(await fields.filter({hasText: "exitYear"}).innerText()).toContain(
    "Without it: Every account counts as active and no exit is seen, so no attrition can be estimated from history"
  );
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", {name: "Download a template (CSV)"}).click()
  ]);
  expect(download.suggestedFilename()).toBe("tierwise-template.csv");
  const template = readFileSync((await download.path())!, "utf-8");
  expect(template).toBe(accountTemplateCsv());
  await page
    .locator("input[type=file]")
    .setInputFiles({name: "tierwise-template.csv", mimeType: "text/csv", buffer: Buffer.from(template)});
  await page.getByText("tierwise-template.csv: 2 data rows, 14 columns").waitFor();
  // The mapping and the preview of the file sit side by side at this width, the preview within its card.
  const [mapping, preview] = await page.locator(".tw-mapping > .card").all();
  const [m, p] = [(await mapping!.boundingBox())!, (await preview!.boundingBox())!];
  expect(p.x).toBeGreaterThan(m.x + m.width - 1);
  expect(Math.abs(p.y - m.y)).toBeLessThan(1);
  await page.getByRole("button", {name: "Load 2 rows"}).click();
  await page.getByText("Every page now uses tierwise-template.csv").waitFor();
  expect(await page.locator(".card .big").allInnerTexts()).toEqual(["2", "2", "0"]);
  expect(problems).toEqual([]);
  await context.close();
});

it("says clearly why a binary or empty file cannot be read, and keeps the portfolio", async () => {
  const {page, context, problems} = await visit(site, "/data");
  await page.locator("input[type=file]").setInputFiles({
    name: "photo.csv",
    mimeType: "text/csv",
    buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13])
  });
  await page
    .getByText("photo.csv: photo.csv looks binary, not CSV, Parquet or Excel. The portfolio in use is unchanged.")
    .waitFor();
  await page
    .locator("input[type=file]")
    .setInputFiles({name: "empty.csv", mimeType: "text/csv", buffer: Buffer.alloc(0)});
  await page.getByText("empty.csv: empty.csv is empty. The portfolio in use is unchanged.").waitFor();
  await page
    .locator("input[type=file]")
    .setInputFiles({name: "wrong.csv", mimeType: "text/csv", buffer: Buffer.from("a,b\n1,2\n")});
  await page.getByRole("button", {name: "Load 1 row"}).click();
  await page.getByText(/no column for required fields: id, name, industry/).waitFor();
  expect(await page.getByText("Portfolio: Sample portfolio").count()).toBe(1);
  expect(problems).toEqual([]);
  await context.close();
});

// The same five accounts in Parquet (as DuckDB or pandas would export them, years as integers)
// and in Excel (with a date cell for the first year).
const columns = accountFields.map((field) => field.name);
const records = [
  ["P1", "Alpha Telecom", "Telecom", "Europe", 1990, 2015, null, 1_000_000, 0.05, 250_000, 0.3, 0.8, 4, 1.5],
  ["P2", "Beta Bank", "Banking", "Asia", 1980, 2015, 2009, 2_000_000, 0.03, 400_000, 0.35, 0.7, 3, 1],
  ["P3", "Gamma Retail", "Retail", "Europe", 2000, 2018, 2022, 500_000, 0.02, 100_000, 0.25, 0.4, 2, 0.5]
] as const;

it("loads Parquet files", async () => {
  const {parquetWriteBuffer} = await import("hyparquet-writer");
  const buffer = parquetWriteBuffer({
    columnData: columns.map((name, j) => ({
      name,
      data: records.map((r) => r[j] ?? null),
      type: j < 4 ? "STRING" : j === 4 || j === 5 || j === 6 ? "INT32" : "DOUBLE"
    }))
  });
  const {page, context, problems} = await visit(site, "/data");
  await page
    .locator("input[type=file]")
    .setInputFiles({name: "book.parquet", mimeType: "application/octet-stream", buffer: Buffer.from(buffer)});
  await page.getByRole("button", {name: "Load 3 rows"}).click();
  await page.getByText("Every page now uses book.parquet").waitFor();
  expect(await page.locator(".card .big").allInnerTexts()).toEqual(["3", "2", "1"]);
  expect(await rejectedReasons(page).allInnerTexts()).toEqual(["exitYear 2009 is before firstYear 2015"]);
  expect(problems).toEqual([]);
  await context.close();
});

it("loads Excel workbooks, reading dates as years", async () => {
  const {default: writeExcelFile} = await import("write-excel-file/node");
  const sheet = [
    columns.map((value) => ({value})),
    ...records.map((r) =>
      r.map((value, j) =>
        j === 5
          ? {value: new Date(Date.UTC(value as number, 2, 31)), format: "yyyy-mm-dd"}
          : {value: value ?? undefined}
      )
    )
  ];
  const buffer = await writeExcelFile(sheet as unknown as Parameters<typeof writeExcelFile>[0]).toBuffer();
  const {page, context, problems} = await visit(site, "/data");
  await page.locator("input[type=file]").setInputFiles({
    name: "book.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer
  });
  await page.getByRole("button", {name: "Load 3 rows"}).click();
  await page.getByText("Every page now uses book.xlsx").waitFor();
  expect(await page.locator(".card .big").allInnerTexts()).toEqual(["3", "2", "1"]);
  await page.getByRole("button", {name: "Return to the sample portfolio"}).click();
  await page.getByText("Portfolio: Sample portfolio").waitFor();
  expect(problems).toEqual([]);
  await context.close();
});

it("lets the user map a column detection missed, and remembers it for the session", async () => {
  const text = csv.replace("行业", "Branche");
  const {page, context, problems} = await visit(site, "/data");
  const upload = () =>
    page
      .locator("input[type=file]")
      .setInputFiles({name: "renamed.csv", mimeType: "text/csv", buffer: Buffer.from(text, "utf-8")});
  await upload();
  const industry = page.getByLabel("industry *");
  await industry.waitFor();
  expect(await industry.inputValue()).toBe("0"); // "(none)": Branche is not a known header
  await industry.selectOption({label: "Branche"});
  await page.getByRole("button", {name: "Load 5 rows"}).click();
  await page.getByText("Every page now uses renamed.csv").waitFor();
  await page.reload();
  await upload();
  await page.getByLabel("industry *").waitFor();
  const selected = await page
    .getByLabel("industry *")
    .evaluate((s: HTMLSelectElement) => s.selectedOptions[0]!.textContent);
  expect(selected).toBe("Branche");
  expect(problems).toEqual([]);
  await context.close();
});

it("starts DuckDB once the page is idle, before any file is chosen", async () => {
  const {page, context, problems} = await visit(site, "/data");
  // The page fetches the module itself (compileDuckDB), so its resource timing lists it.
  const fetched = await page.waitForFunction(
    () => performance.getEntriesByType("resource").find((entry) => /duckdb-(eh|mvp)\.wasm$/.test(entry.name))?.name,
    null,
    {timeout: 120_000}
  );
  expect(await fetched.jsonValue()).toMatch(/\/_npm\/@duckdb\/duckdb-wasm@[^/]+\/dist\/duckdb-(eh|mvp)\.wasm$/);
  expect(await page.locator("input[type=file]").evaluate((input: HTMLInputElement) => input.files?.length ?? 0)).toBe(
    0
  );
  expect(problems).toEqual([]);
  await context.close();
});
