import {describe, expect, it} from "vitest";
import {
  accountCashFlows,
  assignTiers,
  breakEvenSurvival,
  defaultScenario,
  expectedNpv,
  npvSurface,
  pairedDifference,
  sensitivity,
  sensitivityParameters,
  simulatePortfolio,
  type Account,
  type Scenario
} from "tierwise";
import {portfolio24} from "./fixtures/accounts.js";

const accounts: Account[] = portfolio24;

const scenario: Scenario = {
  ...defaultScenario,
  horizon: 8,
  tierRules: {...defaultScenario.tierRules, cut: {by: "rank", topN: 4, shareA: 0.25, shareB: 0.25}},
  attrition: {
    hazard: {"*": [0.1, 0.15, 0.08], Telecom: [0.5, 0.6, 0.25, 0.15, 0.1]},
    healthCoefficient: -1.5,
    shockVolatility: 0.3
  }
};

describe("pairedDifference()", () => {
  it("summarises b − a trial by trial", () => {
    const d = pairedDifference([1, 2, 3, 4], [2, 2, 5, 3]);
    expect(Array.from(d.draws)).toEqual([1, 0, 2, -1]);
    expect(d.summary.mean).toBe(0.5);
    expect(d.summary.sd).toBeCloseTo(Math.sqrt(5 / 3), 12);
    expect(d.standardError).toBeCloseTo(Math.sqrt(5 / 3) / 2, 12);
    expect(d.probabilityGreater).toBe(0.5);
    expect(d.probabilityEqual).toBe(0.25);
  });

  it("refuses draws of different lengths or none", () => {
    expect(() => pairedDifference([1, 2], [1])).toThrow("paired draws differ in length: 2 and 1");
    expect(() => pairedDifference([], [])).toThrow("paired draws are empty");
  });

  it("with common random numbers, a change to tier S leaves every other tier's draws identical and S's difference precise", () => {
    const longer = {...scenario, tiers: {...scenario.tiers, S: {...scenario.tiers.S, rampYears: 3}}};
    const base = simulatePortfolio(accounts, scenario, {trials: 2000, seed: 7});
    const same = simulatePortfolio(accounts, longer, {trials: 2000, seed: 7});
    const other = simulatePortfolio(accounts, longer, {trials: 2000, seed: 8});
    for (const tier of ["A", "B", "C"] as const) {
      expect(pairedDifference(base.tiers[tier].npvDraws, same.tiers[tier].npvDraws).probabilityEqual).toBe(1);
    }
    const paired = pairedDifference(base.tiers.S.npvDraws, same.tiers.S.npvDraws);
    const independent = pairedDifference(base.tiers.S.npvDraws, other.tiers.S.npvDraws);
    // A third ramp year costs S in every future: one more year of pre-sales, one less of orders.
    expect(paired.summary.mean).toBeLessThan(0);
    // Both estimate the same effect; the independent estimate is the noisier of the two.
    expect(Math.abs(paired.summary.mean - independent.summary.mean)).toBeLessThan(4 * independent.standardError);
    expect(paired.standardError).toBeLessThan(independent.standardError / 3);
  });
});

