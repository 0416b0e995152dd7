import {pairedDifference} from "../compare/pairedDifference.js";
import type {Account} from "../portfolio/accountFields.js";
import {hazardsUsed, type HazardsUsed} from "../scenario/hazardsUsed.js";
import type {Scenario} from "../scenario/scenario.js";
import {
  simulatePortfolio,
  type Fan,
  type PortfolioSimulation,
  type TierOutcome
} from "../simulation/simulatePortfolio.js";
import type {Summary} from "../simulation/summarize.js";
import {tiers, type Tier} from "../tiering/tiers.js";
import {histogram, type HistogramBin} from "./histogram.js";
import {tierVerdict, type TierVerdict} from "./tierVerdict.js";
import {verdictSummary} from "./verdictSummary.js";

/** One tier (or the whole portfolio) in a {@link ScenarioReport}. */
export interface ReportTier {
  tier: Tier | "total";
  accounts: number;
  heads: number;
  npv: Summary;
  /** Monte Carlo standard error of the mean NPV. */
  standardError: number;
  probabilityPositive: number;
  /** Monte Carlo standard error of P(NPV > 0), √(p(1 − p)/trials). */
  probabilityStandardError: number;
  probabilityPayback: number;
  investment: number;
  wastedBeforeFirstOrder: number;
  wastedBeforePayback: number;
  breakEvenSurvival: number | null;
  verdict: TierVerdict;
  /** The NPV distribution as bins, in currency. */
  histogram: HistogramBin[];
  survivors: Fan;
  cumulativeCash: Fan;
  perHead: TierOutcome["perHead"];
  /** The same tier under the reference scenario, on the same futures. */
  reference: {
    npvMean: number;
    probabilityPositive: number;
    verdict: TierVerdict;
    /** Median accounts alive at the end of each year 0..horizon, to draw beside this scenario's fan. */
    survivorsMedian: number[];
    /** Median cumulative discounted cash at the end of each year 0..horizon. */
    cumulativeCashMedian: number[];
    /** This scenario minus the reference, future by future. */
    difference: {mean: number; standardError: number; p5: number; p95: number; probabilityGreater: number};
  } | null;
}

/** Everything a static report of a scenario shows: computed once, at build time. */
export interface ScenarioReport {
  scenario: Scenario;
  reference: Scenario | null;
  trials: number;
  seed: number;
  asOf: number;
  horizon: number;
  /** Active accounts simulated. */
  accounts: number;
  /** The yearly hazards the simulation applied to the accounts' industries (see hazardsUsed). */
  hazards: HazardsUsed[];
  /** The same for the reference scenario; null without one. */
  referenceHazards: HazardsUsed[] | null;
  tiers: ReportTier[];
  total: ReportTier;
  /** The tiers' verdicts in one sentence (see verdictSummary). */
  summary: string;
  /** The same under the reference scenario; null without one. */
  referenceSummary: string | null;
}

/** Options of {@link scenarioReport}. */
export interface ScenarioReportOptions {
  trials?: number;
  seed?: number;
  asOf?: number;
  /** A second scenario simulated on the same futures, to set each tier against. */
  reference?: Scenario;
  /** Bins of each NPV histogram. Default 40. */
  bins?: number;
  /** Called with the share of the simulations done (0 to 1), for a progress bar; cannot change the results. */
  onProgress?: (done: number) => void;
}

/**
 * The content of a published report on one scenario: each tier's outcome, verdict and reason,
 * distributions as histogram bins and fans rather than raw draws (a few kilobytes of JSON), the
 * hazards applied, and, if a reference scenario is given, the same tier under it on the same
 * futures (common random numbers) with the paired difference and its median fans.
 *
 * @example
 * const report = scenarioReport(accounts, shakeout, {trials: 5000, seed: 1, reference: baseline});
 * report.tiers[0].verdict.sentence; // tier S's verdict under the shakeout
 */
