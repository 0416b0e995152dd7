// The sample portfolio, validated against the account record before it is published: a file that
// does not load completely fails the build, not the page. Read with parseDelimited, the reader the
// pages use for the sample (see loadPortfolio in src/components/portfolio.ts).
import {readFile} from "node:fs/promises";
import {accountFields, ingestRows, parseDelimited, toCsv} from "tierwise";

const source = new URL("../../data/sample-portfolio.csv", import.meta.url);
const {header, rows, lines} = parseDelimited(await readFile(source, "utf-8"));
const {accounts, rejected} = ingestRows(header, rows, {rowNumbers: lines});
if (rejected.length > 0) {
  throw new Error(`${source.pathname}: ${rejected.map((r) => `row ${r.row}: ${r.reason}`).join("; ")}`);
}
if (accounts.length === 0) throw new Error(`${source.pathname}: no accounts`);

console.warn(`sample-portfolio.csv: ${accounts.length} accounts`);
process.stdout.write(
  toCsv(
    accounts,
    accountFields.map((field) => field.name)
  )
);
