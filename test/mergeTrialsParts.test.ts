import {describe, expect, it} from "vitest";
import {defaultScenario, finishSimulation, mergeTrialsParts, type Scenario} from "tierwise";
import {simulateBlocks} from "../lib/src/simulation/simulateBlocks.js";
import {planSimulation} from "../lib/src/simulation/simulationPlan.js";
import {portfolio24} from "./fixtures/accounts.js";

const scenario: Scenario = {
  ...defaultScenario,
  horizon: 6,
  attrition: {hazard: {"*": [0.1, 0.3], Telecom: [0.4, 1]}, healthCoefficient: -1.5, shockVolatility: 0.5}
};

describe("mergeTrialsParts()", () => {
  for (const cash of [true, false]) {
    it(`makes, from parts in any order, the part of all their trials${cash ? "" : " (no cash)"}`, () => {
      // 130 trials: blocks 0-2, the last one short, split 1 + 2 and given in reverse.
      const plan = planSimulation(portfolio24, scenario, {trials: 130, seed: 9, cash});
      const whole = simulateBlocks(plan, 0, 3);
      const merged = mergeTrialsParts([simulateBlocks(plan, 1, 3), simulateBlocks(plan, 0, 1)]);
      expect(merged).toStrictEqual(whole);
      expect(merged.lifetimes.reduce((a, b) => a + b, 0)).toBe(24 * 130);
      expect(finishSimulation(plan, [merged])).toStrictEqual(finishSimulation(plan, [whole]));
    });
  }

  it("rejects parts that leave a gap", () => {
    const plan = planSimulation(portfolio24, scenario, {trials: 200, seed: 9});
    expect(() => mergeTrialsParts([simulateBlocks(plan, 0, 1), simulateBlocks(plan, 2, 4)])).toThrow(
      "mergeTrialsParts: the parts do not cover trial 50"
    );
  });
});
