// Allocates sales heads off the main thread, so the page stays responsive. Each request carries
// an id; the page ignores answers to requests it has superseded, and terminates the worker when
// a long run is superseded. While a request runs, the worker posts its progress (0 to 1).
//   {columns}                                                    → nothing (the page's portfolio as AccountColumns, sent early)
//   {tierRules}                                                  → nothing (the portfolio tiered by them now, for the next request)
//   {id, columns?, scenario, heads, step, trials, seed, asOf, objective, perTier}
//     → {id, result}: allocateHeads' own; {id, progress} along the way, or {id, error}.
//     Before the futures are simulated (most of a large book's run), one {id, progress, first}:
//     allocateHeads' onFrontier, the mean-optimal allocation with every expected figure and the
//     frontier at the budgets that will carry percentiles, each the final result's own.
//     Both come packed (packAllocation): their rows per account as typed arrays, transferred.
import {accountView, allocateHeads, assignTiers, packAllocation, throttleProgress} from "tierwise";

/** @type {import("tierwise").Account[]} */
let accounts = [];

// The portfolio tiered by the latest rules: a request with the same rules (most) reuses it.
/** @type {{key: string, tiered: import("tierwise").TieredAccount[]} | null} */
let tiering = null;
/** @param {import("tierwise").TierRules} rules */
function tieredBy(rules) {
  const key = JSON.stringify(rules);
  if (tiering?.key !== key) tiering = {key, tiered: assignTiers(accounts, rules)};
  return tiering.tiered;
}

// At most one progress message every 50 ms.
/** @param {number} id */
const progressTo = (id) => throttleProgress((done) => postMessage({id, progress: done}));

/** @param {MessageEvent} event */
onmessage = ({data}) => {
  try {
    if (data.columns) {
      accounts = accountView(data.columns);
      tiering = null;
    }
    if (data.tierRules) tieredBy(data.tierRules);
    if (data.id === undefined) return;
    const {scenario, heads, step, trials, seed, asOf, objective, perTier} = data;
    const progress = progressTo(data.id);
    const tiered = tieredBy(scenario.tierRules);
    const result = allocateHeads(accounts, scenario, {
      heads,
      step,
      trials,
      seed,
      asOf,
      objective,
      perTier,
      tiered,
      onProgress: progress,
      onFrontier: (first) => {
        const {packed, transfer} = packAllocation(first);
        postMessage({id: data.id, progress: 0.3, first: packed}, {transfer});
      }
    });
    const {packed, transfer} = packAllocation(result);
    postMessage({id: data.id, result: packed}, {transfer});
  } catch (error) {
    postMessage({id: data.id, error: error instanceof Error ? error.message : String(error)});
  }
};
