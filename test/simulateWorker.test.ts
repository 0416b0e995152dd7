import {beforeAll, describe, expect, it} from "vitest";
import {
  columnsOfAccounts,
  defaultScenario,
  simulatePortfolio,
  type Account,
  type PortfolioSimulation,
  type Scenario,
  type TrialsPart
} from "tierwise";
import {portfolio24} from "./fixtures/accounts.js";

// The Simulator's worker (src/workers/simulate.js), run in Node: its `onmessage` is called with
// the page's requests and its answers are collected from `postMessage`.
type Answer = {id: number; progress?: number; result?: unknown; error?: string};
const answers: Answer[] = [];
let onmessage: (event: {data: Record<string, unknown>}) => void;
beforeAll(async () => {
  const scope = globalThis as unknown as Record<string, unknown>;
  scope.onmessage = null;
  scope.postMessage = (answer: Answer) => answers.push(answer);
  await import("../src/workers/simulate.js");
  onmessage = scope.onmessage as typeof onmessage;
});
let next = 0;
function ask<T>(request: Record<string, unknown>): T {
  const id = ++next;
  onmessage({data: {id, ...request}});
  const answer = answers.filter((a) => a.id === id && a.progress === undefined).at(-1)!;
  if (answer.error) throw new Error(answer.error);
  return answer.result as T;
}

const accounts: Account[] = Array.from({length: 240}, (_, i) => ({
  ...portfolio24[i % 24]!,
  id: `P${i}`,
  health: ((i * 37) % 100) / 100
}));
const base: Scenario = {
  ...defaultScenario,
  horizon: 8,
  attrition: {hazard: {"*": [0.08, 0.12, 0.1], Telecom: [0.3, 0.5]}, healthCoefficient: -1.5, shockVolatility: 0.4}
};
const run = {trials: 130, seed: 9, asOf: 2025};
const longerRamp: Scenario = {...base, tiers: {...base.tiers, S: {...base.tiers.S, rampYears: 4}}};
const otherRules: Scenario = {
  ...longerRamp,
  tierRules: {...base.tierRules, cut: {by: "rank", topN: 40, shareA: 0.25, shareB: 0.25}}
};
/** What the worker sends back: the summary without the tiered rows (the page has its own). */
const expected = (scenario: Scenario) => {
  const {asOf, horizon, trials, seed, tiers, total} = simulatePortfolio(accounts, scenario, run);
  return {asOf, horizon, trials, seed, tiers, total, tiered: []};
};

/** The worker's answer for `scenario` under other settings. */
const only = (scenario: Scenario, settings: typeof run) => {
  const {asOf, horizon, trials, seed, tiers, total} = simulatePortfolio(accounts, scenario, settings);
  return {asOf, horizon, trials, seed, tiers, total, tiered: []};
};

describe("the simulate worker", () => {
  it("keeps the tiers between runs with the same tier rules, and its results are simulatePortfolio's to the last bit", () => {
    const columns = columnsOfAccounts(accounts);
    expect(ask({kind: "simulate", columns, scenario: base, ...run})).toEqual(expected(base));
    // Only a policy changed: the tiers of the first run are used again.
    expect(ask({kind: "simulate", scenario: longerRamp, ...run})).toEqual(expected(longerRamp));
    // New tier rules tier the accounts again: tier S has 40 accounts, not the default 100.
    const moved = ask<PortfolioSimulation>({kind: "simulate", scenario: otherRules, ...run});
    expect(moved).toEqual(expected(otherRules));
    expect(moved.tiers.S.accounts).toBe(40);
  });

  it("gives a run split into blocks the same result as one run, with tiers kept from an earlier run", () => {
    ask({kind: "simulate", scenario: base, ...run});
    // Blocks 0-2 and 2-3 of 130 trials (50 a block), asked in any order, then summed up.
    const late = ask<TrialsPart>({kind: "blocks", scenario: longerRamp, ...run, firstBlock: 2, endBlock: 3, run: 7});
    const early = ask<TrialsPart>({kind: "blocks", scenario: longerRamp, ...run, firstBlock: 0, endBlock: 2, run: 7});
    expect([early.firstTrial, early.trials, late.firstTrial, late.trials]).toEqual([0, 100, 100, 30]);
    expect(ask({kind: "finish", parts: [late, early], run: 7})).toEqual(expected(longerRamp));
  });

  it("keeps the plan for the next run of the same scenario: other futures and seeds give simulatePortfolio's results", () => {
    // A first result's 100 futures, then the full run on the kept plan; then a batch with another
    // seed, another scenario, and the first one again.
    const first = {...run, trials: 100};
    expect(ask({kind: "simulate", scenario: base, ...first})).toEqual(only(base, first));
    expect(ask({kind: "simulate", scenario: base, ...run})).toEqual(expected(base));
    const seed = {...run, seed: 4};
    expect(ask({kind: "batch", scenarios: [base, longerRamp, base], ...seed})).toEqual(
      [base, longerRamp, base].map((s) => only(s, seed))
    );
    // Blocks of a split run on the plan a batch left.
    const part = ask<TrialsPart>({kind: "blocks", scenario: base, ...run, firstBlock: 0, endBlock: 3, run: 8});
    expect(ask({kind: "finish", parts: [part], run: 8})).toEqual(expected(base));
  });

  it("tiers new accounts afresh: a portfolio sent again drops the tiers of the last one", () => {
    const fewer = accounts.slice(0, 120);
    ask({kind: "simulate", columns: columnsOfAccounts(accounts), scenario: base, ...run});
    const result = ask<PortfolioSimulation>({
      kind: "simulate",
      columns: columnsOfAccounts(fewer),
      scenario: base,
      ...run
    });
    const {asOf, horizon, trials, seed, tiers, total} = simulatePortfolio(fewer, base, run);
    expect(result).toEqual({asOf, horizon, trials, seed, tiers, total, tiered: []});
  });
});
