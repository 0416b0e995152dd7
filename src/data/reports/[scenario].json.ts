// A report computed at build time: data/reports/NAME.json simulates the scenario in
// data/scenarios/NAME.json on the portfolio the build names (TIERWISE_PORTFOLIO=path/to/book.csv,
// .parquet or .xlsx, read by the same rules as an upload; else the sample), sets it against the
// baseline on the same futures (against the shakeout when NAME is the baseline), names its amounts in
// the book's currency (TIERWISE_CURRENCY=CNY, say; default USD; never converted), and renders its
// sections as HTML text, charts included. The page that shows it needs no DuckDB, no simulation and
// no charting library. Framework passes NAME as --scenario=NAME. Fixed seed; every build gives the
// same bytes but for the date, which follows SOURCE_DATE_EPOCH when it is set.
import {readFile} from "node:fs/promises";
import {availableParallelism} from "node:os";
import {isAbsolute, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import {parseArgs} from "node:util";
import {reportBody} from "tierwise";
import {publishReport} from "tierwise/node";

const futures = 5000;
const seed = 1;

const {values} = parseArgs({options: {scenario: {type: "string"}}});
const name = values.scenario ?? "";
if (!/^[a-z0-9][a-z0-9-]*$/.test(name))
  throw new Error(`report: invalid scenario name ${JSON.stringify(name)} (lower-case letters, digits and dashes)`);
const root = fileURLToPath(new URL("../../../", import.meta.url));
const named = process.env.TIERWISE_PORTFOLIO;
const portfolioPath = named ? (isAbsolute(named) ? named : resolve(root, named)) : resolve(root, "data/sample-portfolio.csv");

// A book too big to simulate 5,000 futures of in about a minute gets fewer, and its report says so
// (see publishReport): a million accounts, two-thirds of them active, get 100.
const accountFutures = 100_000_000;
// The book is read and checked once per build, and each scenario simulated once, in this cache;
// TIERWISE_CACHE names another folder.
const cache = process.env.TIERWISE_CACHE ?? resolve(root, "node_modules/.cache/tierwise");

const {version} = JSON.parse(await readFile(resolve(root, "lib/package.json"), "utf-8")) as {version: string};
const epoch = process.env.SOURCE_DATE_EPOCH;
const started = performance.now();
const {report, provenance, book} = await publishReport(portfolioPath, resolve(root, `data/scenarios/${name}.json`), {
  futures,
  seed,
  sample: !named,
  ...(process.env.TIERWISE_CURRENCY ? {currency: process.env.TIERWISE_CURRENCY} : {}),
  model: `tierwise ${version}`,
  date: (epoch ? new Date(Number(epoch) * 1000) : new Date()).toISOString().slice(0, 10),
  onProgress: (message) => console.warn(`report ${name}: ${message}`),
  cache,
  accountFutures,
  // Threads pay off on a big book only: the sample simulates in a second on this one.
  workers: named ? Math.min(8, availableParallelism()) : 1
});
const body = reportBody(report, provenance);
console.warn(
  `report ${name}: ${book.name}, ${book.loaded} accounts loaded, ${book.rejectedRows} rejected; ${report.trials} futures × ${report.reference ? 2 : 1} scenarios; ${Math.round(performance.now() - started)} ms`
);
process.stdout.write(JSON.stringify({report, provenance, body}));
