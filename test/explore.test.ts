import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {tableFromArrays, tableFromJSON} from "apache-arrow";
import {ingestRows, parseDelimited} from "tierwise";
import {accountsByIndustry, accountsByIndustryResult} from "../src/components/exampleResult.js";
import {queryResult, quickChartPlan} from "../src/components/queryResult.js";
import {queryOutcomes, runQuery} from "../src/components/runQuery.js";
import {blockingDuckDB} from "./fixtures/blockingDuckDB.js";

describe("queryResult()", () => {
  it("turns an Arrow result into rows, typed columns and the id column", () => {
    const table = tableFromArrays({
      id: ["A-1", "A-2", "A-1"],
      industry: ["Banking", "Energy", "Banking"],
      wallet: new Float64Array([1.5, 2, 3]),
      heads: new Int32Array([1, 2, 3]),
      big: new BigInt64Array([1n, 2n ** 60n, 3n])
    });
    const result = queryResult(table);
    expect(result.columns).toEqual([
      {name: "id", kind: "text"},
      {name: "industry", kind: "text"},
      {name: "wallet", kind: "number"},
      {name: "heads", kind: "number"},
      {name: "big", kind: "number"}
    ]);
    expect(result.totalRows).toBe(3);
    expect(result.ids).toEqual(["A-1", "A-2", "A-1"]);
    expect({...result.rows[1]}).toEqual({
      id: "A-2",
      industry: "Energy",
      wallet: 2,
      heads: 2,
      big: "1152921504606846976"
    });
    expect(result.rows[0]!.big).toBe(1);
  });

  it("keeps at most maxRows rows but every id, and a column named __proto__ as a column", () => {
    const table = tableFromJSON([{ID: "x"}, {ID: "y"}, {ID: null}]);
    const result = queryResult(table, {maxRows: 1});
    expect(result.rows).toHaveLength(1);
    expect(result.totalRows).toBe(3);
    expect(result.ids).toEqual(["x", "y"]);
    expect(queryResult(tableFromArrays({n: new Float64Array([1])})).ids).toBeNull();
    // As DuckDB returns `SELECT 7 AS "__proto__"` (Arrow's own builders drop such a key).
    const proto = {
      numRows: 1,
      schema: {fields: [{name: "__proto__", type: {typeId: 3}}]},
      getChildAt: () => ({length: 1, get: () => 7})
    };
    const [row] = queryResult(proto).rows;
    expect(Object.getPrototypeOf(row)).toBeNull();
    expect(Object.entries(row!)).toEqual([["__proto__", 7]]);
  });
});

describe("quickChartPlan()", () => {
  it("bars the first number by the first text, a histogram without text, nothing without a number", () => {
    const columns = (...kinds: ("number" | "text" | "other")[]) => ({
      columns: kinds.map((kind, i) => ({name: `c${i}`, kind}))
    });
    expect(quickChartPlan(columns("other", "number", "text", "number"))).toEqual({
      kind: "bars",
      label: "c2",
      value: "c1"
    });
    expect(quickChartPlan(columns("number", "number"))).toEqual({kind: "histogram", value: "c0"});
    const idFirst = {
      columns: [
        {name: "id", kind: "text" as const},
        {name: "name", kind: "text" as const},
        {name: "wallet", kind: "number" as const}
      ]
    };
    expect(quickChartPlan(idFirst)).toEqual({kind: "bars", label: "name", value: "wallet"});
    expect(quickChartPlan({columns: [idFirst.columns[0]!, idFirst.columns[2]!]})).toEqual({
      kind: "bars",
      label: "id",
      value: "wallet"
    });
    expect(quickChartPlan(columns("text", "other"))).toEqual({
      kind: "none",
      reason: "No chart: the result has no numeric column."
    });
  });
});

