import {describe, expect, it} from "vitest";
import {readFileSync} from "node:fs";
import {encodeLinkState} from "../src/components/linkState.js";
import {allocationScale, compactScenario, defaultScenario, parseScenario, tiers, type Scenario} from "tierwise";
import {
  allocatedSimulatorLink,
  allocationDefaults,
  allocationHeadsRange,
  allocationLink,
  restoreAllocation,
  attritionFor,
  comparisonDefaults,
  estimatedScenario,
  restoreComparison,
  estimatedAttrition,
  importedSimulatorLink,
  linkSetsAside,
  restoreQuery,
  restoreSimulator,
  simulatorDefaults,
  simulatorLink,
  simulatorScenario,
  sliderProblems,
  simulatorSliders,
  slidersFor,
  storedProblems,
  tierRulesInUse,
  type AllocationLink,
  type ScenarioLink,
  type SimulatorLink
} from "../src/components/statePrecedence.js";

const preset = (name: string) =>
  parseScenario(readFileSync(new URL(`../data/scenarios/${name}.json`, import.meta.url), "utf-8"));
const presets = {baseline: preset("baseline"), shakeout: preset("shakeout"), regulated: preset("regulated")};
const industries = ["Telecom", "Retail"];
const link = (value: unknown) => ({value: structuredClone(value)});
const rankRules = {...defaultScenario.tierRules, cut: {by: "rank" as const, topN: 7, shareA: 0.2, shareB: 0.3}};
// A link in the format written before version 2: every input, the tier rules, the imported scenario compacted.
const v1Link = (
  {attrition, global, tiers}: Pick<SimulatorLink, "attrition" | "global" | "tiers">,
  {tierRules, base}: {tierRules: Scenario["tierRules"]; base: Scenario | null}
): SimulatorLink => ({version: 1, attrition, global, tiers, tierRules, ...(base ? {base: compactScenario(base)} : {})});
const imported: Scenario = {
  ...defaultScenario,
  name: "Telecom stress",
  description: "Telecom dies fast.",
  costPerHead: 200_000,
  tierRules: rankRules,
  attrition: {...defaultScenario.attrition, hazard: {Telecom: [0.3, 0.2], "*": [0.1]}}
};

describe("restoreSimulator()", () => {
  it("uses the defaults, and says nothing, when there is no link", () => {
    expect(restoreSimulator(null, {industries})).toEqual({
      settings: simulatorDefaults,
      base: null,
      problem: null,
      edits: null
    });
    expect(simulatorDefaults.global).toEqual({
      horizon: 10,
      discountRate: 0.1,
      costPerHead: 150_000,
      shockVolatility: 0.2,
      trials: 1000,
      seed: 1
    });
    // S and A keep today's share of wallet; the slider then shows 10%.
    expect(simulatorDefaults.tiers.S).toEqual({...simulatorDefaults.tiers.S, keepShare: false, firstShare: 0.1});
  });

  it("restores a link of version 1, with its tier rules and imported scenario", () => {
    const settings: SimulatorLink = {
      ...simulatorDefaults,
      attrition: "imported",
      global: {...simulatorDefaults.global, horizon: 7, trials: 5000, seed: 42},
      tiers: {...simulatorDefaults.tiers, B: {...simulatorDefaults.tiers.B, headsPerAccount: 0.35}}
    };
    const written = v1Link(settings, {tierRules: rankRules, base: imported});
    const restored = restoreSimulator(link(written), {industries});
    expect(restored.problem).toBe(null);
    expect(restored.settings).toEqual(written);
    expect(restored.base).toEqual(imported);
  });

  it("falls back to the defaults with the reason, for every kind of bad link", () => {
    const good = v1Link(simulatorDefaults, {tierRules: defaultScenario.tierRules, base: null});
    const cases: [unknown, string][] = [
      [{...good, version: 3}, "the link is from another version (3)"],
      [{...good, attrition: "imported"}, 'unknown attrition source "imported"'],
      [{...good, attrition: "guess"}, 'unknown attrition source "guess"'],
      [{...good, global: {...good.global, trials: 300}}, "invalid number of futures or seed"],
      [{...good, global: {...good.global, seed: 0}}, "invalid number of futures or seed"],
      [{...good, tiers: {...good.tiers, C: {...good.tiers.C, colour: "red"}}}, "tier settings are missing or unknown"],
      [{...good, tiers: {S: good.tiers.S}}, "tier settings are missing or unknown"],
      [
        {...good, tiers: {...good.tiers, A: {...good.tiers.A, keepShare: "yes"}}},
        "tiers.A.keepShare: must be true or false"
      ]
    ];
    for (const [value, problem] of cases)
      expect(restoreSimulator(link(value), {industries})).toEqual({
        settings: simulatorDefaults,
        base: null,
        problem,
        edits: null
      });
    expect(restoreSimulator({error: "the link's settings are damaged (not readable JSON)"}, {industries}).problem).toBe(
      "the link's settings are damaged (not readable JSON)"
    );
    expect(restoreSimulator(link(null), {industries}).problem).toBe("the link is from another version (undefined)");
  });

  it("refuses settings the model refuses, in the model's words", () => {
    const good = v1Link(simulatorDefaults, {tierRules: defaultScenario.tierRules, base: null});
    const negative = restoreSimulator(link({...good, global: {...good.global, discountRate: -0.5}}), {industries});
    expect(negative.settings).toBe(simulatorDefaults);
    expect(negative.problem).toMatch(/^discountRate/);
    const rules = restoreSimulator(link({...good, tierRules: {...good.tierRules, weights: "heavy"}}), {industries});
    expect(rules.problem).toMatch(/^tierRules\.weights/);
  });

  it("refuses an imported scenario that is invalid or does not cover the portfolio's industries", () => {
    const base = compactScenario({...imported, attrition: {...imported.attrition, hazard: {Telecom: [0.3]}}});
    const uncovered = restoreSimulator(link({...simulatorDefaults, attrition: "imported", base}), {industries});
    expect(uncovered.problem).toBe(
      'the imported scenario does not fit this portfolio: no hazard path for the industry "Retail" and no "*" default'
    );
    const invalid = restoreSimulator(link({...simulatorDefaults, base: {version: 1, horizon: -1}}), {industries});
    expect(invalid.problem).toMatch(/^the imported scenario is invalid: horizon/);
  });
});

