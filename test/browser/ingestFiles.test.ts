import {readFileSync} from "node:fs";
import {accountFields} from "tierwise";
import type {Page} from "playwright-core";
import {afterAll, beforeAll, expect, it} from "vitest";
import {openSite, visit, type Site} from "./site.js";

// Files as real teams export them, uploaded through the Your-portfolio page: each test checks the
// rows loaded and rejected, and the values the rejections and the preview show.

let site: Site;
beforeAll(async () => void (site = await openSite()));
afterAll(async () => await site?.close());

const fixture = (name: string) => readFileSync(new URL(`../fixtures/files/${name}`, import.meta.url));
const columns = accountFields.map((field) => field.name);

/** The rejected-rows table, as "row column: reason" lines. */
const rejectedRows = async (page: Page) => {
  const table = page.locator("form").filter({has: page.locator("th", {hasText: /^reason$/})});
  const rows = await table
    .locator("tbody tr")
    .evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll("td"), (td) => td.textContent ?? "")));
  // The first cell is the selection checkbox.
  return rows.map(([, row, column, , reason]) => `${row} ${column}: ${reason}`);
};

/** The preview table's cells in one column. */
const previewColumn = (page: Page, header: string) =>
  page
    .locator("form")
    .filter({has: page.locator("table"), hasNot: page.locator("th", {hasText: /^reason$/})})
    .first()
    .locator("table")
    .evaluate((table, header) => {
      const names = Array.from(table.querySelectorAll("thead th"), (th) => th.textContent ?? "");
      const j = names.indexOf(header);
      return Array.from(table.querySelectorAll("tbody tr"), (tr) => tr.querySelectorAll("td")[j]?.textContent ?? "");
    }, header);

async function upload(page: Page, name: string, buffer: Buffer) {
  await page.locator("input[type=file]").setInputFiles({name, mimeType: "application/octet-stream", buffer});
}

/** Clicks Load on a page that shows no result yet; returns rows read, loaded, rejected. */
async function load(page: Page, rows: number) {
  const counts = page.locator(".card .big");
  await page.getByRole("button", {name: `Load ${rows} ${rows === 1 ? "row" : "rows"}`}).click();
  await counts.nth(2).waitFor();
  return counts.allInnerTexts();
}

it("reads a GB18030 export from Chinese Excel, says so, and reads an Excel date serial as a year", async () => {
  const {page, context, problems} = await visit(site, "/data");
  await upload(page, "客户.csv", fixture("crm-gb18030.csv"));
  await page.getByText("客户.csv: 4 data rows, 14 columns").waitFor();
  expect(await page.locator(".tw-read-as").innerText()).toBe(
    "Read as GB18030 (not valid UTF-8 at byte 0; Chinese two-byte characters)."
  );
  expect(await previewColumn(page, "客户名称")).toEqual(["华为技术", "招商银行", "格力电器", "永辉超市"]);
  expect(await load(page, 4)).toEqual(["4", "3", "1"]);
  expect(await rejectedRows(page)).toEqual(["5 exitYear: exitYear 2017 is before firstYear 2018"]);
  expect(problems).toEqual([]);
  await context.close();
});

it("reads a Windows-1252 export with ; and decimal commas without mangling names or numbers", async () => {
  const {page, context, problems} = await visit(site, "/data");
  await upload(page, "export.csv", fixture("crm-windows-1252.csv"));
  await page.getByText('export.csv: 4 data rows, 14 columns, delimiter ";"').waitFor();
  expect(await page.locator(".tw-read-as").innerText()).toBe(
    "Read as windows-1252 (not valid UTF-8 at byte 146; single accented letters)."
  );
  expect(await previewColumn(page, "name")).toEqual(["Société Générale", "Müller Zürich AG", "Café Noir", "Ærø Værft"]);
  expect(await page.locator(".tw-decimals").innerText()).toContain('grossMargin decimal comma, as in "0,180"');
  // W1's margin 0,180 loads as 0.18 (as 180 it would be rejected as outside -1 to 1); W4's health 1,5 is 1.5.
  expect(await load(page, 4)).toEqual(["4", "2", "2"]);
  expect(await rejectedRows(page)).toEqual([
    '4 annualRevenue: annualRevenue: "12%" is a percentage, but this column is not a share',
    "5 health: health 1.5 is outside 0 to 1"
  ]);
  expect(problems).toEqual([]);
  await context.close();
});

