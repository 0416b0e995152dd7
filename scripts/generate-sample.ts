/**
 * Writes data/sample-portfolio.csv from generateSamplePortfolio() with its default options. The
 * output is deterministic: running it again gives the same bytes (a test checks this).
 */
import {writeFile} from "node:fs/promises";
import {accountFields, generateSamplePortfolio, toCsv} from "../lib/src/index.js";

const accounts = generateSamplePortfolio();
const path = new URL("../data/sample-portfolio.csv", import.meta.url);
await writeFile(
  path,
  toCsv(
    accounts,
    accountFields.map((f) => f.name)
  )
);
console.warn(`wrote ${accounts.length} accounts to ${path.pathname}`);