describe("simulatorLink() and restoreSimulator(), version 2", () => {
  const estimates = [
    {industry: "Telecom", hazard: [0.25, 0.2]},
    {industry: "Retail", hazard: [0.15]}
  ];
  const fallback = [0.1];
  const estimatedWith = (edits: ReadonlyMap<string, number[]>) => estimatedAttrition({estimates, edits, fallback});
  const unedited = estimatedWith(new Map());
  const asOf = 2024;

  /** Writes the link of the scenario these settings simulate, restores it, and simulates what it restores. */
  function roundTrip(
    settings: Pick<SimulatorLink, "attrition" | "global" | "tiers">,
    {
      edits = new Map(),
      base = null,
      tierRules = defaultScenario.tierRules
    }: {
      edits?: Map<string, number[]>;
      base?: Scenario | null;
      tierRules?: Scenario["tierRules"];
    } = {}
  ) {
    const scenario = simulatorScenario(settings, {asOf, presets, estimated: estimatedWith(edits), base, tierRules});
    const run = {attrition: settings.attrition, trials: settings.global.trials, seed: settings.global.seed};
    const written = simulatorLink(scenario, {...run, base: base !== null, presets, estimates: () => unedited});
    const restored = restoreSimulator(link(written), {industries});
    expect(restored.problem).toBe(null);
    const again = simulatorScenario(restored.settings, {
      asOf,
      presets,
      estimated: estimatedWith(restored.edits ?? new Map()),
      base: restored.base,
      tierRules: restored.settings.tierRules!
    });
    const rewritten = simulatorLink(again, {
      ...run,
      base: restored.base !== null,
      presets,
      estimates: () => unedited
    });
    return {scenario, written, restored, again, rewritten};
  }

  it("carries the default scenario in a few characters", () => {
    const {written, scenario, again, rewritten} = roundTrip(simulatorDefaults);
    expect(written).toEqual({v: 2, a: "estimated", s: {}, n: 1000, r: 1});
    expect(encodeLinkState(written)).toBe("eyJ2IjoyLCJhIjoiZXN0aW1hdGVkIiwicyI6e30sIm4iOjEwMDAsInIiOjF9");
    expect(again).toEqual(scenario);
    expect(rewritten).toEqual(written);
  });

  it("gives back the same scenario with its hazard edits, tier rules and policies, whatever this browser saved", () => {
    const edits = new Map([
      ["Telecom", [0.3, 0.25, 0.2, 0.2, 0.15, 0.15, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1]],
      ["Mining", [0.12]]
    ]);
    const settings = {
      ...simulatorDefaults,
      global: {...simulatorDefaults.global, horizon: 7, discountRate: 0.085, trials: 5000, seed: 42},
      tiers: {
        ...simulatorDefaults.tiers,
        A: {...simulatorDefaults.tiers.A, keepShare: true},
        B: {...simulatorDefaults.tiers.B, headsPerAccount: 0.35}
      }
    };
    const {written, restored, scenario, again, rewritten} = roundTrip(settings, {edits, tierRules: rankRules});
    expect(written.h).toEqual(Object.fromEntries(edits));
    expect(written.s).toEqual({
      horizon: 7,
      discountRate: 0.085,
      tierRules: {cut: {by: "rank", topN: 7, shareA: 0.2, shareB: 0.3}},
      tiers: {A: {firstShare: "current"}, B: {headsPerAccount: 0.35}}
    });
    expect(encodeLinkState(written).length).toBe(416);
    expect(restored.edits).toEqual(edits);
    expect(again).toEqual(scenario);
    expect(again.attrition.hazard).toEqual({"*": [0.1], Telecom: edits.get("Telecom"), Retail: [0.15], Mining: [0.12]});
    expect(rewritten).toEqual(written);
    // The link's rules win over rules saved in this browser afterwards, the defaults included.
    const saved = {...rankRules, cut: {...rankRules.cut, topN: 3}};
    expect(tierRulesInUse({link: restored.settings.tierRules, saved, base: null}).rules).toEqual(rankRules);
    const plain = roundTrip(simulatorDefaults).restored;
    expect(tierRulesInUse({link: plain.settings.tierRules, saved, base: null})).toEqual({
      rules: defaultScenario.tierRules,
      source: "from the link"
    });
    // A link with no edits uses none, not the ones this browser saved.
    expect(plain.edits).toEqual(new Map());
  });

  it("carries a preset by name and an imported scenario in full", () => {
    const shakeout = roundTrip({...simulatorDefaults, attrition: "shakeout"});
    expect(shakeout.written).toEqual({v: 2, a: "shakeout", s: {}, n: 1000, r: 1});
    expect(shakeout.again).toEqual(shakeout.scenario);
    expect(shakeout.restored.edits).toBe(null);
    const settings = restoreSimulator(link(importedSimulatorLink(imported, {industries, trials: 200, seed: 3}).link), {
      industries
    }).settings;
    const fromImport = roundTrip(settings, {base: imported, tierRules: imported.tierRules});
    expect(fromImport.written).toEqual({
      v: 2,
      a: "imported",
      s: {
        name: "Telecom stress",
        description: "Telecom dies fast.",
        costPerHead: 200_000,
        tierRules: {cut: {by: "rank", topN: 7, shareA: 0.2, shareB: 0.3}}
      },
      h: {Telecom: [0.3, 0.2], "*": [0.1]},
      b: 1,
      n: 200,
      r: 3
    });
    expect(fromImport.restored.base).toEqual({...imported, asOf: defaultScenario.asOf});
    expect(fromImport.again).toEqual({...imported, asOf});
    expect(fromImport.rewritten).toEqual(fromImport.written);
  });

  it("keeps what the inputs do not show, such as an allocation's effort response, with its rules and edits", () => {
    const edits = new Map([["Telecom", [0.3, 0.2]]]);
    const scenario = simulatorScenario(simulatorDefaults, {
      asOf,
      presets,
      estimated: estimatedWith(edits),
      base: null,
      tierRules: rankRules
    });
    const written = allocatedSimulatorLink(scenario, {
      attrition: "estimated",
      trials: 100,
      seed: 9,
      tiers: {
        S: {heads: 260, accounts: 100},
        A: {heads: 101, accounts: 300},
        B: {heads: 0, accounts: 700},
        C: {heads: 5, accounts: 0}
      },
      presets,
      estimates: () => unedited
    });
    // A big book's 100 futures become the Simulator's fewest.
    expect(written).toMatchObject({v: 2, a: "estimated", b: 1, n: 200, r: 9, h: {Telecom: [0.3, 0.2]}});
    const restored = restoreSimulator(link(written), {industries});
    expect(restored.problem).toBe(null);
    expect(restored.edits).toEqual(edits);
    expect(restored.settings.tierRules).toEqual(rankRules);
    const again = simulatorScenario(restored.settings, {
      asOf,
      presets,
      estimated: estimatedWith(restored.edits!),
      base: restored.base,
      tierRules: restored.settings.tierRules!
    });
    expect(restored.base?.name).toBe("Allocated heads");
    expect(Object.fromEntries(tiers.map((t) => [t, again.tiers[t].headsPerAccount]))).toEqual({
      S: 2.6,
      A: 0.35,
      B: 0,
      C: 0.15
    });
    expect(again.response?.anchor).toEqual({S: 2, A: 1, B: 0.5, C: 0.15});
    // Everything else is the scenario allocated: its hazards with the edits, its rules, its policies.
    expect({...again, name: scenario.name, description: scenario.description, tiers: scenario.tiers}).toEqual({
      ...scenario,
      response: again.response
    });
    expect(again.attrition.hazard.Telecom).toEqual([0.3, 0.2]);
  });

  it("falls back to the defaults with the reason, for every kind of bad link", () => {
    const good: ScenarioLink = {v: 2, a: "estimated", s: {}, h: {Telecom: [0.3]}, n: 1000, r: 1};
    const cases: [unknown, string][] = [
      [{...good, a: "guess"}, 'unknown attrition source "guess"'],
      [{...good, n: 300}, "invalid number of futures or seed"],
      [{...good, r: 1.5}, "invalid number of futures or seed"],
      [{...good, s: [1]}, "the link carries no scenario"],
      [{...good, h: [0.1]}, "the link's hazard paths are not a list by industry"],
      [{...good, b: true}, "the link's base flag must be 1"],
      [{...good, a: "imported"}, "imported attrition without its imported scenario"],
      [
        {...good, a: "baseline"},
        "hazard paths over the preset baseline: only estimated or imported attrition takes them"
      ],
      [
        {...good, a: "imported", b: 1, h: {Telecom: [0.3]}},
        'the imported scenario does not fit this portfolio: no hazard path for the industry "Retail" and no "*" default'
      ],
      [
        {...good, s: {costPerHead: 152_500}},
        "costPerHead is 152500; the simulator's slider takes 0 to 1000000 in steps of 5000"
      ],
      [
        {...good, s: {response: {anchor: {S: 2}}}},
        "the link's scenario holds settings the simulator's inputs do not show, without its base"
      ]
    ];
    for (const [value, problem] of cases)
      expect(restoreSimulator(link(value), {industries})).toEqual({
        settings: simulatorDefaults,
        base: null,
        problem,
        edits: null
      });
    expect(restoreSimulator(link({...good, h: {Telecom: [1.5]}}), {industries}).problem).toMatch(
      /^attrition\.hazard\.Telecom/
    );
    expect(restoreSimulator(link({...good, s: {discountRate: -1}}), {industries}).problem).toMatch(/^discountRate/);
  });

  it("sliderProblems() names every number the inputs cannot show", () => {
    expect(sliderProblems(defaultScenario)).toEqual([]);
    expect(sliderProblems({...defaultScenario, costPerHead: 152_500})).toEqual([
      "costPerHead is 152500; the simulator's slider takes 0 to 1000000 in steps of 5000"
    ]);
  });

  it("slidersFor() lets money reach as far as a book's currency needs, on the same steps", () => {
    expect(slidersFor("USD")).toEqual(simulatorSliders);
    expect(slidersFor("CNY")).toEqual(simulatorSliders);
    expect(slidersFor("JPY").costPerHead).toEqual({range: [0, 100_000_000], step: 5_000});
    expect(slidersFor("KRW").presalesCost).toEqual({range: [0, 2_000_000_000], step: 5_000});
    expect(slidersFor("JPY").horizon).toEqual(simulatorSliders.horizon);
    // A head at ¥15M fits a book in yen, not one in dollars; the defaults fit both.
    const inYen = {...defaultScenario, costPerHead: 15_000_000};
    expect(sliderProblems(inYen, {currency: "JPY"})).toEqual([]);
    expect(sliderProblems(inYen)).toEqual([
      "costPerHead is 15000000; the simulator's slider takes 0 to 1000000 in steps of 5000"
    ]);
    expect(sliderProblems(defaultScenario, {currency: "JPY"})).toEqual([]);
  });
});

