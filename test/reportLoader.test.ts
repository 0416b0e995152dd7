import {writeFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {tempFolder} from "./tempFolder.js";
import {defaultScenario, parseScenario} from "tierwise";
import {defaultReferencePath, readScenarioFile} from "tierwise/node";

// A folder of its own, with scenario files good and bad, so no test writes into data/.
const folder = tempFolder("tierwise-report-");
const good = JSON.stringify({version: 1, name: "Two-year bet", description: "", horizon: 8});
writeFileSync(join(folder, "two-year-bet.json"), good);
writeFileSync(join(folder, "broken.json"), JSON.stringify({...defaultScenario, tiers: {S: {rampYears: -1}}}));
writeFileSync(join(folder, "not-json.json"), "{version: 1");

describe("the report's scenario files", () => {
  it("readScenarioFile() returns the validated scenario with its file name and SHA-256", async () => {
    expect(await readScenarioFile(join(folder, "two-year-bet.json"))).toEqual({
      name: "two-year-bet.json",
      // sha256 of the bytes above, as `sha256sum` prints it.
      sha256: "eaa21dce35698667661e0fcdc750bc1a9fc195166270110533e513744776d646",
      scenario: parseScenario(good)
    });
  });

  it("readScenarioFile() fails naming the file and the field, so a bad scenario fails the build", async () => {
    await expect(readScenarioFile(join(folder, "broken.json"))).rejects.toThrow(
      "broken.json: tiers.S.rampYears: must be an integer from 0 to 15, got -1"
    );
    await expect(readScenarioFile(join(folder, "not-json.json"))).rejects.toThrow(
      /^not-json\.json: \(document\): not valid JSON/
    );
    await expect(readScenarioFile(join(folder, "missing.json"))).rejects.toThrow(
      "missing.json: cannot be read (ENOENT)"
    );
  });

  it("defaultReferencePath() is the baseline beside the scenario, the shakeout beside the baseline, else none", () => {
    const presets = new URL("../data/scenarios/", import.meta.url).pathname;
    expect(defaultReferencePath(join(presets, "shakeout.json"))).toBe(join(presets, "baseline.json"));
    expect(defaultReferencePath(join(presets, "regulated.json"))).toBe(join(presets, "baseline.json"));
    expect(defaultReferencePath(join(presets, "baseline.json"))).toBe(join(presets, "shakeout.json"));
    expect(defaultReferencePath(join(folder, "two-year-bet.json"))).toBe(null);
  });
});
