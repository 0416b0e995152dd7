import {estimateHazards, type Account} from "tierwise";

/** Yearly hazard paths by industry edited on the Attrition page, kept in this browser. */
const key = "tierwise-hazards";

/**
 * A yearly hazard path typed by the user ("0.08, 0.07; 0.06"): 1 to 30 hazards from 0 to 1, or
 * null if the text is anything else (empty text included).
 */
export function parseHazardPath(text: string): number[] | null {
  const values = text
    .split(/[,;\s]+/)
    .filter(Boolean)
    .map(Number);
  return isHazardPath(values) ? values : null;
}

function isHazardPath(values: unknown): values is number[] {
  return (
    Array.isArray(values) &&
    values.length > 0 &&
    values.length <= 30 &&
    values.every((h) => typeof h === "number" && h >= 0 && h <= 1)
  );
}

/**
 * The saved hazard paths by industry, as a Map (an industry may be called "constructor" or
 * "__proto__"): empty if none, or if what is stored is not readable; an entry that is not a valid
 * path is left out.
 */
export function readSavedHazards(): Map<string, number[]> {
  try {
    const saved: unknown = JSON.parse(localStorage.getItem(key) ?? "{}");
    if (saved === null || typeof saved !== "object" || Array.isArray(saved)) return new Map();
    // JSON.parse makes every key an own property, "__proto__" included; Object.entries reads them all.
    return new Map(Object.entries(saved).filter((entry): entry is [string, number[]] => isHazardPath(entry[1])));
  } catch {
    return new Map();
  }
}

/** Saves hazard paths by industry, replacing those saved before. */
export function saveHazards(hazards: ReadonlyMap<string, number[]>): void {
  // Object.fromEntries defines own properties, so JSON.stringify writes every name, "__proto__" too.
  localStorage.setItem(key, JSON.stringify(Object.fromEntries(hazards)));
}

export function clearSavedHazards(): void {
  localStorage.removeItem(key);
}

/**
 * The hazards a scenario "estimated from this portfolio" uses: `fallback` for industries without
 * an estimate (key "*"), each industry's estimate over 15 years, and the saved edits on top. The
 * record's keys are all own properties, whatever the industries are called.
 */
export function portfolioHazards(
  accounts: readonly Account[],
  {asOf, fallback}: {asOf: number; fallback: number[]}
): Record<string, number[]> {
  const estimated = estimateHazards(accounts, {asOf, horizon: 15}).flatMap((e) =>
    e.hazard ? [[e.industry, e.hazard] as const] : []
  );
  return Object.fromEntries([["*", fallback], ...estimated, ...readSavedHazards()]);
}
