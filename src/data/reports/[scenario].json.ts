// A report's numbers and charts, computed at build time: data/reports/NAME.json simulates the
// scenario in data/scenarios/NAME.json on the sample portfolio, sets it against the baseline on the
// same futures (against the shakeout when NAME is the baseline), and draws the charts as SVG text.
// The page that shows it needs no DuckDB, no simulation and no charting library. Framework passes
// NAME as --scenario=NAME. Fixed seed; every build gives the same bytes but for the date, which
// follows SOURCE_DATE_EPOCH when it is set (as reproducible builds set it).
import {createHash} from "node:crypto";
import {readFile} from "node:fs/promises";
import {parseArgs} from "node:util";
import {csvParse} from "d3";
import {scenarioReport, validateAccounts} from "tierwise";
import {reportCharts} from "./reportCharts.js";
import {scenarioFile} from "./scenarioFile.js";

const trials = 5000;
const seed = 1;

const {values} = parseArgs({options: {scenario: {type: "string"}}});
const name = values.scenario ?? "";
const root = new URL("../../../", import.meta.url);
const main = await scenarioFile(name, {root});
const reference = await scenarioFile(name === "baseline" ? "shakeout" : "baseline", {root});

const portfolio = {path: "data/sample-portfolio.csv", text: await readFile(new URL("data/sample-portfolio.csv", root), "utf-8")};
const {accounts, rejected} = validateAccounts(csvParse(portfolio.text), {firstRow: 2});
if (rejected.length > 0) throw new Error(`${portfolio.path}: ${rejected.length} rows rejected`);
if (accounts.length === 0) throw new Error(`${portfolio.path}: no accounts`);

const started = performance.now();
const report = scenarioReport(accounts, main.scenario, {trials, seed, reference: reference.scenario});
const simulated = performance.now();
const charts = reportCharts(report);
console.warn(
  `report ${name}: ${trials} futures × 2 scenarios in ${Math.round(simulated - started)} ms, charts in ${Math.round(
    performance.now() - simulated
  )} ms`
);

const epoch = process.env.SOURCE_DATE_EPOCH;
const {version} = JSON.parse(await readFile(new URL("lib/package.json", root), "utf-8")) as {version: string};
process.stdout.write(
  JSON.stringify({
    ...report,
    generated: {
      date: (epoch ? new Date(Number(epoch) * 1000) : new Date()).toISOString().slice(0, 10),
      model: `tierwise ${version}`,
      files: [
        {path: main.path, sha256: main.sha256},
        {path: reference.path, sha256: reference.sha256},
        {path: portfolio.path, sha256: createHash("sha256").update(portfolio.text).digest("hex")}
      ]
    },
    charts
  })
);
