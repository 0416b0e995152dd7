/**
 * Benchmarks, reported and never asserted. Run with `npm run bench` (builds the site first).
 * Each benchmark prints one line per measurement: name, value, unit.
 */
import {pageLoad} from "./pageLoad.js";
import {survivalEstimators} from "./survival.js";

const results = [...survivalEstimators(), ...(await pageLoad())];
const width = Math.max(...results.map((r) => r.name.length));
for (const {name, value, unit} of results)
  console.log(`${name.padEnd(width)}  ${value.toLocaleString("en-US")} ${unit}`);
