import {effortCashFlows} from "../allocation/effortResponse.js";
import {accountCashFlows, type AccountCashFlows} from "../economics/accountCashFlows.js";
import type {TierPolicy} from "../economics/tierPolicy.js";
import type {Account} from "../portfolio/accountFields.js";
import {hazardAt, type Scenario} from "../scenario/scenario.js";
import {rankTiers, tieredRows, type TieredAccount} from "../tiering/assignTiers.js";
import {tiers} from "../tiering/tiers.js";
import {exp, log, pow} from "../math/deterministic.js";

/**
 * Trials per random-number block. Each block of trials has its own streams, so blocks can run in
 * any order, on any number of workers, and give the same numbers; it is fixed (not a function of
 * the worker count or the portfolio) for that reason, and small enough to share 200 futures
 * between four workers.
 */
export const trialsPerBlock = 50;

/** Tiers S, A, B, C and the total. */
export const groups = 5;

/** Parts of the investment ledger, by the fate of the account: see `InvestmentLedger`. */
export const fates = 4;
const DiedBeforeFirstOrder = 0;
const DiedBeforePayback = 1;
const NotYetPaidBack = 2;
const PaidBack = 3;

/**
 * Allocates the plan's typed arrays: on an ArrayBuffer, or a SharedArrayBuffer for a pool of
 * threads. The buffer need not be zeroed: the plan writes every element of the arrays it makes on it.
 */
export type Allocate = (bytes: number) => ArrayBufferLike;

/**
 * What every block of trials needs, in typed arrays and numbers only, so that it can be sent to a
 * worker (and, on SharedArrayBuffers, shared with it rather than copied).
 */
export interface KernelPlan {
  /** Active accounts. */
  n: number;
  horizon: number;
  trials: number;
  seed: number;
  /** Whether to compute the cumulative-cash fans and paybacks. */
  cash: boolean;
  industries: number;
  /** log(1 − h) by industry and year, [j · H + t − 1]; −∞ when h = 1. */
  logSurvival: Float64Array;
  shockVolatility: number;
  /** Per account: W = H + 1 prefix sums of discounted investment K, then W of cumulative cash G = M − K. */
  flows: Float64Array;
  /** Per account: its tier's index (0-3). */
  tierOf: Uint8Array;
  industryOf: Uint16Array;
  /** exp(−β (health − ½)): the account's exponential variate is scaled by it. */
  inverseRisk: Float64Array;
  /**
   * Per account and years lived L, at [i · W + L]: where the investment goes in the ledger,
   * 4 · tier + fate (see `fates`). The account lives L full years: it exits during year L + 1 if
   * L < H. Its first order comes at the end of year ramp + 1, so it dies first iff L ≤ ramp; its
   * own cash turns non-negative at the end of year payback (H + 1 if never within the horizon).
   */
  fateOf: Uint8Array;
  /**
   * Per account: 1 if the kernel adds it to the cumulative-cash fans in its "dead form", 0 in its
   * "alive form". An account living L years adds its cumulative cash G(t) for t ≤ L and its final
   * value after. The alive form adds G(t) for t = 1..L and the final value once; the dead form
   * takes G(t) for every year as given (in `cashBaseline`) and corrects the years after L, so it
   * costs H − L additions rather than L. Each account takes the form that costs less on average
   * under its industry's hazards (without shocks): the dead form when it expects to live more
   * than half the horizon. The forms give the same sums but for rounding.
   */
  deadForm: Uint8Array;
  /** Per tier g (0-3) and year t, at [g · W + t]: Σ G(t) over the tier's dead-form accounts, in account order. */
  cashBaseline: Float64Array;
}

