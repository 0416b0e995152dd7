import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {accountFields, detectColumns, ingestRows, parseDelimited, parseNumber, parseYear} from "tierwise";

describe("detectColumns()", () => {
  it("recognises English headers whatever their case and punctuation", () => {
    const mapping = detectColumns([
      "Account ID",
      "Customer Name",
      "Sector",
      "Territory",
      "Customer since",
      "Annual_Revenue",
      "Gross Margin %",
      "Wallet",
      "FTE",
      "Health Score",
      "Strategic-Fit"
    ]);
    expect(mapping).toMatchObject({
      id: "Account ID",
      name: "Customer Name",
      industry: "Sector",
      region: "Territory",
      firstYear: "Customer since",
      annualRevenue: "Annual_Revenue",
      grossMargin: "Gross Margin %",
      annualWallet: "Wallet",
      salesHeads: "FTE",
      health: "Health Score",
      strategicFit: "Strategic-Fit",
      exitYear: null,
      foundedYear: null
    });
  });

  it("recognises common Chinese headers", () => {
    const mapping = detectColumns([
      "客户编号",
      "客户名称",
      "行业",
      "区域",
      "成立年份",
      "首次合作年份",
      "流失年份",
      "年采购额",
      "增长率",
      "年收入",
      "毛利率",
      "健康度",
      "战略匹配度",
      "销售人数"
    ]);
    expect(Object.values(mapping).every((v) => v !== null)).toBe(true);
    expect(mapping.annualRevenue).toBe("年收入");
    expect(mapping.exitYear).toBe("流失年份");
  });

  it("uses each column once", () => {
    const mapping = detectColumns(["name", "customer"]);
    expect(mapping.name).toBe("name");
  });
});

describe("parseNumber() and parseYear()", () => {
  it("reads numbers as CRM exports write them", () => {
    const cases: [string, number | null][] = [
      ["1234.5", 1234.5],
      ["$1,234,567.89", 1234567.89],
      ["1 234 567", 1234567],
      ["1'234", 1234],
      ["€ 2.5", 2.5],
      ["2.5 EUR", 2.5],
      ["USD 1,000.00", 1000],
      ["¥12，000", 12000],
      ["35%", 0.35],
      ["12.5 %", 0.125],
      ["3.5万", 35000],
      ["1.2亿元", 120000000],
      ["(1,200.5)", -1200.5],
      ["-0.05", -0.05],
      ["1e6", 1e6],
      ["", null],
      ["  ", null],
      ["N/A", null]
    ];
    for (const [text, value] of cases) expect([text, parseNumber(text)]).toEqual([text, {value}]);
    expect(parseNumber("abc")).toEqual({error: '"abc" is not a number'});
    expect(parseNumber("1.2.3")).toEqual({error: '"1.2.3" is not a number'});
    // Two decimals after a comma can only be a decimal comma (a thousands group has three digits).
    expect(parseNumber("1,23")).toEqual({value: 1.23});
  });

  it("reads years from years and dates", () => {
    const cases: [string, number | null][] = [
      ["2015", 2015],
      ["2015.0", 2015],
      ["2015-03-31", 2015],
      ["2015/3/31", 2015],
      ["2015-03-31T12:00:00Z", 2015],
      ["31/03/2015", 2015],
      ["3/31/2015", 2015],
      ["2015年3月", 2015],
      ["2015年3月31日", 2015],
      ["", null]
    ];
    for (const [text, value] of cases) expect([text, parseYear(text)]).toEqual([text, {value}]);
    expect(parseYear("March")).toEqual({error: '"March" is not a year or a date'});
    expect(parseYear("15")).toEqual({error: '"15" is not a year or a date'});
  });
});