it("reads Excel's Unicode text (UTF-16 with a BOM, tab-separated), little- and big-endian", async () => {
  const text =
    columns.join("\t") +
    "\r\nU1\t华为 Ærø\tTelecom\tEurope\t1990\t2015\t\t1000000\t5%\t250000\t30%\t0.8\t4\t1.5\r\n" +
    "U2\tBeta\tBanking\tAsia\t1980\t2015\t2009\t2000000\t3%\t400000\t35%\t0.7\t3\t1\r\n";
  const le = Buffer.from("\uFEFF" + text, "utf16le");
  const be = Buffer.from(le).swap16();
  const {page, context, problems} = await visit(site, "/data");
  for (const [name, buffer, encoding] of [
    ["unicode-le.txt", le, "UTF-16LE"],
    ["unicode-be.txt", be, "UTF-16BE"]
  ] as const) {
    await upload(page, name, buffer);
    await page.getByText(`${name}: 2 data rows, 14 columns, delimiter "\\t"`).waitFor();
    expect(await page.locator(".tw-read-as").innerText()).toBe(`Read as ${encoding} (byte-order mark).`);
    expect(await previewColumn(page, "name")).toEqual(["华为 Ærø", "Beta"]);
  }
  expect(await load(page, 2)).toEqual(["2", "1", "1"]);
  expect(await rejectedRows(page)).toEqual(["3 exitYear: exitYear 2009 is before firstYear 2015"]);
  expect(problems).toEqual([]);
  await context.close();
});

it("asks for the decimal separator when a number reads two ways, and loads it as the user chooses", async () => {
  const row = (id: string, revenue: string) => `${id},Acme ${id},Retail,Europe,,2015,,5000,,${revenue},30%,1,3,2`;
  const csv = [columns.join(","), row("A1", '"1,250"'), row("A2", "900")].join("\n");
  const {page, context, problems} = await visit(site, "/data");
  await upload(page, "ambiguous.csv", Buffer.from(csv));
  await page
    .getByText(
      'annualRevenue has 1 numbers such as "1,250" that read two ways, and no number in the file shows its decimal separator: choose the decimal separator above, or those rows are rejected.'
    )
    .waitFor();
  expect(await load(page, 2)).toEqual(["2", "1", "1"]);
  expect(await rejectedRows(page)).toEqual([
    '2 annualRevenue: annualRevenue: "1,250" is 1250 with a decimal point or 1.25 with a decimal comma: choose the decimal separator'
  ]);
  expect(problems).toEqual([]);
  await context.close();
  const again = await visit(site, "/data");
  await upload(again.page, "ambiguous.csv", Buffer.from(csv));
  await again.page.getByLabel("Decimal separator").selectOption({label: "comma: 1.234,5"});
  await again.page.getByText("annualRevenue decimal comma, as chosen").waitFor();
  expect(await load(again.page, 2)).toEqual(["2", "2", "0"]);
  expect(again.problems).toEqual([]);
  await again.context.close();
});

it("shows two columns of the same name apart and loads the one chosen", async () => {
  const header = [...columns, "annualRevenue"].join(",");
  // The first annualRevenue column is text, the second the numbers.
  const csv = `${header}\nD1,Delta,Retail,Europe,,2015,,5000,,n/a?,30%,0.5,3,2,1000\n`;
  const {page, context, problems} = await visit(site, "/data");
  await upload(page, "dup.csv", Buffer.from(csv));
  await page.getByText("dup.csv: 1 data rows, 15 columns").waitFor();
  expect(await previewColumn(page, "annualRevenue")).toEqual(["n/a?"]);
  expect(await previewColumn(page, "annualRevenue (2)")).toEqual(["1000"]);
  const revenue = page.getByLabel("annualRevenue *");
  expect(await revenue.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]!.textContent)).toBe("annualRevenue");
  expect(await load(page, 1)).toEqual(["1", "0", "1"]);
  expect(await rejectedRows(page)).toEqual(['2 annualRevenue: annualRevenue: "n/a?" is not a number']);
  expect(problems).toEqual([]);
  await context.close();
  const again = await visit(site, "/data");
  await upload(again.page, "dup2.csv", Buffer.from(csv));
  await again.page.getByLabel("annualRevenue *").selectOption({label: "annualRevenue (2)"});
  expect(await load(again.page, 1)).toEqual(["1", "1", "0"]);
  expect(again.problems).toEqual([]);
  await again.context.close();
});

const records = [
  ["X1", "Alpha Telecom", "Telecom", "Europe", 1990, 42005, null, 1_000_000, 0.05, 250_000, 0.3, 0.8, 4, 1.5],
  ["X2", "Beta Bank", "Banking", "Asia", 1980, 2015, 2009, 2_000_000, 0.03, 400_000, 0.35, 0.7, 3, 1],
  ["X3", "Gamma Retail", "Retail", "Europe", 2000, 2018, 2022, 500_000, 0.02, 100_000, 0.25, 0.4, 2, 0.5]
] as const;

