import {checkScenarioHazards, excerptValue, parseScenario, type Scenario} from "tierwise";

/** Scenarios saved in this browser for the Compare page, newest last. */
const key = "tierwise-saved-scenarios";

export interface SavedScenario {
  name: string;
  savedAt: string;
  scenario: Scenario;
}

/**
 * Reads the stored text of saved scenarios: those that validate (and, given the portfolio's
 * industries, name a hazard for each of them or a "*" default); the others are dropped and listed
 * in `invalid` with a short reason, never a broken page.
 */
export function parseStoredScenarios(
  text: string | null,
  {industries}: {industries?: Iterable<string>} = {}
): {saved: SavedScenario[]; invalid: string[]} {
  let stored: unknown;
  try {
    stored = JSON.parse(text ?? "[]");
  } catch {
    return {saved: [], invalid: [`(the saved list is not readable: ${excerptValue(text)})`]};
  }
  if (!Array.isArray(stored)) return {saved: [], invalid: [`(the saved list is not a list: ${excerptValue(stored)})`]};
  const book = industries ? [...industries] : null;
  const saved: SavedScenario[] = [];
  const invalid: string[] = [];
  stored.forEach((entry: unknown, i) => {
    const e = (entry ?? {}) as {name?: unknown; savedAt?: unknown; scenario?: unknown};
    const name =
      typeof e.name === "string"
        ? e.name.length > 120
          ? `${e.name.slice(0, 119)}…`
          : e.name
        : `saved scenario ${i + 1}`;
    try {
      if (typeof e.name !== "string" || typeof e.savedAt !== "string" || e.savedAt.length > 40)
        throw new Error(`its name or date is damaged (${excerptValue(entry)})`);
      const scenario = parseScenario(e.scenario);
      const check = book ? checkScenarioHazards(scenario.attrition, book) : null;
      if (check?.problem) throw new Error(`it does not fit this portfolio: ${check.problem}`);
      saved.push({name: e.name, savedAt: e.savedAt, scenario});
    } catch (error) {
      const message = (error as Error).message;
      invalid.push(`${name}: ${message.length > 400 ? `${message.slice(0, 399)}…` : message}`);
    }
  });
  return {saved, invalid};
}

/** The saved scenarios that still validate (against `industries` if given); any that do not are listed in `invalid`. */
export function listSavedScenarios(options: {industries?: Iterable<string>} = {}): {
  saved: SavedScenario[];
  invalid: string[];
} {
  let text: string | null;
  try {
    text = localStorage.getItem(key);
  } catch (error) {
    return {saved: [], invalid: [`(this browser's storage cannot be read: ${(error as Error).name})`]};
  }
  return parseStoredScenarios(text, options);
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