describe("parseDelimited()", () => {
  it("handles a BOM, CRLF, quoted fields with delimiters, quotes and line breaks, and blank lines", () => {
    const text = '\uFEFFid,name,note\r\n1,"Smith, Sons","said ""hi"""\r\n\r\n2,"two\nlines",x\r\n';
    const {header, rows, lines, delimiter, unterminatedQuote} = parseDelimited(text);
    expect(delimiter).toBe(",");
    expect(header).toEqual(["id", "name", "note"]);
    expect(rows).toEqual([
      ["1", "Smith, Sons", 'said "hi"'],
      ["2", "two\nlines", "x"]
    ]);
    expect(lines).toEqual([2, 4]);
    expect(unterminatedQuote).toBe(false);
  });

  it("detects semicolons, tabs and pipes", () => {
    expect(parseDelimited("a;b\n1;2").rows).toEqual([["1", "2"]]);
    expect(parseDelimited("a\tb\n1\t2").delimiter).toBe("\t");
    expect(parseDelimited("a|b\n1|2").delimiter).toBe("|");
    expect(parseDelimited('"x,y";b;c\n1;2;3').delimiter).toBe(";");
  });

  it("flags a file that ends inside a quote", () => {
    expect(parseDelimited('a,b\n1,"unfinished').unterminatedQuote).toBe(true);
  });
});

const header = accountFields.map((field) => field.name);
const good = [
  "A1",
  "Northwind",
  "Telecom",
  "Europe",
  "1990",
  "2015",
  "",
  "$1,000,000",
  "5%",
  "250,000",
  "30%",
  "0.8",
  "4",
  "1.5"
];

describe("ingestRows()", () => {
  it("loads good rows and rejects bad ones with row, column and reason", () => {
    const rows = [
      good,
      ["A2", ...good.slice(1, 6), "2009", ...good.slice(7)],
      ["A3", ...good.slice(1, 9), "lots", ...good.slice(10)],
      ["A1", ...good.slice(1)],
      [...good, "extra"],
      ["A6", "Short"]
    ];
    const result = ingestRows(header, rows, {firstRow: 2});
    expect(result.accounts.map((a) => a.id)).toEqual(["A1"]);
    expect(result.accounts[0]).toMatchObject({annualWallet: 1_000_000, walletGrowth: 0.05, grossMargin: 0.3});
    expect(result.rows).toBe(6);
    expect(result.accounts.length + result.rejectedRows).toBe(result.rows);
    expect(result.rejected.map((r) => `row ${r.row}: ${r.reason}`)).toEqual([
      "row 3: exitYear 2009 is before firstYear 2015",
      'row 4: annualRevenue: "lots" is not a number',
      'row 5: duplicate id "A1" (first at row 2)',
      "row 6: row has 15 cells, the header 14",
      "row 7: industry is missing",
      "row 7: region is missing",
      "row 7: firstYear is missing",
      "row 7: annualWallet is missing",
      "row 7: annualRevenue is missing",
      "row 7: grossMargin is missing",
      "row 7: health is missing",
      "row 7: strategicFit is missing",
      "row 7: salesHeads is missing"
    ]);
  });

  it("names every required field without a column at once", () => {
    expect(() => ingestRows(["id", "name", "revenue"], [])).toThrow(
      "no column for required fields: industry, region, firstYear, annualWallet, grossMargin, health, strategicFit, salesHeads"
    );
  });

  it("follows a corrected mapping", () => {
    const renamed = header.map((h) => (h === "industry" ? "Branche" : h));
    const mapping = {...ingestRows(header, [good]).mapping, industry: "Branche"};
    expect(ingestRows(renamed, [good], {mapping}).accounts[0]!.industry).toBe("Telecom");
  });

  it("never crashes on arbitrary text and accounts for every row (property)", () => {
    fc.assert(
      fc.property(
        fc.string({maxLength: 400}),
        fc.array(fc.constantFrom(...good, ",", '"', "\n", "\r\n", ";", "", "x"), {maxLength: 80}),
        (noise, cells) => {
          const text = header.join(",") + "\n" + good.join(",") + "\n" + cells.join("") + noise;
          const parsed = parseDelimited(text, {delimiter: ","});
          const result = ingestRows(parsed.header, parsed.rows, {rowNumbers: parsed.lines});
          expect(result.accounts.length + result.rejectedRows).toBe(parsed.rows.length);
        }
      ),
      {numRuns: 300}
    );
    fc.assert(
      fc.property(fc.uint8Array({maxLength: 2000}), (bytes) => {
        const parsed = parseDelimited(new TextDecoder().decode(bytes));
        try {
          const result = ingestRows(parsed.header, parsed.rows);
          expect(result.accounts.length + result.rejectedRows).toBe(parsed.rows.length);
        } catch (error) {
          expect((error as Error).message).toMatch(/^no column for required fields/);
        }
      }),
      {numRuns: 300}
    );
  });
});
