import {readFileSync} from "node:fs";
import {parquetReadObjects} from "hyparquet";
import {parquetWriteBuffer} from "hyparquet-writer";
import {describe, expect, it} from "vitest";
import {
  accountFields,
  checkFileSize,
  decideDecimalSeparators,
  decimalEvidence,
  decodeText,
  detectEncoding,
  excerpt,
  fileSizeLimit,
  findTable,
  ingestRows,
  parseDelimited,
  parseNumber,
  parseYear,
  quote,
  readNumber,
  sniffFormat,
  toCell,
  uniqueHeaders
} from "tierwise";

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`fixtures/files/${name}`, import.meta.url)));
const utf16 = (text: string, endian: "LE" | "BE") => {
  const le = Buffer.from("\uFEFF" + text, "utf16le");
  if (endian === "BE") le.swap16();
  return new Uint8Array(le);
};

describe("detectEncoding() and decodeText()", () => {
  it("reads a byte-order mark: UTF-8, UTF-16LE and UTF-16BE", () => {
    const text = "id\tname\r\nA1\t华为 Ærø\r\n";
    expect(decodeText(new Uint8Array(Buffer.from("\uFEFF" + text, "utf8")))).toMatchObject({
      encoding: "UTF-8",
      bom: 3,
      text
    });
    expect(decodeText(utf16(text, "LE"))).toMatchObject({encoding: "UTF-16LE", bom: 2, text});
    expect(decodeText(utf16(text, "BE"))).toMatchObject({encoding: "UTF-16BE", bom: 2, text});
  });

  it("takes valid UTF-8 without a BOM as UTF-8, ASCII included", () => {
    expect(detectEncoding(new TextEncoder().encode("a,b\n1,2"))).toEqual({
      encoding: "UTF-8",
      bom: 0,
      reason: "valid UTF-8"
    });
    expect(decodeText(new TextEncoder().encode("客户名称,Müller"))).toMatchObject({
      encoding: "UTF-8",
      text: "客户名称,Müller"
    });
  });

  it("reads Chinese Excel's CSV as GB18030", () => {
    const decoded = decodeText(fixture("crm-gb18030.csv"));
    expect(decoded.encoding).toBe("GB18030");
    expect(decoded.reason).toBe("not valid UTF-8 at byte 0; Chinese two-byte characters");
    const {header, rows} = parseDelimited(decoded.text);
    expect(header.slice(0, 3)).toEqual(["客户编号", "客户名称", "行业"]);
    expect(rows.map((r) => r[1])).toEqual(["华为技术", "招商银行", "格力电器", "永辉超市"]);
  });

  it("reads Western Excel's CSV as Windows-1252, € and accents included", () => {
    const decoded = decodeText(fixture("crm-windows-1252.csv"));
    expect(decoded.encoding).toBe("windows-1252");
    const {rows} = parseDelimited(decoded.text);
    expect(rows.map((r) => r[1])).toEqual(["Société Générale", "Müller Zürich AG", "Café Noir", "Ærø Værft"]);
    expect(rows[0]![7]).toBe("1.234.567,89 €");
  });

  it("tells a Windows-1252 accent followed by a letter from a GB18030 character", () => {
    // ü then l (FC 6C) is also a valid GBK pair; a run of such pairs is still Western text.
    expect(detectEncoding(new Uint8Array(Buffer.from("Müller,Zürich,Gödel", "latin1"))).encoding).toBe("windows-1252");
    // 0x80 (€ in Windows-1252) cannot start a GB18030 character.
    expect(detectEncoding(new Uint8Array([0x80, 0x31, 0x30])).encoding).toBe("windows-1252");
    // A UTF-8 sequence cut by the end of the file is not UTF-8.
    expect(detectEncoding(new Uint8Array([0x61, 0xe5, 0x8d])).encoding).toBe("windows-1252");
  });
});