describe("linkSetsAside()", () => {
  it("names saved hazard edits and tier rules that differ from the link's, and nothing else", () => {
    const savedEdits = new Map([
      ["Telecom", [0.3]],
      ["Retail", [0.2]]
    ]);
    expect(linkSetsAside({linkEdits: new Map(), savedEdits, linkRules: rankRules, savedRules: rankRules})).toEqual([
      "This link carries its own hazard edits (none), so the 2 industries' edits saved on the Attrition page are not used while you follow it."
    ]);
    // The same edits in another order, no saved rules, or a link without edits (version 1): nothing to say.
    const reordered = new Map([...savedEdits].reverse());
    expect(linkSetsAside({linkEdits: reordered, savedEdits, linkRules: rankRules, savedRules: null})).toEqual([]);
    expect(linkSetsAside({linkEdits: null, savedEdits, linkRules: undefined, savedRules: rankRules})).toEqual([]);
    expect(
      linkSetsAside({
        linkEdits: new Map([["Telecom", [0.3]]]),
        savedEdits: new Map([["Telecom", [0.4]]]),
        linkRules: defaultScenario.tierRules,
        savedRules: rankRules
      })
    ).toEqual([
      "This link carries its own hazard edits (1 industry), so the 1 industry's edits saved on the Attrition page are not used while you follow it.",
      "This link carries its own tier rules, so the rules saved on the Portfolio & tiers page are not used while you follow it."
    ]);
  });
});

