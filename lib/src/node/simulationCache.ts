// Node only: a scenario's simulation kept on disk for the rest of a build, so that a scenario
// simulated for one report (the baseline, say) is not simulated again as another report's reference.
import {createHash, randomUUID} from "node:crypto";
import {mkdir, readdir, readFile, rename, rm, stat, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {deserialize, serialize} from "node:v8";
import type {Scenario} from "../scenario/scenario.js";
import type {SimulatedScenario} from "../report/scenarioReport.js";
import {codeStamp} from "./portfolioCache.js";

/** What a report uses of a simulation. */
export type CachedSimulation = SimulatedScenario["simulation"];

/**
 * The key of a simulation: the accounts' digest, the scenario, the futures, the seed, the year and
 * the model's code (see codeStamp). The same key gives the same simulation to the last bit, so it
 * can be reused.
 */
export async function simulationCacheKey(
  portfolioSha256: string,
  scenario: Scenario,
  {trials, seed, asOf}: {trials: number; seed: number; asOf: number | undefined}
): Promise<string> {
  return createHash("sha256")
    .update(JSON.stringify([portfolioSha256, scenario, trials, seed, asOf ?? null, await codeStamp()]))
    .digest("hex")
    .slice(0, 32);
}

/** The simulation cached under `key`, or null when there is none or it cannot be read. */
export async function readSimulationCache(folder: string, key: string): Promise<CachedSimulation | null> {
  try {
    const value = deserialize(await readFile(join(folder, `simulation-${key}.bin`))) as {
      key: string;
      simulation: CachedSimulation;
    };
    return value.key === key && value.simulation?.total ? value.simulation : null;
  } catch {
    return null;
  }
}

/** Writes a simulation (v8's serialisation: typed arrays and NaN kept exactly), renamed into place. */
export async function writeSimulationCache(folder: string, key: string, simulation: CachedSimulation): Promise<void> {
  const {asOf, horizon, trials, seed, tiers, total} = simulation;
  await mkdir(folder, {recursive: true});
  const file = join(folder, `simulation-${key}.bin`);
  const temporary = `${file}.${process.pid}.${randomUUID()}.tmp`;
  try {
    await writeFile(temporary, serialize({key, simulation: {asOf, horizon, trials, seed, tiers, total}}));
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, {force: true});
    throw error;
  }
  // Simulations of builds past: a day old is older than any build.
  const now = Date.now();
  for (const name of await readdir(folder)) {
    if (!name.startsWith("simulation-")) continue;
    const s = await stat(join(folder, name)).catch(() => null);
    if (s && now - s.mtimeMs > 86_400_000) await rm(join(folder, name), {force: true});
  }
}
