import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {
  accountAt,
  accountColumnBuffers,
  accountColumns,
  accountsFromColumns,
  checkAccountColumns,
  readNumber,
  textAt,
  textColumn,
  textValues
} from "tierwise";
import {edgeAccounts} from "./fixtures/accounts.js";

const accounts = edgeAccounts();

describe("textColumn()", () => {
  it("writes values one after another with their offsets, empty and astral text included", () => {
    const column = textColumn(["Acme", "", "😀x"]);
    expect(column.text).toBe("Acme😀x");
    expect([...column.offsets]).toEqual([0, 4, 4, 7]);
    expect([0, 1, 2].map((i) => textAt(column, i))).toEqual(["Acme", "", "😀x"]);
    expect(textValues(column)).toEqual(["Acme", "", "😀x"]);
    expect(textValues(textColumn([]))).toEqual([]);
  });
});

describe("accountColumns() and accountsFromColumns()", () => {
  it("hold each field in its own column, a missing number as NaN, and read back the same accounts", () => {
    const columns = accountColumns(accounts);
    expect(columns.length).toBe(2);
    expect(columns.name.text).toBe("华为 Ærø 😀Beta");
    expect([...columns.name.offsets]).toEqual([0, 9, 13]);
    expect([...columns.exitYear]).toEqual([NaN, 2019]);
    expect([...columns.foundedYear]).toEqual([1987, NaN]);
    expect([...columns.grossMargin]).toEqual([0.3, -0.25]);
    expect(columns.salesHeads).toBeInstanceOf(Float64Array);
    expect(accountAt(columns, 1)).toEqual(accounts[1]);
    expect(accountsFromColumns(columns)).toEqual(accounts);
    expect(accountsFromColumns(accountColumns([]))).toEqual([]);
  });

  it("survive a structured clone and transfer their buffers", () => {
    const columns = accountColumns(accounts);
    const buffers = accountColumnBuffers(columns);
    // Four offsets arrays and ten numeric columns, each with a buffer of its own.
    expect(buffers.length).toBe(14);
    const moved = structuredClone(columns, {transfer: buffers});
    expect(columns.health.length).toBe(0);
    expect(accountsFromColumns(moved)).toEqual(accounts);
    expect(checkAccountColumns(moved)).toEqual({columns: moved});
  });
});

