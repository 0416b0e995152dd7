import {accountCashFlows} from "../economics/accountCashFlows.js";
import {breakEvenSurvival} from "../economics/breakEvenSurvival.js";
import {equivalentSurvival} from "../economics/equivalentSurvival.js";
import type {Account} from "../portfolio/accountFields.js";
import {randomExponential} from "../random/randomExponential.js";
import {randomStream} from "../random/randomStream.js";
import {hazardAt, type Scenario} from "../scenario/scenario.js";
import {assignTiers, type TieredAccount} from "../tiering/assignTiers.js";
import {tiers, type Tier} from "../tiering/tiers.js";
import {randomNormal} from "./randomNormal.js";
import {summarize, type Summary} from "./summarize.js";
import {exp, log, pow} from "../math/deterministic.js";

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
  /** Year in which cumulative discounted cash first turns non-negative, per trial; 0 if never within the horizon. */
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

const groups = 5; // S, A, B, C and the total

/** The fate of an account in a trial, for the investment ledger: an index into its four parts. */
const Fate = {DiedBeforeFirstOrder: 0, DiedBeforePayback: 1, NotYetPaidBack: 2, PaidBack: 3} as const;
type Fate = (typeof Fate)[keyof typeof Fate];
const fates = 4;

/**
 * Monte Carlo of each tier's multi-year relationship investment against industry attrition.
 *
 * Each active account is tiered by the scenario's rules and gets its tier's policy, which fixes its
 * yearly investment and contribution if it lives (see `accountCashFlows`). In each trial, every
 * industry draws a log-normal hazard multiplier per year (shared by its accounts: firms die
 * together in a bad year), and every account one exponential variate that, against its industry's
 * cumulative hazard scaled by its health, fixes the year it exits; its NPV is then a difference of
 * two prefix sums. The cost is O(accounts · trials · log horizon) for NPVs plus the years each
 * account lives for the cumulative-cash fans; memory is the per-trial totals.
 *
 * Streams: "shocks" (industry multipliers, industries in sorted order) and "lifetimes" (one draw
 * per active account in input order) are independent, and no policy setting draws a random
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
  {trials = 1000, seed = 42, asOf, tiered, onProgress}: SimulatePortfolioOptions = {}
): PortfolioSimulation {
  if (!(Number.isInteger(trials) && trials >= 1 && trials <= 100_000))
    throw new RangeError(`invalid trials: ${trials} (1 to 100,000)`);
  const H = scenario.horizon;
  if (!(Number.isInteger(H) && H >= 1 && H <= 30)) throw new RangeError(`invalid horizon: ${H} (1 to 30)`);
  const r = scenario.discountRate;
  const year = asOf ?? scenario.asOf ?? latestYear(accounts);
  const rows = tiered ?? assignTiers(accounts, scenario.tierRules);
  const n = rows.length;
  const W = H + 1;

  // Per account: prefix sums of discounted investment K[t] (years 1..t) and contribution M[t].
  const K = new Float64Array(n * W);
  const M = new Float64Array(n * W);
  const revenue = new Float64Array(n * H);
  const contribution = new Float64Array(n * H);
  const heads = new Float64Array(n);
  const tierOf = new Uint8Array(n);
  const ramp = new Uint8Array(n);
  const payback = new Uint8Array(n); // first year the account's own cumulative cash is ≥ 0; H + 1 if never
  const inverseRisk = new Float64Array(n);
  const industries = [...new Set(rows.map((d) => d.account.industry))].sort();
  const industryOf = new Uint16Array(n);
  const settings = {...scenario, horizon: H};
  // Each tier's (and the total's) yearly flows summed over its accounts, for its break-even survival.
  const tierFlows = Array.from({length: groups}, () => ({
    investment: new Float64Array(H),
    contribution: new Float64Array(H)
  }));
  rows.forEach(({account, tier}, i) => {
    const policy = scenario.tiers[tier];
    const flows = accountCashFlows(account, policy, settings);
    let k = 0;
    let m = 0;
    payback[i] = H + 1;
    for (let t = 1; t <= H; ++t) {
      k += flows.investment[t - 1]! / pow(1 + r, t - 1);
      m += flows.contribution[t - 1]! / pow(1 + r, t);
      K[i * W + t] = k;
      M[i * W + t] = m;
      revenue[i * H + t - 1] = flows.revenue[t - 1]!;
      contribution[i * H + t - 1] = flows.contribution[t - 1]!;
      if (payback[i] === H + 1 && m - k >= 0) payback[i] = t;
    }
    heads[i] = flows.heads;
    for (const g of [tiers.indexOf(tier), 4]) {
      for (let t = 0; t < H; ++t) {
        tierFlows[g]!.investment[t]! += flows.investment[t]!;
        tierFlows[g]!.contribution[t]! += flows.contribution[t]!;
      }
    }
    tierOf[i] = tiers.indexOf(tier);
    ramp[i] = policy.rampYears;
    inverseRisk[i] = exp(-scenario.attrition.healthCoefficient * (account.health - 0.5));
    industryOf[i] = industries.indexOf(account.industry);
  });

  // Hazard logs by industry and year: log(1 − h), −∞ when h = 1.
  const logSurvival = new Float64Array(industries.length * H);
  industries.forEach((industry, j) => {
    for (let t = 1; t <= H; ++t) logSurvival[j * H + t - 1] = log(1 - hazardAt(scenario.attrition, industry, t));
  });
  const sigma = scenario.attrition.shockVolatility;
  const normal = randomNormal(randomStream(seed, "shocks"));
  const lifetimes = randomExponential(seed, "lifetimes");

  const npv = Array.from({length: groups}, () => new Float64Array(trials));
  const paybackYear = Array.from({length: groups}, () => new Uint8Array(trials));
  const survivors = Array.from({length: groups}, () => new Float64Array(trials * W));
  const cash = Array.from({length: groups}, () => new Float64Array(trials * W));
  // Investment spent, by the fate of the account: group g's part f at fate[g * fates + f] (see Fate).
  const fate = new Float64Array(groups * fates);
  const threshold = new Float64Array(industries.length * H);
  const alive = new Float64Array(groups * W);
  const aliveCash = new Float64Array(groups * W);
  const deadCash = new Float64Array(groups * W);

  const exponentials = new Float64Array(n);
  // One row per account, so a trial touches one contiguous block per account: K, then the
  // cumulative cash G = M − K of an account alive at the end of each year, then the number of
  // trials in which the account lived exactly L full years (for expected yearly revenue).
  const P = new Float64Array(n * 3 * W);
  for (let i = 0; i < n; ++i) {
    for (let t = 0; t <= H; ++t) {
      P[i * 3 * W + t] = K[i * W + t]!;
      P[i * 3 * W + W + t] = M[i * W + t]! - K[i * W + t]!;
    }
  }
  const state: TrialState = {
    n,
    H,
    exponentials,
    inverseRisk,
    industryOf,
    threshold,
    P,
    tierOf,
    ramp,
    payback,
    fate,
    alive,
    deadCash,
    aliveCash
  };
  // Progress is reported every `every` trials, a block of about a tenth of a second at ~75 ns
  // per account-trial, so reporting costs nothing measurable.
  const every = Math.max(1, Math.ceil(1_000_000 / Math.max(1, n)));
  for (let trial = 0; trial < trials; ++trial) {
    if (onProgress && trial > 0 && trial % every === 0) onProgress(trial / trials);
    // Cumulative hazard thresholds: an account with exponential variate E/m survives year t iff E/m ≥ T[t].
    for (let j = 0; j < industries.length; ++j) {
      let c = 0;
      for (let t = 0; t < H; ++t) {
        const shock = sigma > 0 ? exp(sigma * normal() - (sigma * sigma) / 2) : 1;
        c -= logSurvival[j * H + t]! * shock;
        threshold[j * H + t] = c;
      }
    }
    alive.fill(0);
    aliveCash.fill(0);
    deadCash.fill(0);
    const trialNpv = new Float64Array(groups);
    lifetimes.fill(exponentials);
    simulateAccounts(state, trialNpv);
    for (let g = 0; g < 4; ++g) {
      trialNpv[4]! += trialNpv[g]!;
      for (let t = 0; t <= H; ++t) {
        alive[4 * W + t]! += alive[g * W + t]!;
        aliveCash[4 * W + t]! += aliveCash[g * W + t]!;
        deadCash[4 * W + t]! += deadCash[g * W + t]!;
      }
    }
    for (let g = 0; g < groups; ++g) {
      npv[g]![trial] = trialNpv[g]!;
      // alive[g][L] counts accounts living exactly L years; survivors at the end of year y are those with L ≥ y.
      let count = 0;
      let dead = 0;
      for (let t = H; t >= 0; --t) {
        count += alive[g * W + t]!;
        survivors[g]![trial * W + t] = count;
      }
      let year0 = 0;
      for (let t = 0; t <= H; ++t) {
        dead += deadCash[g * W + t]!;
        const c = aliveCash[g * W + t]! + dead;
        cash[g]![trial * W + t] = c;
        if (year0 === 0 && t > 0 && c >= 0) year0 = t;
      }
      paybackYear[g]![trial] = year0;
    }
  }
  onProgress?.(1);
  for (let f = 0; f < fates; ++f)
    fate[4 * fates + f] = fate[f]! + fate[fates + f]! + fate[2 * fates + f]! + fate[3 * fates + f]!;

  // Expected yearly revenue, contribution and heads from each account's lifetime distribution.
  const expected = Array.from({length: groups}, () => ({
    revenue: new Float64Array(H),
    contribution: new Float64Array(H),
    heads: new Float64Array(H)
  }));
  for (let i = 0; i < n; ++i) {
    const g = tierOf[i]!;
    let atLeast = trials; // trials in which account i is alive at the start of year t (lived ≥ t − 1 years)
    for (let t = 1; t <= H; ++t) {
      const startAlive = atLeast / trials;
      atLeast -= P[i * 3 * W + 2 * W + t - 1]!;
      const endAlive = atLeast / trials;
      for (const e of [expected[g]!, expected[4]!]) {
        e.heads[t - 1]! += heads[i]! * startAlive;
        e.revenue[t - 1]! += revenue[i * H + t - 1]! * endAlive;
        e.contribution[t - 1]! += contribution[i * H + t - 1]! * endAlive;
      }
    }
  }

  const outcome = (g: number): TierOutcome => {
    const members = g === 4 ? n : tierOf.reduce((count, t) => count + (t === g ? 1 : 0), 0);
    const draws = npv[g]!;
    let positive = 0;
    let paid = 0;
    for (let k = 0; k < trials; ++k) {
      if (draws[k]! > 0) ++positive;
      if (paybackYear[g]![k]! > 0) ++paid;
    }
    const e = expected[g]!;
    const summary = summarize(draws);
    const years = Array.from({length: H}, (_, t) => t + 1);
    const part = (f: Fate) => fate[g * fates + f]! / trials;
    const ledger: InvestmentLedger = {
      diedBeforeFirstOrder: part(Fate.DiedBeforeFirstOrder),
      diedBeforePayback: part(Fate.DiedBeforePayback),
      notYetPaidBack: part(Fate.NotYetPaidBack),
      paidBack: part(Fate.PaidBack)
    };
    // Summed in this order, so that (rounding being monotonic) the cumulative figures never cross:
    // wasted before first order ≤ wasted before payback ≤ investment.
    const wastedBeforePayback = ledger.diedBeforeFirstOrder + ledger.diedBeforePayback;
    const investment = wastedBeforePayback + ledger.notYetPaidBack + ledger.paidBack;
    return {
      accounts: members,
      heads: g === 4 ? heads.reduce((a, b) => a + b, 0) : heads.reduce((a, b, i) => a + (tierOf[i] === g ? b : 0), 0),
      npv: summary,
      probabilityPositive: positive / trials,
      npvDraws: draws,
      paybackDraws: paybackYear[g]!,
      probabilityPayback: members === 0 ? 0 : paid / trials,
      investment,
      wastedBeforeFirstOrder: ledger.diedBeforeFirstOrder,
      wastedBeforePayback,
      ledger,
      survivors: fan(survivors[g]!, trials, W),
      cumulativeCash: fan(cash[g]!, trials, W),
      perHead: {
        year: years,
        revenue: years.map((t) => (e.heads[t - 1]! > 0 ? e.revenue[t - 1]! / e.heads[t - 1]! : 0)),
        contribution: years.map((t) => (e.heads[t - 1]! > 0 ? e.contribution[t - 1]! / e.heads[t - 1]! : 0)),
        heads: Array.from(e.heads)
      },
      breakEvenSurvival: members === 0 ? null : breakEvenSurvival(tierFlows[g]!, {discountRate: r}),
      equivalentSurvival: members === 0 ? null : equivalentSurvival(tierFlows[g]!, summary.mean, {discountRate: r})
    };
  };
  return {
    asOf: year,
    horizon: H,
    trials,
    seed,
    tiers: {S: outcome(0), A: outcome(1), B: outcome(2), C: outcome(3)},
    total: outcome(4),
    tiered: rows
  };
}

interface TrialState {
  n: number;
  H: number;
  /** This trial's standard exponential variate of each account. */
  exponentials: Float64Array;
  inverseRisk: Float64Array;
  industryOf: Uint16Array;
  threshold: Float64Array;
  tierOf: Uint8Array;
  /** Per account: W prefix sums of discounted investment K, W of cumulative cash G = M − K, W lifetime counts. */
  P: Float64Array;
  ramp: Uint8Array;
  payback: Uint8Array;
  /** Investment spent by group and fate, fate[g * fates + f]. */
  fate: Float64Array;
  alive: Float64Array;
  deadCash: Float64Array;
  aliveCash: Float64Array;
}