describe("sniffFormat()", () => {
  it("tells the format by content, and notes a name that says otherwise", () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]);
    expect(sniffFormat(zip, "book.csv")).toEqual({
      format: "xlsx",
      note: "book.csv is an Excel workbook, not text as its name says: read as an Excel workbook"
    });
    expect(sniffFormat(new TextEncoder().encode("PAR1xxxxPAR1"), "export.CSV").format).toBe("parquet");
    expect(sniffFormat(new TextEncoder().encode("a,b\n"), "data.xlsx")).toEqual({
      format: "text",
      note: "data.xlsx is text, not an Excel workbook as its name says: read as text"
    });
    expect(sniffFormat(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]), "old.xls")).toEqual({format: "xls", note: null});
    expect(sniffFormat(utf16("a\tb", "LE"), "unicode.txt")).toEqual({format: "text", note: null});
    expect(sniffFormat(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0]), "photo.csv")).toEqual({
      format: "binary",
      note: null
    });
  });
});

describe("readNumber() and parseNumber() with decimal commas", () => {
  it("reads each separator only where the text allows one reading", () => {
    const cases: [string, ReturnType<typeof readNumber>][] = [
      ["1.234.567,89", {kind: "value", value: 1234567.89, decimal: ","}],
      ["0,18", {kind: "value", value: 0.18, decimal: ","}],
      ["0,180", {kind: "value", value: 0.18, decimal: ","}],
      ["12,5", {kind: "value", value: 12.5, decimal: ","}],
      ["1.234.567", {kind: "value", value: 1234567, decimal: ","}],
      ["1 234,5", {kind: "value", value: 1234.5, decimal: ","}],
      ["12,5%", {kind: "value", value: 0.125, decimal: ","}],
      ["1,234.5", {kind: "value", value: 1234.5, decimal: "."}],
      ["1,234,567", {kind: "value", value: 1234567, decimal: "."}],
      ["0.180", {kind: "value", value: 0.18, decimal: "."}],
      ["1234", {kind: "value", value: 1234, decimal: null}],
      ["1 234", {kind: "value", value: 1234, decimal: null}],
      ["¥12，000", {kind: "value", value: 12000, decimal: null}],
      ["1e6", {kind: "value", value: 1e6, decimal: null}],
      ["1,234", {kind: "ambiguous", point: 1234, comma: 1.234}],
      ["1.234", {kind: "ambiguous", point: 1.234, comma: 1234}],
      ["-1.250", {kind: "ambiguous", point: -1.25, comma: -1250}],
      ["1,2,3", {kind: "error", error: '"1,2,3" is not a number'}]
    ];
    for (const [text, reading] of cases) expect([text, readNumber(text)]).toEqual([text, reading]);
  });

  it("never guesses a number that reads two ways", () => {
    expect(parseNumber("1,234")).toEqual({
      error: '"1,234" is 1234 with a decimal point or 1.234 with a decimal comma: choose the decimal separator'
    });
    expect(parseNumber("1,234", {decimal: "."})).toEqual({value: 1234});
    expect(parseNumber("1,234", {decimal: ","})).toEqual({value: 1.234});
    expect(parseNumber("0,18", {decimal: "."})).toEqual({
      error: '"0,18" has a decimal comma, but the decimal separator is "."'
    });
    expect(parseNumber("35%", {percent: false})).toEqual({
      error: '"35%" is a percentage, but this column is not a share'
    });
  });

  it("decides a column's separator from its own numbers, else from the file's, else not at all", () => {
    const comma = decimalEvidence(["0,180", "1,234", "35%"]);
    expect(comma).toEqual({
      point: 0,
      pointExample: null,
      comma: 1,
      commaExample: '"0,180"',
      ambiguous: 1,
      ambiguousExample: '"1,234"'
    });
    const ambiguous = decimalEvidence(["1,250", "2,000"]);
    const decided = decideDecimalSeparators({grossMargin: comma, annualRevenue: ambiguous});
    expect(decided.file).toBe(",");
    expect(decided.columns.annualRevenue).toMatchObject({
      decimal: ",",
      reason: 'decimal comma, as in "0,180" (grossMargin)'
    });
    expect(decided.undecided).toEqual([]);
    const both = decideDecimalSeparators({
      grossMargin: comma,
      health: decimalEvidence(["0.8"]),
      annualRevenue: ambiguous
    });
    expect(both.file).toBe(null);
    expect(both.columns.annualRevenue).toMatchObject({
      decimal: null,
      reason: 'undecided: the file shows both, "0.8" (health) and "0,180" (grossMargin)'
    });
    expect(both.undecided).toEqual(["annualRevenue"]);
    const none = decideDecimalSeparators({annualRevenue: ambiguous});
    expect(none.undecided).toEqual(["annualRevenue"]);
    expect(none.columns.annualRevenue!.reason).toBe("undecided: no number in the file shows its decimal separator");
    expect(decideDecimalSeparators({annualRevenue: ambiguous}, {chosen: "."}).columns.annualRevenue!.decimal).toBe(".");
  });
});

