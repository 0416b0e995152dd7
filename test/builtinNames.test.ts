import {describe, expect, it} from "vitest";
import {
  assignTiers,
  attritionData,
  defaultScenario,
  estimateHazards,
  hazardAt,
  hazardsUsed,
  logRank,
  parseScenario,
  sensitivityParameters,
  simulatePortfolio,
  whaleCurve,
  type Scenario
} from "tierwise";
import {account} from "./fixtures/accounts.js";

// Industry and region names a CRM export may well hold, that are also the names of every
// JavaScript object's built-ins: a lookup keyed by user text must never find these.
const names = ["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf"];
// Every industry has the same history, so each must get the same estimate as "Retail" would.
const history = (industry: string, k: number) =>
  Array.from({length: 6}, (_, i) =>
    account({
      id: `${k}-${i}`,
      industry,
      region: names[(k + i) % names.length]!,
      foundedYear: 1990 + 3 * i,
      firstYear: 2010 + i,
      // Three exit, after 2, 4 and 6 years with us; three are active.
      exitYear: i < 3 ? 2010 + 3 * i + 1 : null,
      annualWallet: 1_000_000 * (1 + i + k),
      annualRevenue: 2_000_000 * (1 + i)
    })
  );
const accounts = names.flatMap(history);
// A path for two of the names only, as own properties ("__proto__" too), and "*" for the rest.
const hazard = Object.fromEntries([
  ["__proto__", [1]],
  ["constructor", [1]],
  ["*", [0]]
]);
const scenario: Scenario = {
  ...defaultScenario,
  horizon: 3,
  attrition: {hazard, healthCoefficient: -1.5, shockVolatility: 0}
};

describe("functions keyed by industry, on industries named like object built-ins", () => {
  it("hazardAt() reads only the scenario's own paths", () => {
    expect(hazardAt(scenario.attrition, "__proto__", 1)).toBe(1);
    expect(hazardAt(scenario.attrition, "constructor", 2)).toBe(1);
    expect(hazardAt(scenario.attrition, "toString", 1)).toBe(0);
    expect(hazardAt(scenario.attrition, "hasOwnProperty", 1)).toBe(0);
    expect(hazardAt(scenario.attrition, "valueOf", 1)).toBe(0);
    expect(() => hazardAt({hazard: {Retail: [0.1]}}, "toString", 1)).toThrow(
      'no hazard path for industry "toString" and no "*" default'
    );
  });

  it("hazardsUsed() groups them by the path that applies", () => {
    expect(hazardsUsed(accounts, scenario.attrition, {horizon: 2})).toEqual([
      {key: "__proto__", industries: ["__proto__"], accounts: 6, hazard: [1, 1]},
      {key: "constructor", industries: ["constructor"], accounts: 6, hazard: [1, 1]},
      {key: "*", industries: ["hasOwnProperty", "toString", "valueOf"], accounts: 18, hazard: [0, 0]}
    ]);
  });

  it("parseScenario() keeps a path named __proto__ as a path", () => {
    const parsed = parseScenario(
      '{"version": 1, "attrition": {"hazard": {"__proto__": [0.2], "toString": [0.3], "*": [0.1]}}}'
    );
    expect(Object.keys(parsed.attrition.hazard)).toEqual(["__proto__", "toString", "*"]);
    expect(Object.getPrototypeOf(parsed.attrition.hazard)).toBe(Object.prototype);
    expect(hazardAt(parsed.attrition, "__proto__", 1)).toBe(0.2);
    expect(hazardAt(parsed.attrition, "valueOf", 1)).toBe(0.1);
  });

  it("simulatePortfolio() gives each industry its own path", () => {
    const result = simulatePortfolio(accounts, scenario, {trials: 20, seed: 3, asOf: 2025});
    // Fifteen active accounts: the six named __proto__ and constructor die in year one, the rest live.
    expect(result.total.accounts).toBe(15);
    expect(result.total.survivors.mean).toEqual([15, 9, 9, 9]);
  });

  it("sensitivityParameters() scales every path, __proto__ included", () => {
    const scaled = {
      ...scenario,
      attrition: {
        ...scenario.attrition,
        hazard: Object.fromEntries([
          ["__proto__", [0.4]],
          ["*", [0.2]]
        ])
      }
    };
    const parameter = sensitivityParameters(scaled, "total").find((p) => p.key === "hazard")!;
    expect(parameter.low.scenario.attrition.hazard).toEqual(
      Object.fromEntries([
        ["__proto__", [0.2]],
        ["*", [0.1]]
      ])
    );
    expect(hazardAt(parameter.high.scenario.attrition, "__proto__", 1)).toBeCloseTo(0.6, 12);
    expect(hazardAt(parameter.high.scenario.attrition, "toString", 1)).toBeCloseTo(0.3, 12);
  });

  it("estimateHazards() estimates each of them as it would any industry", () => {
    const [retail] = estimateHazards(history("Retail", 0), {asOf: 2025, horizon: 3});
    expect(retail!.hazard).toHaveLength(3);
    expect(estimateHazards(accounts, {asOf: 2025, horizon: 3})).toEqual(
      [...names].sort().map((industry) => ({...retail, industry}))
    );
  });

  it("logRank() compares them by name from a Map", () => {
    const groups = new Map(
      names.map((industry) => [
        industry,
        attritionData(
          accounts.filter((a) => a.industry === industry),
          {asOf: 2025}
        )
      ])
    );
    const test = logRank(groups);
    expect(test.groups).toEqual(names);
    expect(test.observed).toEqual([3, 3, 3, 3, 3]);
    expect(test.reason).toBeNull();
    expect(test.df).toBe(4);
    expect(test.chiSquare).toBeCloseTo(0, 10);
  });

  it("assignTiers() and whaleCurve() tier and rank them like any other", () => {
    const tiered = assignTiers(accounts);
    expect(tiered).toHaveLength(15);
    expect(new Set(tiered.map((d) => d.account.industry))).toEqual(new Set(names));
    const curve = whaleCurve(accounts);
    expect(curve.points).toHaveLength(30);
    // The largest revenues tie across industries; the id breaks the tie.
    expect(curve.points[0]!.account.id).toBe("0-5");
    expect(curve.points[0]!.account.industry).toBe("constructor");
  });
});