/** One trial over every account, given this trial's exponential variates and hazard thresholds: the hot loop. */
function simulateAccounts(state: TrialState, trialNpv: Float64Array): void {
  const {n, H, exponentials, inverseRisk, industryOf, threshold, tierOf, P, ramp, payback} = state;
  const {fate, alive, deadCash, aliveCash} = state;
  const W = H + 1;
  for (let i = 0; i < n; ++i) {
    const e = exponentials[i]! * inverseRisk[i]!;
    // L = number of years survived = count of thresholds ≤ e (they never decrease).
    const base = industryOf[i]! * H;
    let L = 0;
    while (L < H && threshold[base + L]! <= e) ++L;
    const g = tierOf[i]!;
    const rowK = i * 3 * W;
    const rowG = rowK + W;
    const paid = P[rowK + (L < H ? L + 1 : H)]!;
    const value = P[rowG + L]! + P[rowK + L]! - paid;
    trialNpv[g]! += value;
    // The account lives L full years: it exits during year L + 1 if L < H. Its first order comes
    // at the end of year ramp + 1, so it dies first iff L ≤ ramp; its own cash turns non-negative
    // at the end of year payback (H + 1 if never within the horizon).
    const p = payback[i]!;
    const f =
      L < H
        ? L <= ramp[i]!
          ? Fate.DiedBeforeFirstOrder
          : L < p
            ? Fate.DiedBeforePayback
            : Fate.PaidBack
        : p > H
          ? Fate.NotYetPaidBack
          : Fate.PaidBack;
    fate[g * fates + f]! += paid;
    ++alive[g * W + L]!;
    ++P[rowK + 2 * W + L]!;
    const out = g * W;
    if (L < H) deadCash[out + L + 1]! += value;
    for (let t = 1; t <= L; ++t) aliveCash[out + t]! += P[rowG + t]!;
  }
}

function fan(values: Float64Array, trials: number, width: number): Fan {
  const result: Fan = {year: [], mean: [], p5: [], p25: [], p50: [], p75: [], p95: []};
  const column = new Float64Array(trials);
  for (let t = 0; t < width; ++t) {
    for (let k = 0; k < trials; ++k) column[k] = values[k * width + t]!;
    const s = summarize(column);
    result.year.push(t);
    result.mean.push(s.mean);
    result.p5.push(s.p5);
    result.p25.push(s.p25);
    result.p50.push(s.p50);
    result.p75.push(s.p75);
    result.p95.push(s.p95);
  }
  return result;
}

/** The latest year any account mentions (first seen or exited). */
function latestYear(accounts: readonly Account[]): number {
  let latest = -Infinity;
  for (const a of accounts) latest = Math.max(latest, a.firstYear, a.exitYear ?? -Infinity);
  if (!Number.isFinite(latest)) throw new RangeError("simulatePortfolio: no accounts to take the current year from");
  return latest;
}