export function scenarioReport(
  accounts: readonly Account[],
  scenario: Scenario,
  {trials = 5000, seed = 1, asOf, reference, bins = 40, onProgress}: ScenarioReportOptions = {}
): ScenarioReport {
  const options = {trials, seed, ...(asOf === undefined ? {} : {asOf})};
  const runs = reference ? 2 : 1;
  const progress = (k: number) => (onProgress ? {onProgress: (done: number) => onProgress((k + done) / runs)} : {});
  const result = simulatePortfolio(accounts, scenario, {...options, ...progress(0)});
  const other = reference
    ? simulatePortfolio(accounts, reference, {...options, asOf: result.asOf, ...progress(1)})
    : null;
  return scenarioReportOf(
    result.tiered.map((d) => d.account),
    {scenario, simulation: result},
    reference && other ? {scenario: reference, simulation: other} : null,
    {bins}
  );
}

/** A scenario and its simulation, as {@link scenarioReportOf} takes them. */
export interface SimulatedScenario {
  scenario: Scenario;
  /** simulatePortfolio's result, or the same from a pool or a cache: its tiers and total are used. */
  simulation: Pick<PortfolioSimulation, "asOf" | "horizon" | "trials" | "seed" | "tiers" | "total">;
}

/**
 * The report of {@link scenarioReport} from simulations already made (on a pool of threads, or
 * read from a cache): `active` are the accounts simulated, the reference's simulation is on the
 * same futures (the same trials, seed and year).
 *
 * @example
 * const report = scenarioReportOf(active, {scenario, simulation}, null);
 */
export function scenarioReportOf(
  active: readonly {industry: string}[],
  main: SimulatedScenario,
  second: SimulatedScenario | null,
  {bins = 40}: {bins?: number} = {}
): ScenarioReport {
  const {scenario, simulation: result} = main;
  const reference = second?.scenario;
  const other = second?.simulation ?? null;
  const {trials, seed} = result;
  const H = result.horizon;
  const row = (tier: Tier | "total"): ReportTier => {
    const o = tier === "total" ? result.total : result.tiers[tier];
    const r = other ? (tier === "total" ? other.total : other.tiers[tier]) : null;
    const d = r ? pairedDifference(r.npvDraws, o.npvDraws) : null;
    return {
      tier,
      accounts: o.accounts,
      heads: o.heads,
      npv: o.npv,
      standardError: o.npv.sd / Math.sqrt(trials),
      probabilityPositive: o.probabilityPositive,
      probabilityStandardError: Math.sqrt((o.probabilityPositive * (1 - o.probabilityPositive)) / trials),
      probabilityPayback: o.probabilityPayback,
      investment: o.investment,
      wastedBeforeFirstOrder: o.wastedBeforeFirstOrder,
      wastedBeforePayback: o.wastedBeforePayback,
      breakEvenSurvival: o.breakEvenSurvival,
      verdict: tierVerdict(o),
      histogram: histogram(o.npvDraws, {bins}),
      survivors: o.survivors,
      cumulativeCash: o.cumulativeCash,
      perHead: o.perHead,
      reference:
        r && d && other
          ? {
              npvMean: r.npv.mean,
              probabilityPositive: r.probabilityPositive,
              verdict: tierVerdict(r),
              survivorsMedian: r.survivors.p50,
              cumulativeCashMedian: r.cumulativeCash.p50,
              difference: {
                mean: d.summary.mean,
                standardError: d.standardError,
                p5: d.summary.p5,
                p95: d.summary.p95,
                probabilityGreater: d.probabilityGreater
              }
            }
          : null
    };
  };
  const rows = tiers.map(row);
  return {
    scenario,
    reference: reference ?? null,
    trials,
    seed,
    asOf: result.asOf,
    horizon: H,
    accounts: result.total.accounts,
    hazards: hazardsUsed(active, scenario.attrition, {horizon: H}),
    referenceHazards: reference ? hazardsUsed(active, reference.attrition, {horizon: reference.horizon}) : null,
    tiers: rows,
    total: row("total"),
    summary: verdictSummary(rows),
    referenceSummary: other ? verdictSummary(rows.map((t) => ({tier: t.tier, verdict: t.reference!.verdict}))) : null
  };
}
