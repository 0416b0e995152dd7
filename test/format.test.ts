import {describe, expect, it} from "vitest";
import {formatMoney, formatNumber, formatPercent, healthEffect, plural, roundForCsv, toCsv} from "tierwise";

describe("formatMoney()", () => {
  it("scales to thousands, millions and billions with one decimal", () => {
    expect(formatMoney(959_510_500_000)).toBe("$959.5B");
    expect(formatMoney(4_500_000)).toBe("$4.5M");
    expect(formatMoney(12_345)).toBe("$12.3K");
    expect(formatMoney(999)).toBe("$999");
    expect(formatMoney(1_234_000_000_000)).toBe("$1,234.0B");
  });
  it("moves a value that rounds up to the next unit into that unit", () => {
    expect(formatMoney(999.6)).toBe("$1.0K");
    expect(formatMoney(999_949)).toBe("$999.9K");
    expect(formatMoney(999_960)).toBe("$1.0M");
  });
  it("puts the true minus sign before the currency, and none on a value that rounds to zero", () => {
    expect(formatMoney(-28_345_000)).toBe("\u2212$28.3M");
    expect(formatMoney(-0.4)).toBe("$0");
    expect(formatMoney(0)).toBe("$0");
  });
  it("writes nothing for a missing or non-finite value", () => {
    expect(formatMoney(null)).toBe("");
    expect(formatMoney(undefined)).toBe("");
    expect(formatMoney(NaN)).toBe("");
    expect(formatMoney(Infinity)).toBe("");
  });
});

describe("formatPercent()", () => {
  it("rounds to whole percentages, or to the digits asked for", () => {
    expect(formatPercent(0.8349)).toBe("83%");
    expect(formatPercent(0.8349, {digits: 1})).toBe("83.5%");
    expect(formatPercent(1)).toBe("100%");
    expect(formatPercent(0)).toBe("0%");
    expect(formatPercent(0.5, {digits: 1})).toBe("50.0%");
  });
  it("never rounds a share below one up to 100%, nor one above zero down to 0%", () => {
    expect(formatPercent(0.999)).toBe("99.9%");
    expect(formatPercent(0.995)).toBe("99.5%");
    expect(formatPercent(0.9996)).toBe(">99.9%");
    expect(formatPercent(0.9996, {digits: 1})).toBe(">99.9%");
    expect(formatPercent(0.004)).toBe("0.4%");
    expect(formatPercent(0.0004)).toBe("<0.1%");
  });
  it("writes the bounds in words for a sentence", () => {
    expect(formatPercent(0.9996, {words: true})).toBe("more than 99.9%");
    expect(formatPercent(0.0004, {words: true})).toBe("less than 0.1%");
  });
  it("agrees between a sentence and a table that round differently", () => {
    for (const x of [0.999, 0.9996, 0.001, 0.0004, 0.995]) {
      const card = formatPercent(x);
      const table = formatPercent(x, {digits: 1});
      expect(card === "100%" || card === "0%").toBe(false);
      expect(table === "100.0%" || table === "0.0%").toBe(false);
    }
  });
  it("uses the true minus sign and writes nothing for a missing value", () => {
    expect(formatPercent(-0.05)).toBe("\u22125%");
    expect(formatPercent(null)).toBe("");
  });
});

describe("formatNumber() and plural()", () => {
  it("formatNumber() separates thousands and uses the true minus sign", () => {
    expect(formatNumber(-1234.56, {digits: 1})).toBe("\u22121,234.6");
    expect(formatNumber(-0.0001, {digits: 2})).toBe("0");
    expect(formatNumber(2.5, {digits: 2, minDigits: 2})).toBe("2.50");
  });
  it("formatNumber() writes what toLocaleString writes, whichever digits were asked for before", () => {
    const values = [0, 0.5, 1.005, 2.5, 999.95, 1234.5678, 1e21, 123456789.987654];
    for (const [minDigits, digits] of [
      [0, 0],
      [0, 1],
      [1, 1],
      [0, 3],
      [2, 2],
      [2, 1],
      [0, 2],
      [0, 0]
    ] as const)
      for (const x of values)
        expect(formatNumber(x, {digits, minDigits})).toBe(
          x.toLocaleString("en-US", {minimumFractionDigits: Math.min(minDigits, digits), maximumFractionDigits: digits})
        );
  });
  it("plural() is singular for one", () => {
    expect(plural(1, "year")).toBe("1 year");
    expect(plural(10, "year")).toBe("10 years");
    expect(plural(1000, "future")).toBe("1,000 futures");
    expect(plural(2, "industry", "industries")).toBe("2 industries");
  });
});

describe("roundForCsv()", () => {
  it("drops float noise and keeps every digit of the whole part", () => {
    expect(roundForCsv(0.1 + 0.2)).toBe(0.3);
    expect(roundForCsv(-0.123456789)).toBe(-0.123457);
    expect(roundForCsv(123_456_789.123)).toBe(123456789);
    expect(roundForCsv(1_234_567)).toBe(1234567);
    expect(roundForCsv("=1+2")).toBe("=1+2");
    expect(roundForCsv(null)).toBe(null);
  });
});

describe("healthEffect()", () => {
  it("states the hazard ratios of the healthiest and weakest firm against a middling one", () => {
    expect(healthEffect(-1.5)).toBe(
      "\u22121.5: the healthiest firm has 0.47× the hazard of a middling one, the weakest 2.1×"
    );
    expect(healthEffect(-3)).toBe(
      "\u22123: the healthiest firm has 0.22× the hazard of a middling one, the weakest 4.5×"
    );
    expect(healthEffect(0)).toBe("0: health does not change a firm's hazard");
    expect(() => healthEffect(NaN)).toThrow("invalid health coefficient: NaN");
  });
});

describe("toCsv()", () => {
  it("keeps negative numbers as numbers and neutralises formula-like text only", () => {
    expect(
      toCsv([{a: -1.5, b: "-1+2", c: -3n, d: "=SUM(A1)", e: "-1.5", f: "-x"}], ["a", "b", "c", "d", "e", "f"])
    ).toBe("a,b,c,d,e,f\n-1.5,'-1+2,-3,'=SUM(A1),-1.5,'-x\n");
  });
  it("rounds numbers to significant digits when asked", () => {
    expect(toCsv([{p: 0.1 + 0.2, n: 123_456_789.123}], ["p", "n"], {significant: 6})).toBe("p,n\n0.3,123456789\n");
    expect(toCsv([{p: 0.1 + 0.2}], ["p"])).toBe("p\n0.30000000000000004\n");
  });
});