describe("tierRulesInUse()", () => {
  it("takes the link's rules, else the saved ones, else the imported scenario's, else the defaults", () => {
    const saved = {...rankRules, cut: {...rankRules.cut, topN: 3}};
    expect(tierRulesInUse({link: rankRules, saved, base: imported})).toEqual({
      rules: rankRules,
      source: "from the link"
    });
    expect(tierRulesInUse({link: undefined, saved, base: imported})).toEqual({
      rules: saved,
      source: "saved on the Portfolio & tiers page"
    });
    expect(tierRulesInUse({link: null, saved: null, base: imported})).toEqual({
      rules: rankRules,
      source: "from the imported scenario"
    });
    expect(tierRulesInUse({link: null, saved: null, base: null})).toEqual({
      rules: defaultScenario.tierRules,
      source: "the defaults"
    });
  });
});

describe("estimatedAttrition()", () => {
  it("puts the saved edits over the estimates, over the fallback, whatever the industries are called", () => {
    const hazard = estimatedAttrition({
      estimates: [
        {industry: "Telecom", hazard: [0.2, 0.1]},
        {industry: "Retail", hazard: null},
        {industry: "__proto__", hazard: [0.05]}
      ],
      edits: new Map([
        ["Telecom", [0.4]],
        ["constructor", [0.3]]
      ]),
      fallback: [0.1]
    });
    expect(Object.keys(hazard)).toEqual(["*", "Telecom", "__proto__", "constructor"]);
    expect(hazard.Telecom).toEqual([0.4]);
    expect(Object.hasOwn(hazard, "__proto__") && hazard["__proto__"]).toEqual([0.05]);
    expect(hazard.constructor).toEqual([0.3]);
    expect(hazard["*"]).toEqual([0.1]);
  });
});

