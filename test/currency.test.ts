import {describe, expect, it} from "vitest";
import {
  currencyCodes,
  currencyPrefix,
  currencyProblem,
  detectCurrency,
  formatMoney,
  isCurrencyCode,
  moneyScale
} from "tierwise";

describe("the book's currency", () => {
  it("formatMoney writes the currency's sign, or its code and a space, after the minus", () => {
    expect(formatMoney(1_500_000)).toBe("$1.5M");
    expect(formatMoney(1_500_000, {currency: "CNY"})).toBe("CN¥1.5M");
    expect(formatMoney(-28_345_000, {currency: "EUR"})).toBe("−€28.3M");
    expect(formatMoney(999_960, {currency: "JPY"})).toBe("¥1.0M");
    expect(formatMoney(12, {currency: "GBP"})).toBe("£12");
    expect(formatMoney(-2_500, {currency: "CHF"})).toBe("−CHF 2.5K");
    expect(formatMoney(null, {currency: "CNY"})).toBe("");
  });

  it("names every offered code, and accepts only three capital letters", () => {
    expect(currencyCodes[0]).toBe("USD");
    expect(new Set(currencyCodes).size).toBe(currencyCodes.length);
    expect(currencyCodes.every(isCurrencyCode)).toBe(true);
    expect(["cny", "YUAN", "", "C¥", 840].map(isCurrencyCode)).toEqual([false, false, false, false, false]);
    expect(currencyProblem("CNY")).toBeNull();
    expect(currencyProblem("cny")).toBe('must be an ISO 4217 code of three capital letters, such as CNY, got "cny"');
    expect(currencyPrefix("HKD")).toBe("HK$");
    expect(currencyPrefix("SAR")).toBe("SAR ");
    // How much further money inputs reach: a power of ten, never a rate.
    expect(["USD", "CNY", "EUR", "JPY", "KRW", "INR", "XYZ"].map(moneyScale)).toEqual([1, 1, 1, 100, 1000, 100, 1]);
  });

  it("detectCurrency reads the signs and codes a file uses most", () => {
    expect(detectCurrency("name,年收入\nA,3.5万元\nB,¥120000\nC,￥8,000")).toBe("CNY");
    expect(detectCurrency("客户,收入(万元)\n甲,350")).toBe("CNY");
    expect(detectCurrency("name,revenue\nA,$1200\nB,$300")).toBe("USD");
    expect(detectCurrency("name,revenue\nA,US$1200\nB,USD 300")).toBe("USD");
    expect(detectCurrency("name,revenue\nA,HK$1200\nB,HK$300\nC,$5")).toBe("HKD");
    expect(detectCurrency("name;revenue\nA;1.200,50 €\nB;EUR 300")).toBe("EUR");
    expect(detectCurrency("name,revenue\nA,£1200")).toBe("GBP");
    expect(detectCurrency("name,revenue\nA,CA$1200\nB,CA$5")).toBe("CAD");
    expect(detectCurrency("name,revenue\nA,1200円")).toBe("JPY");
    // No sign and no code: the user says.
    expect(detectCurrency("name,revenue\nA,1200\nB,USDA Farm Services")).toBeNull();
  });
});
