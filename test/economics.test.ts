import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {
  accountCashFlows,
  breakEvenSurvival,
  customerLifetimeValue,
  defaultTierPolicies,
  expectedNpv,
  pow,
  type TierPolicy
} from "tierwise";
import {account} from "./fixtures/accounts.js";

const settings = {horizon: 5, discountRate: 0.1, costPerHead: 100_000, defaultWalletGrowth: 0};
const policy: TierPolicy = {
  rampYears: 2,
  headsPerAccount: 1,
  presalesCost: 50_000,
  firstShare: 0.1,
  shareCeiling: 0.3,
  shareGrowth: 0.5,
  grossMargin: 0.4,
  costToServe: {costPerOrder: 10_000, ordersPerYear: 2, variableShare: 0}
};

describe("accountCashFlows()", () => {
  it("spends through the ramp, then earns a share of wallet closing on its ceiling", () => {
    const flows = accountCashFlows(account({annualWallet: 10_000_000, walletGrowth: 0}), policy, settings);
    expect(Array.from(flows.investment)).toEqual([150_000, 150_000, 100_000, 100_000, 100_000]);
    // Shares 0.1, 0.2, 0.25 from year 3.
    expect(Array.from(flows.revenue)).toEqual([0, 0, 1_000_000, 2_000_000, 2_500_000]);
    expect(Array.from(flows.contribution)).toEqual([0, 0, 380_000, 780_000, 980_000]);
  });

  it("keeps today's share with firstShare current, grows the wallet and uses the account's margin", () => {
    const flows = accountCashFlows(
      account({annualWallet: 1_000_000, annualRevenue: 200_000, walletGrowth: 0.1, grossMargin: 0.5}),
      {...policy, rampYears: 0, firstShare: "current", shareGrowth: 0, grossMargin: "account"},
      settings
    );
    expect(flows.revenue[0]).toBeCloseTo(220_000, 9);
    expect(flows.revenue[1]).toBeCloseTo(242_000, 9);
    expect(flows.contribution[0]).toBeCloseTo(110_000 - 20_000, 9);
  });

  it("writes into the arrays it is given, over what they held, and returns them", () => {
    const into = {
      investment: new Float64Array(5).fill(7),
      revenue: new Float64Array(5).fill(7),
      contribution: new Float64Array(5).fill(7),
      heads: 9,
      rampYears: 9
    };
    const flows = accountCashFlows(account({annualWallet: 10_000_000, walletGrowth: 0}), policy, settings, into);
    expect(flows).toBe(into);
    expect(Array.from(flows.investment)).toEqual([150_000, 150_000, 100_000, 100_000, 100_000]);
    expect(Array.from(flows.revenue)).toEqual([0, 0, 1_000_000, 2_000_000, 2_500_000]);
    expect(Array.from(flows.contribution)).toEqual([0, 0, 380_000, 780_000, 980_000]);
    expect([flows.heads, flows.rampYears]).toEqual([policy.headsPerAccount, 2]);
  });

  it("grows the wallet by pow's powers to the last bit, for every year of the longest horizon and beyond", () => {
    const flat = {...policy, rampYears: 0, firstShare: 1, shareGrowth: 0};
    for (const walletGrowth of [0, 0.03, 0.0417, -0.02, 0.123456789, 1e-9, 0.5]) {
      const horizon = walletGrowth === 0.5 ? 70 : 30;
      const flows = accountCashFlows(account({annualWallet: 3_000_007, walletGrowth}), flat, {...settings, horizon});
      for (let t = 1; t <= horizon; ++t) expect(flows.revenue[t - 1]).toBe(3_000_007 * pow(1 + walletGrowth, t) * 1);
    }
  });
});