describe("checkAccountColumns()", () => {
  const good = () => accountColumns(accounts);

  it("refuses a value of the wrong shape, naming the column", () => {
    expect(checkAccountColumns(null)).toEqual({problem: "the columns are not an object (null)"});
    expect(checkAccountColumns({length: -1})).toEqual({problem: "the number of accounts is not a count (-1)"});
    expect(checkAccountColumns({length: 1})).toEqual({problem: "column id is not a text column (undefined)"});
    expect(checkAccountColumns({...good(), health: [0.8, 0]})).toEqual({
      problem: "column health is not numbers ([0.8,0])"
    });
    expect(checkAccountColumns({...good(), health: new Float64Array(3)})).toEqual({
      problem: "column health has 3 values, not 2"
    });
    expect(checkAccountColumns({...good(), name: {text: "ab", offsets: new Uint32Array([0, 2, 1, 2])}})).toEqual({
      problem: "column name has 3 values, not 2"
    });
    expect(checkAccountColumns({...good(), region: {text: "ab", offsets: new Uint32Array([0, 2, 1])}})).toEqual({
      problem: "column region's offsets do not span its text"
    });
    expect(checkAccountColumns({...good(), region: {text: "abc", offsets: new Uint32Array([0, 3, 3])}})).toEqual({
      problem: "account 2: region is missing (1 of 2 accounts fail the check)"
    });
    expect(checkAccountColumns({...good(), region: {text: "ab", offsets: new Uint32Array([0, 2, 1])}})).toEqual({
      problem: "column region's offsets do not span its text"
    });
    expect(checkAccountColumns({...good(), region: {text: "ab", offsets: new Uint32Array([1, 0, 2])}})).toEqual({
      problem: "column region's offsets do not span its text"
    });
    expect(checkAccountColumns({...good(), region: {text: "ab", offsets: new Uint32Array([0, 3, 2])}})).toEqual({
      problem: "column region's offsets decrease"
    });
  });

  it("refuses values the account record does not allow, naming the first account and counting the rest", () => {
    const health = good();
    health.health.set([7, 1.5]);
    expect(checkAccountColumns(health)).toEqual({
      problem: "account 1: health 7 is outside 0 to 1 (2 of 2 accounts fail the check)"
    });
    const exit = good();
    exit.exitYear[1] = 2009;
    expect(checkAccountColumns(exit)).toEqual({
      problem: "account 2: exitYear 2009 is before firstYear 2010 (1 of 2 accounts fail the check)"
    });
    const year = good();
    year.firstYear[0] = 2015.5;
    expect(checkAccountColumns(year)).toEqual({
      problem: "account 1: firstYear 2015.5 is not a whole number (1 of 2 accounts fail the check)"
    });
    const missing = good();
    missing.annualRevenue[1] = NaN;
    expect(checkAccountColumns(missing)).toEqual({
      problem: "account 2: annualRevenue is missing (1 of 2 accounts fail the check)"
    });
    const twice = accountColumns([accounts[0]!, {...accounts[1]!, id: "A1", name: "x"}]);
    expect(checkAccountColumns(twice)).toEqual({
      problem: 'account 2: duplicate id "A1" (first at account 1) (1 of 2 accounts fail the check)'
    });
    const founded = good();
    founded.foundedYear[0] = 2016;
    expect(checkAccountColumns(founded)).toEqual({
      problem: "account 1: foundedYear 2016 is after firstYear 2015 (1 of 2 accounts fail the check)"
    });
  });

  it("tells blank text from text that starts with another script, and finds a repeated id among many", () => {
    expect(checkAccountColumns({...good(), region: textColumn(["亚太", "\u00a0Europe"])})).toEqual({
      columns: expect.anything()
    });
    expect(checkAccountColumns({...good(), region: textColumn(["Asia", "\u3000\u00a0 "])})).toEqual({
      problem: "account 2: region is missing (1 of 2 accounts fail the check)"
    });
    const many = (ids: string[]) => accountColumns(ids.map((id) => ({...accounts[0]!, id})));
    const ids = Array.from({length: 5000}, (_, i) => `ACC-${i}`);
    expect("columns" in checkAccountColumns(many(ids))).toBe(true);
    // Same length, same characters in another order: a hash of the characters must still tell them apart.
    expect("columns" in checkAccountColumns(many(["ab", "ba", "a😀", "😀a"]))).toBe(true);
    expect(checkAccountColumns(many([...ids, "ACC-4321"]))).toEqual({
      problem: 'account 5001: duplicate id "ACC-4321" (first at account 4322) (1 of 5,001 accounts fail the check)'
    });
  });
});

describe("readNumber() on plain numbers", () => {
  it("reads a plain number as the general rules do (property: a leading space takes the general path)", () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^-?\d{1,16}(\.\d{0,16})?$/),
        (text) => void expect(readNumber(text)).toEqual(readNumber(` ${text}`))
      ),
      {numRuns: 2000}
    );
    expect(readNumber("1.234")).toEqual({kind: "ambiguous", point: 1.234, comma: 1234});
    expect(readNumber("0.180")).toEqual({kind: "value", value: 0.18, decimal: "."});
    expect(readNumber("-12.500")).toEqual({kind: "ambiguous", point: -12.5, comma: -12500});
    expect(readNumber("-1234.500")).toEqual({kind: "value", value: -1234.5, decimal: "."});
    expect(readNumber("1488000")).toEqual({kind: "value", value: 1488000, decimal: null});
  });

  it("tells text from a number at once, and still reads a number after a currency code", () => {
    expect(readNumber("ACC-00001")).toEqual({kind: "error", error: '"ACC-00001" is not a number'});
    expect(readNumber("Energy")).toEqual({kind: "error", error: '"Energy" is not a number'});
    expect(readNumber("Ukraine 2")).toEqual({kind: "error", error: '"Ukraine 2" is not a number'});
    expect(readNumber("RMB 3.5万")).toEqual({kind: "value", value: 35000, decimal: "."});
    expect(readNumber("hk$12")).toEqual({kind: "value", value: 12, decimal: null});
    expect(readNumber("eur 1.234,5")).toEqual({kind: "value", value: 1234.5, decimal: ","});
    expect(readNumber("usd")).toEqual({kind: "error", error: '"usd" is not a number'});
  });
});
