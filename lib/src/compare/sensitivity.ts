import type {TierPolicy} from "../economics/tierPolicy.js";
import type {Account} from "../portfolio/accountFields.js";
import type {Scenario} from "../scenario/scenario.js";
import {simulatePortfolio, type PortfolioSimulation} from "../simulation/simulatePortfolio.js";
import type {TierRules} from "../tiering/assignTiers.js";
import {tiers, type Tier} from "../tiering/tiers.js";
import {pow} from "../math/deterministic.js";

/** What a sensitivity analysis measures: one tier's outcome, or the whole portfolio's. */
export type SensitivityTarget = Tier | "total";

/** One parameter of a tornado chart, moved down and up from the scenario's value. */
export interface SensitivityParameter {
  key: string;
  label: string;
  group: "money" | "attrition" | "tier policy" | "tier rules";
  /** The scenario's value, as text. */
  base: string;
  low: {label: string; scenario: Scenario};
  high: {label: string; scenario: Scenario};
}

/** One bar of a tornado chart. */
export interface SensitivityRow {
  key: string;
  label: string;
  group: SensitivityParameter["group"];
  base: string;
  lowLabel: string;
  highLabel: string;
  /** Mean NPV of the target with the parameter at its low and high value. */
  low: number;
  high: number;
  /** P(NPV > 0) of the target at the low and high value. */
  lowProbability: number;
  highProbability: number;
  /** |high − low|, by which the rows are sorted. */
  swing: number;
}

/** The result of {@link sensitivity}. */
export interface Sensitivity {
  target: SensitivityTarget;
  /** Mean NPV and P(NPV > 0) of the target under the scenario itself. */
  base: number;
  baseProbability: number;
  trials: number;
  seed: number;
  /** Largest swing first. */
  rows: SensitivityRow[];
}

