import {readFileSync} from "node:fs";
import {csvParse} from "d3";
import {describe, expect, it} from "vitest";
import {accountFields, missingAccountColumns} from "tierwise";

describe("accountFields", () => {
  it("lists each column once, ids first", () => {
    const names = accountFields.map((field) => field.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.slice(0, 2)).toEqual(["id", "name"]);
    expect(names).toHaveLength(14);
  });

  it("makes founding year, exit year and wallet growth optional, and nothing else", () => {
    expect(accountFields.filter((field) => !field.required).map((field) => field.name)).toEqual([
      "foundedYear",
      "exitYear",
      "walletGrowth"
    ]);
  });
});

describe("missingAccountColumns()", () => {
  it("names every missing required column in record order", () => {
    expect(missingAccountColumns(["name", "id", "industry", "annualRevenue"])).toEqual([
      "region",
      "firstYear",
      "annualWallet",
      "grossMargin",
      "health",
      "strategicFit",
      "salesHeads"
    ]);
  });

  it("finds nothing missing in data/sample-portfolio.csv, which has every column in order", () => {
    const rows = csvParse(readFileSync(new URL("../data/sample-portfolio.csv", import.meta.url), "utf-8"));
    expect(missingAccountColumns(rows.columns)).toEqual([]);
    expect(rows.columns).toEqual(accountFields.map((field) => field.name));
  });
});