describe("simulatorScenario()", () => {
  const estimated = {"*": [0.1], Telecom: [0.25]};

  it("is the default scenario with the inputs, the rules and the chosen hazards, checked by parseScenario", () => {
    const settings = {
      ...simulatorDefaults,
      global: {...simulatorDefaults.global, horizon: 5, costPerHead: 120_000, shockVolatility: 0.5},
      tiers: {...simulatorDefaults.tiers, S: {...simulatorDefaults.tiers.S, keepShare: true, rampYears: 3}}
    };
    const scenario = simulatorScenario(settings, {asOf: 2024, presets, estimated, base: null, tierRules: rankRules});
    expect(scenario).toEqual({
      ...defaultScenario,
      name: "Attrition estimated from this portfolio",
      description: "Attrition estimated from this portfolio; tier policies as set in the simulator.",
      asOf: 2024,
      horizon: 5,
      costPerHead: 120_000,
      tierRules: rankRules,
      attrition: {...defaultScenario.attrition, hazard: estimated, shockVolatility: 0.5},
      tiers: {...defaultScenario.tiers, S: {...defaultScenario.tiers.S, firstShare: "current", rampYears: 3}}
    });
    expect(parseScenario(compactScenario(scenario))).toEqual(scenario);
  });

  it("takes a preset's hazards and name, or the imported scenario's with everything the inputs do not show", () => {
    const shakeout = simulatorScenario(
      {...simulatorDefaults, attrition: "shakeout"},
      {asOf: 2024, presets, estimated, base: null, tierRules: defaultScenario.tierRules}
    );
    expect(shakeout.name).toBe("Shakeout: 100 → 50 → 20");
    expect(shakeout.attrition.hazard).toEqual({"*": [0.5, 0.6, 0.25, 0.15, 0.1]});
    const settings = importedSimulatorLink(imported, {industries, trials: 200, seed: 3}).link!;
    const scenario = simulatorScenario(settings, {
      asOf: 2024,
      presets,
      estimated,
      base: imported,
      tierRules: imported.tierRules
    });
    expect(scenario).toEqual({...imported, asOf: 2024});
  });

  it("throws the model's error for settings it refuses", () => {
    const settings = {...simulatorDefaults, global: {...simulatorDefaults.global, horizon: 0}};
    expect(() =>
      simulatorScenario(settings, {asOf: 2024, presets, estimated, base: null, tierRules: defaultScenario.tierRules})
    ).toThrow(/^horizon/);
    expect(() => attritionFor("imported", {presets, estimated, base: null})).toThrow("no scenario was imported");
  });
});

