import {excerptValue} from "../text/excerpt.js";

/** Hazard paths by industry read back from storage: the valid ones, and why the rest were dropped. */
export interface ParsedHazardPaths {
  /** Each valid path under its industry, as own properties (an industry may be named "__proto__"). */
  hazard: Record<string, number[]>;
  /** One line per path dropped, or for the whole value when it is not a map of paths. */
  problems: string[];
}

/**
 * Checks yearly hazard paths by industry, as the Attrition page saves them or as they come back
 * from storage written by another version: an object whose every value is a list of 1 to 30
 * numbers from 0 to 1. Paths that fail are dropped and listed; a value that is not such an object
 * gives no paths and one problem. Bad values are quoted in short excerpts only.
 *
 * @example
 * parseHazardPaths({Retail: [0.1, 0.05], Mining: "fast"});
 * // {hazard: {Retail: [0.1, 0.05]}, problems: ['Mining: must be a list of 1 to 30 hazards from 0 to 1, got "fast"']}
 */
export function parseHazardPaths(value: unknown): ParsedHazardPaths {
  if (value === null || typeof value !== "object" || Array.isArray(value))
    return {hazard: {}, problems: [`must be an object of hazard paths by industry, got ${excerptValue(value)}`]};
  const entries: [string, number[]][] = [];
  const problems: string[] = [];
  for (const [industry, path] of Object.entries(value)) {
    const ok =
      Array.isArray(path) &&
      path.length >= 1 &&
      path.length <= 30 &&
      path.every((h) => typeof h === "number" && h >= 0 && h <= 1);
    if (ok) entries.push([industry, path.slice()]);
    else
      problems.push(
        `${excerptValue(industry)}: must be a list of 1 to 30 hazards from 0 to 1, got ${excerptValue(path)}`
      );
  }
  // Object.fromEntries defines own properties, so "__proto__" stays an industry, not a prototype.
  return {hazard: Object.fromEntries(entries), problems};
}
