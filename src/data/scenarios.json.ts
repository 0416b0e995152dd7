// The scenario presets in data/scenarios/, validated by parseScenario so a broken preset fails the
// build, as one JSON object keyed by file name.
import {readFile, readdir} from "node:fs/promises";
import {parseScenario} from "tierwise";

const folder = new URL("../../data/scenarios/", import.meta.url);
const files = (await readdir(folder)).filter((f) => f.endsWith(".json")).sort();
if (files.length === 0) throw new Error(`${folder.pathname}: no scenario presets`);
const presets: Record<string, unknown> = {};
for (const file of files) {
  try {
    presets[file.replace(/\.json$/, "")] = parseScenario(await readFile(new URL(file, folder), "utf-8"));
  } catch (error) {
    throw new Error(`data/scenarios/${file}: ${(error as Error).message}`);
  }
}
process.stdout.write(JSON.stringify(presets));