describe("npvSurface()", () => {
  it("is the closed-form expected NPV of the tier's summed flows at each survival and ramp", () => {
    const surface = npvSurface(accounts, scenario, "S", {survival: [0.5, 0.8, 1], rampYears: [0, 2]});
    const members = assignTiers(accounts, scenario.tierRules).filter((d) => d.tier === "S");
    expect(surface.accounts).toBe(4);
    expect(surface.cells.map((c) => [c.rampYears, c.survival])).toEqual([
      [0, 0.5],
      [0, 0.8],
      [0, 1],
      [2, 0.5],
      [2, 0.8],
      [2, 1]
    ]);
    for (const cell of surface.cells) {
      const policy = {...scenario.tiers.S, rampYears: cell.rampYears};
      const byAccount = members.map(({account: a}) =>
        expectedNpv(accountCashFlows(a, policy, scenario), (t) => cell.survival ** t, {discountRate: 0.1})
      );
      expect(cell.npv).toBeCloseTo(
        byAccount.reduce((x, y) => x + y, 0),
        4
      );
    }
    for (const {rampYears, survival} of surface.breakEven) {
      const policy = {...scenario.tiers.S, rampYears};
      const flows = members.map(({account: a}) => accountCashFlows(a, policy, scenario));
      const sum = (k: "investment" | "contribution") =>
        Array.from({length: 8}, (_, t) => flows.reduce((x, f) => x + f[k][t]!, 0));
      expect(survival).toBe(
        breakEvenSurvival({investment: sum("investment"), contribution: sum("contribution")}, {discountRate: 0.1})
      );
    }
    // A longer certification needs customers that live longer.
    expect(surface.breakEven[0]!.survival!).toBeLessThan(surface.breakEven[1]!.survival!);
  });

  it("agrees with the Monte Carlo mean when every account faces the same constant hazard and nothing else", () => {
    const flat: Scenario = {...scenario, attrition: {hazard: {"*": [0.2]}, healthCoefficient: 0, shockVolatility: 0}};
    const trials = 4000;
    const sim = simulatePortfolio(accounts, flat, {trials, seed: 3});
    for (const tier of ["S", "A", "B", "C"] as const) {
      const ramp = flat.tiers[tier].rampYears;
      const cell = npvSurface(accounts, flat, tier, {survival: [0.8], rampYears: [ramp]}).cells[0]!;
      const {mean, sd} = sim.tiers[tier].npv;
      expect(Math.abs(mean - cell.npv)).toBeLessThan((4 * sd) / Math.sqrt(trials));
    }
  });

  it("names an invalid grid and gives an empty tier no break-even", () => {
    expect(() => npvSurface(accounts, scenario, "S", {survival: [1.2]})).toThrow("invalid survival: 1.2 (0 to 1)");
    expect(() => npvSurface(accounts, scenario, "S", {rampYears: [1.5]})).toThrow("invalid ramp years: 1.5 (0 to 15)");
    const none = {
      ...scenario,
      tierRules: {...scenario.tierRules, cut: {by: "rank" as const, topN: 0, shareA: 0.5, shareB: 0.25}}
    };
    const empty = npvSurface(accounts, none, "S", {survival: [0.9], rampYears: [1]});
    expect(empty).toEqual({
      tier: "S",
      accounts: 0,
      cells: [{survival: 0.9, rampYears: 1, npv: 0}],
      breakEven: [{rampYears: 1, survival: null}]
    });
  });
});

describe("sensitivityParameters()", () => {
  it("moves each parameter one step down and one up, and only that parameter", () => {
    const parameters = sensitivityParameters(scenario, "S");
    const byKey = Object.fromEntries(parameters.map((p) => [p.key, p]));
    expect(parameters.map((p) => p.key)).toEqual([
      "discountRate",
      "costPerHead",
      "horizon",
      "hazard",
      "shockVolatility",
      "healthCoefficient",
      "tiers.rampYears",
      "tiers.headsPerAccount",
      "tiers.presalesCost",
      "tiers.firstShare",
      "tiers.shareCeiling",
      "tiers.shareGrowth",
      "tierRules.cut.topN",
      "tierRules.cut.shareA",
      "tierRules.cut.shareB",
      "tierRules.weights"
    ]);
    expect(byKey["discountRate"]!.low.scenario.discountRate).toBe(0.05);
    expect(byKey["discountRate"]!.high.label).toBe("15%");
    expect(byKey["hazard"]!.high.scenario.attrition.hazard["Telecom"]).toEqual(
      [0.75, 0.9, 0.375, 0.225, 0.15].map((h) => expect.closeTo(h, 12))
    );
    expect(byKey["hazard"]!.high.scenario.attrition.hazard["*"]).toEqual(
      [0.15, 0.225, 0.12].map((h) => expect.closeTo(h, 12))
    );
    // Negative values carry a typographic minus, as every other figure on the pages.
    expect(scenario.attrition.healthCoefficient).toBeLessThan(0);
    expect(byKey["healthCoefficient"]!.high.label).toBe(`\u2212${2 * -scenario.attrition.healthCoefficient}`);
    expect(byKey["tiers.rampYears"]!.label).toBe("Ramp years, tier S");
    expect(byKey["tiers.rampYears"]!.low.label).toBe("1 year");
    expect(byKey["tiers.rampYears"]!.high.scenario.tiers.S.rampYears).toBe(3);
    expect(byKey["tiers.rampYears"]!.high.scenario.tiers.A).toBe(scenario.tiers.A);
    expect(byKey["tierRules.cut.topN"]!.low.scenario.tierRules.cut).toEqual({
      by: "rank",
      topN: 2,
      shareA: 0.25,
      shareB: 0.25
    });
    expect(byKey["tierRules.weights"]!.high.scenario.tierRules.weights).toEqual({
      ...scenario.tierRules.weights,
      wallet: 0.25,
      health: 0.35
    });
  });

  it("moves every tier's policy for the total, skips what a tier does not set, and keeps score thresholds ordered", () => {
    const total = sensitivityParameters(scenario, "total");
    const ramp = total.find((p) => p.key === "tiers.rampYears")!;
    expect(ramp.label).toBe("Ramp years, every tier");
    expect(["S", "A", "B", "C"].map((t) => ramp.high.scenario.tiers[t as "S"].rampYears)).toEqual([3, 2, 1, 1]);
    expect(sensitivityParameters(scenario, "C").some((p) => p.key === "tiers.firstShare")).toBe(false);
    const scored = {
      ...scenario,
      tierRules: {...scenario.tierRules, cut: {by: "score" as const, S: 0.8, A: 0.78, B: 0.5}}
    };
    const a = sensitivityParameters(scored, "A").find((p) => p.key === "tierRules.cut.A")!;
    expect(a.low.scenario.tierRules.cut).toEqual({by: "score", S: 0.8, A: 0.73, B: 0.5});
    expect(a.high.scenario.tierRules.cut).toEqual({by: "score", S: 0.8, A: 0.8, B: 0.5});
  });
});

