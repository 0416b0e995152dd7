import {readFileSync, readdirSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {blsEstablishmentHazard, defaultScenario, parseScenario, ScenarioError} from "tierwise";

const presets = new URL("../data/scenarios/", import.meta.url);
const read = (name: string) => readFileSync(new URL(name, presets), "utf-8");

describe("parseScenario()", () => {
  it("fills omitted settings from the default scenario", () => {
    const s = parseScenario({version: 1, name: "Mine", horizon: 12});
    expect(s.name).toBe("Mine");
    expect(s.horizon).toBe(12);
    expect(s.tiers).toEqual(defaultScenario.tiers);
    expect(parseScenario(JSON.stringify(defaultScenario))).toEqual(defaultScenario);
  });

  it("names the path of every invalid value", () => {
    const bad = {
      version: 1,
      discountRate: 1,
      horizon: 0,
      tiers: {S: {rampYears: -1, costToServe: {variableShare: "high"}}},
      attrition: {hazard: {Telecom: [0.5, 1.5]}},
      tierRules: {cut: {by: "rank", shareA: 0.7, shareB: 0.5}}
    };
    expect(() => parseScenario(bad)).toThrow(ScenarioError);
    try {
      parseScenario(bad);
    } catch (error) {
      expect((error as ScenarioError).issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
        "horizon: must be an integer from 1 to 30, got 0",
        "discountRate: must be a number from 0 up to (not including) 1, got 1",
        "attrition.hazard.Telecom[1]: must be a number from 0 to 1, got 1.5",
        "tierRules.cut: shareA + shareB must not exceed 1, got 1.2",
        "tiers.S.rampYears: must be an integer from 0 to 15, got -1",
        'tiers.S.costToServe.variableShare: must be a number from 0 to 1, got "high"'
      ]);
    }
  });

  it("rejects unknown keys, a wrong version, negative costs and bad JSON", () => {
    expect(() => parseScenario({version: 1, horizn: 10})).toThrow("horizn: is not a known setting");
    expect(() => parseScenario({version: 2})).toThrow(
      "version: must be 1 (the only version this release reads), got 2"
    );
    expect(() => parseScenario({name: "x"})).toThrow("version: must be 1");
    expect(() => parseScenario({version: 1, costPerHead: -5})).toThrow(
      "costPerHead: must be a number of at least 0, got -5"
    );
    expect(() => parseScenario("{")).toThrow("(document): not valid JSON");
    expect(() => parseScenario([])).toThrow("(document): must be an object, got []");
  });
});

describe("scenario presets in data/scenarios/", () => {
  it("all parse", () => {
    const files = readdirSync(presets).filter((f) => f.endsWith(".json"));
    expect(files.sort()).toEqual(["baseline.json", "regulated.json", "shakeout.json"]);
    for (const file of files) expect(parseScenario(read(file)).version).toBe(1);
  });

  it("encode the seed's shakeout: 100 → 50 → 20", () => {
    const [h1, h2] = parseScenario(read("shakeout.json")).attrition.hazard["*"]!;
    expect(100 * (1 - h1!)).toBe(50);
    expect(100 * (1 - h1!) * (1 - h2!)).toBeCloseTo(20, 12);
  });

  it("follow the BLS establishment survival table in the baseline", () => {
    const hazard = parseScenario(read("baseline.json")).attrition.hazard["*"]!;
    expect(hazard).toEqual(blsEstablishmentHazard);
    // BLS: 79.6% alive after one year, 49.6% after five, 33.6% after ten (establishments born March 1994).
    const alive = (t: number) => 100 * hazard.slice(0, t).reduce((s, h) => s * (1 - h), 1);
    expect(alive(1)).toBeCloseTo(79.6, 2);
    expect(alive(5)).toBeCloseTo(49.6, 1);
    expect(alive(10)).toBeCloseTo(33.6, 1);
  });
});