/** Options of {@link sensitivity}. */
export interface SensitivityOptions {
  trials?: number;
  seed?: number;
  asOf?: number;
  /** Called with the share of runs done (0 to 1) after each simulation. */
  onProgress?: (done: number) => void;
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const round = (x: number, digits = 4) => Math.round(x * pow(10, digits)) / pow(10, digits);
/** A value as a label, rounded, with a typographic minus sign. */
const text = (x: number) => String(round(x)).replace(/^-/, "\u2212");
const pct = (x: number) => `${round(x * 100, 1)}%`;
const years = (n: number) => `${n} ${n === 1 ? "year" : "years"}`;
const money = (x: number) => x.toLocaleString("en-US", {maximumFractionDigits: 0});

/**
 * The parameters a tornado chart moves for a target, each with the scenario one step down and one
 * step up. Steps are the ones a planning team argues over, not a fixed percentage:
 * - money: discount rate ±5 points, cost per head ±25%, horizon ±3 years;
 * - attrition: every hazard ×0.5 and ×1.5 (capped at 1), shock volatility 0 and doubled (at least
 *   0.2), health effect 0 and doubled;
 * - tier policy (the target tier's, or every tier's for the total): ramp ±1 year, heads ±25%,
 *   pre-sales ±50%, first share ±25% (unless the tier keeps today's share), share ceiling ±5
 *   points, share growth ±50%, gross margin ±5 points (unless each account's own is used);
 * - tier rules: top N ×0.5 and ×1.5 and the A and B shares ±5 points (rank cut) or each score
 *   threshold ±0.05 (score cut); and 0.1 of weight moved from wallet to health and back.
 * A parameter whose steps leave the scenario unchanged (a ramp of 0 cannot go lower, pre-sales of
 * 0 stay 0) is still listed, with the unchanged side equal to the base.
 */
export function sensitivityParameters(scenario: Scenario, target: SensitivityTarget): SensitivityParameter[] {
  const s = scenario;
  const out: SensitivityParameter[] = [];
  const add = (
    key: string,
    label: string,
    group: SensitivityParameter["group"],
    base: string,
    low: [string, Scenario],
    high: [string, Scenario]
  ) =>
    out.push({
      key,
      label,
      group,
      base,
      low: {label: low[0], scenario: low[1]},
      high: {label: high[0], scenario: high[1]}
    });

  const dr = (v: number): [string, Scenario] => [pct(v), {...s, discountRate: v}];
  add(
    "discountRate",
    "Discount rate",
    "money",
    pct(s.discountRate),
    dr(clamp(round(s.discountRate - 0.05), 0, 0.95)),
    dr(clamp(round(s.discountRate + 0.05), 0, 0.95))
  );
  const cph = (v: number): [string, Scenario] => [money(v), {...s, costPerHead: v}];
  add(
    "costPerHead",
    "Cost per sales head",
    "money",
    money(s.costPerHead),
    cph(s.costPerHead * 0.75),
    cph(s.costPerHead * 1.25)
  );
  const hz = (v: number): [string, Scenario] => [years(v), {...s, horizon: v}];
  add(
    "horizon",
    "Horizon",
    "money",
    years(s.horizon),
    hz(clamp(s.horizon - 3, 1, 30)),
    hz(clamp(s.horizon + 3, 1, 30))
  );

  const scaleHazard = (k: number): [string, Scenario] => [
    `×${k}`,
    {
      ...s,
      attrition: {
        ...s.attrition,
        hazard: Object.fromEntries(
          Object.entries(s.attrition.hazard).map(([key, path]) => [key, path.map((h) => Math.min(1, h * k))])
        )
      }
    }
  ];
  add("hazard", "Attrition hazard, every industry", "attrition", "×1", scaleHazard(0.5), scaleHazard(1.5));
  const sv = (v: number): [string, Scenario] => [text(v), {...s, attrition: {...s.attrition, shockVolatility: v}}];
  add(
    "shockVolatility",
    "Industry shock volatility",
    "attrition",
    text(s.attrition.shockVolatility),
    sv(0),
    sv(Math.max(0.2, 2 * s.attrition.shockVolatility))
  );
  const hc = (v: number): [string, Scenario] => [text(v), {...s, attrition: {...s.attrition, healthCoefficient: v}}];
  add(
    "healthCoefficient",
    "Effect of health on attrition",
    "attrition",
    text(s.attrition.healthCoefficient),
    hc(0),
    hc(2 * s.attrition.healthCoefficient)
  );

  const affected: readonly Tier[] = target === "total" ? tiers : [target];
  const whose = target === "total" ? "every tier" : `tier ${target}`;
  const policy = <K extends keyof TierPolicy>(
    key: K,
    label: string,
    base: string,
    step: (p: TierPolicy, side: -1 | 1) => TierPolicy[K],
    show: (v: TierPolicy[K]) => string
  ) => {
    const side = (sign: -1 | 1): [string, Scenario] => {
      const changed = {...s.tiers};
      for (const t of affected) changed[t] = {...s.tiers[t], [key]: step(s.tiers[t], sign)};
      return [
        target === "total" ? (sign < 0 ? "lower" : "higher") : show(changed[target]![key]),
        {...s, tiers: changed}
      ];
    };
    add(`tiers.${key}`, `${label}, ${whose}`, "tier policy", base, side(-1), side(1));
  };
  const one = target === "total" ? null : s.tiers[target];
  const baseOf = (f: (p: TierPolicy) => string) => (one ? f(one) : "each tier's");
  policy(
    "rampYears",
    "Ramp years",
    baseOf((p) => years(p.rampYears)),
    (p, d) => clamp(p.rampYears + d, 0, 15),
    years
  );
  policy(
    "headsPerAccount",
    "Heads per account",
    baseOf((p) => text(p.headsPerAccount)),
    (p, d) => round(p.headsPerAccount * (1 + 0.25 * d)),
    String
  );
  policy(
    "presalesCost",
    "Pre-sales per ramp year",
    baseOf((p) => money(p.presalesCost)),
    (p, d) => p.presalesCost * (1 + 0.5 * d),
    money
  );
  if (affected.some((t) => s.tiers[t].firstShare !== "current")) {
    policy(
      "firstShare",
      "First share of wallet",
      baseOf((p) => (p.firstShare === "current" ? "today's" : pct(p.firstShare))),
      (p, d) => (p.firstShare === "current" ? "current" : clamp(round(p.firstShare * (1 + 0.25 * d)), 0, 1)),
      (v) => (v === "current" ? "today's" : pct(v))
    );
  }
  policy(
    "shareCeiling",
    "Share of wallet ceiling",
    baseOf((p) => pct(p.shareCeiling)),
    (p, d) => clamp(round(p.shareCeiling + 0.05 * d), 0, 1),
    pct
  );
  policy(
    "shareGrowth",
    "Share growth",
    baseOf((p) => pct(p.shareGrowth)),
    (p, d) => clamp(round(p.shareGrowth * (1 + 0.5 * d)), 0, 1),
    pct
  );
  if (affected.some((t) => s.tiers[t].grossMargin !== "account")) {
    policy(
      "grossMargin",
      "Gross margin",
      baseOf((p) => (p.grossMargin === "account" ? "each account's" : pct(p.grossMargin))),
      (p, d) => (p.grossMargin === "account" ? "account" : clamp(round(p.grossMargin + 0.05 * d), 0, 1)),
      (v) => (v === "account" ? "each account's" : pct(v))
    );
  }

  const rules = (r: TierRules): Scenario => ({...s, tierRules: r});
  const {cut, weights} = s.tierRules;
  if (cut.by === "rank") {
    const topN = (v: number): [string, Scenario] => [text(v), rules({...s.tierRules, cut: {...cut, topN: v}})];
    add(
      "tierRules.cut.topN",
      "Top N accounts in tier S",
      "tier rules",
      text(cut.topN),
      topN(Math.round(cut.topN * 0.5)),
      topN(Math.round(cut.topN * 1.5))
    );
    for (const k of ["shareA", "shareB"] as const) {
      const share = (v: number): [string, Scenario] => [pct(v), rules({...s.tierRules, cut: {...cut, [k]: v}})];
      add(
        `tierRules.cut.${k}`,
        `Share of accounts in tier ${k.at(-1)}`,
        "tier rules",
        pct(cut[k]),
        share(clamp(round(cut[k] - 0.05), 0, 1)),
        share(clamp(round(cut[k] + 0.05), 0, 1))
      );
    }
  } else {
    for (const k of ["S", "A", "B"] as const) {
      // Keep S ≥ A ≥ B: a threshold moves only as far as its neighbours.
      const lo = k === "S" ? cut.A : k === "A" ? cut.B : 0;
      const hi = k === "S" ? 1 : k === "A" ? cut.S : cut.A;
      const threshold = (v: number): [string, Scenario] => [text(v), rules({...s.tierRules, cut: {...cut, [k]: v}})];
      add(
        `tierRules.cut.${k}`,
        `Score threshold of tier ${k}`,
        "tier rules",
        text(cut[k]),
        threshold(clamp(round(cut[k] - 0.05), lo, hi)),
        threshold(clamp(round(cut[k] + 0.05), lo, hi))
      );
    }
  }
  const shift = (toHealth: number): Scenario => {
    const moved = clamp(toHealth, -weights.health, weights.wallet);
    return rules({
      ...s.tierRules,
      weights: {...weights, wallet: round(weights.wallet - moved), health: round(weights.health + moved)}
    });
  };
  add(
    "tierRules.weights",
    "Weight on health rather than wallet",
    "tier rules",
    `wallet ${weights.wallet}, health ${weights.health}`,
    ["0.1 to wallet", shift(-0.1)],
    ["0.1 to health", shift(0.1)]
  );
  return out;
}

/**
 * The simulations {@link sensitivity} runs for a target: one for the scenario and two for each of
 * its parameters. Times its futures and accounts, it is the analysis' cost in account-futures.
 *
 * @example
 * sensitivityRuns(defaultScenario, "S") * 200 * accounts.length; // account-futures of a 200-future tornado
 */
export function sensitivityRuns(scenario: Scenario, target: SensitivityTarget): number {
  return 1 + 2 * sensitivityParameters(scenario, target).length;
}

/**
 * A tornado analysis: the target's mean NPV (and P(NPV > 0)) with each parameter of
 * {@link sensitivityParameters} at its low and high value, every run with the same seed, so the
 * differences between runs are the parameters' effects and not simulation noise (common random
 * numbers). Costs 2 simulations per parameter plus one.
 *
 * @example
 * const tornado = sensitivity(accounts, scenario, "S", {trials: 500, seed: 1});
 * tornado.rows[0].label; // the parameter tier S's expected NPV depends on most
 */
export function sensitivity(
  accounts: readonly Account[],
  scenario: Scenario,
  target: SensitivityTarget,
  {trials = 500, seed = 1, asOf, onProgress}: SensitivityOptions = {}
): Sensitivity {
  const parameters = sensitivityParameters(scenario, target);
  const runs = sensitivityRuns(scenario, target);
  let done = 0;
  const measure = (s: Scenario) => {
    // Only the NPVs are read: the cumulative-cash fans are left out.
    const result: PortfolioSimulation = simulatePortfolio(accounts, s, {
      trials,
      seed,
      cash: false,
      ...(asOf === undefined ? {} : {asOf})
    });
    onProgress?.(++done / runs);
    const outcome = target === "total" ? result.total : result.tiers[target];
    return {mean: outcome.npv.mean, probability: outcome.probabilityPositive};
  };
  const base = measure(scenario);
  const rows = parameters.map((p): SensitivityRow => {
    const low = measure(p.low.scenario);
    const high = measure(p.high.scenario);
    return {
      key: p.key,
      label: p.label,
      group: p.group,
      base: p.base,
      lowLabel: p.low.label,
      highLabel: p.high.label,
      low: low.mean,
      high: high.mean,
      lowProbability: low.probability,
      highProbability: high.probability,
      swing: Math.abs(high.mean - low.mean)
    };
  });
  rows.sort((a, b) => b.swing - a.swing);
  return {target, base: base.mean, baseProbability: base.probability, trials, seed, rows};
}
