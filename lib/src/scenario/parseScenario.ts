import {defaultEffortResponse, type EffortResponse} from "../allocation/effortResponse.js";
import type {CostToServe} from "../economics/costToServe.js";
import type {TierPolicy} from "../economics/tierPolicy.js";
import {criteria, type TierRules} from "../tiering/assignTiers.js";
import {tiers, type Tier} from "../tiering/tiers.js";
import {excerptValue} from "../text/excerpt.js";
import {defaultScenario, type Scenario} from "./scenario.js";

/** A scenario that failed validation; `issues` lists every problem with its path. */
export class ScenarioError extends Error {
  readonly issues: {path: string; message: string}[];
  constructor(issues: {path: string; message: string}[]) {
    const more = issues.length > listedIssues ? `; and ${issues.length - listedIssues} more problems` : "";
    super(
      issues
        .slice(0, listedIssues)
        .map((i) => `${i.path}: ${i.message}`)
        .join("; ") + more
    );
    this.name = "ScenarioError";
    this.issues = issues;
  }
}

type Issues = {path: string; message: string}[];
type Json = unknown;

// A short quotation: a 10 MB field must not become a 10 MB message.
const show = (value: Json) => excerptValue(value);
const shortKey = (key: string) => (key.length > 60 ? `${key.slice(0, 57)}…` : key);
// The message names the first problems only; `issues` keeps them all.
const listedIssues = 20;

/**
 * Validates a scenario document (an object or its JSON text) and returns it complete: fields it
 * omits take the default scenario's values. Rejects unknown keys, wrong types and out-of-range
 * values, naming each path, e.g. `tiers.S.rampYears: must be an integer from 0 to 15, got -1`.
 * Only `"version": 1` is understood; a document without a version is rejected.
 *
 * @example
 * parseScenario(await readFile("data/scenarios/shakeout.json", "utf-8")).name; // "Shakeout"
 */
export function parseScenario(input: Json): Scenario {
  let json = input;
  if (typeof input === "string") {
    try {
      json = JSON.parse(input);
    } catch (error) {
      throw new ScenarioError([{path: "(document)", message: `not valid JSON: ${(error as Error).message}`}]);
    }
  }
  const issues: Issues = [];
  const d = defaultScenario;
  const root = object(json, "(document)", issues, [
    "version",
    "name",
    "description",
    "asOf",
    "horizon",
    "discountRate",
    "costPerHead",
    "defaultWalletGrowth",
    "attrition",
    "tierRules",
    "tiers",
    "response"
  ]);
  if (!root) throw new ScenarioError(issues);
  if (root.version !== 1) {
    issues.push({
      path: "version",
      message: `must be 1 (the only version this release reads), got ${show(root.version)}`
    });
  }
  const scenario: Scenario = {
    version: 1,
    name: string(root.name, "name", issues, d.name),
    description: string(root.description, "description", issues, d.description),
    asOf: root.asOf === null ? null : number(root.asOf, "asOf", issues, d.asOf, {min: 1900, max: 2200, integer: true}),
    horizon: number(root.horizon, "horizon", issues, d.horizon, {min: 1, max: 30, integer: true})!,
    discountRate: number(root.discountRate, "discountRate", issues, d.discountRate, {min: 0, below: 1})!,
    costPerHead: number(root.costPerHead, "costPerHead", issues, d.costPerHead, {min: 0})!,
    defaultWalletGrowth: number(root.defaultWalletGrowth, "defaultWalletGrowth", issues, d.defaultWalletGrowth, {
      min: -0.5,
      max: 1
    })!,
    attrition: attrition(root.attrition, issues),
    tierRules: tierRules(root.tierRules, issues),
    tiers: tierPolicies(root.tiers, issues)
  };
  if (root.response !== undefined) scenario.response = response(root.response, issues);
  if (issues.length > 0) throw new ScenarioError(issues);
  return scenario;
}

function attrition(value: Json, issues: Issues): Scenario["attrition"] {
  const d = defaultScenario.attrition;
  if (value === undefined) return d;
  const o = object(value, "attrition", issues, ["hazard", "healthCoefficient", "shockVolatility"]);
  if (!o) return d;
  let hazard = d.hazard;
  if (o.hazard !== undefined) {
    const h = object(o.hazard, "attrition.hazard", issues, null);
    if (h) {
      const paths: [string, number[]][] = [];
      for (const [industry, path] of Object.entries(h)) {
        const where = `attrition.hazard.${shortKey(industry)}`;
        if (!Array.isArray(path) || path.length === 0 || path.length > 30) {
          issues.push({path: where, message: `must be a list of 1 to 30 yearly hazards, got ${show(path)}`});
          continue;
        }
        paths.push([industry, path.map((x, i) => number(x, `${where}[${i}]`, issues, 0, {min: 0, max: 1})!)]);
      }
      // Own properties whatever the name: assigning to hazard["__proto__"] would set the prototype.
      hazard = Object.fromEntries(paths);
      if (paths.length === 0)
        issues.push({path: "attrition.hazard", message: 'must name at least one industry or "*"'});
    }
  }
  return {
    hazard,
    healthCoefficient: number(o.healthCoefficient, "attrition.healthCoefficient", issues, d.healthCoefficient, {
      min: -10,
      max: 10
    })!,
    shockVolatility: number(o.shockVolatility, "attrition.shockVolatility", issues, d.shockVolatility, {
      min: 0,
      max: 3
    })!
  };
}

