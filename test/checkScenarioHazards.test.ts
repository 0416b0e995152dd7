import {describe, expect, it} from "vitest";
import {
  checkScenarioHazards,
  compactScenario,
  defaultScenario,
  excerptValue,
  hazardAt,
  parseHazardPaths,
  parseScenario
} from "tierwise";

describe("checkScenarioHazards()", () => {
  it("checkScenarioHazards() lists the industries without a path when there is no '*' default", () => {
    expect(checkScenarioHazards({hazard: {Telecom: [0.1]}}, ["Telecom", "Retail", "Banking", "Retail"])).toEqual({
      missing: ["Banking", "Retail"],
      problem: 'no hazard path for the industries "Banking", "Retail" and no "*" default'
    });
    expect(checkScenarioHazards({hazard: {"*": [0.1]}}, ["Retail"])).toEqual({missing: [], problem: null});
    expect(checkScenarioHazards({hazard: {Retail: [0.1]}}, ["Retail"])).toEqual({missing: [], problem: null});
  });

  it("checkScenarioHazards() looks up own keys only: constructor and __proto__ are industries", () => {
    const parsed = parseScenario('{"version": 1, "attrition": {"hazard": {"__proto__": [0.2], "Retail": [0.1]}}}');
    expect(Object.keys(parsed.attrition.hazard)).toEqual(["__proto__", "Retail"]);
    expect(checkScenarioHazards(parsed.attrition, ["__proto__", "Retail"]).problem).toBeNull();
    expect(checkScenarioHazards(parsed.attrition, ["constructor", "toString"])).toEqual({
      missing: ["constructor", "toString"],
      problem: 'no hazard path for the industries "constructor", "toString" and no "*" default'
    });
    expect(hazardAt(parsed.attrition, "__proto__", 1)).toBe(0.2);
    expect(() => hazardAt(parsed.attrition, "constructor", 1)).toThrow(
      'no hazard path for industry "constructor" and no "*" default'
    );
  });

  it("checkScenarioHazards() names at most `listed` industries and counts the rest", () => {
    const industries = Array.from({length: 300}, (_, i) => `I${String(i).padStart(3, "0")}`);
    const {missing, problem} = checkScenarioHazards({hazard: {X: [0.1]}}, industries, {listed: 2});
    expect(missing).toHaveLength(300);
    expect(problem).toBe('no hazard path for the industries "I000", "I001" and 298 more and no "*" default');
    expect(() => checkScenarioHazards({hazard: {}}, [], {listed: 0})).toThrow("invalid number of industries listed: 0");
  });
});

describe("excerptValue()", () => {
  it("excerptValue() quotes short values whole and cuts long ones with their length", () => {
    expect(excerptValue("abc")).toBe('"abc"');
    expect(excerptValue([1, 2])).toBe("[1,2]");
    expect(excerptValue(undefined)).toBe("undefined");
    expect(excerptValue("x".repeat(1e6), {max: 40})).toBe(`"${"x".repeat(15)}… (1,000,002 characters)`);
    expect(excerptValue("x".repeat(1e6), {max: 40})).toHaveLength(40);
    expect(() => excerptValue(1, {max: 5})).toThrow("invalid excerpt length: 5");
  });

  it("parseScenario() quotes a 10 MB field in a short excerpt and names at most 20 problems", () => {
    const error = (() => {
      try {
        parseScenario({version: 1, name: 5, description: "y".repeat(10_000_000)});
      } catch (e) {
        return (e as Error).message;
      }
      return "no error";
    })();
    expect(error).toBe(
      `name: must be text, got 5; description: must be text, got "${"y".repeat(34)}… (10,000,002 characters)`
    );
    const many = Object.fromEntries(Array.from({length: 50}, (_, i) => [`k${i}`, 1]));
    expect(() => parseScenario({version: 1, ...many})).toThrow(/k19: is not a known setting; and 30 more problems$/);
  });
});

describe("parseHazardPaths()", () => {
  it("parseHazardPaths() keeps valid paths and lists the others", () => {
    expect(parseHazardPaths({Retail: [0.1, 0.05], Mining: "fast", Oil: []})).toEqual({
      hazard: {Retail: [0.1, 0.05]},
      problems: [
        '"Mining": must be a list of 1 to 30 hazards from 0 to 1, got "fast"',
        '"Oil": must be a list of 1 to 30 hazards from 0 to 1, got []'
      ]
    });
    expect(parseHazardPaths(null)).toEqual({
      hazard: {},
      problems: ["must be an object of hazard paths by industry, got null"]
    });
  });
});

describe("compactScenario()", () => {
  it("compactScenario() leaves out what equals the defaults, and parseScenario() restores it", () => {
    const scenario = {
      ...defaultScenario,
      name: "Cheaper heads",
      costPerHead: 100_000,
      attrition: {...defaultScenario.attrition, hazard: {__proto__: [0.3], Retail: [0.1]}},
      tiers: {...defaultScenario.tiers, S: {...defaultScenario.tiers.S, rampYears: 4}}
    };
    // An own "__proto__" key, as JSON.parse would make it.
    scenario.attrition.hazard = JSON.parse('{"__proto__": [0.3], "Retail": [0.1]}');
    const compact = compactScenario(scenario);
    expect(JSON.parse(JSON.stringify(compact))).toEqual(
      JSON.parse(
        '{"version":1,"name":"Cheaper heads","costPerHead":100000,"attrition":{"hazard":{"__proto__":[0.3],"Retail":[0.1]}},"tiers":{"S":{"rampYears":4}}}'
      )
    );
    expect(parseScenario(JSON.parse(JSON.stringify(compact)))).toEqual(scenario);
    expect(compactScenario(defaultScenario)).toEqual({version: 1});
  });

  it("compactScenario() keeps a changed tier cut whole, with the `by` parseScenario() needs", () => {
    const tierRules = {...defaultScenario.tierRules, cut: {by: "rank" as const, topN: 7, shareA: 0.15, shareB: 0.35}};
    const compact = compactScenario({...defaultScenario, tierRules});
    expect(compact).toEqual({version: 1, tierRules: {cut: {by: "rank", topN: 7, shareA: 0.15, shareB: 0.35}}});
    expect(parseScenario(JSON.parse(JSON.stringify(compact))).tierRules).toEqual(tierRules);
  });
});
