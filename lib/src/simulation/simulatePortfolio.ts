import type {Account} from "../portfolio/accountFields.js";
import type {Scenario} from "../scenario/scenario.js";
import type {TieredAccount} from "../tiering/assignTiers.js";
import type {Tier} from "../tiering/tiers.js";
import {finishSimulation} from "./finishSimulation.js";
import {simulateBlocks} from "./simulateBlocks.js";
import {blockCount, planSimulation} from "./simulationPlan.js";
import type {Summary} from "./summarize.js";

/** Options of {@link simulatePortfolio}. */
export interface SimulatePortfolioOptions {
  /** Simulated futures, 1 to 100,000. Default 1,000. */
  trials?: number;
  /** Seed of every random stream. Default 42. */
  seed?: number;
  /** The current year; default the scenario's asOf, else the latest year in the accounts. */
  asOf?: number;
  /** Tier assignments to use instead of applying the scenario's rules (for a page that already has them). */
  tiered?: readonly TieredAccount[];
  /**
   * Called with the share of trials done (0 to 1) after every block of trials that takes about a
   * tenth of a second, and once at the end: for a progress bar. It cannot change the results.
   */
  onProgress?: (done: number) => void;
  /**
   * Whether to compute the cumulative-cash fans and the paybacks (`cumulativeCash`,
   * `paybackDraws`, `probabilityPayback`), which cost about half as much again as the rest of a
   * trial.
   * Default true. Without them the fields keep their shape: the fan's values and the probability
   * are NaN and every payback draw is 0.
   */
  cash?: boolean;
}

/** Percentile bands of a quantity by year, year 0 (today) to the horizon. */
export interface Fan {
  year: number[];
  mean: number[];
  p5: number[];
  p25: number[];
  p50: number[];
  p75: number[];
  p95: number[];
}

/** Simulated outcomes of one tier (or of the whole portfolio). */
export interface TierOutcome {
  accounts: number;
  /** Sales heads the policy assigns today. */
  heads: number;
  /** NPV over the horizon at the scenario's discount rate, across trials. */
  npv: Summary;
  /** P(NPV > 0). */
  probabilityPositive: number;
  /** NPV of every trial, in trial order (for histograms and paired comparisons). */
  npvDraws: Float64Array;
  /** Year in which cumulative discounted cash first turns non-negative, per trial; 0 if never within the horizon (and if cash is not computed). */
  paybackDraws: Uint8Array;
  /** Share of trials paying back within the horizon. */
  probabilityPayback: number;
  /** Mean discounted investment spent per trial. */
  investment: number;
  /** Mean discounted investment spent on accounts that exit within the horizon before their first order. */
  wastedBeforeFirstOrder: number;
  /**
   * Mean discounted investment spent on accounts that exit within the horizon before their own
   * cumulative discounted cash turns non-negative (those that die before their first order
   * included, and those whose own payback would fall beyond the horizon): at least
   * `wastedBeforeFirstOrder`, at most `investment`.
   */
  wastedBeforePayback: number;
  /**
   * Where the investment went: `investment` split by the fate of the account it was spent on,
   * four disjoint parts that add up to it. `diedBeforeFirstOrder` is `wastedBeforeFirstOrder`,
   * `diedBeforeFirstOrder + diedBeforePayback` is `wastedBeforePayback`; `notYetPaidBack` went to
   * accounts alive at the horizon whose own cash is still negative; `paidBack` to accounts whose
   * own cash turned non-negative within the horizon (whether they later exit or not).
   */
  ledger: InvestmentLedger;
  /** Accounts alive at the end of each year. */
  survivors: Fan;
  /** Cumulative discounted cash at the end of each year. */
  cumulativeCash: Fan;
  /** Expected revenue and contribution (after cost to serve) per sales head in each year 1..H (人效), undiscounted. */
  perHead: {year: number[]; revenue: number[]; contribution: number[]; heads: number[]};
  /** The constant annual survival at which the tier's summed flows break even (see breakEvenSurvival); null if never, and for no accounts. */
  breakEvenSurvival: number | null;
  /**
   * The constant annual survival at which the tier's summed flows are worth its simulated mean
   * NPV (see equivalentSurvival): the simulated attrition on the scale of breakEvenSurvival, below
   * it exactly when the mean NPV is below zero. Null for no accounts.
   */
  equivalentSurvival: number | null;
}

/** A tier's mean discounted investment by the fate of the accounts it was spent on; see {@link TierOutcome.ledger}. */
export interface InvestmentLedger {
  diedBeforeFirstOrder: number;
  diedBeforePayback: number;
  notYetPaidBack: number;
  paidBack: number;
}

/** The result of {@link simulatePortfolio}. */
export interface PortfolioSimulation {
  asOf: number;
  horizon: number;
  trials: number;
  seed: number;
  tiers: Record<Tier, TierOutcome>;
  total: TierOutcome;
  /** The tier of every active account, in input order of the active accounts. */
  tiered: readonly TieredAccount[];
}

/**
 * Monte Carlo of each tier's multi-year relationship investment against industry attrition.
 *
 * Each active account is tiered by the scenario's rules and gets its tier's policy, which fixes its
 * yearly investment and contribution if it lives (see `accountCashFlows`). In each trial, every
 * industry draws a log-normal hazard multiplier per year (shared by its accounts: firms die
 * together in a bad year), and every account one exponential variate that, against its industry's
 * cumulative hazard scaled by its health, fixes the year it exits (found through a lookup table);
 * its NPV is then a difference of two prefix sums. The cost is O(accounts · trials) for NPVs,
 * survivors and the ledger, plus, for the cumulative-cash fans, the years each account lives or
 * those it misses, whichever it is expected to have fewer of (see the `cash` option and
 * `KernelPlan.deadForm`); memory is the per-trial totals.
 *
 * Streams: trials come in blocks of 50, each with its own "shocks" stream (industry multipliers,
 * industries in sorted order, year by year) and "lifetimes" stream (for each active account
 * in input order, one draw per trial of the block), so blocks can run on any number of workers with the same
 * results (see `simulatePortfolioInPool` in `tierwise/node`). No policy setting draws a random
 * number, so two scenarios that differ only in policies or tier rules see the same futures
 * (common random numbers) and their difference is free of simulation noise.
 *
 * @example
 * const result = simulatePortfolio(accounts, defaultScenario, {trials: 1000, seed: 1});
 * result.tiers.S.probabilityPositive; // e.g. 0.83
 */
export function simulatePortfolio(
  accounts: readonly Account[],
  scenario: Scenario,
  {trials = 1000, seed = 42, asOf, tiered, onProgress, cash = true}: SimulatePortfolioOptions = {}
): PortfolioSimulation {
  const plan = planSimulation(accounts, scenario, {trials, seed, asOf, tiered, cash});
  // Progress is reported every `every` trials, a block of well under a tenth of a second, so
  // reporting costs nothing measurable.
  const every = Math.max(1, Math.ceil(1_000_000 / Math.max(1, plan.n)));
  const part = simulateBlocks(
    plan,
    0,
    blockCount(trials),
    onProgress && ((trial) => void (trial > 0 && trial % every === 0 && onProgress(trial / trials)))
  );
  onProgress?.(1);
  return finishSimulation(plan, [part]);
}