/** A {@link KernelPlan} plus what only the final summary needs. */
export interface SimulationPlan extends KernelPlan {
  asOf: number;
  discountRate: number;
  /** The tiered accounts (made when first read, when the plan tiered the accounts itself). */
  readonly rows: readonly TieredAccount[];
  /**
   * The same rows, from a function that holds the tiers but none of the kernel's arrays: a result
   * that keeps it keeps the plan's tiers, not its per-account flows.
   */
  tieredRows: () => readonly TieredAccount[];
  /**
   * Account i's undiscounted flows, year t at index t − 1 (revenue and contribution if alive at the
   * end of year t), made again when asked rather than kept for every account; valid until the next call.
   */
  accountFlows(i: number): AccountCashFlows;
  heads: Float64Array;
  /** Each group's summed yearly flows, for its break-even survival. */
  groupFlows: {investment: Float64Array; contribution: Float64Array}[];
}

/** Options of {@link planSimulation}. */
export interface PlanOptions {
  trials: number;
  seed: number;
  asOf?: number | undefined;
  tiered?: readonly TieredAccount[] | undefined;
  cash?: boolean | undefined;
  allocate?: Allocate | undefined;
}

/**
 * The set-up of a simulation: tiers, and each active account's discounted prefix sums, ledger
 * fates, risk and industry, computed once for every trial. The discount factors are computed once
 * per year. With `allocate` returning SharedArrayBuffers, the kernel's arrays can be shared with
 * worker threads. Then {@link simulateBlocks} runs blocks of trials and `finishSimulation`
 * summarizes: `simulatePortfolio` is the three in a row.
 *
 * @example
 * const plan = planSimulation(accounts, defaultScenario, {trials: 1000, seed: 1});
 * const result = finishSimulation(plan, [simulateBlocks(plan, 0, blockCount(1000))]);
 */
