import {describe, expect, it} from "vitest";
import {validateAccounts} from "tierwise";

const row = (overrides: Record<string, unknown> = {}) => ({
  id: "A1",
  name: "Northwind",
  industry: "Telecom",
  region: "Europe",
  foundedYear: "1990",
  firstYear: "2015",
  exitYear: "",
  annualWallet: "1000000",
  walletGrowth: "0.05",
  annualRevenue: "250000",
  grossMargin: "0.3",
  health: "0.8",
  strategicFit: "4",
  salesHeads: "1.5",
  ...overrides
});

describe("validateAccounts()", () => {
  it("converts plain numbers and empty optional values", () => {
    const {accounts, rejected, rejectedRows} = validateAccounts([
      row(),
      row({id: "A2", foundedYear: " ", walletGrowth: ""})
    ]);
    expect(rejected).toEqual([]);
    expect(rejectedRows).toBe(0);
    expect(accounts[0]).toMatchObject({
      id: "A1",
      foundedYear: 1990,
      exitYear: null,
      annualWallet: 1_000_000,
      salesHeads: 1.5
    });
    expect(accounts[1]).toMatchObject({foundedYear: null, walletGrowth: null});
  });

  it("lists every rejected row with its row number, column and reason, and loads the rest", () => {
    const records = [
      row(),
      row({id: "A2", exitYear: "2009"}),
      row({id: "A3", grossMargin: "abc", health: "1.5"}),
      row({id: "A1"}),
      row({id: "A5", name: ""}),
      row({id: "A6", firstYear: "2015.5"})
    ];
    const {accounts, rejected, rejectedRows} = validateAccounts(records, {firstRow: 2});
    expect(accounts.map((a) => a.id)).toEqual(["A1"]);
    expect(rejectedRows).toBe(5);
    expect(accounts.length + rejectedRows).toBe(records.length);
    expect(rejected).toEqual([
      {row: 3, column: "exitYear", value: "2009", reason: "exitYear 2009 is before firstYear 2015"},
      {row: 4, column: "grossMargin", value: "abc", reason: 'grossMargin "abc" is not a number'},
      {row: 4, column: "health", value: "1.5", reason: "health 1.5 is outside 0 to 1"},
      {row: 5, column: "id", value: "A1", reason: 'duplicate id "A1" (first at row 2)'},
      {row: 6, column: "name", value: "", reason: "name is missing"},
      {row: 7, column: "firstYear", value: "2015.5", reason: "firstYear 2015.5 is not a whole number"}
    ]);
  });

  it("rejects years after the current year and a founding after the first year", () => {
    const {rejected} = validateAccounts([row({firstYear: "2027"}), row({id: "A2", foundedYear: "2016"})], {asOf: 2025});
    expect(rejected.map((r) => r.reason)).toEqual([
      "firstYear 2027 is after the current year 2025",
      "foundedYear 2016 is after firstYear 2015"
    ]);
  });

  it("names every missing required column at once", () => {
    expect(() => validateAccounts([{id: "A1", name: "x"}])).toThrow(
      "missing required columns: industry, region, firstYear, annualWallet, annualRevenue, grossMargin, health, strategicFit, salesHeads"
    );
  });

  it("keeps text as text, never interpreting it", () => {
    const {accounts} = validateAccounts([row({name: "<img src=x onerror=alert(1)>'; DROP TABLE accounts;--"})]);
    expect(accounts[0]!.name).toBe("<img src=x onerror=alert(1)>'; DROP TABLE accounts;--");
  });
});