describe("expectedNpv()", () => {
  it("pays investment at the start of a year alive and earns contribution at the end of a year survived", () => {
    const flows = {investment: [100, 50], contribution: [0, 300]};
    expect(expectedNpv(flows, [0.8, 0.6], {discountRate: 0.1})).toBeCloseTo(
      -100 - (0.8 * 50) / 1.1 + (0.6 * 300) / 1.21,
      12
    );
    expect(expectedNpv(flows, (t) => 0.9 ** t, {discountRate: 0})).toBeCloseTo(-100 - 0.9 * 50 + 0.81 * 300, 12);
  });

  it("never rises with a higher hazard when every year survived is worth keeping (property)", () => {
    // With non-negative contributions larger than the next year's investment, surviving a year
    // never loses money, so more attrition can only lower the expected NPV.
    fc.assert(
      fc.property(
        fc.array(fc.double({min: 0, max: 100, noNaN: true}), {minLength: 1, maxLength: 15}),
        fc.double({min: 0, max: 0.9, noNaN: true}),
        fc.double({min: 0, max: 0.1, noNaN: true}),
        (cost, hazard, extra) => {
          const flows = {investment: cost, contribution: cost.map((_, t) => (cost[t + 1] ?? 0) * 1.2 + 1)};
          const npv = (h: number) => expectedNpv(flows, (t) => (1 - h) ** t, {discountRate: 0.1});
          expect(npv(hazard + extra)).toBeLessThanOrEqual(npv(hazard) + 1e-9);
        }
      )
    );
  });

  it("never rises with a longer ramp when orders are profitable (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({min: 0, max: 8}),
        fc.double({min: 0, max: 0.5, noNaN: true}),
        fc.integer({min: 1, max: 15}),
        (ramp, hazard, horizon) => {
          const npv = (r: number) =>
            expectedNpv(
              accountCashFlows(account(), {...policy, rampYears: r}, {...settings, horizon}),
              (t) => (1 - hazard) ** t,
              {
                discountRate: 0.1
              }
            );
          expect(npv(ramp + 1)).toBeLessThanOrEqual(npv(ramp) + 1e-6);
        }
      )
    );
  });
});

describe("breakEvenSurvival()", () => {
  it("finds the constant survival at which the flows break even", () => {
    const flows = {investment: [100, 0], contribution: [0, 150]};
    const s = breakEvenSurvival(flows, {discountRate: 0.1})!;
    // −100 + s²·150/1.21 = 0.
    expect(s).toBeCloseTo(Math.sqrt((100 * 1.21) / 150), 10);
    expect(expectedNpv(flows, (t) => s ** t, {discountRate: 0.1})).toBeCloseTo(0, 8);
  });

  it("is null when even certain survival loses money, and 0 when nothing is at stake", () => {
    expect(breakEvenSurvival({investment: [100], contribution: [50]})).toBeNull();
    expect(breakEvenSurvival({investment: [0], contribution: [50]})).toBe(0);
  });

  it("is the S tier's survival hurdle under the default policy", () => {
    const flows = accountCashFlows(account({annualWallet: 50_000_000}), defaultTierPolicies.S, {
      ...settings,
      horizon: 10
    });
    const s = breakEvenSurvival(flows, {discountRate: 0.1})!;
    expect(s).toBeGreaterThan(0);
    expect(s).toBeLessThan(1);
    expect(expectedNpv(flows, (t) => s ** t, {discountRate: 0.1})).toBeCloseTo(0, 4);
  });
});

describe("customerLifetimeValue()", () => {
  it("is Gupta and Lehmann's margin multiple r/(1+i−r)", () => {
    // Gupta & Lehmann (2003): with r = 0.8 and i = 0.12 the multiple is 0.8/0.32 = 2.5.
    expect(customerLifetimeValue({margin: 100, retention: 0.8, discountRate: 0.12})).toBeCloseTo(250, 10);
  });

  it("sums the finite series and tends to the closed form", () => {
    const finite = customerLifetimeValue({margin: 100, retention: 0.9, discountRate: 0.1, horizon: 3});
    expect(finite).toBeCloseTo(100 * (0.9 / 1.1 + 0.81 / 1.21 + 0.729 / 1.331), 10);
    const long = customerLifetimeValue({margin: 100, retention: 0.9, discountRate: 0.1, horizon: 2000});
    expect(long).toBeCloseTo(customerLifetimeValue({margin: 100, retention: 0.9, discountRate: 0.1}), 8);
    expect(customerLifetimeValue({margin: 10, retention: 1, discountRate: 0, horizon: 4})).toBe(40);
  });

  it("agrees with expectedNpv() for constant retention", () => {
    const horizon = 12;
    const flows = {investment: new Array(horizon).fill(0), contribution: new Array(horizon).fill(100)};
    expect(expectedNpv(flows, (t) => 0.85 ** t, {discountRate: 0.08})).toBeCloseTo(
      customerLifetimeValue({margin: 100, retention: 0.85, discountRate: 0.08, horizon}),
      10
    );
  });

  it("rejects invalid inputs", () => {
    expect(() => customerLifetimeValue({margin: 1, retention: 1.2, discountRate: 0.1})).toThrow(
      "invalid retention: 1.2"
    );
    expect(() => customerLifetimeValue({margin: 1, retention: 0.5, discountRate: 1})).toThrow(
      "invalid discount rate: 1"
    );
  });
});
