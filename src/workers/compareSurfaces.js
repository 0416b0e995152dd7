// Works out the Compare page's heat maps (npvSurface for every tier) off the main thread: on a big
// book, tiering the accounts and summing their flows takes seconds. The page sends the accounts
// once, as columns, in its first request; a request superseded by new inputs is cancelled by
// terminating this worker (see components/simulationClient.ts, `surfaces`).
//   {id, columns?, scenario} → {id, result: NpvSurface[]} (tiers S, A, B, C; ramps 0 to at least 6,
//   and at least each tier's own ramp), with {id, progress} (0 to 1) along the way, or {id, error}.
import {accountView, assignTiers, npvSurface, tiers, throttleProgress} from "tierwise";

/** @type {import("tierwise").Account[]} */
let accounts = [];

// At most one progress message every 50 ms.
/** @param {number} id */
const progressTo = (id) => throttleProgress((done) => postMessage({id, progress: done}));

/** @param {MessageEvent} event */
onmessage = ({data}) => {
  try {
    if (data.columns) accounts = accountView(data.columns);
    /** @type {import("tierwise").Scenario} */
    const scenario = data.scenario;
    const progress = progressTo(data.id);
    progress(0);
    const tiered = assignTiers(accounts, scenario.tierRules);
    // Tiering takes about as long as the four surfaces: it counts for the first half.
    progress(0.5);
    const sizes = tiers.map((tier) => tiered.reduce((n, d) => (d.tier === tier ? n + 1 : n), 0));
    const total = Math.max(1, tiered.length);
    let before = 0;
    const result = tiers.map((tier, k) => {
      const rampYears = Array.from({length: Math.max(6, scenario.tiers[tier].rampYears) + 1}, (_, i) => i);
      const surface = npvSurface(accounts, scenario, tier, {
        tiered,
        rampYears,
        onProgress: (p) => progress(0.5 + (0.5 * (before + p * (sizes[k] ?? 0))) / total)
      });
      before += sizes[k] ?? 0;
      return surface;
    });
    postMessage({id: data.id, result});
  } catch (error) {
    postMessage({id: data.id, error: error instanceof Error ? error.message : String(error)});
  }
};