async function workbook(): Promise<Buffer> {
  const {default: writeExcelFile} = await import("write-excel-file/node");
  const accounts = [
    [{value: "Key accounts, exported March 2024"}],
    [],
    [null, ...columns.map((value) => ({value}))],
    ...records.map((r) => [null, ...r.map((value) => ({value: value ?? undefined}))])
  ];
  const notes = [[{value: "Read me"}], [{value: "Accounts are on the next sheet."}]];
  return writeExcelFile([
    {data: notes, sheet: "Notes"},
    {data: accounts, sheet: "Accounts"}
  ] as unknown as Parameters<typeof writeExcelFile>[0]).toBuffer();
}

it("finds the portfolio on a workbook's second sheet below a title, and lets the user pick another sheet", async () => {
  const {page, context, problems} = await visit(site, "/data");
  await upload(page, "book.xlsx", await workbook());
  await page.getByText('book.xlsx: 3 data rows, 14 columns, sheet "Accounts", header on row 3').waitFor();
  expect(await page.getByLabel("Sheet").evaluate((s: HTMLSelectElement) => s.selectedOptions[0]!.textContent)).toBe(
    "Accounts"
  );
  // X1's first year is the date serial 42005 (2015), so only X2 (exit before first) is rejected, on its sheet row.
  expect(await load(page, 3)).toEqual(["3", "2", "1"]);
  expect(await rejectedRows(page)).toEqual(["5 exitYear: exitYear 2009 is before firstYear 2015"]);
  await page.getByLabel("Sheet").selectOption({label: "Notes"});
  await page.getByText('book.xlsx: 1 data rows, 1 columns, sheet "Notes", header on row 1').waitFor();
  expect(problems).toEqual([]);
  await context.close();
});

it("reads a workbook saved as .csv and a Parquet file saved as .csv by their content", async () => {
  const {parquetWriteBuffer} = await import("hyparquet-writer");
  const parquet = parquetWriteBuffer({
    columnData: columns.map((name, j) => ({
      name,
      data: records.map((r) => {
        const v = r[j] ?? null;
        return j === 4 || j === 6 ? (v === null ? null : BigInt(v)) : v;
      }),
      type: j < 4 ? "STRING" : j === 4 || j === 6 ? "INT64" : j === 5 ? "INT32" : "DOUBLE"
    }))
  });
  const {page, context, problems} = await visit(site, "/data");
  await upload(page, "book.csv", await workbook());
  await page.getByText('book.csv: 3 data rows, 14 columns, sheet "Accounts", header on row 3').waitFor();
  expect(await page.locator(".tw-read-as").innerText()).toBe(
    "Read as Excel workbook. book.csv is an Excel workbook, not text as its name says: read as an Excel workbook."
  );
  await upload(page, "table.csv", Buffer.from(parquet));
  await page.getByText("table.csv: 3 data rows, 14 columns").waitFor();
  expect(await page.locator(".tw-read-as").innerText()).toBe(
    "Read as Parquet. table.csv is a Parquet file, not text as its name says: read as a Parquet file."
  );
  // Parquet int64 years arrive as bigint, the int32 serial 42005 as a number: both read as years.
  expect(await load(page, 3)).toEqual(["3", "2", "1"]);
  expect(await rejectedRows(page)).toEqual(["2 exitYear: exitYear 2009 is before firstYear 2015"]);
  expect(problems).toEqual([]);
  await context.close();
});

it("refuses a file too large for the browser before reading it, naming its size and the limit", async () => {
  // A device that reports 0.25 GB of memory may read files up to 8 MB.
  const init = "Object.defineProperty(Navigator.prototype, 'deviceMemory', {get: () => 0.25});";
  const {page, context, problems} = await visit(site, "/data", {init});
  await upload(page, "big.csv", Buffer.alloc(9 * 1024 * 1024, "a"));
  await page
    .getByText(
      "big.csv: big.csv is 9 MB; this browser reads files up to 8 MB (1/32 of the 0.25 GB this device reports). Export fewer rows or columns, or split the file. The portfolio in use is unchanged."
    )
    .waitFor();
  expect(problems).toEqual([]);
  await context.close();
});

it("quotes at most 40 characters of a huge bad value", async () => {
  const huge = "x".repeat(10 * 1024 * 1024);
  const csv = `${columns.join(",")}\nH1,Huge,Retail,Europe,,2015,,5000,,${huge},30%,0.5,3,2\n`;
  const {page, context, problems} = await visit(site, "/data");
  await upload(page, "huge.csv", Buffer.from(csv));
  expect(await load(page, 1)).toEqual(["1", "0", "1"]);
  expect(await rejectedRows(page)).toEqual([`2 annualRevenue: annualRevenue: "${"x".repeat(40)}…" is not a number`]);
  expect(problems).toEqual([]);
  await context.close();
});
