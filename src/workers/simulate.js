// Runs simulatePortfolio off the main thread, so inputs never freeze the page. Each request
// carries an id; the page ignores answers to requests it has superseded, and terminates the
// worker when a long run is superseded.
//   {id, accounts, scenario, trials, seed, asOf} → {id, result} or {id, error}
import {simulatePortfolio} from "tierwise";

/** @type {import("tierwise").Account[]} */
let accounts = [];

/** @param {MessageEvent} event */
onmessage = ({data}) => {
  try {
    if (data.accounts) accounts = data.accounts;
    const result = simulatePortfolio(accounts, data.scenario, {trials: data.trials, seed: data.seed, asOf: data.asOf});
    // The tier assignment of every account is the page's own; it need not travel back.
    postMessage({id: data.id, result: {...result, tiered: []}});
  } catch (error) {
    postMessage({id: data.id, error: error instanceof Error ? error.message : String(error)});
  }
};
