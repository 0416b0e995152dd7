import {describe, expect, it} from "vitest";
import {
  accountColumns,
  accountsFromColumns,
  accountView,
  assignTiers,
  columnsOfAccounts,
  estimateHazards,
  generateSamplePortfolio,
  type Account
} from "tierwise";
import {edgeAccounts} from "./fixtures/accounts.js";

const accounts = edgeAccounts("Asia");

describe("accountView()", () => {
  it("reads every field from the columns, a missing number as null, and writes the account as JSON", () => {
    const view = accountView(accountColumns(accounts));
    expect(view.length).toBe(2);
    for (const [i, a] of accounts.entries()) {
      for (const key of Object.keys(a) as (keyof Account)[]) expect(view[i]![key]).toBe(a[key]);
      expect(JSON.parse(JSON.stringify(view[i]))).toEqual(a);
    }
    // Few-valued text is cut out once: equal regions are the same string.
    expect(view[0]!.region).toBe(view[1]!.region);
  });

  it("gives the model the same results as the account objects", () => {
    const sample = generateSamplePortfolio({accounts: 600, seed: 3});
    const view = accountView(accountColumns(sample));
    const rows = (tiered: ReturnType<typeof assignTiers>) => tiered.map((d) => [d.account.id, d.tier, d.score, d.rank]);
    expect(rows(assignTiers(view))).toEqual(rows(assignTiers(sample)));
    expect(estimateHazards(view, {asOf: 2025})).toEqual(estimateHazards(sample, {asOf: 2025}));
  });

  it("has rows a structured clone empties: threads are sent the columns instead", () => {
    const [row] = accountView(accountColumns(accounts));
    expect(structuredClone(row)).toEqual({});
    expect({...row}).toEqual({});
  });

  it("has rows that cannot be written to", () => {
    const [row] = accountView(accountColumns(accounts));
    expect(() => ((row as {health: number}).health = 0.1)).toThrow(TypeError);
  });
});

describe("columnsOfAccounts()", () => {
  it("gives a view's own columns, and builds columns for other accounts", () => {
    const columns = accountColumns(accounts);
    expect(columnsOfAccounts(accountView(columns))).toBe(columns);
    const built = columnsOfAccounts(accounts);
    expect(built).not.toBe(columns);
    expect(accountsFromColumns(built)).toEqual(accounts);
    // A filtered view is an array of its own: its accounts' columns are built.
    expect(accountsFromColumns(columnsOfAccounts(accountView(columns).slice(1)))).toEqual([accounts[1]]);
  });
});
