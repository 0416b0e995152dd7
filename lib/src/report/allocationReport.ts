import {
  allocateHeads,
  type AllocateHeadsOptions,
  type AllocationObjective,
  type HeadsAllocation
} from "../allocation/allocateHeads.js";
import type {Account} from "../portfolio/accountFields.js";
import {hazardsUsed, type HazardsUsed} from "../scenario/hazardsUsed.js";
import type {Scenario} from "../scenario/scenario.js";
import {assignTiers} from "../tiering/assignTiers.js";
import type {Tier} from "../tiering/tiers.js";

/** Everything a standalone allocation report shows: the allocation without its per-account rows. */
export interface AllocationReport {
  scenario: Scenario;
  /** Heads the allocation was asked to place. */
  heads: number;
  /** Active accounts allocated. */
  accounts: number;
  horizon: number;
  /** The yearly hazards applied to the accounts' industries (see hazardsUsed). */
  hazards: HazardsUsed[];
  allocation: Omit<HeadsAllocation, "allocation">;
}

/** Options of {@link allocationReport}. */
export interface AllocationReportOptions {
  /** Heads to place (required unless `allocation` is given, whose budget it then is). */
  heads?: number;
  /** Futures for the risk figures; default 1,000, as the Allocate page. */
  trials?: number;
  /** Heads move in steps of this size; default 0.25 (see allocationScale for a book's own). */
  step?: number;
  /** Default 1, as the Allocate page. */
  seed?: number;
  asOf?: number;
  objective?: AllocationObjective;
  perTier?: Partial<Record<Tier, {min?: number; max?: number}>>;
  /** An allocation already made by allocateHeads on these accounts and scenario, reported as it is. */
  allocation?: HeadsAllocation;
  onProgress?: (done: number) => void;
}

/**
 * The content of an allocation report: allocateHeads on the accounts and scenario (or the
 * allocation given, as the Allocate page has it on screen), without its one row per account, with
 * the hazards the scenario applied. The same content wherever it is made, so the page's file and
 * the command line's agree on the same portfolio, scenario, heads, futures and seed.
 *
 * @example
 * const report = allocationReport(accounts, baseline, {heads: 800, trials: 1000, seed: 1});
 * report.allocation.total.expectedNpv; // the optimum's expected NPV
 */
export function allocationReport(
  accounts: readonly Account[],
  scenario: Scenario,
  {heads, trials = 1000, step, seed = 1, asOf, objective, perTier, allocation, onProgress}: AllocationReportOptions = {}
): AllocationReport {
  const tiered = assignTiers(accounts, scenario.tierRules);
  let result = allocation;
  if (!result) {
    if (heads === undefined) throw new RangeError("allocationReport: heads is required without an allocation");
    const options: AllocateHeadsOptions = {
      heads,
      trials,
      seed,
      tiered,
      ...(step === undefined ? {} : {step}),
      ...(asOf === undefined ? {} : {asOf}),
      ...(objective === undefined ? {} : {objective}),
      ...(perTier === undefined ? {} : {perTier}),
      ...(onProgress === undefined ? {} : {onProgress})
    };
    result = allocateHeads(accounts, scenario, options);
  }
  const {allocation: rows, ...rest} = result;
  const budget = result.frontier.at(-1)?.budget ?? heads ?? 0;
  return {
    scenario,
    heads: budget,
    accounts: rows.length,
    horizon: scenario.horizon,
    hazards: hazardsUsed(
      tiered.map((d) => d.account),
      scenario.attrition,
      {horizon: scenario.horizon}
    ),
    allocation: rest
  };
}
