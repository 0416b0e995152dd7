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
  assignTiers,
  finishSimulation,
  planSimulation,
  sensitivity,
  simulateBlocks,
  simulatePortfolio,
  trialsPerBlock,
  throttleProgress
} from "tierwise";

/** @type {import("tierwise").Account[]} */
let accounts = [];
/**
 * The tiers of the accounts under the latest tier rules, by those rules as JSON. An input that
 * is not a tier rule (a ramp, a cost, a hazard) leaves the tiers as they were, so a redraw does
 * not rank the accounts again: the plan then takes these tiers, in the same order, and the
 * results are the same to the last bit. New accounts (a fresh worker's columns) drop them.
 */
let tiering = /** @type {{rules: string, tiered: readonly import("tierwise").TieredAccount[]} | null} */ (null);

/** @param {import("tierwise").Scenario} scenario */
function tieredFor(scenario) {
  const rules = JSON.stringify(scenario.tierRules);
  if (!tiering || tiering.rules !== rules) tiering = {rules, tiered: assignTiers(accounts, scenario.tierRules)};
  return tiering.tiered;
}
/** The plan of the latest "blocks" request, kept for its "finish". */
let planned = /** @type {{run: number, plan: import("tierwise").SimulationPlan} | null} */ (null);

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
        slim(
          simulatePortfolio(accounts, scenario, {
            trials,
            seed,
            asOf,
            tiered: tieredFor(scenario),
            onProgress: (p) => progress((k + p) / n)
          })
        )
      );
    } else if (data.kind === "blocks") {
      const plan = planSimulation(accounts, data.scenario, {trials, seed, asOf, tiered: tieredFor(data.scenario)});
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
      const tiered = tieredFor(data.scenario);
      result = slim(simulatePortfolio(accounts, data.scenario, {trials, seed, asOf, tiered, onProgress: progress}));
    }
    postMessage({id: data.id, result}, {transfer});
  } catch (error) {
    postMessage({id: data.id, error: error instanceof Error ? error.message : String(error)});
  }
};
