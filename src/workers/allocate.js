// Allocates sales heads off the main thread, so the page stays responsive. Each request carries
// an id; the page ignores answers to requests it has superseded, and terminates the worker when
// a long run is superseded. While a request runs, the worker posts its progress (0 to 1).
//   {accounts}                                                   → nothing (the page's portfolio, sent early)
//   {id, accounts?, scenario, heads, trials, seed, asOf, objective, perTier}
//     → {id, result}, then {id, byTier}; {id, progress} along the way, or {id, error}.
// The result is allocateHeads' own. `byTier` follows it, so the page shows the allocation first:
// each tier's figures today and under the allocation (P(NPV > 0), revenue per head), from
// allocateHeads on that tier's accounts with every account locked at its heads, on the same
// futures (an account's futures depend only on the seed, its id and its industry).
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
    // The allocation takes most of the time; the four tiers' figures the rest.
    const result = allocateHeads(accounts, scenario, {
      heads,
      trials,
      seed,
      asOf,
      objective,
      perTier,
      tiered,
      onProgress: (p) => progress(0.8 * p)
    });
    postMessage({id: data.id, result});
    /** @type {Record<string, {today: import("tierwise").AllocationTotal, allocated: import("tierwise").AllocationTotal} | null>} */
    const byTier = {};
    tiers.forEach((tier, k) => {
      const rows = tiered.filter((d) => d.tier === tier);
      if (rows.length === 0) return void (byTier[tier] = null);
      // Ids come from users' files and may be "__proto__": a map with no prototype keeps them all.
      /** @type {Record<string, number>} */
      const locked = Object.create(null);
      let sum = 0;
      for (const row of result.allocation) {
        if (row.tier !== tier) continue;
        locked[row.id] = row.heads;
        sum += row.heads;
      }
      const figures = allocateHeads(accounts, scenario, {
        heads: sum + 1e-6,
        trials,
        seed,
        asOf,
        tiered: rows,
        locked,
        next: 0
      });
      byTier[tier] = {today: figures.baselines.current, allocated: figures.total};
      progress(0.8 + (0.2 * (k + 1)) / tiers.length);
    });
    postMessage({id: data.id, byTier});
  } catch (error) {
    postMessage({id: data.id, error: error instanceof Error ? error.message : String(error)});
  }
};
