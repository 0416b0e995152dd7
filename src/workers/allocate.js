// Allocates sales heads off the main thread, so the page stays responsive. Each request carries
// an id; the page ignores answers to requests it has superseded, and terminates the worker when
// a long run is superseded. While a request runs, the worker posts its progress (0 to 1).
//   {accounts}                                                   → nothing (the page's portfolio, sent early)
//   {id, accounts?, scenario, heads, trials, seed, asOf, objective, perTier}
//     → {id, result}, then {id, byTier}; {id, progress} along the way, or {id, error}.
// The result is allocateHeads' own; `byTier` repeats each tier's figures today and under the
// allocation (P(NPV > 0), revenue per head) from it, null for a tier without accounts.
import {allocateHeads, assignTiers, tiers} from "tierwise";

/** @type {import("tierwise").Account[]} */
let accounts = [];

// At most one progress message every 50 ms.
/** @param {number} id */
function progressTo(id) {
  let last = 0;
  /** @param {number} done */
  return (done) => {
    const now = performance.now();
    if (now - last < 50 && done < 1) return;
    last = now;
    postMessage({id, progress: done});
  };
}

/** @param {MessageEvent} event */
onmessage = ({data}) => {
  try {
    if (data.accounts) accounts = data.accounts;
    if (data.id === undefined) return;
    const {scenario, heads, trials, seed, asOf, objective, perTier} = data;
    const progress = progressTo(data.id);
    const tiered = assignTiers(accounts, scenario.tierRules);
    const result = allocateHeads(accounts, scenario, {
      heads,
      trials,
      seed,
      asOf,
      objective,
      perTier,
      tiered,
      onProgress: progress
    });
    postMessage({id: data.id, result});
    /** @type {Record<string, {today: import("tierwise").AllocationTotal, allocated: import("tierwise").AllocationTotal} | null>} */
    const byTier = {};
    for (const tier of tiers) {
      const t = result.tiers[tier];
      byTier[tier] = t.accounts === 0 ? null : {today: t.today, allocated: t.allocated};
    }
    postMessage({id: data.id, byTier});
  } catch (error) {
    postMessage({id: data.id, error: error instanceof Error ? error.message : String(error)});
  }
};