function response(value: Json, issues: Issues): EffortResponse {
  const d = defaultEffortResponse;
  const o = object(value, "response", issues, ["elasticity", "rampExponent", "erosion", "maxHeads", "anchor"]);
  if (!o) return d;
  const elasticity = number(o.elasticity, "response.elasticity", issues, d.elasticity, {min: 0, max: 1})!;
  if (elasticity === 0 || elasticity === 1)
    issues.push({path: "response.elasticity", message: `must be between 0 and 1 (not either), got ${elasticity}`});
  const maxHeads = number(o.maxHeads, "response.maxHeads", issues, d.maxHeads, {min: 0, max: 100})!;
  if (maxHeads === 0) issues.push({path: "response.maxHeads", message: "must be above 0, got 0"});
  const parsed: EffortResponse = {
    elasticity,
    rampExponent: number(o.rampExponent, "response.rampExponent", issues, d.rampExponent, {min: 0, max: 3})!,
    erosion: number(o.erosion, "response.erosion", issues, d.erosion, {min: 0, max: 1})!,
    maxHeads
  };
  if (o.anchor !== undefined) {
    const a = object(o.anchor, "response.anchor", issues, tiers);
    if (a) {
      const anchor: Partial<Record<Tier, number>> = {};
      for (const tier of tiers) {
        if (a[tier] === undefined) continue;
        const h = number(a[tier], `response.anchor.${tier}`, issues, undefined, {min: 0, max: 100});
        if (h !== undefined) anchor[tier] = h;
      }
      parsed.anchor = anchor;
    }
  }
  return parsed;
}

function tierRules(value: Json, issues: Issues): TierRules {
  const d = defaultScenario.tierRules;
  if (value === undefined) return d;
  const o = object(value, "tierRules", issues, ["weights", "cut"]);
  if (!o) return d;
  let weights = d.weights;
  if (o.weights !== undefined) {
    const w = object(o.weights, "tierRules.weights", issues, criteria);
    if (w) {
      weights = Object.fromEntries(
        criteria.map((c) => [c, number(w[c], `tierRules.weights.${c}`, issues, d.weights[c], {min: 0, max: 100})!])
      ) as TierRules["weights"];
      if (criteria.every((c) => weights[c] === 0))
        issues.push({path: "tierRules.weights", message: "at least one weight must be positive"});
    }
  }
  let cut = d.cut;
  if (o.cut !== undefined) {
    const c = object(o.cut, "tierRules.cut", issues, ["by", "topN", "shareA", "shareB", "S", "A", "B"]);
    if (c?.by === "rank") {
      for (const k of ["S", "A", "B"])
        if (c[k] !== undefined) issues.push({path: `tierRules.cut.${k}`, message: "applies only to a cut by score"});
      const shareA = number(c.shareA, "tierRules.cut.shareA", issues, 0.15, {min: 0, max: 1})!;
      const shareB = number(c.shareB, "tierRules.cut.shareB", issues, 0.35, {min: 0, max: 1})!;
      if (shareA + shareB > 1)
        issues.push({path: "tierRules.cut", message: `shareA + shareB must not exceed 1, got ${shareA + shareB}`});
      cut = {
        by: "rank",
        topN: number(c.topN, "tierRules.cut.topN", issues, 100, {min: 0, max: 1_000_000, integer: true})!,
        shareA,
        shareB
      };
    } else if (c?.by === "score") {
      for (const k of ["topN", "shareA", "shareB"])
        if (c[k] !== undefined) issues.push({path: `tierRules.cut.${k}`, message: "applies only to a cut by rank"});
      const S = number(c.S, "tierRules.cut.S", issues, 0.8, {min: 0, max: 1})!;
      const A = number(c.A, "tierRules.cut.A", issues, 0.6, {min: 0, max: 1})!;
      const B = number(c.B, "tierRules.cut.B", issues, 0.4, {min: 0, max: 1})!;
      if (!(S >= A && A >= B))
        issues.push({path: "tierRules.cut", message: `thresholds must satisfy S ≥ A ≥ B, got ${S}, ${A}, ${B}`});
      cut = {by: "score", S, A, B};
    } else if (c) {
      issues.push({path: "tierRules.cut.by", message: `must be "rank" or "score", got ${show(c.by)}`});
    }
  }
  return {weights, cut};
}

