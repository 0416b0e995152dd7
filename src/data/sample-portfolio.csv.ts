// The sample portfolio, validated against the account record before it is published: a file that
// does not load completely fails the build, not the page.
import {readFile} from "node:fs/promises";
import {csvParse} from "d3";
import {accountFields, toCsv, validateAccounts} from "tierwise";

const source = new URL("../../data/sample-portfolio.csv", import.meta.url);
const {accounts, rejected} = validateAccounts(csvParse(await readFile(source, "utf-8")), {firstRow: 2});
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
