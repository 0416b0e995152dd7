import {estimateHazards, excerptValue, parseHazardPaths, type Account, type IndustryHazards} from "tierwise";
import {estimatedAttrition} from "./statePrecedence.js";

/** Yearly hazard paths by industry edited on the Attrition page, kept in this browser. */
const key = "tierwise-hazards";

/**
 * Reads the stored text of hazard edits: the paths that validate, and a note on what was dropped
 * (a damaged value, or paths written by another version), never a broken page.
 */
export function parseStoredHazards(text: string | null): {hazard: Record<string, number[]>; problem: string | null} {
  if (text === null) return {hazard: {}, problem: null};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return {
      hazard: {},
      problem: `the hazard edits saved in this browser are not readable (${excerptValue(text)}) and were not used`
    };
  }
  const {hazard, problems} = parseHazardPaths(value);
  if (problems.length === 0) return {hazard, problem: null};
  const listed = problems.slice(0, 3).join("; ") + (problems.length > 3 ? `; and ${problems.length - 3} more` : "");
  return {hazard, problem: `some hazard edits saved in this browser were not used: ${listed}`};
}

/** The saved hazard edits that validate, and a note on any that did not. */
export function readSavedHazardEdits(): {hazard: Record<string, number[]>; problem: string | null} {
  try {
    return parseStoredHazards(localStorage.getItem(key));
  } catch (error) {
    return {hazard: {}, problem: `this browser's storage cannot be read (${(error as Error).name})`};
  }
}

/**
 * The saved hazard paths that validate, by industry, as a Map (an industry may be called
 * "constructor" or "__proto__"): empty if none.
 */
export function readSavedHazards(): Map<string, number[]> {
  // The record's keys are all own properties, "__proto__" included; Object.entries reads them all.
  return new Map(Object.entries(readSavedHazardEdits().hazard));
}

/** Saves hazard paths by industry, replacing those saved before. */
export function saveHazards(hazards: ReadonlyMap<string, number[]>): void {
  // Object.fromEntries defines own properties, so JSON.stringify writes every name, "__proto__" too.
  localStorage.setItem(key, JSON.stringify(Object.fromEntries(hazards)));
}

export function clearSavedHazards(): void {
  localStorage.removeItem(key);
}

/** Years of estimated hazard path a scenario carries: the Simulator's longest horizon repeats the last. */
export const estimatedYears = 15;

/**
 * Each industry's estimated hazard path as the Simulator, Compare and Allocate use it: Weibull fits
 * on the portfolio's default age origin (firm age when founding years are known), at the active
 * accounts' current ages, over {@link estimatedYears} years. The Attrition page's table shows
 * exactly these.
 */
export function estimatedHazards(accounts: readonly Account[], {asOf}: {asOf: number}) {
  return estimateHazards(accounts, {asOf, horizon: estimatedYears});
}

/** Where the last estimates are kept, with the book and the year they were made for. */
const estimatesKey = "tierwise-estimates";
/** Raise it when the estimates a book gives change (a new estimator), so older ones are made again. */
const estimatesFormat = 1;

const isCount = (x: unknown): x is number => Number.isInteger(x) && (x as number) >= 0;

/**
 * The estimates stored for `id` (see {@link storedEstimatedHazards}), or null if the stored
 * record is for another book or year, or is not a list of estimates as `estimatedHazards` gives
 * them (damaged or from another version): those are made again, never used.
 */
export function parseStoredEstimates(text: string | null, id: string): IndustryHazards[] | null {
  if (text === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (!(value !== null && typeof value === "object" && (value as {id?: unknown}).id === id)) return null;
  const estimates = (value as {estimates?: unknown}).estimates;
  if (!Array.isArray(estimates)) return null;
  const valid = estimates.every(
    (e: Partial<Record<keyof IndustryHazards, unknown>> | null) =>
      e !== null &&
      typeof e === "object" &&
      typeof e.industry === "string" &&
      isCount(e.accounts) &&
      isCount(e.events) &&
      typeof e.note === "string" &&
      (e.hazard === null ||
        (Array.isArray(e.hazard) &&
          e.hazard.length === estimatedYears &&
          e.hazard.every((h: unknown) => typeof h === "number" && h >= 0 && h <= 1)))
  );
  return valid ? (estimates as IndustryHazards[]) : null;
}

/**
 * {@link estimatedHazards}, kept in this browser for the book they were made on: a million-account
 * book's estimates take a second or more, and each page that simulates it needs them. `book`
 * names the accounts (it changes with every upload and with the segment in use); null computes
 * them every time (the sample: a few milliseconds). The last book's estimates are the only ones kept.
 */
export function storedEstimatedHazards(
  accounts: readonly Account[],
  {asOf, book}: {asOf: number; book: string | null}
): IndustryHazards[] {
  if (book === null) return estimatedHazards(accounts, {asOf});
  const id = JSON.stringify([estimatesFormat, book, asOf, estimatedYears]);
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(estimatesKey);
  } catch {
    // Storage that cannot be read: the estimates are made again.
  }
  const kept = parseStoredEstimates(stored, id);
  if (kept) return kept;
  const estimates = estimatedHazards(accounts, {asOf});
  try {
    localStorage.setItem(estimatesKey, JSON.stringify({id, estimates}));
  } catch {
    // Storage full or refused: the estimates are made again on the next page.
  }
  return estimates;
}

/** Forgets the kept estimates (they name the book's industries): when its book is replaced or cleared. */
export function forgetEstimates(): void {
  try {
    localStorage.removeItem(estimatesKey);
  } catch {
    // Storage that cannot be written holds none.
  }
}

/**
 * The hazards a scenario "estimated from this portfolio" uses: `fallback` for industries without
 * an estimate (key "*"), each industry's estimate (see {@link estimatedHazards}), and the saved
 * edits on top. The record's keys are all own properties, whatever the industries are called.
 */
export function portfolioHazards(
  accounts: readonly Account[],
  {asOf, fallback}: {asOf: number; fallback: number[]}
): Record<string, number[]> {
  return estimatedAttrition({estimates: estimatedHazards(accounts, {asOf}), edits: readSavedHazards(), fallback});
}