describe("parseYear() with Excel date serials", () => {
  it("reads five-digit numbers as Excel dates and four-digit ones as years", () => {
    expect(parseYear(42005)).toEqual({value: 2015}); // 2015-01-01
    expect(parseYear(42004)).toEqual({value: 2014}); // 2014-12-31
    expect(parseYear("42005")).toEqual({value: 2015});
    expect(parseYear(42005.75)).toEqual({value: 2015}); // a date-time
    expect(parseYear(10000)).toEqual({value: 1927}); // 1927-05-18, the first serial read as a date
    expect(parseYear(99999)).toEqual({value: 2173});
    expect(parseYear(2015)).toEqual({value: 2015});
    expect(parseYear(9999)).toEqual({value: 9999}); // a year, rejected later as out of bounds
    expect(parseYear(100000)).toEqual({value: 100000});
    expect(parseYear(2015.5)).toEqual({error: "2015.5 is not a year or a date"});
  });
});

describe("excerpt()", () => {
  it("keeps at most 40 characters of a huge value, never half a surrogate pair", () => {
    expect(excerpt("x".repeat(10_000_000))).toBe("x".repeat(40) + "…");
    expect(excerpt("short")).toBe("short");
    expect(excerpt("a".repeat(39) + "😀" + "b")).toBe("a".repeat(39) + "…");
    expect(quote('a"b\nc')).toBe('"a\\"b\\nc"');
  });

  it("bounds every message ingestRows writes about a huge cell", () => {
    const header = accountFields.map((f) => f.name);
    const huge = "9".repeat(5_000_000) + "x";
    const row = ["A1", "Acme", "Retail", "Europe", "", "2015", "", huge, "", "1000", "0.3", "0.5", "3", huge];
    const {rejected} = ingestRows(header, [row, ["A1", ...row.slice(1, 7), "1", "", "1", "0.3", "0.5", "3", "1"]]);
    expect(rejected.map((r) => r.reason)).toEqual([
      `annualWallet: "${"9".repeat(40)}…" is not a number`,
      `salesHeads: "${"9".repeat(40)}…" is not a number`
    ]);
    expect(Math.max(...rejected.map((r) => r.value.length))).toBe(41);
  });
});

describe("uniqueHeaders() and findTable()", () => {
  it("names repeated and empty columns distinctly", () => {
    expect(uniqueHeaders(["id", "revenue", "", "revenue", "revenue (2)", " revenue "])).toEqual([
      "id",
      "revenue",
      "column 3",
      "revenue (3)",
      "revenue (2)",
      "revenue (4)"
    ]);
  });

  it("lets a mapping load the second of two columns with the same name", () => {
    const header = [...accountFields.map((f) => f.name), "annualRevenue"];
    const row = ["A1", "Acme", "Retail", "Europe", "", "2015", "", "5000", "", "1000", "0.3", "0.5", "3", "1", "2000"];
    const first = ingestRows(header, [row]);
    expect(first.header.at(-1)).toBe("annualRevenue (2)");
    expect(first.accounts[0]!.annualRevenue).toBe(1000);
    const second = ingestRows(header, [row], {mapping: {...first.mapping, annualRevenue: "annualRevenue (2)"}});
    expect(second.accounts[0]!.annualRevenue).toBe(2000);
  });

  it("finds the header below a title, in a table that starts in column B", () => {
    const found = findTable([
      ["Key accounts, March 2024", null, null],
      [null, null, null],
      [null, "客户编号", "客户名称", "行业"],
      [null, "C1", "华为", "通信"],
      [null, null, null],
      [null, "C2", "招商银行", "银行"]
    ]);
    expect(found).toEqual({
      header: ["客户编号", "客户名称", "行业"],
      rows: [
        ["C1", "华为", "通信"],
        ["C2", "招商银行", "银行"]
      ],
      headerLine: 3,
      lines: [4, 6],
      score: 3
    });
  });
});

