// Runs the model off the main thread, so inputs never freeze the page. Each request carries an
// id; the page ignores answers to requests it has superseded, and terminates the worker when a
// long run is superseded. While a request runs, the worker posts its progress (0 to 1).
// The portfolio comes once, as columns (AccountColumns), in the first request a worker gets.
//   {id, columns?, kind: "simulate", scenario, trials, seed, asOf}      → {id, result}
//   {id, columns?, kind: "batch", scenarios, trials, seed, asOf}        → {id, result: [...]}
//   {id, columns?, kind: "sensitivity", scenario, target, trials, seed, asOf} → {id, result}
// and, for a run shared between several workers (see components/simulatePool.ts):
//   {id, columns?, kind: "blocks", scenario, trials, seed, asOf, firstBlock, endBlock} → {id, result: part}
//   {id, kind: "finish", parts} → {id, result}, with the plan of this worker's "blocks" request of the same run
//   (each message has its own id, echoed in its answers; `run`, when given, names the run it belongs to)
//   and {id, progress} along the way, or {id, error}.
import {
  accountView,
  blockCount,
  finishSimulation,
  planSimulation,
  sensitivity,
  simulateBlocks,
  trialsPerBlock,
  throttleProgress
} from "tierwise";

/** @type {import("tierwise").Account[]} */
let accounts = [];
/**
 * The tiers of the accounts under the latest tier rules, by those rules as JSON. An input that
 * is not a tier rule (a ramp, a cost, a hazard) leaves the tiers as they were, so a redraw does
 * not rank the accounts again: the plan then takes these tiers, in the same order, and the
 * results are the same to the last bit. A first plan ranks the accounts itself, in typed arrays
 * (rankTiers), and its rows are made only when a later plan of the same rules asks for them:
 * making them costs about as much as ranking again, time a page's first result need not wait for.
 * New accounts (a fresh worker's columns) drop them.
 */
let tiering = /** @type {{rules: string, tiered: () => readonly import("tierwise").TieredAccount[]} | null} */ (null);

/** The plan of the latest "blocks" request, kept for its "finish". */
let planned = /** @type {{run: number, plan: import("tierwise").SimulationPlan} | null} */ (null);

/**
 * The latest plan, by its scenario and year as JSON. A plan's arrays depend on the accounts, the
 * scenario and the year, not on the futures or the seed (the kernel reads those two numbers from
 * it): a page's full run after its first result, or a new seed, takes this plan with its own
 * futures and seed rather than working it out again (seconds on a big book). Only the latest is
 * kept: a plan holds about 200 bytes per active account.
 */
let lastPlan = /** @type {{key: string, plan: import("tierwise").SimulationPlan} | null} */ (null);

/**
 * @param {import("tierwise").Scenario} scenario
 * @param {{trials: number, seed: number, asOf: number}} settings
 */
function planFor(scenario, {trials, seed, asOf}) {
  const key = JSON.stringify([scenario, asOf]);
  if (!lastPlan || lastPlan.key !== key) {
    lastPlan = null; // let the old plan go before the new one is made
    const rules = JSON.stringify(scenario.tierRules);
    const tiered = tiering?.rules === rules ? tiering.tiered() : undefined;
    const plan = planSimulation(accounts, scenario, {trials, seed, asOf, tiered});
    if (!tiered) tiering = {rules, tiered: plan.tieredRows};
    lastPlan = {key, plan};
  }
  const {plan} = lastPlan;
  plan.trials = trials;
  plan.seed = seed;
  return plan;
}

/**
 * simulatePortfolio on the worker's plan of `scenario`: its three steps, as simulatePortfolio
 * takes them (same numbers to the last bit), with progress after each block.
 * @param {import("tierwise").Scenario} scenario
 * @param {{trials: number, seed: number, asOf: number}} settings
 * @param {(done: number) => void} progress
 */
function simulate(scenario, settings, progress) {
  const plan = planFor(scenario, settings);
  const part = simulateBlocks(plan, 0, blockCount(settings.trials), (trial) => progress(trial / settings.trials));
  progress(1);
  return finishSimulation(plan, [part]);
}

// At most one progress message every 50 ms.
/** @param {number} id */
const progressTo = (id) => throttleProgress((done) => postMessage({id, progress: done}));

/**
 * The tier assignment of every account is the page's own; it need not travel back (nor be made:
 * the result makes its rows only when `tiered` is read, so it is not spread).
 * @param {import("tierwise").PortfolioSimulation} result
 */
const slim = ({asOf, horizon, trials, seed, tiers, total}) => ({asOf, horizon, trials, seed, tiers, total, tiered: []});

/** @param {MessageEvent} event */
onmessage = ({data}) => {
  try {
    if (data.columns) {
      accounts = accountView(data.columns);
      tiering = null;
      lastPlan = null;
    }
    const {trials, seed, asOf} = data;
    const progress = progressTo(data.id);
    let result;
    /** @type {Transferable[]} */
    let transfer = [];
    if (data.kind === "sensitivity") {
      result = sensitivity(accounts, data.scenario, data.target, {trials, seed, asOf, onProgress: progress});
    } else if (data.kind === "batch") {
      const n = data.scenarios.length;
      result = data.scenarios.map((/** @type {import("tierwise").Scenario} */ scenario, /** @type {number} */ k) =>
        slim(simulate(scenario, {trials, seed, asOf}, (p) => progress((k + p) / n)))
      );
    } else if (data.kind === "blocks") {
      const plan = planFor(data.scenario, {trials, seed, asOf});
      planned = {run: data.run ?? data.id, plan};
      const first = data.firstBlock * trialsPerBlock;
      const count = Math.min(trials, data.endBlock * trialsPerBlock) - first;
      result = simulateBlocks(plan, data.firstBlock, data.endBlock, (trial) => progress((trial - first) / count));
      transfer = [
        result.npv,
        result.payback,
        result.survivors,
        result.cumulativeCash,
        result.fate,
        result.lifetimes
      ].map((a) => a.buffer);
    } else if (data.kind === "finish") {
      if (!planned || planned.run !== (data.run ?? data.id)) throw new Error("simulate worker: no plan for this run");
      result = slim(finishSimulation(planned.plan, data.parts));
      planned = null;
    } else {
      result = slim(simulate(data.scenario, {trials, seed, asOf}, progress));
    }
    postMessage({id: data.id, result}, {transfer});
  } catch (error) {
    postMessage({id: data.id, error: error instanceof Error ? error.message : String(error)});
  }
};
