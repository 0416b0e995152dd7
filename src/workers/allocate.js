// Allocates sales heads off the main thread, so the page stays responsive. Each request carries
// an id; the page ignores answers to requests it has superseded, and terminates the worker when
// a long run is superseded. While a request runs, the worker posts its progress (0 to 1).
//   {columns}                                                    → nothing (the page's portfolio as AccountColumns, sent early)
//   {id, columns?, scenario, heads, step, trials, seed, asOf, objective, perTier}
//     → {id, result}: allocateHeads' own; {id, progress} along the way, or {id, error}.
//     Before the futures are simulated (most of a large book's run), one {id, progress, first}:
//     allocateHeads' onFrontier, the mean-optimal allocation with every expected figure and the
//     frontier at the budgets that will carry percentiles, each the final result's own.
import {accountView, allocateHeads, assignTiers, throttleProgress} from "tierwise";

/** @type {import("tierwise").Account[]} */
let accounts = [];

// At most one progress message every 50 ms.
/** @param {number} id */
const progressTo = (id) => throttleProgress((done) => postMessage({id, progress: done}));

/** @param {MessageEvent} event */
onmessage = ({data}) => {
  try {
    if (data.columns) accounts = accountView(data.columns);
    if (data.id === undefined) return;
    const {scenario, heads, step, trials, seed, asOf, objective, perTier} = data;
    const progress = progressTo(data.id);
    const tiered = assignTiers(accounts, scenario.tierRules);
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
      onFrontier: (first) => postMessage({id: data.id, progress: 0.3, first})
    });
    postMessage({id: data.id, result});
  } catch (error) {
    postMessage({id: data.id, error: error instanceof Error ? error.message : String(error)});
  }
};