describe("ingestRows() on files as teams export them", () => {
  it("loads the Windows-1252 export with ; and decimal commas, rejecting what cannot be read", () => {
    const {text} = decodeText(fixture("crm-windows-1252.csv"));
    const {header, rows, lines, delimiter} = parseDelimited(text);
    expect(delimiter).toBe(";");
    const result = ingestRows(header, rows, {rowNumbers: lines});
    expect(
      result.accounts.map((a) => [a.name, a.annualWallet, a.annualRevenue, a.grossMargin, a.health, a.salesHeads])
    ).toEqual([
      ["Société Générale", 1234567.89, 250000, 0.18, 0.8, 1.5],
      ["Müller Zürich AG", 2000000, 400000.5, 0.35, 0.7, 1]
    ]);
    expect(result.rejected.map((r) => `row ${r.row} ${r.column}: ${r.reason}`)).toEqual([
      'row 4 annualRevenue: annualRevenue: "12%" is a percentage, but this column is not a share',
      "row 5 health: health 1.5 is outside 0 to 1"
    ]);
    expect(result.decimals.columns.annualRevenue!.reason).toBe('decimal comma, as in "400.000,5"');
  });

  it("loads the GB18030 export, reading an Excel date serial in a year column", () => {
    const {text} = decodeText(fixture("crm-gb18030.csv"));
    const {header, rows, lines} = parseDelimited(text);
    const result = ingestRows(header, rows, {rowNumbers: lines});
    expect(result.accounts.map((a) => [a.id, a.firstYear, a.annualRevenue])).toEqual([
      ["C1", 2015, 250000],
      ["C2", 2016, 400000],
      ["C3", 2015, 100000]
    ]);
    expect(result.rejected.map((r) => `row ${r.row}: ${r.reason}`)).toEqual([
      "row 5: exitYear 2017 is before firstYear 2018"
    ]);
  });

  it("rejects a number that reads two ways when nothing in the file decides, and loads it once the user does", () => {
    const header = accountFields.map((f) => f.name);
    const row = (id: string, revenue: string) => [
      id,
      "Acme",
      "Retail",
      "Europe",
      "",
      "2015",
      "",
      "5000",
      "",
      revenue,
      "30%",
      "1",
      "3",
      "2"
    ];
    const rows = [row("A1", "1,250"), row("A2", "900")];
    const result = ingestRows(header, rows);
    expect(result.decimals.undecided).toEqual(["annualRevenue"]);
    expect(result.rejected).toEqual([
      {
        row: 2,
        column: "annualRevenue",
        value: "1,250",
        reason:
          'annualRevenue: "1,250" is 1250 with a decimal point or 1.25 with a decimal comma: choose the decimal separator'
      }
    ]);
    expect(ingestRows(header, rows, {decimal: ","}).accounts.map((a) => a.annualRevenue)).toEqual([1.25, 900]);
    expect(ingestRows(header, rows, {decimal: "."}).accounts.map((a) => a.annualRevenue)).toEqual([1250, 900]);
  });

  it("reads Parquet int64, decimal and timestamp columns as numbers and years", async () => {
    const names = accountFields.map((f) => f.name);
    const data: Record<string, unknown[]> = {
      id: [1234567890123456789n, 2n],
      name: ["Alpha", "Beta"],
      industry: ["Telecom", "Banking"],
      region: ["Europe", "Asia"],
      foundedYear: [1990n, 1980n],
      firstYear: [new Date(Date.UTC(2015, 2, 31)), new Date(Date.UTC(2016, 11, 31, 23, 59))],
      exitYear: [null, null],
      annualWallet: [1_000_000.25, 2_000_000.5],
      walletGrowth: [0.05, 0.03],
      annualRevenue: [250_000n, 400_000n],
      grossMargin: [0.3, 0.35],
      health: [0.8, 0.7],
      strategicFit: [4, 3],
      salesHeads: [1.5, 1]
    };
    // Physical and logical types as DuckDB or pandas write them; the wallet is DECIMAL(18, 2).
    const types: Record<string, "STRING" | "INT64" | "TIMESTAMP" | "DOUBLE" | "INT32"> = {
      id: "INT64",
      name: "STRING",
      industry: "STRING",
      region: "STRING",
      foundedYear: "INT64",
      firstYear: "TIMESTAMP",
      exitYear: "INT32",
      annualRevenue: "INT64"
    };
    const buffer = parquetWriteBuffer({
      columnData: names
        .filter((n) => n !== "annualWallet")
        .map((name): {name: string; data: unknown[]} => ({name, data: data[name]!}))
        .concat([{name: "annualWallet", data: [100000025n, 200000050n]}]),
      schema: [
        {name: "root", num_children: names.length},
        ...names
          .filter((n) => n !== "annualWallet")
          .map((name) => ({
            name,
            type: (types[name] === "STRING"
              ? "BYTE_ARRAY"
              : types[name] === "TIMESTAMP"
                ? "INT64"
                : (types[name] ?? "DOUBLE")) as "INT64",
            repetition_type: "OPTIONAL" as const,
            ...(types[name] === "STRING" ? {converted_type: "UTF8" as const} : {}),
            ...(types[name] === "TIMESTAMP" ? {converted_type: "TIMESTAMP_MILLIS" as const} : {})
          })),
        {
          name: "annualWallet",
          type: "INT64",
          repetition_type: "OPTIONAL",
          converted_type: "DECIMAL",
          scale: 2,
          precision: 18
        }
      ]
    });
    const objects = await parquetReadObjects({file: buffer});
    expect(typeof objects[0]!.id).toBe("bigint");
    expect(objects[0]!.firstYear).toBeInstanceOf(Date);
    const header = Object.keys(objects[0]!);
    const rows = objects.map((o) => header.map((h) => toCell(o[h])));
    const {accounts, rejected} = ingestRows(header, rows);
    expect(rejected).toEqual([]);
    expect(accounts.map((a) => [a.id, a.foundedYear, a.firstYear, a.annualWallet, a.annualRevenue])).toEqual([
      ["1234567890123456789", 1990, 2015, 1_000_000.25, 250_000],
      ["2", 1980, 2016, 2_000_000.5, 400_000]
    ]);
  });
});

describe("fileSizeLimit() and checkFileSize()", () => {
  it("allows 1/32 of the device's memory, at most 256 MB", () => {
    const MB = 1024 * 1024;
    expect(fileSizeLimit()).toBe(256 * MB);
    expect(fileSizeLimit({deviceMemory: 8})).toBe(256 * MB);
    expect(fileSizeLimit({deviceMemory: 4})).toBe(128 * MB);
    expect(fileSizeLimit({deviceMemory: 0.25})).toBe(8 * MB);
    expect(checkFileSize("crm.csv", 256 * MB)).toBe(null);
    expect(checkFileSize("crm.csv", 300 * MB)).toBe(
      "crm.csv is 300 MB; this browser reads files up to 256 MB. Export fewer rows or columns, or split the file"
    );
    expect(checkFileSize("crm.csv", 9 * MB, {deviceMemory: 0.25})).toBe(
      "crm.csv is 9 MB; this browser reads files up to 8 MB (1/32 of the 0.25 GB this device reports). Export fewer rows or columns, or split the file"
    );
  });
});
