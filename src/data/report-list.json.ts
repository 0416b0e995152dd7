// The reports the site publishes: one per scenario file in data/scenarios/, each at /reports/NAME.
import {readFile, readdir} from "node:fs/promises";
import {parseScenario} from "tierwise";

const folder = new URL("../../data/scenarios/", import.meta.url);
const files = (await readdir(folder)).filter((f) => f.endsWith(".json")).sort();
if (files.length === 0) throw new Error(`${folder.pathname}: no scenario files`);
const reports = [];
for (const file of files) {
  try {
    const {name, description} = parseScenario(await readFile(new URL(file, folder), "utf-8"));
    reports.push({path: file.replace(/\.json$/, ""), name, description});
  } catch (error) {
    throw new Error(`data/scenarios/${file}: ${(error as Error).message}`);
  }
}
process.stdout.write(JSON.stringify(reports));
