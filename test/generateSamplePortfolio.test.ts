import {readFileSync} from "node:fs";
import {csvParse} from "d3";
import {describe, expect, it} from "vitest";
import {
  accountFields,
  attritionData,
  generateSamplePortfolio,
  kaplanMeier,
  toCsv,
  validateAccounts,
  whaleCurve,
  type Account
} from "tierwise";

const accounts = generateSamplePortfolio();
const survivalAt = (data: Parameters<typeof kaplanMeier>[0], t: number) => {
  const km = kaplanMeier(data);
  let s = 1;
  for (let j = 0; j < km.time.length && km.time[j]! <= t; ++j) s = km.survival[j]!;
  return s;
};
const byIndustry = (name: string) => accounts.filter((a) => a.industry === name);

describe("generateSamplePortfolio()", () => {
  it("is the committed data/sample-portfolio.csv, byte for byte", () => {
    const committed = readFileSync(new URL("../data/sample-portfolio.csv", import.meta.url), "utf-8");
    expect(
      toCsv(
        accounts,
        accountFields.map((f) => f.name)
      )
    ).toBe(committed);
    const {accounts: loaded, rejected} = validateAccounts(csvParse(committed), {firstRow: 2, asOf: 2025});
    expect(rejected).toEqual([]);
    expect(loaded).toHaveLength(2000);
  });

  it("has eight industries, unique ids and names, active and exited accounts", () => {
    expect(new Set(accounts.map((a) => a.industry)).size).toBe(8);
    expect(new Set(accounts.map((a) => a.id)).size).toBe(2000);
    expect(new Set(accounts.map((a) => a.name)).size).toBe(2000);
    const exited = accounts.filter((a) => a.exitYear !== null).length;
    expect(exited).toBeGreaterThan(300);
    expect(exited).toBeLessThan(1000);
  });

  it("spreads founding over decades and first sight over fifteen years", () => {
    const founded = accounts.map((a) => a.foundedYear!);
    expect(Math.max(...founded) - Math.min(...founded)).toBeGreaterThanOrEqual(50);
    expect(new Set(accounts.map((a) => a.firstYear)).size).toBe(15);
    expect(accounts.filter((a) => a.firstYear - a.foundedYear! >= 10).length).toBeGreaterThan(400);
  });

  it("has a whale curve peaking between 130% and 300% of total profit", () => {
    const {peak} = whaleCurve(accounts.filter((a) => a.exitYear === null));
    expect(peak.profitShare).toBeGreaterThan(1.3);
    expect(peak.profitShare).toBeLessThan(3);
  });

  it("loses firms by age near BLS establishment survival where it should, once late entry is counted", () => {
    // BLS (establishments born March 1994): 79.6% alive after 1 year, 49.6% after 5, 33.6% after 10.
    const retail = attritionData(byIndustry("Retail"), {asOf: 2025});
    expect(survivalAt(retail, 1)).toBeCloseTo(0.8, 1);
    expect(survivalAt(retail, 5)).toBeCloseTo(0.5, 1);
    expect(survivalAt(retail, 10)).toBeCloseTo(0.34, 1);
    // Ignoring late entry overstates survival: the firms first met late are the ones that lived.
    const naive = {duration: retail.duration, event: retail.event};
    expect(survivalAt(naive, 10) - survivalAt(retail, 10)).toBeGreaterThan(0.1);
  });

  it("has an Internet shakeout (100 → 50 → 20) and a stable regulated industry", () => {
    const internet = attritionData(byIndustry("Internet"), {asOf: 2025});
    expect(survivalAt(internet, 1)).toBeCloseTo(0.5, 1);
    expect(survivalAt(internet, 2)).toBeCloseTo(0.2, 1);
    const utilities = attritionData(byIndustry("Utilities"), {asOf: 2025});
    expect(survivalAt(utilities, 10)).toBeGreaterThan(0.8);
  });

  it("makes healthier firms live longer and larger firms healthier", () => {
    const mean = (list: Account[], f: (a: Account) => number) => list.reduce((s, a) => s + f(a), 0) / list.length;
    const exited = accounts.filter((a) => a.exitYear !== null);
    const active = accounts.filter((a) => a.exitYear === null);
    expect(mean(active, (a) => a.health) - mean(exited, (a) => a.health)).toBeGreaterThan(0.03);
    const big = accounts.filter((a) => a.annualWallet > 5e6);
    const small = accounts.filter((a) => a.annualWallet < 5e5);
    expect(mean(big, (a) => a.health)).toBeGreaterThan(mean(small, (a) => a.health));
  });

  it("is deterministic for a seed and changes with it", () => {
    expect(generateSamplePortfolio({accounts: 50, seed: 3})).toEqual(generateSamplePortfolio({accounts: 50, seed: 3}));
    expect(generateSamplePortfolio({accounts: 50, seed: 4})[0]).not.toEqual(
      generateSamplePortfolio({accounts: 50, seed: 3})[0]
    );
  });
});

describe("toCsv()", () => {
  it("quotes what needs quoting and neutralises formulas in text, not in numbers", () => {
    const csv = toCsv(
      [
        {a: 'say "hi", then', b: -1.5},
        {a: "=SUM(A1)", b: null},
        {a: "@cmd", b: 2}
      ],
      ["a", "b"]
    );
    expect(csv).toBe('a,b\n"say ""hi"", then",-1.5\n\'=SUM(A1),\n\'@cmd,2\n');
  });
});
