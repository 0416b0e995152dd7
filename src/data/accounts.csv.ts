// The committed accounts file, checked against the canonical account record before it is
// published: a missing column, a duplicate id or an empty file fails the build, not the page.
import {readFile} from "node:fs/promises";
import {csvFormat, csvParse} from "d3";
import {accountFields, missingAccountColumns} from "tierwise";

const source = new URL("../../data/accounts.csv", import.meta.url);
const rows = csvParse(await readFile(source, "utf-8"));
if (rows.length === 0) throw new Error(`${source.pathname}: no accounts`);
const missing = missingAccountColumns(rows.columns);
if (missing.length > 0) throw new Error(`${source.pathname}: missing columns ${missing.join(", ")}`);
const ids = new Set<string>();
rows.forEach((row, i) => {
  const id = row.id!;
  if (ids.has(id)) throw new Error(`${source.pathname}: row ${i + 2}: duplicate id ${JSON.stringify(id)}`);
  ids.add(id);
});

console.warn(`accounts.csv: ${rows.length} accounts`);
process.stdout.write(
  csvFormat(
    rows,
    accountFields.map((field) => field.name)
  )
);
