import {createHash} from "node:crypto";
import {readFile} from "node:fs/promises";
import {parseScenario, type Scenario} from "tierwise";

/** A scenario file read for a report: its path from the project root, the SHA-256 of its bytes, and the scenario. */
export interface ScenarioFile {
  path: string;
  sha256: string;
  scenario: Scenario;
}

/**
 * Reads and validates data/scenarios/NAME.json under `root`. Every failure names the file: an
 * invalid name, a missing file, or the fields parseScenario rejects
 * (`data/scenarios/x.json: tiers.S.rampYears: must be an integer from 0 to 15, got -1`), so a
 * bad scenario fails the build with a message that says where to look.
 */
export async function scenarioFile(name: string, {root}: {root: URL}): Promise<ScenarioFile> {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name))
    throw new Error(`report: invalid scenario name ${JSON.stringify(name)} (lower-case letters, digits and dashes)`);
  const path = `data/scenarios/${name}.json`;
  let text: string;
  try {
    text = await readFile(new URL(path, root), "utf-8");
  } catch {
    throw new Error(`report: no scenario file ${path}`);
  }
  try {
    return {path, sha256: createHash("sha256").update(text).digest("hex"), scenario: parseScenario(text)};
  } catch (error) {
    throw new Error(`${path}: ${(error as Error).message}`);
  }
}