describe("importedSimulatorLink()", () => {
  it("keeps the run settings and carries the scenario, its rules and each tier's policy", () => {
    const {link: written, problems} = importedSimulatorLink(imported, {industries, trials: 5000, seed: 9});
    expect(problems).toEqual([]);
    expect(written).toEqual({
      version: 1,
      attrition: "imported",
      global: {horizon: 10, discountRate: 0.1, costPerHead: 200_000, shockVolatility: 0.2, trials: 5000, seed: 9},
      tiers: simulatorDefaults.tiers,
      tierRules: rankRules,
      base: compactScenario(imported)
    });
    expect(restoreSimulator(link(written), {industries}).base).toEqual(imported);
  });

  it("names every number off its slider, and hazards that miss an industry", () => {
    const off = {
      ...imported,
      horizon: 31,
      attrition: {...imported.attrition, hazard: {Telecom: [0.3]}},
      tiers: {...imported.tiers, C: {...imported.tiers.C, headsPerAccount: 0.33}}
    };
    expect(importedSimulatorLink(off, {industries, trials: 1000, seed: 1})).toEqual({
      link: null,
      problems: [
        'it does not fit this portfolio: no hazard path for the industry "Retail" and no "*" default',
        "horizon is 31; the simulator's slider takes 1 to 30 in steps of 1",
        "tiers.C.headsPerAccount is 0.33; the simulator's slider takes 0 to 10 in steps of 0.05"
      ]
    });
  });
});

describe("allocatedSimulatorLink()", () => {
  it("sends each tier's heads per account on the Simulator's step, in a version 2 link of the preset", () => {
    const scenario = simulatorScenario(
      {...simulatorDefaults, attrition: "baseline"},
      {asOf: 2024, presets, estimated: {}, base: null, tierRules: defaultScenario.tierRules}
    );
    const written = allocatedSimulatorLink(scenario, {
      attrition: "baseline",
      trials: 5000,
      seed: 7,
      tiers: {
        S: {heads: 260, accounts: 100},
        A: {heads: 101, accounts: 300},
        B: {heads: 0, accounts: 700},
        C: {heads: 5, accounts: 0}
      },
      presets,
      estimates: () => ({})
    });
    expect(written).toMatchObject({v: 2, a: "baseline", b: 1, n: 5000, r: 7});
    expect(written.h).toBeUndefined();
    expect((written.s as {tiers: unknown}).tiers).toEqual({
      S: {headsPerAccount: 2.6},
      A: {headsPerAccount: 0.35},
      B: {headsPerAccount: 0}
    });
    const restored = restoreSimulator(link(written), {industries});
    expect(restored.problem).toBe(null);
    expect(restored.settings.attrition).toBe("baseline");
    expect(restored.settings.global).toEqual({...simulatorDefaults.global, trials: 5000, seed: 7});
    expect(Object.fromEntries(tiers.map((t) => [t, restored.settings.tiers[t].headsPerAccount]))).toEqual({
      S: 2.6,
      A: 0.35,
      B: 0,
      C: defaultScenario.tiers.C.headsPerAccount
    });
    expect(restored.base?.response?.anchor).toEqual({S: 2, A: 1, B: 0.5, C: 0.15});
  });
});

