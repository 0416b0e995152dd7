import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {defaultScenario, type Scenario} from "tierwise";
import {simulateBlocks, type TrialsPart} from "../lib/src/simulation/simulateBlocks.js";
import {blockCount, planSimulation} from "../lib/src/simulation/simulationPlan.js";
import {kernelWasm} from "../lib/src/simulation/kernelWasm.js";
import {compileKernel, kernelModule, kernelModuleText} from "../scripts/build-kernel.js";
import {edgeAccounts, portfolio24} from "./fixtures/accounts.js";
import {syntheticAccounts} from "../bench/simulation.js";

const scenario = (hazard: Scenario["attrition"]["hazard"], shockVolatility: number, horizon: number): Scenario => ({
  ...defaultScenario,
  horizon,
  tierRules: {...defaultScenario.tierRules, cut: {by: "rank", topN: 4, shareA: 0.25, shareB: 0.25}},
  attrition: {hazard, healthCoefficient: -1.5, shockVolatility}
});

/** Every array of a part as bytes, so that −0 and +0 (and every last bit) count as different. */
const bytes = (part: TrialsPart) =>
  Object.fromEntries(
    (["npv", "payback", "survivors", "cumulativeCash", "fate", "lifetimes"] as const).map((key) => {
      const a = part[key];
      return [key, Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString("base64")];
    })
  );

describe("the WebAssembly kernel", () => {
  it("is the module its source compiles to", async () => {
    const binary = await compileKernel();
    expect(Buffer.from(kernelWasm).equals(Buffer.from(binary))).toBe(true);
    expect(readFileSync(kernelModule, "utf8")).toBe(await kernelModuleText(binary));
  });

  // Hazards of 0 and 1, plateaus, shocks, a one-year and a 30-year horizon, with and without the
  // cash fans, several chunks of accounts, blocks that start part-way: every path of the loop.
  const cases: [string, Parameters<typeof planSimulation>[0], Scenario, boolean][] = [
    ["smooth hazards", portfolio24, scenario({"*": [0.1, 0.15, 0.08], Telecom: [0.5, 0.6, 0.25]}, 0, 7), true],
    ["hazards of 0 and 1", portfolio24, scenario({"*": [0, 0, 0.3], Telecom: [0.2, 1], Banking: [0]}, 0, 7), true],
    ["shocks, 30 years", portfolio24, scenario({"*": [0.02, 0.4, 0.02, 0.9], Retail: [0.001]}, 0.6, 30), true],
    ["one year, no cash", portfolio24, scenario({"*": [0.3]}, 0.3, 1), false],
    ["edge accounts", edgeAccounts(), scenario({"*": [0.2, 0.1]}, 0.2, 10), true],
    ["3,000 accounts", syntheticAccounts(3_000), {...defaultScenario, horizon: 10}, true]
  ];
  for (const [name, accounts, s, cash] of cases)
    it(`gives the JavaScript loop's numbers to the last bit (${name})`, () => {
      const trials = 130;
      const plan = planSimulation(accounts, s, {trials, seed: 5, cash});
      const js = simulateBlocks(plan, 0, blockCount(trials), undefined, {kernel: "js"});
      const wasm = simulateBlocks(plan, 0, blockCount(trials), undefined, {kernel: "wasm", chunk: 7});
      expect(bytes(wasm)).toEqual(bytes(js));
      // Not all zeros: the comparison compares something.
      expect(js.npv.some((x) => x !== 0)).toBe(true);
      const late = simulateBlocks(plan, 1, 3, undefined, {kernel: "wasm"});
      expect(bytes(late)).toEqual(bytes(simulateBlocks(plan, 1, 3, undefined, {kernel: "js"})));
    });

  it("shares its memory between runs safely, a run started from another's progress included", () => {
    const plan = planSimulation(portfolio24, cases[2]![2], {trials: 150, seed: 9});
    const js = simulateBlocks(plan, 0, 3, undefined, {kernel: "js"});
    let nested: TrialsPart | undefined;
    // Before trial 60 (in the second block), a run of the same shape starts on this thread.
    const outer = simulateBlocks(plan, 0, 3, (trial) => {
      if (trial === 60) nested = simulateBlocks(plan, 0, 3);
    });
    expect(bytes(outer)).toEqual(bytes(js));
    expect(bytes(nested!)).toEqual(bytes(js));
    expect(bytes(simulateBlocks(plan, 0, 3))).toEqual(bytes(js));
  });
});