export function planSimulation(
  accounts: readonly Account[],
  scenario: Scenario,
  {trials, seed, asOf, tiered, cash = true, allocate = (bytes) => new ArrayBuffer(bytes)}: PlanOptions
): SimulationPlan {
  if (!(Number.isInteger(trials) && trials >= 1 && trials <= 100_000))
    throw new RangeError(`invalid trials: ${trials} (1 to 100,000)`);
  if (!Number.isSafeInteger(seed)) throw new RangeError(`invalid seed: ${seed} (expected a safe integer)`);
  const H = scenario.horizon;
  if (!(Number.isInteger(H) && H >= 1 && H <= 30)) throw new RangeError(`invalid horizon: ${H} (1 to 30)`);
  const r = scenario.discountRate;
  const year = asOf ?? scenario.asOf ?? latestYear(accounts);
  // Tiered here, in typed arrays; the rows of `tiered` are made only if someone reads them.
  const ranking = tiered ? null : rankTiers(accounts, scenario.tierRules);
  let rows = tiered ?? null;
  const active = ranking ? ranking.accounts : tiered!.map((d) => d.account);
  const tierOfRow = ranking ? ranking.tier : Uint8Array.from(tiered!, (d) => tiers.indexOf(d.tier));
  const rowsOf = () => (rows ??= tieredRows(ranking!));
  const n = active.length;
  const W = H + 1;
  const f64 = (length: number) => new Float64Array(allocate(length * 8));

  const flowsK = f64(n * 2 * W);
  const heads = new Float64Array(n);
  const tierOf = new Uint8Array(allocate(n));
  const fateOf = new Uint8Array(allocate(n * W));
  const inverseRisk = f64(n);
  const industryOf = new Uint16Array(allocate(n * 2));
  const industryIndex = new Map<string, number>();
  for (const a of active) industryIndex.set(a.industry, 0);
  const industries = [...industryIndex.keys()].sort();
  industries.forEach((industry, j) => industryIndex.set(industry, j));
  const settings = {...scenario, horizon: H};
  // Investment is paid at the start of year t (discounted t − 1 years), contribution at its end.
  const atStart = Float64Array.from({length: H}, (_, t) => pow(1 + r, t));
  const atEnd = Float64Array.from({length: H}, (_, t) => pow(1 + r, t + 1));
  const groupFlows = Array.from({length: groups}, () => ({
    investment: new Float64Array(H),
    contribution: new Float64Array(H)
  }));
  const beta = scenario.attrition.healthCoefficient;
  // A tier whose heads moved away from its response's anchor earns what the effort response says
  // those heads win (see effortCashFlows); otherwise its policy's flows, as accountCashFlows gives
  // them. The first order comes after the whole years of a fractional ramp.
  const response = scenario.response;
  const anchored = tiers.map((tier) => {
    const policy = scenario.tiers[tier];
    const anchor = response?.anchor && Object.hasOwn(response.anchor, tier) ? response.anchor[tier] : undefined;
    return anchor !== undefined && anchor !== policy.headsPerAccount ? anchor : undefined;
  });
  // One account's flows at a time, written over the last one's.
  const scratch: AccountCashFlows = {
    investment: new Float64Array(H),
    revenue: new Float64Array(H),
    contribution: new Float64Array(H),
    heads: 0,
    rampYears: 0
  };
  const cashFlows = (account: Account, g: number, policy: TierPolicy): AccountCashFlows => {
    const anchor = anchored[g];
    if (anchor === undefined) return accountCashFlows(account, policy, settings, scratch);
    const flows = effortCashFlows(account, policy, policy.headsPerAccount, settings, response!, anchor);
    return {...flows, heads: policy.headsPerAccount, rampYears: Math.floor(flows.rampYears)};
  };
  const logSurvival = f64(industries.length * H);
  industries.forEach((industry, j) => {
    for (let t = 1; t <= H; ++t) {
      const h = hazardAt(scenario.attrition, industry, t);
      if (!(h >= 0 && h <= 1))
        throw new RangeError(`invalid hazard for ${JSON.stringify(industry)} in year ${t}: ${h} (0 to 1)`);
      logSurvival[j * H + t - 1] = log(1 - h);
    }
  });
  // An account with inverse risk ρ lives at least t years with probability exp(−c_t / ρ), c_t its
  // industry's cumulative hazard; it takes the dead form iff its expected years exceed H / 2, that
  // is iff ρ exceeds its industry's cut (the expectation grows with ρ).
  const cut = Float64Array.from({length: industries.length}, (_, j) =>
    deadFormCut(logSurvival.subarray(j * H, (j + 1) * H))
  );
  const deadForm = new Uint8Array(allocate(n));
  const cashBaseline = f64(4 * W).fill(0);
  const policies = tiers.map((tier) => scenario.tiers[tier]);
  for (let i = 0; i < n; ++i) {
    const account = active[i]!;
    const g = tierOfRow[i]!;
    const flows = cashFlows(account, g, policies[g]!);
    const own = groupFlows[g]!;
    const all = groupFlows[4]!;
    const row = i * 2 * W;
    let k = 0;
    let m = 0;
    let paid = H + 1;
    flowsK[row] = 0;
    flowsK[row + W] = 0;
    for (let t = 1; t <= H; ++t) {
      const invest = flows.investment[t - 1]!;
      const contribute = flows.contribution[t - 1]!;
      k += invest / atStart[t - 1]!;
      m += contribute / atEnd[t - 1]!;
      flowsK[row + t] = k;
      flowsK[row + W + t] = m - k;
      if (paid === H + 1 && m - k >= 0) paid = t;
      own.investment[t - 1]! += invest;
      own.contribution[t - 1]! += contribute;
      all.investment[t - 1]! += invest;
      all.contribution[t - 1]! += contribute;
    }
    for (let L = 0; L <= H; ++L) {
      const fate =
        L < H
          ? L <= flows.rampYears
            ? DiedBeforeFirstOrder
            : L < paid
              ? DiedBeforePayback
              : PaidBack
          : paid > H
            ? NotYetPaidBack
            : PaidBack;
      fateOf[i * W + L] = g * fates + fate;
    }
    heads[i] = flows.heads;
    tierOf[i] = g;
    const rho = exp(-beta * (account.health - 0.5));
    const j = industryIndex.get(account.industry)!;
    inverseRisk[i] = rho;
    industryOf[i] = j;
    deadForm[i] = rho > cut[j]! ? 1 : 0;
    if (deadForm[i] === 1) for (let t = 1; t <= H; ++t) cashBaseline[g * W + t]! += flowsK[row + W + t]!;
  }
  return {
    n,
    horizon: H,
    trials,
    seed,
    cash,
    industries: industries.length,
    logSurvival,
    shockVolatility: scenario.attrition.shockVolatility,
    flows: flowsK,
    tierOf,
    industryOf,
    inverseRisk,
    fateOf,
    deadForm,
    cashBaseline,
    asOf: year,
    discountRate: r,
    get rows() {
      return rowsOf();
    },
    tieredRows: rowsOf,
    accountFlows: (i) => cashFlows(active[i]!, tierOfRow[i]!, policies[tierOfRow[i]!]!),
    heads,
    groupFlows
  };
}

