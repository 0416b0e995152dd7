import {parseScenario, type Scenario} from "tierwise";

/** Scenarios saved in this browser for the Compare page, newest last. */
const key = "tierwise-saved-scenarios";

export interface SavedScenario {
  name: string;
  savedAt: string;
  scenario: Scenario;
}

/** The saved scenarios that still validate; any that do not are dropped, and listed in `invalid`. */
export function listSavedScenarios(): {saved: SavedScenario[]; invalid: string[]} {
  let stored: unknown;
  try {
    stored = JSON.parse(localStorage.getItem(key) ?? "[]");
  } catch {
    return {saved: [], invalid: ["(the saved list is not readable)"]};
  }
  const saved: SavedScenario[] = [];
  const invalid: string[] = [];
  for (const entry of Array.isArray(stored) ? stored : []) {
    try {
      saved.push({name: String(entry.name), savedAt: String(entry.savedAt), scenario: parseScenario(entry.scenario)});
    } catch (error) {
      invalid.push(`${String(entry?.name)}: ${(error as Error).message}`);
    }
  }
  return {saved, invalid};
}

/** Saves a scenario under its name, replacing one saved under the same name. */
export function saveScenario(scenario: Scenario): void {
  const {saved} = listSavedScenarios();
  const entry = {name: scenario.name, savedAt: new Date().toISOString(), scenario};
  localStorage.setItem(key, JSON.stringify([...saved.filter((d) => d.name !== scenario.name), entry]));
}

/** Removes the scenario saved under `name`. */
export function removeSavedScenario(name: string): void {
  const {saved} = listSavedScenarios();
  localStorage.setItem(key, JSON.stringify(saved.filter((d) => d.name !== name)));
}