describe("restoreComparison()", () => {
  const options = {presets: ["baseline", "shakeout", "regulated"], industries};
  const good = {
    ...comparisonDefaults,
    scenarios: [{preset: "baseline"}, {estimated: true}, {scenario: compactScenario(imported)}],
    reference: 2
  };

  it("restores the presets, the estimate and scenarios carried in full, at their places", () => {
    expect(restoreComparison(null, options)).toEqual({settings: comparisonDefaults, linked: [], problem: null});
    expect(restoreComparison(link(good), options)).toEqual({
      settings: good,
      linked: [{index: 2, scenario: imported}],
      problem: null
    });
  });

  it("reads the estimate of a link as the plain one where this browser's own differs", () => {
    const plain = estimatedScenario({estimated: {"*": [0.1]}, savedRules: null, rulesText: ""});
    const restored = restoreComparison(link(good), {...options, plainEstimate: () => plain});
    expect(restored.settings.scenarios).toEqual([
      {preset: "baseline"},
      {scenario: compactScenario(plain)},
      {scenario: compactScenario(imported)}
    ]);
    expect(restored.linked).toEqual([
      {index: 1, scenario: plain},
      {index: 2, scenario: imported}
    ]);
    expect(restored.settings.reference).toBe(2);
  });

  it("falls back to the defaults with the reason, for every kind of bad link", () => {
    const uncovered = compactScenario({...imported, attrition: {...imported.attrition, hazard: {Telecom: [0.1]}}});
    const cases: [unknown, string][] = [
      [{...good, version: 3}, "the link is from another version (3)"],
      [{...good, scenarios: []}, "the link names no scenarios"],
      [{...good, scenarios: [{preset: "boom"}]}, 'unknown preset "boom"'],
      [
        {...good, scenarios: [{preset: "baseline"}, {}]},
        "scenario 2 is neither a preset, the estimate, nor a scenario"
      ],
      [
        {...good, scenarios: [{scenario: uncovered}]},
        'scenario 1: it does not fit this portfolio: no hazard path for the industry "Retail" and no "*" default'
      ],
      [{...good, reference: 3}, "invalid reference scenario"],
      [{...good, trials: 20000}, "invalid number of futures or seed"],
      [{...good, tornado: {target: "D", trials: 200}}, "invalid tornado settings"]
    ];
    for (const [value, problem] of cases)
      expect(restoreComparison(link(value), options)).toEqual({settings: comparisonDefaults, linked: [], problem});
    expect(
      restoreComparison(link({...good, scenarios: [{scenario: {version: 1, horizon: 0}}]}), options).problem
    ).toMatch(/^scenario 1: horizon/);
  });
});

describe("estimatedScenario()", () => {
  it("is the default scenario with the estimated hazards and the saved rules, said in its description", () => {
    const estimated = {"*": [0.1], Telecom: [0.2]};
    const withRules = estimatedScenario({estimated, savedRules: rankRules, rulesText: "top 7 by score"});
    expect(withRules.tierRules).toEqual(rankRules);
    expect(withRules.attrition.hazard).toBe(estimated);
    expect(withRules.description).toBe(
      "Each industry's hazards as estimated on the Attrition page (with any saved edits); default tier policies; tier rules saved on the Portfolio & tiers page (top 7 by score)."
    );
    expect(estimatedScenario({estimated, savedRules: null, rulesText: ""}).tierRules).toEqual(
      defaultScenario.tierRules
    );
  });
});

