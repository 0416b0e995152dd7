// Runs the model off the main thread, so inputs never freeze the page. Each request carries an
// id; the page ignores answers to requests it has superseded, and terminates the worker when a
// long run is superseded. While a request runs, the worker posts its progress (0 to 1).
//   {id, accounts?, kind: "simulate", scenario, trials, seed, asOf}      → {id, result}
//   {id, accounts?, kind: "batch", scenarios, trials, seed, asOf}        → {id, result: [...]}
//   {id, accounts?, kind: "sensitivity", scenario, target, trials, seed, asOf} → {id, result}
//   and {id, progress} along the way, or {id, error}.
import {sensitivity, simulatePortfolio} from "tierwise";

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

/**
 * The tier assignment of every account is the page's own; it need not travel back.
 * @param {import("tierwise").PortfolioSimulation} result
 */
const slim = (result) => ({...result, tiered: []});

/** @param {MessageEvent} event */
onmessage = ({data}) => {
  try {
    if (data.accounts) accounts = data.accounts;
    const {trials, seed, asOf} = data;
    const progress = progressTo(data.id);
    let result;
    if (data.kind === "sensitivity") {
      result = sensitivity(accounts, data.scenario, data.target, {trials, seed, asOf, onProgress: progress});
    } else if (data.kind === "batch") {
      const n = data.scenarios.length;
      result = data.scenarios.map((/** @type {import("tierwise").Scenario} */ scenario, /** @type {number} */ k) =>
        slim(simulatePortfolio(accounts, scenario, {trials, seed, asOf, onProgress: (p) => progress((k + p) / n)}))
      );
    } else {
      result = slim(simulatePortfolio(accounts, data.scenario, {trials, seed, asOf, onProgress: progress}));
    }
    postMessage({id: data.id, result});
  } catch (error) {
    postMessage({id: data.id, error: error instanceof Error ? error.message : String(error)});
  }
};
