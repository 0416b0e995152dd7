import type {EffortResponse} from "../allocation/effortResponse.js";
import {defaultTierPolicies, type TierPolicy} from "../economics/tierPolicy.js";
import {defaultTierRules, type TierRules} from "../tiering/assignTiers.js";
import type {Tier} from "../tiering/tiers.js";

/** How industries lose accounts in a scenario. */
export interface AttritionAssumptions {
  /**
   * Yearly hazard paths by industry: hazard[industry][t] is the probability that a firm alive at
   * the start of year t + 1 exits during it. The key "*" applies to industries not listed. A path
   * shorter than the horizon repeats its last value.
   */
  hazard: Record<string, number[]>;
  /**
   * Log hazard ratio per unit of health, centred at health 0.5 (proportional hazards on the
   * complementary log-log scale). −1.5, the default, gives the healthiest firm (1.0) 0.47× and the
   * weakest (0) 2.1× the hazard of a middling one: a strong but not decisive effect, as credit
   * scores have on firm failure.
   */
  healthCoefficient: number;
  /** Volatility σ of the shared yearly log-normal hazard multiplier of each industry; 0 for none. */
  shockVolatility: number;
}

/** A scenario: everything the simulation assumes, never the data. */
export interface Scenario {
  version: 1;
  name: string;
  description: string;
  /** The last full year of data; null for the latest year in the portfolio. */
  asOf: number | null;
  horizon: number;
  discountRate: number;
  costPerHead: number;
  defaultWalletGrowth: number;
  attrition: AttritionAssumptions;
  tierRules: TierRules;
  tiers: Record<Tier, TierPolicy>;
  /** How an account's outcome responds to its heads, for allocating heads; absent for the default. */
  response?: EffortResponse;
}

/**
 * Yearly hazards of US establishments born in March 1994, from the BLS Business Employment
 * Dynamics survival table (The Economics Daily, 2018-11-01): % alive after 0..10 years 100, 79.6,
 * 68.1, 60.6, 54.3, 49.6, 45.2, 41.5, 38.3, 35.7, 33.6, so hazard t = 1 − alive(t)/alive(t−1).
 */
export const blsEstablishmentHazard: number[] = [100, 79.6, 68.1, 60.6, 54.3, 49.6, 45.2, 41.5, 38.3, 35.7, 33.6]
  .map((alive, t, a) => (t === 0 ? NaN : +(1 - alive / a[t - 1]!).toFixed(4)))
  .slice(1);

/** The default scenario: BLS establishment survival for every industry, default tiers and policies. */
export const defaultScenario: Scenario = {
  version: 1,
  name: "Baseline",
  description: "Every industry loses accounts as young US establishments do (BLS Business Employment Dynamics).",
  asOf: null,
  horizon: 10,
  discountRate: 0.1,
  costPerHead: 150_000,
  defaultWalletGrowth: 0.03,
  attrition: {hazard: {"*": blsEstablishmentHazard}, healthCoefficient: -1.5, shockVolatility: 0.2},
  tierRules: defaultTierRules,
  tiers: defaultTierPolicies
};

/**
 * The hazard for `industry` in year t (1-based) under a scenario's attrition. Only the record's own
 * keys count, so an industry named "constructor" or "toString" takes the "*" path, never a
 * built-in of every object.
 */
export function hazardAt({hazard}: Pick<AttritionAssumptions, "hazard">, industry: string, t: number): number {
  const path = Object.hasOwn(hazard, industry)
    ? hazard[industry]
    : Object.hasOwn(hazard, "*")
      ? hazard["*"]
      : undefined;
  if (!path || path.length === 0)
    throw new RangeError(`no hazard path for industry ${JSON.stringify(industry)} and no "*" default`);
  return path[Math.min(t, path.length) - 1]!;
}
