import {describe, expect, it} from "vitest";
import {attritionData} from "tierwise";
import {account} from "./fixtures/accounts.js";

describe("attritionData()", () => {
  const accounts = [
    account({id: "a", foundedYear: 2000, firstYear: 2010, exitYear: 2012}),
    account({id: "b", foundedYear: 1995, firstYear: 2015, exitYear: null}),
    account({id: "c", foundedYear: null, firstYear: 2018, exitYear: 2018}),
    account({id: "d", foundedYear: 2020, firstYear: 2026, exitYear: null})
  ];

  it("measures firm age with late entry at the age first seen", () => {
    const data = attritionData(accounts, {asOf: 2025});
    expect(data.accounts.map((a) => a.id)).toEqual(["a", "b"]);
    expect(data.skipped).toBe(2);
    // a: exits in 2012 at the end of its 13th year (2012 − 2000 + 1), first seen aged 10.
    // b: censored at the end of 2025, aged 31, first seen aged 20.
    expect(Array.from(data.duration)).toEqual([13, 31]);
    expect(Array.from(data.event)).toEqual([1, 0]);
    expect(Array.from(data.entry)).toEqual([10, 20]);
  });

  it("measures from the relationship's start with the relationship origin", () => {
    const data = attritionData(accounts, {asOf: 2025, origin: "relationship"});
    expect(data.accounts.map((a) => a.id)).toEqual(["a", "b", "c"]);
    expect(Array.from(data.duration)).toEqual([3, 11, 1]);
    expect(Array.from(data.entry)).toEqual([0, 0, 0]);
  });

  it("rejects a non-integer year and an unknown origin", () => {
    expect(() => attritionData(accounts, {asOf: 2025.5})).toThrow("invalid asOf year: 2025.5");
    expect(() => attritionData(accounts, {asOf: 2025, origin: "x" as "firm"})).toThrow("invalid origin: x");
  });
});