describe("runQuery()", () => {
  const table = tableFromArrays({id: ["A-1"], n: new Float64Array([2])});
  it("refuses a query that writes before it reaches the database", async () => {
    const sent: string[] = [];
    const db = {query: async (sql: string) => (sent.push(sql), table)};
    expect(await runQuery(db, "DROP TABLE accounts")).toEqual({
      kind: "refused",
      reason:
        "DROP is not allowed (character 1): Explore runs only read-only queries (SELECT, WITH … SELECT, FROM …, VALUES, DESCRIBE, SUMMARIZE)"
    });
    expect(await runQuery(db, "SELECT 1; DELETE FROM accounts")).toMatchObject({kind: "refused"});
    expect(sent).toEqual([]);
    const done = await runQuery(db, "SELECT id, n FROM accounts", {now: () => 0});
    expect(sent).toEqual(["SELECT id, n FROM accounts"]);
    expect(done).toMatchObject({kind: "done", seconds: 0, result: {totalRows: 1, ids: ["A-1"]}});
  });

  it("returns the database's error as text", async () => {
    const db = {
      query: async () => {
        throw new Error("Catalog Error: Table with name nope does not exist!");
      }
    };
    expect(await runQuery(db, "SELECT * FROM nope")).toEqual({
      kind: "error",
      message: "Catalog Error: Table with name nope does not exist!"
    });
  });
});

describe("queryOutcomes()", () => {
  it("yields the result in hand first, then the database's own once it has opened", async () => {
    const table = tableFromArrays({industry: ["Banking"], accounts: new Float64Array([3])});
    const early = queryResult(table);
    let open: (db: {query(sql: string): Promise<typeof table>}) => void = () => undefined;
    const opening = new Promise<{query(sql: string): Promise<typeof table>}>((resolve) => (open = resolve));
    const outcomes = queryOutcomes(opening, "SELECT industry, accounts FROM accounts", {early});
    expect(await outcomes.next()).toEqual({done: false, value: {kind: "provisional", result: early}});
    const next = outcomes.next();
    open({query: async () => table});
    expect(await next).toMatchObject({done: false, value: {kind: "done", result: {totalRows: 1}}});
    expect(await outcomes.next()).toEqual({done: true, value: undefined});
    // Without a result in hand, only the query's outcome.
    const refused = queryOutcomes(opening, "DROP TABLE accounts");
    expect(await refused.next()).toMatchObject({done: false, value: {kind: "refused"}});
    expect(await refused.next()).toEqual({done: true, value: undefined});
  });
});

describe("accountsByIndustryResult()", () => {
  it("is DuckDB's result of the first example's query, row for row, on the sample and on ties", async () => {
    const db = await blockingDuckDB();
    // As the Explore page opens its database (tableDatabase).
    db.open({query: {castBigIntToDouble: true}});
    const connection = db.connect();
    const {header, rows} = parseDelimited(
      readFileSync(new URL("../data/sample-portfolio.csv", import.meta.url), "utf-8")
    );
    const sample = ingestRows(header, rows).accounts;
    // Three industries, two of them tied on 2 accounts: the tie goes by name.
    const tied = [
      {industry: "Zinc", exitYear: null, annualRevenue: 1, grossMargin: 0.1},
      {industry: "Zinc", exitYear: 2020, annualRevenue: 1, grossMargin: 0.1},
      {industry: "Air", exitYear: null, annualRevenue: 1, grossMargin: 0.1},
      {industry: "Air", exitYear: null, annualRevenue: 1, grossMargin: 0.1},
      {industry: "Mining", exitYear: null, annualRevenue: 1, grossMargin: 0.1}
    ];
    for (const accounts of [sample, tied]) {
      connection.query("DROP TABLE IF EXISTS accounts");
      const values = accounts.map((a) => `('${a.industry.replace(/'/g, "''")}', ${a.exitYear ?? "NULL"})`);
      connection.query(`CREATE TABLE accounts AS SELECT * FROM (VALUES ${values.join(", ")}) AS t(industry, exitYear)`);
      const expected = queryResult(connection.query(accountsByIndustry.query));
      const counted = accountsByIndustryResult(accounts);
      expect(counted.columns).toEqual(expected.columns);
      expect(counted.totalRows).toBe(expected.totalRows);
      expect(counted.rows.map((row) => ({...row}))).toEqual(expected.rows.map((row) => ({...row})));
    }
    const counted = accountsByIndustryResult(tied).rows.map((row) => ({...row}));
    expect(counted).toEqual([
      {industry: "Air", accounts: 2, active: 2},
      {industry: "Zinc", accounts: 2, active: 1},
      {industry: "Mining", accounts: 1, active: 1}
    ]);
    connection.close();
    db.reset();
  });
});
