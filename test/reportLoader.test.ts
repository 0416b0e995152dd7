import {mkdtempSync, mkdirSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {pathToFileURL} from "node:url";
import {describe, expect, it} from "vitest";
import {defaultScenario, parseScenario} from "tierwise";
import {scenarioFile} from "../src/data/reports/scenarioFile.js";

// A project root of its own, with scenario files good and bad, so no test writes into data/.
const folder = mkdtempSync(join(tmpdir(), "tierwise-report-"));
mkdirSync(join(folder, "data", "scenarios"), {recursive: true});
const good = JSON.stringify({version: 1, name: "Two-year bet", description: "", horizon: 8});
writeFileSync(join(folder, "data", "scenarios", "two-year-bet.json"), good);
writeFileSync(
  join(folder, "data", "scenarios", "broken.json"),
  JSON.stringify({...defaultScenario, tiers: {S: {rampYears: -1}}})
);
writeFileSync(join(folder, "data", "scenarios", "not-json.json"), "{version: 1");
const root = pathToFileURL(folder + "/");

describe("the report loader's scenarioFile()", () => {
  it("scenarioFile() returns the validated scenario with its path and SHA-256", async () => {
    expect(await scenarioFile("two-year-bet", {root})).toEqual({
      path: "data/scenarios/two-year-bet.json",
      // sha256 of the bytes above, as `sha256sum` prints it.
      sha256: "eaa21dce35698667661e0fcdc750bc1a9fc195166270110533e513744776d646",
      scenario: parseScenario(good)
    });
  });

  it("scenarioFile() fails naming the file and the field, so a bad scenario fails the build", async () => {
    await expect(scenarioFile("broken", {root})).rejects.toThrow(
      "data/scenarios/broken.json: tiers.S.rampYears: must be an integer from 0 to 15, got -1"
    );
    await expect(scenarioFile("not-json", {root})).rejects.toThrow(
      /^data\/scenarios\/not-json\.json: \(document\): not valid JSON/
    );
    await expect(scenarioFile("missing", {root})).rejects.toThrow(
      "report: no scenario file data/scenarios/missing.json"
    );
    await expect(scenarioFile("../secrets", {root})).rejects.toThrow('report: invalid scenario name "../secrets"');
  });
});
