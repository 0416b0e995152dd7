import type {AttritionAssumptions} from "./scenario.js";

/** A scenario's attrition checked against a portfolio: the industries it gives no hazard for. */
export interface ScenarioHazardsCheck {
  /** The portfolio's industries that have neither a path of their own nor a "*" default, sorted. */
  missing: string[];
  /** A sentence naming them (at most `listed` of them), or null when every industry has a path. */
  problem: string | null;
}

/** Options of {@link checkScenarioHazards}. */
export interface CheckScenarioHazardsOptions {
  /** The most industries named in `problem`; the rest are counted. Default 10. */
  listed?: number;
}

/**
 * Whether a scenario's attrition gives a hazard path to every industry of a portfolio: its own
 * path, or the `"*"` default. A scenario without a "*" that misses an industry of the book cannot
 * be simulated on it (hazardAt throws), so it is refused when it is imported, naming the
 * industries, rather than accepted and failing at every run. Industry names are user text:
 * `"constructor"` and `"__proto__"` are looked up as own keys only, never through the prototype.
 *
 * @example
 * checkScenarioHazards({hazard: {Telecom: [0.1]}}, ["Telecom", "Retail", "Banking"]);
 * // {missing: ["Banking", "Retail"], problem: 'no hazard path for the industries "Banking", "Retail" and no "*" default'}
 */
export function checkScenarioHazards(
  attrition: Pick<AttritionAssumptions, "hazard">,
  industries: Iterable<string>,
  {listed = 10}: CheckScenarioHazardsOptions = {}
): ScenarioHazardsCheck {
  if (!(Number.isInteger(listed) && listed >= 1))
    throw new RangeError(`invalid number of industries listed: ${listed}`);
  const hazard = attrition.hazard;
  const has = (key: string) => Object.hasOwn(hazard, key) && Array.isArray(hazard[key]) && hazard[key].length > 0;
  if (has("*")) return {missing: [], problem: null};
  const missing = [...new Set(industries)].filter((industry) => !has(industry)).sort();
  if (missing.length === 0) return {missing, problem: null};
  const named = missing
    .slice(0, listed)
    .map((industry) => JSON.stringify(industry.length > 60 ? `${industry.slice(0, 57)}…` : industry));
  const more = missing.length > listed ? ` and ${missing.length - listed} more` : "";
  const noun = missing.length === 1 ? "industry" : "industries";
  return {missing, problem: `no hazard path for the ${noun} ${named.join(", ")}${more} and no "*" default`};
}