describe("sensitivity()", () => {
  it("simulates each side with the same seed, sorted by swing, and reports progress", () => {
    const progress: number[] = [];
    const result = sensitivity(accounts, scenario, "S", {trials: 300, seed: 5, onProgress: (p) => progress.push(p)});
    const parameters = sensitivityParameters(scenario, "S");
    expect(progress).toHaveLength(1 + 2 * parameters.length);
    expect(progress.at(-1)).toBe(1);
    expect(result.base).toBe(simulatePortfolio(accounts, scenario, {trials: 300, seed: 5}).tiers.S.npv.mean);
    const ramp = result.rows.find((r) => r.key === "tiers.rampYears")!;
    const high = parameters.find((p) => p.key === "tiers.rampYears")!.high.scenario;
    expect(ramp.high).toBe(simulatePortfolio(accounts, high, {trials: 300, seed: 5}).tiers.S.npv.mean);
    expect(ramp.highProbability).toBe(
      simulatePortfolio(accounts, high, {trials: 300, seed: 5}).tiers.S.probabilityPositive
    );
    // Tier S is the top N by rank: the A share cannot change it, exactly, thanks to common random numbers.
    const shareA = result.rows.find((r) => r.key === "tierRules.cut.shareA")!;
    expect([shareA.low, shareA.high, shareA.swing]).toEqual([result.base, result.base, 0]);
    for (let i = 1; i < result.rows.length; ++i)
      expect(result.rows[i - 1]!.swing).toBeGreaterThanOrEqual(result.rows[i]!.swing);
    expect(result.rows[0]!.swing).toBeGreaterThan(0);
  });
});

describe("simulatePortfolio() progress", () => {
  it("reports rising progress ending at 1 and leaves the results unchanged", () => {
    const progress: number[] = [];
    const many = Array.from({length: 5000}, (_, i) => ({...accounts[i % 24]!, id: `X${i}`}));
    const reported = simulatePortfolio(many, scenario, {trials: 600, seed: 2, onProgress: (p) => progress.push(p)});
    const silent = simulatePortfolio(many, scenario, {trials: 600, seed: 2});
    // Blocks of ceil(1e6 / 5000) = 200 trials: after 200 and 400, then the end.
    expect(progress).toEqual([200 / 600, 400 / 600, 1]);
    expect(reported.total.npvDraws).toEqual(silent.total.npvDraws);
  });
});
