import {defaultScenario, type Scenario} from "./scenario.js";

/**
 * A scenario document without what equals the default scenario, field by field (and tier by
 * tier): parseScenario fills omitted fields from the defaults, so `parseScenario(compactScenario(s))`
 * equals `s` for any valid scenario. Keeps links and files small.
 *
 * @example
 * compactScenario({...defaultScenario, name: "Cheaper heads", costPerHead: 100_000});
 * // {version: 1, name: "Cheaper heads", costPerHead: 100000}
 */
export function compactScenario(scenario: Scenario): Record<string, unknown> {
  return {version: 1, ...difference(scenario, defaultScenario, ["version"])} as Record<string, unknown>;
}

const wholeKeys = new Set(["hazard", "cut"]);

function difference(value: object, reference: object, skip: string[] = []): Record<string, unknown> {
  const out: [string, unknown][] = [];
  for (const [key, v] of Object.entries(value)) {
    if (skip.includes(key)) continue;
    const r = Object.hasOwn(reference, key) ? (reference as Record<string, unknown>)[key] : undefined;
    if (equal(v, r)) continue;
    // Nested settings are compared member by member, except hazard paths (a map) and the tier cut
    // (its parameters mean nothing without its `by`, which parseScenario requires): kept whole.
    const nested = !wholeKeys.has(key) && isRecord(v) && isRecord(r) ? difference(v, r) : v;
    out.push([key, nested]);
  }
  // Own properties, so an industry named "__proto__" survives.
  return Object.fromEntries(out);
}

const isRecord = (x: unknown): x is Record<string, unknown> => x !== null && typeof x === "object" && !Array.isArray(x);

function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => equal(x, b[i]));
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && equal(a[k], b[k]));
  }
  return false;
}