/**
 * The kernel's part of a plan: what a worker needs to run blocks of trials.
 *
 * @example
 * worker.postMessage({plan: kernelPlan(plan), firstBlock: 0, endBlock: 10});
 */
export function kernelPlan(plan: SimulationPlan): KernelPlan {
  const {n, horizon, trials, seed, cash, industries, logSurvival, shockVolatility, flows} = plan;
  const {tierOf, industryOf, inverseRisk, fateOf, deadForm, cashBaseline} = plan;
  return {
    n,
    horizon,
    trials,
    seed,
    cash,
    industries,
    logSurvival,
    shockVolatility,
    flows,
    tierOf,
    industryOf,
    inverseRisk,
    fateOf,
    deadForm,
    cashBaseline
  };
}

/**
 * Blocks of {@link trialsPerBlock} trials in a run of `trials`.
 *
 * @example
 * blockCount(1000); // 20
 */
export function blockCount(trials: number): number {
  return Math.ceil(trials / trialsPerBlock);
}

/**
 * The inverse risk ρ above which an account of an industry with these log-survivals expects to
 * live more than half the horizon: Σ_t exp(−c_t / ρ) > H / 2, c_t = −Σ_{s ≤ t} log-survival.
 * Infinity if none does, 0 if all do; found by bisection on log ρ (a choice of cost only: any cut
 * gives the same sums but for rounding, so it need not be exact, only the same everywhere).
 */
function deadFormCut(logSurvival: Float64Array): number {
  const H = logSurvival.length;
  const c = new Float64Array(H);
  let cumulative = 0;
  for (let t = 0; t < H; ++t) c[t] = cumulative -= logSurvival[t]!;
  const expectedYears = (rho: number) => {
    let sum = 0;
    for (let t = 0; t < H && c[t]! < Infinity; ++t) sum += c[t] === 0 ? 1 : exp(-c[t]! / rho);
    return sum;
  };
  const half = H / 2;
  let zeros = 0;
  let finite = 0;
  for (const x of c) {
    if (x === 0) ++zeros;
    if (x < Infinity) ++finite;
  }
  if (zeros > half) return 0;
  if (finite <= half) return Infinity;
  let low = -60;
  let high = 60;
  for (let k = 0; k < 60; ++k) {
    const middle = (low + high) / 2;
    if (expectedYears(exp(middle)) > half) high = middle;
    else low = middle;
  }
  return exp(high);
}

/** The latest year any account mentions (first seen or exited). */
function latestYear(accounts: readonly Account[]): number {
  let latest = -Infinity;
  for (const a of accounts) latest = Math.max(latest, a.firstYear, a.exitYear ?? -Infinity);
  if (!Number.isFinite(latest)) throw new RangeError("simulatePortfolio: no accounts to take the current year from");
  return latest;
}
