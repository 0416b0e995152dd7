import {describe, expect, it} from "vitest";
import {tableFromArrays, tableFromJSON} from "apache-arrow";
import {queryResult, quickChartPlan} from "../src/components/queryResult.js";
import {runQuery} from "../src/components/runQuery.js";

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
