import {describe, expect, it} from "vitest";
import {accountProfit, costToServe, whaleCurve} from "tierwise";
import {account} from "./fixtures/accounts.js";

describe("costToServe() and accountProfit()", () => {
  it("charges a fixed cost per order plus a variable share, so large orders cost less per unit", () => {
    const serving = {costPerOrder: 25_000, ordersPerYear: 4, variableShare: 0.05};
    expect(costToServe(1_000_000, serving)).toBe(150_000);
    expect(costToServe(10_000_000, serving)).toBe(600_000);
    expect(costToServe(10_000_000, serving) / 10_000_000).toBeLessThan(costToServe(1_000_000, serving) / 1_000_000);
    expect(costToServe(0, serving)).toBe(0);
  });

  it("nets sales heads and serving from gross profit", () => {
    const a = account({annualRevenue: 1_000_000, grossMargin: 0.4, salesHeads: 1});
    expect(
      accountProfit(a, {
        costPerHead: 100_000,
        costToServe: {costPerOrder: 10_000, ordersPerYear: 2, variableShare: 0.1}
      })
    ).toBe(400_000 - 100_000 - 120_000);
  });
});

describe("whaleCurve()", () => {
  it("ranks by profit, peaks above 100% and ends at 100%", () => {
    const values = [50, -10, 30, -20, 10];
    const accounts = values.map((v, i) => account({id: `A${i}`, annualRevenue: v}));
    const curve = whaleCurve(accounts, {value: (a) => a.annualRevenue});
    expect(curve.total).toBe(60);
    expect(curve.points.map((p) => p.value)).toEqual([50, 30, 10, -10, -20]);
    expect(curve.points.map((p) => p.profitShare)).toEqual([50 / 60, 80 / 60, 90 / 60, 80 / 60, 1]);
    expect(curve.points.map((p) => p.accountShare)).toEqual([0.2, 0.4, 0.6, 0.8, 1]);
    expect(curve.peak).toEqual({profitShare: 1.5, accountShare: 0.6, rank: 3});
  });

  it("refuses a book with no total profit", () => {
    expect(() => whaleCurve([account({annualRevenue: -1})], {value: (a) => a.annualRevenue})).toThrow(
      "total profit must be positive, got -1"
    );
  });
});