function tierPolicies(value: Json, issues: Issues): Record<Tier, TierPolicy> {
  const d = defaultScenario.tiers;
  if (value === undefined) return d;
  const o = object(value, "tiers", issues, tiers);
  if (!o) return d;
  return Object.fromEntries(
    tiers.map((tier) => [tier, tierPolicy(o[tier], `tiers.${tier}`, d[tier], issues)])
  ) as Record<Tier, TierPolicy>;
}

function tierPolicy(value: Json, path: string, d: TierPolicy, issues: Issues): TierPolicy {
  if (value === undefined) return d;
  const o = object(value, path, issues, [
    "rampYears",
    "headsPerAccount",
    "presalesCost",
    "firstShare",
    "shareCeiling",
    "shareGrowth",
    "grossMargin",
    "costToServe"
  ]);
  if (!o) return d;
  return {
    rampYears: number(o.rampYears, `${path}.rampYears`, issues, d.rampYears, {min: 0, max: 15, integer: true})!,
    headsPerAccount: number(o.headsPerAccount, `${path}.headsPerAccount`, issues, d.headsPerAccount, {
      min: 0,
      max: 100
    })!,
    presalesCost: number(o.presalesCost, `${path}.presalesCost`, issues, d.presalesCost, {min: 0})!,
    firstShare:
      o.firstShare === "current"
        ? "current"
        : number(o.firstShare, `${path}.firstShare`, issues, d.firstShare, {min: 0, max: 1, orText: "current"})!,
    shareCeiling: number(o.shareCeiling, `${path}.shareCeiling`, issues, d.shareCeiling, {min: 0, max: 1})!,
    shareGrowth: number(o.shareGrowth, `${path}.shareGrowth`, issues, d.shareGrowth, {min: 0, max: 1})!,
    grossMargin:
      o.grossMargin === "account"
        ? "account"
        : number(o.grossMargin, `${path}.grossMargin`, issues, d.grossMargin, {min: -1, max: 1, orText: "account"})!,
    costToServe: costToServe(o.costToServe, `${path}.costToServe`, d.costToServe, issues)
  };
}

function costToServe(value: Json, path: string, d: CostToServe, issues: Issues): CostToServe {
  if (value === undefined) return d;
  const o = object(value, path, issues, ["costPerOrder", "ordersPerYear", "variableShare"]);
  if (!o) return d;
  return {
    costPerOrder: number(o.costPerOrder, `${path}.costPerOrder`, issues, d.costPerOrder, {min: 0})!,
    ordersPerYear: number(o.ordersPerYear, `${path}.ordersPerYear`, issues, d.ordersPerYear, {min: 0, max: 10_000})!,
    variableShare: number(o.variableShare, `${path}.variableShare`, issues, d.variableShare, {min: 0, max: 1})!
  };
}

function object(
  value: Json,
  path: string,
  issues: Issues,
  keys: readonly string[] | null
): Record<string, Json> | null {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    issues.push({path, message: `must be an object, got ${show(value)}`});
    return null;
  }
  if (keys) {
    for (const key of Object.keys(value)) {
      if (!keys.includes(key))
        issues.push({
          path: path === "(document)" ? shortKey(key) : `${path}.${shortKey(key)}`,
          message: "is not a known setting"
        });
    }
  }
  return value as Record<string, Json>;
}

function string(value: Json, path: string, issues: Issues, fallback: string): string {
  if (value === undefined) return fallback;
  if (typeof value !== "string" || value.length > 10_000) {
    issues.push({path, message: `must be text, got ${show(value)}`});
    return fallback;
  }
  return value;
}

interface NumberRule {
  min?: number;
  max?: number;
  /** Exclusive upper bound. */
  below?: number;
  integer?: boolean;
  /** A text value also accepted (checked by the caller), for the message. */
  orText?: string;
}

function number<T>(
  value: Json,
  path: string,
  issues: Issues,
  fallback: T,
  {min = -Infinity, max = Infinity, below, integer, orText}: NumberRule
): number | T {
  if (value === undefined) return fallback;
  const ok =
    typeof value === "number" &&
    Number.isFinite(value) &&
    value >= min &&
    (below === undefined ? value <= max : value < below) &&
    (!integer || Number.isInteger(value));
  if (ok) return value;
  const kind = integer ? "an integer" : "a number";
  const range =
    below !== undefined
      ? ` from ${min} up to (not including) ${below}`
      : min > -Infinity && max < Infinity
        ? ` from ${min} to ${max}`
        : min > -Infinity
          ? ` of at least ${min}`
          : max < Infinity
            ? ` of at most ${max}`
            : "";
  issues.push({path, message: `must be ${kind}${range}${orText ? ` or "${orText}"` : ""}, got ${show(value)}`});
  return fallback;
}
