// A report's numbers, computed at build time: data/reports/NAME.json simulates the scenario in
// data/scenarios/NAME.json on the sample portfolio, and sets it against the baseline on the same
// futures (against the shakeout when NAME is the baseline). The page that shows it needs no
// DuckDB and no simulation. Framework passes NAME as --scenario=NAME.
import {readFile} from "node:fs/promises";
import {parseArgs} from "node:util";
import {csvParse} from "d3";
import {parseScenario, scenarioReport, validateAccounts} from "tierwise";

const {values} = parseArgs({options: {scenario: {type: "string"}}});
const name = values.scenario ?? "";
if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) throw new Error(`report: invalid scenario name ${JSON.stringify(name)}`);

const scenarioFile = async (file: string) => {
  const url = new URL(`../../../data/scenarios/${file}.json`, import.meta.url);
  let text: string;
  try {
    text = await readFile(url, "utf-8");
  } catch {
    throw new Error(`report: no scenario file data/scenarios/${file}.json`);
  }
  try {
    return parseScenario(text);
  } catch (error) {
    throw new Error(`data/scenarios/${file}.json: ${(error as Error).message}`);
  }
};

const source = new URL("../../../data/sample-portfolio.csv", import.meta.url);
const {accounts, rejected} = validateAccounts(csvParse(await readFile(source, "utf-8")), {firstRow: 2});
if (rejected.length > 0) throw new Error(`${source.pathname}: ${rejected.length} rows rejected`);

const started = performance.now();
const report = scenarioReport(accounts, await scenarioFile(name), {
  trials: 5000,
  seed: 1,
  reference: await scenarioFile(name === "baseline" ? "shakeout" : "baseline")
});
console.warn(`report ${name}: ${report.trials} futures × 2 scenarios in ${Math.round(performance.now() - started)} ms`);
process.stdout.write(JSON.stringify({...report, generated: new Date().toISOString().slice(0, 10)}));