describe("restoreAllocation()", () => {
  const counts = new Map([
    ["S", 100],
    ["A", 200],
    ["B", 300],
    ["C", 400]
  ] as const);
  const options = {todayHeads: 776.1, tierCounts: () => counts};
  const good = {...allocationDefaults(776.1), heads: 500, objective: "cvar", weight: 2, alpha: 0.05, seed: 9};

  it("uses today's heads on the step when there is no link, and restores a valid one", () => {
    expect(allocationHeadsRange(776.1)).toEqual([0, 1560]);
    expect(allocationHeadsRange(2)).toEqual([0, 10]);
    expect(restoreAllocation(null, options)).toEqual({
      settings: allocationDefaults(776.1),
      problem: null,
      tierRules: null,
      edits: null
    });
    expect(allocationDefaults(776.1).heads).toBe(776);
    expect(restoreAllocation(link(good), options)).toEqual({
      settings: good,
      problem: null,
      tierRules: null,
      edits: null
    });
  });

  it("sizes the step and futures by the book, takes a link's own step, and names the smallest that works", () => {
    const big = {todayHeads: 1_200_000.3, tierCounts: () => counts, accounts: 1_000_000};
    const defaults = allocationDefaults(1_200_000.3, allocationScale(1_000_000));
    expect(defaults).toMatchObject({step: 2, heads: 1_200_000, trials: 100});
    expect(restoreAllocation(null, big).settings).toEqual(defaults);
    // A link written before it carried a step takes the book's; a link's own step is kept.
    const {step: _, ...before} = {...good, heads: 1000, trials: 100};
    expect(restoreAllocation(link(before), big)).toMatchObject({problem: null, settings: {step: 2, heads: 1000}});
    expect(restoreAllocation(link({...before, step: 1, heads: 999}), big)).toMatchObject({
      problem: null,
      settings: {step: 1, heads: 999}
    });
    expect(restoreAllocation(link({...before, step: 0.5}), big).problem).toBe(
      "steps of 0.5 heads are too fine for 1,000,000 accounts: the smallest that works is 1"
    );
    expect(restoreAllocation(link({...before, step: 0.3}), big).problem).toBe(
      "heads move in steps of 0.25, 0.5, 1, 2, not 0.3"
    );
    expect(restoreAllocation(link({...before, heads: 999}), big).problem).toBe(
      "total heads must be 0 to 2400010 in steps of 2"
    );
    expect(restoreAllocation(link({...before, trials: 1000}), big).problem).toBe(
      "1,000 futures of 1,000,000 accounts do not fit in memory: at most 100"
    );
    expect(restoreAllocation(link({...good, step: 0.5, heads: 500}), options)).toMatchObject({
      problem: null,
      settings: {step: 0.5}
    });
  });

  it("falls back to the defaults with the reason, for every kind of bad link", () => {
    const perTier = (min: number, max: number) => ({...good.perTier, B: {min, max}});
    const cases: [unknown, string][] = [
      [{...good, version: 0}, "the link is from another version (0)"],
      [{...good, attrition: "imported"}, 'unknown attrition source "imported"'],
      [{...good, heads: 500.1}, "total heads must be 0 to 1560 in steps of 0.25"],
      [{...good, heads: 2000}, "total heads must be 0 to 1560 in steps of 0.25"],
      [{...good, objective: "max"}, "invalid objective"],
      [{...good, alpha: 0.6}, "invalid objective"],
      [{...good, perTier: perTier(0, 11)}, "invalid heads per account by tier"],
      [{...good, perTier: perTier(2, 1)}, "tier B's least heads per account are above its most"],
      [
        {...good, perTier: perTier(2, 3)},
        "the tiers' least heads per account take 600 heads, more than the 500 to place"
      ],
      [{...good, trials: 20000}, "invalid number of futures or seed"],
      [{...good, h: {Telecom: [0.2]}}, "hazard paths without tier rules"],
      [{...good, tierRules: rankRules, h: [0.2]}, "the link's hazard paths are not a list by industry"]
    ];
    for (const [value, problem] of cases)
      expect(restoreAllocation(link(value), options)).toEqual({
        settings: allocationDefaults(776.1),
        problem,
        tierRules: null,
        edits: null
      });
    expect(restoreAllocation(link({...good, tierRules: {...rankRules, weights: "heavy"}}), options).problem).toMatch(
      /^tierRules\.weights/
    );
    expect(restoreAllocation(link({...good, tierRules: rankRules, h: {Telecom: [2]}}), options).problem).toMatch(
      /^attrition\.hazard\.Telecom/
    );
  });

  it("restores the tier rules and hazard edits it wrote, and checks the least heads under the link's rules", () => {
    const edits = new Map([["Telecom", [0.3, 0.2]]]);
    const written = allocationLink({...good, attrition: "estimated"} as AllocationLink, {tierRules: rankRules, edits});
    expect(written).toEqual({...good, attrition: "estimated", tierRules: rankRules, h: {Telecom: [0.3, 0.2]}});
    // A preset's hazards take no edits; the rules travel still.
    const preset = {...good, attrition: "baseline"} as AllocationLink;
    expect(allocationLink(preset, {tierRules: rankRules, edits})).toEqual({...preset, tierRules: rankRules});
    const seen: unknown[] = [];
    const restored = restoreAllocation(link(written), {
      todayHeads: 776.1,
      tierCounts: (rules) => (seen.push(rules), counts)
    });
    expect(restored).toEqual({settings: written, problem: null, tierRules: rankRules, edits});
    expect(seen).toEqual([rankRules]);
    // With no edits the link still says so: the browser's saved edits are not used.
    const none = allocationLink({...good, attrition: "estimated"} as AllocationLink, {
      tierRules: rankRules,
      edits: new Map()
    });
    expect(restoreAllocation(link(none), options).edits).toEqual(new Map());
  });
});

describe("storedProblems()", () => {
  it("lists each problem as a sentence and leaves out the absent ones", () => {
    expect(storedProblems(null, "the tier rules saved in this browser are invalid", undefined)).toEqual([
      "The tier rules saved in this browser are invalid."
    ]);
    expect(storedProblems(null, undefined)).toEqual([]);
  });
});

describe("restoreQuery()", () => {
  it("reads the link's query, and says why a link holds none", () => {
    expect(restoreQuery(null)).toEqual({query: null, problem: null});
    expect(restoreQuery(link({q: "SELECT 1"}))).toEqual({query: "SELECT 1", problem: null});
    expect(restoreQuery(link({q: 1}))).toEqual({query: null, problem: "the link holds no query"});
    expect(restoreQuery(link([{q: "SELECT 1"}]))).toEqual({query: null, problem: "the link holds no query"});
    expect(restoreQuery({error: "the link's settings are damaged (not readable JSON)"})).toEqual({
      query: null,
      problem: "the link's settings are damaged (not readable JSON)"
    });
  });
});
