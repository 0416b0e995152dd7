/**
 * Benchmarks, reported and never asserted. `npm run bench` builds the site first and prints a
 * table; `npm run bench -- --json` prints one JSON object per line instead.
 */
import {allocationBench} from "./allocation.js";
import {compareBench} from "./compare.js";
import {ingestBench} from "./ingest.js";
import {pageLoad, pageLoadWarm, pageLoadWithBook, uploadAfterClick} from "./pageLoad.js";
import {publishBench} from "./publish.js";
import {redraw} from "./redraw.js";
import {simulationBench} from "./simulation.js";
import {survivalEstimators} from "./survival.js";

const json = process.argv.includes("--json");
const print = (row: {name: string} & Record<string, unknown>) => {
  if (json) console.log(JSON.stringify(row));
  else
    console.log(
      Object.entries(row)
        .map(([k, v]) =>
          k === "name" ? String(v).padEnd(52) : `${k} ${typeof v === "number" ? v.toLocaleString("en-US") : v}`
        )
        .join("  ")
    );
};

for (const row of simulationBench()) print({...row});
for (const row of allocationBench()) print({...row});
for (const {name, value, unit} of survivalEstimators()) print({name, [unit]: value});
for (const {name, value, unit} of await pageLoad()) print({name, [unit]: value});
for (const {name, value, unit} of await pageLoadWarm()) print({name, [unit]: value});
for (const {name, value, unit} of await ingestBench()) print({name, [unit]: value});
for (const {name, value, unit} of await pageLoadWithBook(100_000)) print({name, [unit]: value});
for (const {name, value, unit} of await pageLoadWithBook(1_000_000, {settle: false})) print({name, [unit]: value});
for (const {name, value, unit} of await compareBench(100_000)) print({name, [unit]: value});
for (const rows of [100_000, 1_000_000]) {
  const {name, value, unit} = await uploadAfterClick(rows);
  print({name, [unit]: value});
}
for (const {name, value, unit} of await publishBench()) print({name, [unit]: value});
for (const {name, value, unit} of await redraw()) print({name, [unit]: value});
