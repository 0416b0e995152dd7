import type {Account} from "../portfolio/accountFields.js";
import type {Scenario} from "../scenario/scenario.js";
import {assignTiers, type TieredAccount} from "../tiering/assignTiers.js";
import {isTier, tiers, type Tier} from "../tiering/tiers.js";
import {AllocationModel, lowerTailMean, selectQuantile, simulateFutures, type Futures} from "./allocationModel.js";
import {headsSteps, maxAllocationPoints} from "./allocationScale.js";

/** The objective of {@link allocateHeads}. */
export type AllocationObjective =
  | "mean"
  | {
      /**
       * Maximise mean − weight · shortfall, where the shortfall is the mean portfolio NPV less
       * the mean of its worst `alpha` share of futures (the conditional value at risk).
       */
      cvar: {alpha: number; weight: number};
    };

/** Options of {@link allocateHeads}. */
export interface AllocateHeadsOptions {
  /** Total heads to place, at least the heads locked accounts and tier minimums take. */
  heads: number;
  /** Heads move in steps of this size. Default 0.25. */
  step?: number;
  /** Simulated futures for the risk figures (percentiles, P(NPV > 0), CVaR), 1 to 100,000. Default 1,000. */
  trials?: number;
  /** Seed of every random stream. Default 42. */
  seed?: number;
  /**
   * The current year, reported with the result; default the scenario's asOf, else the latest year
   * in the accounts. (The hazards are paths by year from now, so the year itself changes no number.)
   */
  asOf?: number;
  /** "mean" (the default) or a risk-averse objective. */
  objective?: AllocationObjective;
  /** Bounds on the heads of each account of a tier, e.g. {S: {min: 1, max: 6}}; max defaults to the response's maxHeads. */
  perTier?: Partial<Record<Tier, {min?: number; max?: number}>>;
  /** Accounts whose heads are fixed, by id. */
  locked?: Record<string, number>;
  /** Tier assignments to use instead of applying the scenario's rules. */
  tiered?: readonly TieredAccount[];
  /** How many accounts to list in `nextHeads`. Default 20. */
  next?: number;
  /** Called with the share done (0 to 1) now and then, for a progress bar. */
  onProgress?: (done: number) => void;
  /**
   * Called once, before any future is simulated (the longer part of a large book's run), with the
   * mean-optimal allocation's expected figures and the frontier's banded rows: a first result.
   */
  onFrontier?: (first: FirstAllocation) => void;
}

/** An {@link AllocationTotal} whose figures over the futures are not simulated yet (null). */
export type PendingTotal = Omit<AllocationTotal, "p5" | "p95" | "probabilityPositive"> & {
  p5: null;
  p95: null;
  probabilityPositive: null;
};

/**
 * What {@link allocateHeads} knows before it simulates futures (the longer part of a large book's
 * run): the mean-optimal allocation with every expected figure, and the expected-NPV frontier at
 * the budgets that will carry percentiles, its figures over the futures still null. Every number
 * is the one the full result will have, for the mean objective; for a risk-averse one these are
 * the mean optimum's, where its search starts. The two rules' figures come with the futures.
 */
export interface FirstAllocation extends Pick<
  HeadsAllocation,
  | "asOf"
  | "step"
  | "trials"
  | "seed"
  | "objective"
  | "method"
  | "gap"
  | "allocation"
  | "nextHeads"
  | "fewerHeads"
  | "leftOnTable"
  | "bounds"
> {
  total: PendingTotal;
  /** At most {@link bandedRows} + 1 rows of the frontier, evenly spaced, and its last. */
  frontier: FrontierRow[];
  baselines: {current: PendingTotal};
  tiers: Record<Tier, Omit<TierAllocation, "today" | "allocated"> & {today: PendingTotal; allocated: PendingTotal}>;
}

/** The portfolio's figures under one allocation of heads. */
export interface AllocationTotal {
  heads: number;
  /** Expected NPV over the horizon, exact given the scenario (no simulation noise). */
  expectedNpv: number;
  /** 5th and 95th percentiles of the portfolio NPV over the simulated futures. */
  p5: number;
  p95: number;
  /** Share of simulated futures with portfolio NPV > 0. */
  probabilityPositive: number;
  /** Expected revenue per head-year over the horizon (人效); null with no heads. */
  revenuePerHead: number | null;
}

/** One account's heads in an allocation. */
export interface AllocationRow {
  id: string;
  name: string;
  tier: Tier;
  /** Heads allocated. */
  heads: number;
  /** Heads today (the account's salesHeads). */
  current: number;
  expectedNpv: number;
  /** Expected NPV of one more step of heads; null when the account is at its maximum or locked. */
  marginal: number | null;
}

/** One budget on the frontier: the best allocation found using at most `budget` heads. */
export interface FrontierRow extends Omit<AllocationTotal, "p5" | "p95" | "probabilityPositive"> {
  budget: number;
  /** Proven bound on how far below the optimum this point may be; 0 when exact. */
  gap: number;
  /**
   * The risk figures of the allocation, over the same futures. A frontier of more than
   * {@link bandedRows} budgets has them at that many budgets evenly spaced (and the last), null
   * between: a chart cannot show more, and each costs a pass over the futures.
   */
  p5: number | null;
  p95: number | null;
  probabilityPositive: number | null;
}

/** The most frontier rows that carry percentiles; see {@link FrontierRow}. */
export const bandedRows = 4000;

/** The most rows of a frontier; see {@link HeadsAllocation.frontier}. */
export const frontierRows = 100_000;

/** An account where the next step of a head earns much, and why. */
export interface NextHead {
  id: string;
  name: string;
  tier: Tier;
  /** Heads allocated now. */
  heads: number;
  /** Expected NPV of one more step. */
  marginal: number;
  annualWallet: number;
  /** Share of the wallet bought today. */
  share: number;
  /** P(the account is alive at the horizon). */
  survival: number;
  /** Years before the first order with one more step of heads. */
  rampYears: number;
}

/** An account the allocation gives fewer heads than today. */
export interface FewerHeads {
  id: string;
  name: string;
  tier: Tier;
  current: number;
  heads: number;
  /** Expected NPV with the allocated heads less that with today's. */
  change: number;
}

/** The result of {@link allocateHeads}. */
export interface HeadsAllocation {
  asOf: number;
  step: number;
  trials: number;
  seed: number;
  objective: AllocationObjective;
  allocation: AllocationRow[];
  total: AllocationTotal;
  /**
   * The expected-NPV frontier: one row per budget from the least feasible to `heads`, in steps; of
   * more than {@link frontierRows} budgets, that many evenly spaced and the last (a chart shows no
   * more, and a million rows would fill a browser tab's memory).
   */
  frontier: FrontierRow[];
  nextHeads: NextHead[];
  /** Accounts that lose heads against today, most heads first. */
  fewerHeads: FewerHeads[];
  baselines: {current: AllocationTotal; equalPerTier: AllocationTotal; proportionalToRevenue: AllocationTotal};
  /** Proven bound between the expected NPV of the allocation found and the optimum; 0 when exact. */
  gap: number;
  /** How the mean-optimal allocation was found: by the hull greedy (with `gap` its bound) or by dynamic programming (exact). */
  method: "hull greedy" | "dynamic programming";
  /**
   * The gain over today's allocation, split as Zoltners and Sinha report it: reallocation is the
   * best allocation of today's total heads less today's; sizing is the best total (the number of
   * heads that maximises expected NPV, `bestHeads`) less the best of today's total.
   */
  leftOnTable: {
    reallocation: number;
    sizing: number;
    bestHeads: number;
    bestExpectedNpv: number;
    /** Whether the best use of today's total is exact; else it is the hull greedy's, a lower bound. */
    exact: boolean;
  };
  /** The least and most heads each account of a tier could take (locked accounts aside). */
  bounds: Record<Tier, {min: number; max: number}>;
  /** For a risk objective: the objective's figures and the expected NPV given up for them. */
  risk: {alpha: number; weight: number; cvar: number; shortfall: number; meanGivenUp: number} | null;
  /** Per tier: today's heads and NPV against the allocation's. */
  tiers: Record<Tier, TierAllocation>;
}

/** One tier's heads and figures today and under the allocation. */
export interface TierAllocation {
  accounts: number;
  currentHeads: number;
  heads: number;
  currentNpv: number;
  expectedNpv: number;
  /** The tier's figures with today's heads (its accounts' salesHeads), on the same futures. */
  today: AllocationTotal;
  /** The tier's figures under the allocation. */
  allocated: AllocationTotal;
}

/** Options of {@link accountValueCurve}. */
export interface AccountValueCurveOptions {
  /** The head counts to evaluate. */
  heads: readonly number[];
  trials?: number;
  seed?: number;
  asOf?: number;
  /** The account's tier, when `account` is a plain account rather than a tiered one. */
  tier?: Tier;
}

/** One account's value against its heads. */
export interface AccountValueCurve {
  heads: number[];
  expectedNpv: number[];
  p5: number[];
  p95: number[];
  probabilityPositive: number[];
}

/**
 * How one account's NPV over the horizon responds to its heads, under the scenario's effort
 * response and attrition. The expected NPV is exact given the scenario; the percentiles and
 * P(NPV > 0) come from the account's simulated futures, which depend only on the seed, its id and
 * its industry, so they are the futures {@link allocateHeads} gives the same account.
 *
 * @example
 * const curve = accountValueCurve(tiered[0], defaultScenario, {heads: [0, 0.5, 1, 2, 4]});
 * curve.expectedNpv; // one value per head count
 */
export function accountValueCurve(
  account: TieredAccount | Account,
  scenario: Scenario,
  {heads, trials = 1000, seed = 42, tier}: AccountValueCurveOptions
): AccountValueCurve {
  checkTrials(trials, seed);
  const row =
    "account" in account && "tier" in account
      ? {account: account.account, tier: account.tier}
      : tier !== undefined && isTier(tier)
        ? {account: account as Account, tier}
        : null;
  if (!row) throw new RangeError("tier: an account without a tier needs the tier option");
  heads.forEach((h, k) => {
    if (!(Number.isFinite(h) && h >= 0)) throw new RangeError(`heads[${k}]: must be a number of at least 0, got ${h}`);
  });
  const model = new AllocationModel([row], scenario);
  const futures = simulateFutures(model, {trials, seed});
  const table = new Float64Array(model.horizon + 1);
  const draws = new Float64Array(trials);
  const result: AccountValueCurve = {heads: [...heads], expectedNpv: [], p5: [], p95: [], probabilityPositive: []};
  for (const h of heads) {
    result.expectedNpv.push(model.expected(0, h, table).npv);
    let positive = 0;
    for (let k = 0; k < trials; ++k) {
      draws[k] = table[futures.lived[k]!]!;
      if (draws[k]! > 0) ++positive;
    }
    result.probabilityPositive.push(positive / trials);
    result.p5.push(selectQuantile(draws, 0.05));
    result.p95.push(selectQuantile(draws, 0.95));
  }
  return result;
}

// The most budget steps the greedy walks (one pass each; the frontier keeps at most frontierRows of them).
const maxSteps = 100_000_000;

// Dynamic programming is used when accounts × budget steps × head steps is at most this.
const exactWork = 50_000_000;

/**
 * Where the sales heads should go: the allocation of `heads` heads over the active accounts that
 * maximises the portfolio's expected NPV under attrition (or a risk-averse objective), with the
 * whole frontier of budgets, today's allocation and two simple rules for comparison, and a proof.
 *
 * Each account's value is a function of its own heads only (expected values are additive), so
 * the mean objective is separable: it is solved exactly by dynamic programming over the budget
 * when that is small enough, and otherwise by the greedy on each account's concave hull, whose
 * linear relaxation bounds the optimum: `gap` is that bound less the value found. The expected NPV
 * of an allocation is the sum, over accounts, of {@link accountValueCurve} at their heads.
 *
 * @example
 * const result = allocateHeads(accounts, defaultScenario, {heads: 800});
 * result.total.expectedNpv - result.baselines.current.expectedNpv; // the value of reallocating
 */
export function allocateHeads(
  accounts: readonly Account[],
  scenario: Scenario,
  options: AllocateHeadsOptions
): HeadsAllocation {
  const {heads, step = 0.25, trials = 1000, seed = 42, objective = "mean", perTier = {}, locked = {}} = options;
  const {next = 20, onProgress, onFrontier} = options;
  if (!(Number.isFinite(heads) && heads >= 0))
    throw new RangeError(`heads: must be a number of at least 0, got ${heads}`);
  if (!(Number.isFinite(step) && step > 0 && step <= 100))
    throw new RangeError(`step: must be a number above 0 and at most 100, got ${step}`);
  checkTrials(trials, seed);
  const risk = checkObjective(objective);
  const rows = options.tiered ?? assignTiers(accounts, scenario.tierRules);
  const asOf = options.asOf ?? scenario.asOf ?? latestYear(accounts);
  const model = new AllocationModel(rows, scenario);
  const n = rows.length;
  const H = model.horizon;
  const maxHeads = model.response.maxHeads;

  // Each account's domain: lo + k · step for k = 0..K, or a locked value (K = 0).
  const bounds = checkPerTier(perTier, maxHeads);
  const lockedAt = new Float64Array(n).fill(NaN);
  // Ids are read only to place locked accounts: a million of them cost a second and their memory.
  const lockedIds = Object.entries(locked);
  const ids = lockedIds.length > 0 ? new Map(rows.map((d, i) => [d.account.id, i])) : new Map<string, number>();
  for (const [id, value] of lockedIds) {
    const i = ids.get(id);
    if (i === undefined) throw new RangeError(`locked: no active account has id ${JSON.stringify(id)}`);
    if (!(Number.isFinite(value) && value >= 0))
      throw new RangeError(`locked.${id}: must be a number of heads of at least 0, got ${value}`);
    lockedAt[i] = value;
  }
  const lo = new Float64Array(n);
  const K = new Int32Array(n);
  for (let i = 0; i < n; ++i) {
    if (!Number.isNaN(lockedAt[i]!)) {
      lo[i] = lockedAt[i]!;
      continue;
    }
    const b = bounds[rows[i]!.tier];
    lo[i] = b.min;
    K[i] = Math.floor((b.max - b.min) / step + 1e-9);
  }
  // Each account's expected figures at every step of its domain must fit in memory.
  const pointsWith = (s: number) => {
    let sum = 0;
    for (let i = 0; i < n; ++i)
      sum += Number.isNaN(lockedAt[i]!) ? Math.floor((bounds[rows[i]!.tier].max - lo[i]!) / s + 1e-9) + 1 : 1;
    return sum;
  };
  const points = pointsWith(step);
  if (points > maxAllocationPoints) {
    const smallest = headsSteps.find((s) => s > step && pointsWith(s) <= maxAllocationPoints);
    throw new RangeError(
      `step: ${n.toLocaleString("en-US")} accounts in steps of ${step} heads make ${points.toLocaleString("en-US")} points, more than the ${maxAllocationPoints.toLocaleString("en-US")} the model can hold: ${smallest === undefined ? "use fewer accounts or narrower bounds per tier" : `use a step of at least ${smallest}`}`
    );
  }
  let base = 0;
  for (let i = 0; i < n; ++i) base += lo[i]!;
  if (heads < base - 1e-9)
    throw new RangeError(
      `heads: ${heads} is below the ${round(base)} heads that locked accounts and tier minimums take`
    );
  const units = Math.floor((heads - base) / step + 1e-9);
  if (units > maxSteps) {
    const smallest = headsSteps.find((s) => s > step && (heads - base) / s <= maxSteps);
    throw new RangeError(
      `heads: ${heads} heads in steps of ${step} make ${units.toLocaleString("en-US")} budgets, more than the ${maxSteps.toLocaleString("en-US")} the model walks: ${smallest === undefined ? "use a larger step" : `use a step of at least ${smallest}`}`
    );
  }
  onProgress?.(0);

  // Each account's expected NPV at every point of its domain: value[offset[i] + k].
  const offset = new Int32Array(n + 1);
  for (let i = 0; i < n; ++i) offset[i + 1] = offset[i]! + K[i]! + 1;
  const value = new Float64Array(offset[n]!);
  const revenueAt = new Float64Array(offset[n]!);
  const headYearsAt = new Float64Array(offset[n]!);
  const table = new Float64Array(H + 1);
  const sums = new Float64Array(3);
  // Each tier's effort shapes at the points of its bounds, looked up once rather than per account.
  const tierOf = model.tierOf;
  const grid = tiers.map((t, g) => {
    const {min} = bounds[t];
    const top = Math.floor((bounds[t].max - min) / step + 1e-9);
    return Array.from({length: top + 1}, (_, k) => (min + k * step > 0 ? model.shapeOf(g, min + k * step) : undefined));
  });
  for (let i = 0; i < n; ++i) {
    const shapes = Number.isNaN(lockedAt[i]!) ? grid[tierOf[i]!]! : null;
    const o = offset[i]!;
    for (let k = 0; k <= K[i]!; ++k) {
      const h = lo[i]! + k * step;
      model.npvByLifetime(i, h, table, shapes ? shapes[k] : undefined);
      model.expectedInto(i, h, table, sums);
      value[o + k] = sums[0]!;
      revenueAt[o + k] = sums[1]!;
      headYearsAt[o + k] = sums[2]!;
    }
    if (onProgress && (i & 8191) === 8191) onProgress((0.2 * i) / n);
  }
  onProgress?.(0.2);

  // The concave hull of each account's curve: segments (account, from k, to k, slope per head).
  const segments = hullSegments(n, K, offset, value, step);

  const at = (i: number, k: number) => value[offset[i]! + k]!;
  const headsOf = (level: Int32Array) => Float64Array.from(level, (k, i) => lo[i]! + k * step);
  const expectedOf = (level: Int32Array) => {
    let sum = 0;
    for (let i = 0; i < n; ++i) sum += at(i, level[i]!);
    return sum;
  };

  // An allocation being built: its levels and its running sums. Its moves are recorded, to be
  // replayed over the futures once the frontier is known (see below).
  const running = {
    level: new Int32Array(n),
    npv: 0,
    revenue: 0,
    headYears: 0,
    units: 0
  };
  for (let i = 0; i < n; ++i) {
    running.npv += value[offset[i]!]!;
    running.revenue += revenueAt[offset[i]!]!;
    running.headYears += headYearsAt[offset[i]!]!;
  }
  // A move per segment taken, and at most one per account for the exact allocation.
  const moves = {
    count: 0,
    account: new Int32Array(segments.length + n),
    from: new Int32Array(segments.length + n),
    to: new Int32Array(segments.length + n)
  };
  const setLevel = (i: number, k: number) => {
    const was = running.level[i]!;
    if (was === k) return;
    moves.account[moves.count] = i;
    moves.from[moves.count] = was;
    moves.to[moves.count++] = k;
    const a = offset[i]! + was;
    const b = offset[i]! + k;
    running.npv += value[b]! - value[a]!;
    running.revenue += revenueAt[b]! - revenueAt[a]!;
    running.headYears += headYearsAt[b]! - headYearsAt[a]!;
    running.units += k - was;
    running.level[i] = k;
  };
  // Rows kept: every budget, or every `kept`-th of more than frontierRows; banded rows among them.
  const kept = Math.max(1, Math.ceil((units + 1) / frontierRows));
  const every = kept * Math.max(1, Math.ceil(Math.ceil((units + 1) / kept) / bandedRows));
  const row = (budget: number, rowGap: number, banded: boolean): FrontierRow => {
    const sums = {
      heads: base + running.units * step,
      expectedNpv: running.npv,
      revenue: running.revenue,
      headYears: running.headYears
    };
    // A banded row's percentiles are filled in when the moves are replayed over the futures.
    if (banded) {
      marks.push(moves.count, frontier.length);
      return {
        budget,
        gap: rowGap,
        heads: round(sums.heads),
        expectedNpv: sums.expectedNpv,
        p5: null,
        p95: null,
        probabilityPositive: null,
        revenuePerHead: sums.headYears > 0 ? sums.revenue / sums.headYears : null
      };
    }
    return {
      budget,
      gap: rowGap,
      heads: round(sums.heads),
      expectedNpv: sums.expectedNpv,
      revenuePerHead: sums.headYears > 0 ? sums.revenue / sums.headYears : null,
      p5: null,
      p95: null,
      probabilityPositive: null
    };
  };

  // The hull greedy for every budget: whole segments in order while they fit, so each budget's
  // allocation contains the previous one; the linear relaxation adds the next segment's slope
  // times the budget left, which bounds the optimum.
  const frontier: FrontierRow[] = [];
  // Pairs (moves made, frontier row) of the banded rows.
  const marks: number[] = [];
  let s = 0;
  let bound = running.npv;
  for (let u = 0; u <= units; ++u) {
    while (s < segments.length && segments.slope[s]! > 0) {
      if (running.units + segments.to[s]! - segments.from[s]! > u) break;
      setLevel(segments.account[s]!, segments.to[s]!);
      ++s;
    }
    const nextSlope = s < segments.length ? Math.max(0, segments.slope[s]!) : 0;
    const rowGap = nextSlope * (u - running.units) * step;
    bound = running.npv + rowGap;
    if (u % kept === 0 || u === units) frontier.push(row(base + u * step, rowGap, u % every === 0 || u === units));
  }
  // At the budget asked: exact dynamic programming when it is small enough; otherwise fill what
  // budget the greedy leaves with any later segment that still fits, and report the bound.
  const useExact = units > 0 && bound - running.npv > 0 && n * (units + 1) * (largest(K) + 1) <= exactWork;
  if (useExact) {
    const best = exactAllocation(n, K, offset, value, units);
    for (let i = 0; i < n; ++i) setLevel(i, best[i]!);
  } else {
    for (let t = s; t < segments.length && running.units < units; ++t) {
      if (segments.slope[t]! <= 0) break;
      const i = segments.account[t]!;
      if (running.level[i] === segments.from[t]! && running.units + segments.to[t]! - segments.from[t]! <= units)
        setLevel(i, segments.to[t]!);
    }
  }
  let level: Int32Array = running.level.slice();
  const gap = useExact ? 0 : Math.max(0, bound - running.npv);
  const last = frontier[frontier.length - 1]!;
  if (running.npv !== last.expectedNpv) {
    // The last row's own mark is superseded by the one its replacement makes.
    if (marks[marks.length - 1] === frontier.length - 1) marks.length -= 2;
    frontier.pop();
    frontier.push(row(last.budget, gap, true));
  }
  // What needs no future: each account's expected figures with today's heads (their sums in
  // account order, as Evaluator.baselines adds them), the value left on the table, and the
  // mean-optimal allocation described: the first result, every number the full result's own.
  const current = new Float64Array(n);
  for (let i = 0; i < n; ++i) current[i] = rows[i]!.account.salesHeads;
  const todayOf = {npv: new Float64Array(n), revenue: new Float64Array(n), headYears: new Float64Array(n)};
  const todaySums = {heads: 0, expectedNpv: 0, revenue: 0, headYears: 0};
  for (let i = 0; i < n; ++i) {
    const c = current[i]!;
    model.npvByLifetime(i, c, table);
    model.expectedInto(i, c, table, sums);
    todayOf.npv[i] = sums[0]!;
    todayOf.revenue[i] = sums[1]!;
    todayOf.headYears[i] = sums[2]!;
    todaySums.heads += c;
    todaySums.expectedNpv += sums[0]!;
    todaySums.revenue += sums[1]!;
    todaySums.headYears += sums[2]!;
  }

  // Value left on the table: the best allocation of today's total, and the best total.
  const currentHeads = current.reduce((a, b) => a + b, 0);
  const currentUnits = Math.floor((currentHeads - base) / step + 1e-9);
  // The best use of exactly today's total: exact by dynamic programming when that is small enough,
  // else the hull greedy's (a lower bound, said in `leftOnTable.exact`).
  const sameExact = currentUnits >= 0 && n * (currentUnits + 1) * (largest(K) + 1) <= exactWork;
  const sameHeads =
    currentUnits < 0
      ? null
      : sameExact
        ? exactValueSpending(n, K, offset, value, currentUnits)
        : greedyValue(segments, n, currentUnits, expectedOf(new Int32Array(n)), at);
  let bestValue = expectedOf(new Int32Array(n));
  let bestUnits = 0;
  for (let t = 0; t < segments.length; ++t) {
    if (segments.slope[t]! <= 0) continue;
    const i = segments.account[t]!;
    bestValue += at(i, segments.to[t]!) - at(i, segments.from[t]!);
    bestUnits += segments.to[t]! - segments.from[t]!;
  }
  const todayNpv = n === 0 ? 0 : todaySums.expectedNpv;
  const leftOnTable = {
    reallocation: sameHeads === null ? 0 : sameHeads - todayNpv,
    sizing: sameHeads === null ? bestValue - todayNpv : bestValue - sameHeads,
    bestHeads: base + bestUnits * step,
    bestExpectedNpv: bestValue,
    exact: sameHeads === null || sameExact
  };

  /** An allocation's rows, next-head queue, accounts that lose heads, and expected sums by tier and in all. */
  const describe = (level: Int32Array) => {
    const allocated = headsOf(level);
    const allocation: AllocationRow[] = rows.map((d, i) => {
      const k = level[i]!;
      return {
        id: d.account.id,
        name: d.account.name,
        tier: d.tier,
        heads: allocated[i]!,
        current: current[i]!,
        expectedNpv: at(i, k),
        marginal: k < K[i]! ? at(i, k + 1) - at(i, k) : null
      };
    });
    // The `next` steepest marginals (ties by account), picked in one pass: the order a sort of
    // every account would give, without sorting a million rows for twenty.
    const steeper = (a: number, b: number) => allocation[b]!.marginal! - allocation[a]!.marginal! || a - b;
    const queue: number[] = [];
    for (let i = 0; i < n && next > 0; ++i) {
      if (allocation[i]!.marginal === null) continue;
      if (queue.length >= next && steeper(i, queue[queue.length - 1]!) >= 0) continue;
      let at = queue.length;
      while (at > 0 && steeper(i, queue[at - 1]!) < 0) --at;
      queue.splice(at, 0, i);
      if (queue.length > next) queue.pop();
    }
    const nextHeads: NextHead[] = queue.map((i) => {
      const row = allocation[i]!;
      const a = rows[i]!.account;
      return {
        id: row.id,
        name: row.name,
        tier: row.tier,
        heads: row.heads,
        marginal: row.marginal!,
        annualWallet: a.annualWallet,
        share: a.annualWallet > 0 ? Math.min(1, a.annualRevenue / a.annualWallet) : 0,
        survival: model.lifetimes[i * (H + 1) + H]!,
        rampYears: model.rampYears(i, row.heads + step)
      };
    });
    // The accounts that lose heads, most first (ties by account), sorted as indices on their loss.
    const loss = new Float64Array(n);
    const losing: number[] = [];
    for (let i = 0; i < n; ++i) {
      const row = allocation[i]!;
      loss[i] = row.current - row.heads;
      if (row.heads < row.current - 1e-9) losing.push(i);
    }
    const fewerHeads: FewerHeads[] = Int32Array.from(losing)
      .sort((a, b) => loss[b]! - loss[a]! || a - b)
      .reduce<FewerHeads[]>((list, i) => {
        const row = allocation[i]!;
        list.push({
          id: row.id,
          name: row.name,
          tier: row.tier,
          current: row.current,
          heads: row.heads,
          change: row.expectedNpv - todayOf.npv[i]!
        });
        return list;
      }, []);
    // The allocation's expected figures are those of its levels' points on the curves.
    const sums = {heads: 0, expectedNpv: 0, revenue: 0, headYears: 0};
    for (let i = 0; i < n; ++i) {
      const a = offset[i]! + level[i]!;
      sums.heads += allocated[i]!;
      sums.expectedNpv += value[a]!;
      sums.revenue += revenueAt[a]!;
      sums.headYears += headYearsAt[a]!;
    }
    const byTier = tiers.map((_, g) => {
      const tierSums = {
        accounts: 0,
        today: {heads: 0, expectedNpv: 0, revenue: 0, headYears: 0},
        allocated: {heads: 0, expectedNpv: 0, revenue: 0, headYears: 0}
      };
      allocation.forEach((row, i) => {
        if (tierOf[i] !== g) return;
        ++tierSums.accounts;
        tierSums.today.heads += row.current;
        tierSums.today.expectedNpv += todayOf.npv[i]!;
        tierSums.today.revenue += todayOf.revenue[i]!;
        tierSums.today.headYears += todayOf.headYears[i]!;
        const a = offset[i]! + level[i]!;
        tierSums.allocated.heads += row.heads;
        tierSums.allocated.expectedNpv += value[a]!;
        tierSums.allocated.revenue += revenueAt[a]!;
        tierSums.allocated.headYears += headYearsAt[a]!;
      });
      return tierSums;
    });
    return {allocated, allocation, nextHeads, fewerHeads, sums: {...sums, expectedNpv: expectedOf(level)}, byTier};
  };
  /** A tier's figures from its summed today's and allocated figures, with `summary` for each. */
  const tierFigures = <T>(
    tierSums: ReturnType<typeof describe>["byTier"][number],
    summary: (sums: typeof todaySums, part: "today" | "allocated") => T,
    empty: T
  ) => {
    const today = tierSums.accounts === 0 ? empty : summary(tierSums.today, "today");
    const allocated = tierSums.accounts === 0 ? empty : summary(tierSums.allocated, "allocated");
    return {today, allocated};
  };

  // The mean-optimal allocation described for the first result, kept for the full one when the
  // objective leaves it as it is.
  let describedFirst: ReturnType<typeof describe> | null = null;
  if (onFrontier) {
    const described = (describedFirst = describe(level));
    const banded: FrontierRow[] = [];
    for (let m = 1; m < marks.length; m += 2) banded.push({...frontier[marks[m]!]!});
    const tierRows = Object.fromEntries(
      tiers.map((t, g) => {
        const tierSums = described.byTier[g]!;
        const {today, allocated} = tierFigures(tierSums, pendingTotal, pendingTotal(emptySums));
        return [
          t,
          {
            accounts: tierSums.accounts,
            currentHeads: today.heads,
            heads: allocated.heads,
            currentNpv: today.expectedNpv,
            expectedNpv: allocated.expectedNpv,
            today,
            allocated
          }
        ];
      })
    ) as FirstAllocation["tiers"];
    onFrontier({
      asOf,
      step,
      trials,
      seed,
      objective,
      method: useExact ? "dynamic programming" : "hull greedy",
      gap,
      total: pendingTotal(described.sums),
      frontier: banded,
      allocation: described.allocation,
      nextHeads: described.nextHeads,
      fewerHeads: described.fewerHeads,
      baselines: {current: n === 0 ? pendingTotal(emptySums) : pendingTotal(todaySums)},
      leftOnTable,
      bounds,
      tiers: tierRows
    });
  }
  onProgress?.(0.3);

  // The futures, and the frontier's moves replayed over them in the order they were made: each
  // future's total takes the same additions in the same order as if they were made as the
  // frontier was found, so the percentiles do not depend on when they are computed.
  const futures = simulateFutures(model, {
    trials,
    seed,
    ...(onProgress ? {onProgress: (done: number) => onProgress(0.3 + 0.2 * done)} : {})
  });
  onProgress?.(0.5);
  const evaluator = new Evaluator(model, futures);
  {
    const totals = evaluator.totals(lo);
    let done = 0;
    for (let m = 0; m < marks.length; m += 2) {
      for (; done < marks[m]!; ++done) {
        const i = moves.account[done]!;
        evaluator.move(totals, i, lo[i]! + moves.from[done]! * step, lo[i]! + moves.to[done]! * step);
      }
      const r = frontier[marks[m + 1]!]!;
      const figures = evaluator.summary(totals, {heads: 0, expectedNpv: 0, revenue: 0, headYears: 0});
      r.p5 = figures.p5;
      r.p95 = figures.p95;
      r.probabilityPositive = figures.probabilityPositive;
      if (onProgress && (m & 255) === 0) onProgress(0.5 + (0.2 * m) / marks.length);
    }
  }
  onProgress?.(0.7);

  const meanLevel = level;
  let riskResult: HeadsAllocation["risk"] = null;
  if (risk) {
    const searched = riskSearch(meanLevel, units, {
      n,
      K,
      at,
      lo,
      step,
      evaluator,
      alpha: risk.alpha,
      weight: risk.weight
    });
    level = searched.level;
    riskResult = {
      alpha: risk.alpha,
      weight: risk.weight,
      cvar: searched.cvar,
      shortfall: searched.shortfall,
      meanGivenUp: expectedOf(meanLevel) - expectedOf(level)
    };
  }
  onProgress?.(0.9);

  const described = describedFirst && !risk ? describedFirst : describe(level);
  const allocated = described.allocated;

  // Baselines on the same futures.
  const byTier = tiers.map((t) => rows.filter((d) => d.tier === t).length);
  const present = byTier.filter((c) => c > 0).length;
  const equal = Float64Array.from(rows, (d) => heads / present / byTier[tiers.indexOf(d.tier)]!);
  const revenueSum = rows.reduce((s, d) => s + d.account.annualRevenue, 0);
  const proportional = Float64Array.from(rows, (d) =>
    revenueSum > 0 ? (heads * d.account.annualRevenue) / revenueSum : heads / Math.max(1, n)
  );
  // Today's and the allocation's futures by tier (their sums are the portfolio's), and the two
  // rules', in one pass over the futures.
  const passed = evaluator.baselines({current, allocated, equal, proportional}, tierOf);
  const {todayByTier, allocatedByTier} = passed;
  const sumOf = (parts: Float64Array[]) => {
    const sum = new Float64Array(trials);
    for (const part of parts) for (let k = 0; k < trials; ++k) sum[k]! += part[k]!;
    return sum;
  };
  const total = evaluator.summary(sumOf(allocatedByTier), described.sums);
  const baselines = {
    current: n === 0 ? emptyTotal() : evaluator.summary(sumOf(todayByTier), todaySums),
    equalPerTier: n === 0 ? emptyTotal() : evaluator.summary(passed.equal, passed.sums.equal),
    proportionalToRevenue: n === 0 ? emptyTotal() : evaluator.summary(passed.proportional, passed.sums.proportional)
  };

  const perTierSummary = Object.fromEntries(
    tiers.map((t, g) => {
      const {today, allocated: inAllocation} = tierFigures(
        described.byTier[g]!,
        (sums, part) => evaluator.summary((part === "today" ? todayByTier : allocatedByTier)[g]!, sums),
        emptyTotal()
      );
      const tier: TierAllocation = {
        accounts: described.byTier[g]!.accounts,
        currentHeads: today.heads,
        heads: inAllocation.heads,
        currentNpv: today.expectedNpv,
        expectedNpv: inAllocation.expectedNpv,
        today,
        allocated: inAllocation
      };
      return [t, tier];
    })
  ) as HeadsAllocation["tiers"];
  onProgress?.(1);
  return {
    asOf,
    step,
    trials,
    seed,
    objective,
    allocation: described.allocation,
    total,
    frontier,
    nextHeads: described.nextHeads,
    fewerHeads: described.fewerHeads,
    baselines,
    gap,
    method: useExact ? "dynamic programming" : "hull greedy",
    leftOnTable,
    bounds,
    risk: riskResult,
    tiers: perTierSummary
  };
}

/** Segments of the accounts' concave hulls, as columns, in the greedy's order. */
interface Segments {
  length: number;
  account: Int32Array;
  from: Int32Array;
  to: Int32Array;
  /** Expected NPV per head along the segment. */
  slope: Float64Array;
}

/**
 * The segments of each account's upper concave hull (from its lowest heads), in the order the
 * greedy takes them: steepest first, ties by account then heads, so each account's segments come
 * in their own order. They are made in account and heads order, so their index breaks ties.
 */
function hullSegments(n: number, K: Int32Array, offset: Int32Array, value: Float64Array, step: number): Segments {
  // Room for a few segments an account, grown as needed: a hull has far fewer than its points.
  let capacity = Math.max(16, 4 * n);
  let account = new Int32Array(capacity);
  let from = new Int32Array(capacity);
  let to = new Int32Array(capacity);
  let slope = new Float64Array(capacity);
  let length = 0;
  const hull = new Int32Array(largest(K) + 1);
  for (let i = 0; i < n; ++i) {
    let top = 0;
    const o = offset[i]!;
    for (let k = 0; k <= K[i]!; ++k) {
      // Pop the last vertex while it lies on or below the chord from the one before it to k.
      while (top >= 2) {
        const a = hull[top - 2]!;
        const b = hull[top - 1]!;
        if ((value[o + b]! - value[o + a]!) * (k - a) <= (value[o + k]! - value[o + a]!) * (b - a)) --top;
        else break;
      }
      hull[top++] = k;
    }
    if (length + top > capacity) {
      capacity = 2 * (length + top);
      const grow = <T extends Int32Array | Float64Array>(a: T, b: T) => (b.set(a.subarray(0, length)), b);
      account = grow(account, new Int32Array(capacity));
      from = grow(from, new Int32Array(capacity));
      to = grow(to, new Int32Array(capacity));
      slope = grow(slope, new Float64Array(capacity));
    }
    for (let s = 1; s < top; ++s) {
      const f = hull[s - 1]!;
      const t = hull[s]!;
      account[length] = i;
      from[length] = f;
      to[length] = t;
      slope[length] = (value[o + t]! - value[o + f]!) / ((t - f) * step);
      ++length;
    }
  }
  const order = steepestFirst(slope.subarray(0, length));
  const sorted: Segments = {
    length,
    account: new Int32Array(length),
    from: new Int32Array(length),
    to: new Int32Array(length),
    slope: new Float64Array(length)
  };
  for (let t = 0; t < length; ++t) {
    const u = order[t]!;
    sorted.account[t] = account[u]!;
    sorted.from[t] = from[u]!;
    sorted.to[t] = to[u]!;
    sorted.slope[t] = slope[u]!;
  }
  return sorted;
}

/**
 * The indices of `values` from the largest value to the smallest, equal values in index order: the
 * order of a sort by `values[b] - values[a] || a - b`, by a stable radix sort on the values' bits
 * (four passes of 16 bits), since a comparison sort of a million segments takes seconds. The
 * values must not be NaN; −0 and 0 count as equal, as the comparison does.
 */
export function steepestFirst(values: Float64Array): Int32Array {
  const n = values.length;
  // Each value as a 64-bit key, in two 32-bit halves, that orders as unsigned integers from the
  // largest value to the smallest: IEEE 754 bits made monotonic, then inverted.
  const bits = new Float64Array(1);
  const words = new Uint32Array(bits.buffer);
  const hi = new Uint32Array(n);
  const lo = new Uint32Array(n);
  const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
  const [H, L] = littleEndian ? [1, 0] : [0, 1];
  for (let i = 0; i < n; ++i) {
    bits[0] = values[i]! + 0; // −0 + 0 is 0
    const h = words[H]!;
    const l = words[L]!;
    // Ascending keys: flip every bit of a negative value, only the sign bit of a positive one.
    const negative = h >>> 31 === 1;
    const ah = negative ? ~h >>> 0 : (h | 0x80000000) >>> 0;
    const al = negative ? ~l >>> 0 : l;
    hi[i] = ~ah >>> 0;
    lo[i] = ~al >>> 0;
  }
  let order = new Int32Array(n);
  let next = new Int32Array(n);
  for (let i = 0; i < n; ++i) order[i] = i;
  const counts = new Int32Array(65537);
  for (const [key, shift] of [
    [lo, 0],
    [lo, 16],
    [hi, 0],
    [hi, 16]
  ] as const) {
    counts.fill(0);
    for (let i = 0; i < n; ++i) ++counts[((key[i]! >>> shift) & 0xffff) + 1]!;
    for (let d = 1; d <= 65536; ++d) counts[d]! += counts[d - 1]!;
    for (let t = 0; t < n; ++t) {
      const i = order[t]!;
      next[counts[(key[i]! >>> shift) & 0xffff]!++] = i;
    }
    [order, next] = [next, order];
  }
  return order;
}

/**
 * The expected NPV the hull greedy reaches placing exactly `units` steps (or as many as the
 * accounts can take), taking segments that lose value when the budget must still be spent: the
 * best use of a fixed total, for splitting the gain into reallocation and sizing.
 */
function greedyValue(
  segments: Segments,
  n: number,
  units: number,
  start: number,
  at: (i: number, k: number) => number
): number {
  const level = new Int32Array(n);
  let left = units;
  let value = start;
  for (let t = 0; t < segments.length; ++t) {
    if (left <= 0) break;
    const i = segments.account[t]!;
    const from = segments.from[t]!;
    const to = segments.to[t]!;
    if (level[i] === from && to - from <= left) {
      value += at(i, to) - at(i, from);
      level[i] = to;
      left -= to - from;
    }
  }
  return value;
}

/**
 * Exact dynamic programming over the budget: f_i(u) = max_k f_{i−1}(u − k) + v_i(k), the best
 * expected NPV of the first i accounts using at most u steps, keeping each account's choice for
 * every budget to read the optimal allocation back.
 */
function exactAllocation(n: number, K: Int32Array, offset: Int32Array, value: Float64Array, units: number): Int32Array {
  const width = units + 1;
  const choice = new Uint16Array(n * width);
  let f = new Float64Array(width);
  let g = new Float64Array(width);
  for (let i = 0; i < n; ++i) {
    const base = offset[i]!;
    const v0 = value[base]!;
    const top = K[i]!;
    for (let u = 0; u < width; ++u) {
      let best = f[u]! + v0;
      let arg = 0;
      const last = top < u ? top : u;
      for (let k = 1; k <= last; ++k) {
        const candidate = f[u - k]! + value[base + k]!;
        if (candidate > best) {
          best = candidate;
          arg = k;
        }
      }
      g[u] = best;
      choice[i * width + u] = arg;
    }
    [f, g] = [g, f];
  }
  const level = new Int32Array(n);
  let left = units;
  for (let i = n - 1; i >= 0; --i) {
    const k = choice[i * width + left]!;
    level[i] = k;
    left -= k;
  }
  return level;
}

/**
 * The best expected NPV placing exactly `units` steps (as far as the accounts can take them), by
 * dynamic programming: g_i(u) = max_k g_{i−1}(u − k) + v_i(k), with budgets no allocation reaches
 * left at −∞. The accounts' largest total is used if they cannot take `units`.
 */
function exactValueSpending(n: number, K: Int32Array, offset: Int32Array, value: Float64Array, units: number): number {
  let capacity = 0;
  for (let i = 0; i < n; ++i) capacity += K[i]!;
  const width = Math.min(units, capacity) + 1;
  let f = new Float64Array(width).fill(-Infinity);
  let g = new Float64Array(width);
  f[0] = 0;
  for (let i = 0; i < n; ++i) {
    const base = offset[i]!;
    for (let u = 0; u < width; ++u) {
      let best = f[u]! + value[base]!;
      const last = K[i]! < u ? K[i]! : u;
      for (let k = 1; k <= last; ++k) {
        const candidate = f[u - k]! + value[base + k]!;
        if (candidate > best) best = candidate;
      }
      g[u] = best;
    }
    [f, g] = [g, f];
  }
  return f[width - 1]!;
}

/** Portfolio NPV over the simulated futures for allocations, by account differences. */
class Evaluator {
  private readonly table: Float64Array;
  private readonly from: Float64Array;
  private readonly scratch: Float64Array;
  constructor(
    private readonly model: AllocationModel,
    private readonly futures: Futures
  ) {
    this.table = new Float64Array(model.horizon + 1);
    this.from = new Float64Array(model.horizon + 1);
    this.scratch = new Float64Array(futures.trials);
  }

  /** The portfolio NPV of every future with these heads. */
  totals(heads: ArrayLike<number>): Float64Array {
    const {trials, lived} = this.futures;
    const totals = new Float64Array(trials);
    for (let i = 0; i < heads.length; ++i) {
      this.model.npvByLifetime(i, heads[i]!, this.table);
      const row = i * trials;
      for (let k = 0; k < trials; ++k) totals[k]! += this.table[lived[row + k]!]!;
    }
    return totals;
  }

  /**
   * In one pass over the accounts and their futures: today's and the allocation's NPV of every
   * future summed by tier (`group[i]` from 0 to 3), the two rules' summed, each added in account
   * order as {@link totals} adds them (so to the same bits); the expected sums of today and the
   * rules; and each account's expected figures today.
   */
  baselines(
    heads: {current: Float64Array; allocated: Float64Array; equal: Float64Array; proportional: Float64Array},
    group: Uint8Array
  ) {
    const {trials, lived} = this.futures;
    const n = group.length;
    const todayByTier = Array.from({length: 4}, () => new Float64Array(trials));
    const allocatedByTier = Array.from({length: 4}, () => new Float64Array(trials));
    const equal = new Float64Array(trials);
    const proportional = new Float64Array(trials);
    const today = {npv: new Float64Array(n), revenue: new Float64Array(n), headYears: new Float64Array(n)};
    const sums = {
      current: {heads: 0, expectedNpv: 0, revenue: 0, headYears: 0},
      equal: {heads: 0, expectedNpv: 0, revenue: 0, headYears: 0},
      proportional: {heads: 0, expectedNpv: 0, revenue: 0, headYears: 0}
    };
    const tc = this.table;
    const ta = this.from;
    const te = new Float64Array(tc.length);
    const tp = new Float64Array(tc.length);
    for (let i = 0; i < n; ++i) {
      const c = heads.current[i]!;
      this.model.npvByLifetime(i, c, tc);
      const e = this.model.expectedAfter(i, c, tc);
      today.npv[i] = e.npv;
      today.revenue[i] = e.revenue;
      today.headYears[i] = e.headYears;
      sums.current.heads += c;
      sums.current.expectedNpv += e.npv;
      sums.current.revenue += e.revenue;
      sums.current.headYears += e.headYears;
      this.model.npvByLifetime(i, heads.allocated[i]!, ta);
      for (const [h, t, into] of [
        [heads.equal[i]!, te, sums.equal],
        [heads.proportional[i]!, tp, sums.proportional]
      ] as const) {
        this.model.npvByLifetime(i, h, t);
        const f = this.model.expectedAfter(i, h, t);
        into.expectedNpv += f.npv;
        into.revenue += f.revenue;
        into.headYears += f.headYears;
        into.heads += h;
      }
      const todayInto = todayByTier[group[i]!]!;
      const allocatedInto = allocatedByTier[group[i]!]!;
      const row = i * trials;
      for (let k = 0; k < trials; ++k) {
        const L = lived[row + k]!;
        todayInto[k]! += tc[L]!;
        allocatedInto[k]! += ta[L]!;
        equal[k]! += te[L]!;
        proportional[k]! += tp[L]!;
      }
    }
    return {todayByTier, allocatedByTier, equal, proportional, today, sums};
  }

  /** Moves account i from `before` to `after` heads in the futures' totals. */
  move(totals: Float64Array, i: number, before: number, after: number): void {
    this.delta(i, before, after, totals, 1);
  }

  /** Adds sign · (NPV with `after` − NPV with `before`) of account i to every future in `into`. */
  delta(i: number, before: number, after: number, into: Float64Array, sign: number): void {
    const {trials, lived} = this.futures;
    const d = this.table;
    this.model.npvByLifetime(i, before, this.from);
    this.model.npvByLifetime(i, after, d);
    for (let L = 0; L < d.length; ++L) d[L] = sign * (d[L]! - this.from[L]!);
    const row = i * trials;
    for (let k = 0; k < trials; ++k) into[k]! += d[lived[row + k]!]!;
  }

  /** The figures of an allocation from its futures' totals and its expected sums. */
  summary(
    totals: Float64Array,
    {heads, expectedNpv, revenue, headYears}: {heads: number; expectedNpv: number; revenue: number; headYears: number}
  ): AllocationTotal {
    const trials = totals.length;
    let positive = 0;
    for (let k = 0; k < trials; ++k) if (totals[k]! > 0) ++positive;
    this.scratch.set(totals);
    const p5 = selectQuantile(this.scratch, 0.05);
    const p95 = selectQuantile(this.scratch, 0.95);
    return {
      heads: round(heads),
      expectedNpv,
      p5,
      p95,
      probabilityPositive: positive / trials,
      revenuePerHead: headYears > 0 ? revenue / headYears : null
    };
  }

  /** Mean and lower-tail mean of the futures' totals. */
  tail(totals: Float64Array, alpha: number): {mean: number; tail: number} {
    let mean = 0;
    for (let k = 0; k < totals.length; ++k) mean += totals[k]!;
    mean /= totals.length;
    this.scratch.set(totals);
    return {mean, tail: lowerTailMean(this.scratch, alpha)};
  }
}

/**
 * Local search for the risk-averse objective, from the mean-optimal allocation: moves one step of
 * heads from one account to another, or removes one, whichever raises mean − weight · shortfall
 * most, until none does. Candidates are the accounts where a step adds the most expected NPV and
 * those where one costs the least.
 */
function riskSearch(
  start: Int32Array,
  units: number,
  {
    n,
    K,
    at,
    lo,
    step,
    evaluator,
    alpha,
    weight
  }: {
    n: number;
    K: Int32Array;
    at: (i: number, k: number) => number;
    lo: Float64Array;
    step: number;
    evaluator: Evaluator;
    alpha: number;
    weight: number;
  }
): {level: Int32Array; cvar: number; shortfall: number} {
  const level = start.slice();
  const heads = () => Float64Array.from(level, (k, i) => lo[i]! + k * step);
  const totals = evaluator.totals(heads());
  let mean = 0;
  for (let i = 0; i < n; ++i) mean += at(i, level[i]!);
  let used = level.reduce((a, b) => a + b, 0);
  const score = (t: Float64Array, m: number) => {
    const {mean: sampleMean, tail} = evaluator.tail(t, alpha);
    return m - weight * (sampleMean - tail);
  };
  let current = score(totals, mean);
  const candidates = 12;
  const trial = new Float64Array(totals.length);
  for (let iteration = 0; iteration < 400; ++iteration) {
    const ups: number[] = [];
    const downs: number[] = [];
    for (let i = 0; i < n; ++i) {
      if (level[i]! < K[i]!) ups.push(i);
      if (level[i]! > 0) downs.push(i);
    }
    ups.sort((a, b) => at(b, level[b]! + 1) - at(b, level[b]!) - (at(a, level[a]! + 1) - at(a, level[a]!)) || a - b);
    downs.sort((a, b) => at(a, level[a]!) - at(a, level[a]! - 1) - (at(b, level[b]!) - at(b, level[b]! - 1)) || a - b);
    const up = ups.slice(0, candidates);
    const down = downs.slice(0, candidates);
    const upDelta = up.map((i) => {
      const d = new Float64Array(totals.length);
      evaluator.delta(i, lo[i]! + level[i]! * step, lo[i]! + (level[i]! + 1) * step, d, 1);
      return d;
    });
    const downDelta = down.map((i) => {
      const d = new Float64Array(totals.length);
      evaluator.delta(i, lo[i]! + level[i]! * step, lo[i]! + (level[i]! - 1) * step, d, 1);
      return d;
    });
    let best = current;
    let move = null as [number, number] | null; // [up index or −1, down index or −1]
    const consider = (u: number, d: number) => {
      trial.set(totals);
      let m = mean;
      if (u >= 0) {
        const i = up[u]!;
        m += at(i, level[i]! + 1) - at(i, level[i]!);
        const delta = upDelta[u]!;
        for (let k = 0; k < trial.length; ++k) trial[k]! += delta[k]!;
      }
      if (d >= 0) {
        const j = down[d]!;
        m += at(j, level[j]! - 1) - at(j, level[j]!);
        const delta = downDelta[d]!;
        for (let k = 0; k < trial.length; ++k) trial[k]! += delta[k]!;
      }
      const s = score(trial, m);
      if (s > best + 1e-9 * Math.max(1, Math.abs(best))) {
        best = s;
        move = [u, d];
      }
    };
    for (let u = 0; u < up.length; ++u) {
      for (let d = 0; d < down.length; ++d) if (up[u] !== down[d]) consider(u, d);
      if (used < units) consider(u, -1);
    }
    for (let d = 0; d < down.length; ++d) consider(-1, d);
    if (move === null) break;
    const [u, d] = move;
    if (u >= 0) {
      const i = up[u]!;
      mean += at(i, level[i]! + 1) - at(i, level[i]!);
      for (let k = 0; k < totals.length; ++k) totals[k]! += upDelta[u]![k]!;
      level[i] = level[i]! + 1;
      ++used;
    }
    if (d >= 0) {
      const j = down[d]!;
      mean += at(j, level[j]! - 1) - at(j, level[j]!);
      for (let k = 0; k < totals.length; ++k) totals[k]! += downDelta[d]![k]!;
      level[j] = level[j]! - 1;
      --used;
    }
    current = best;
  }
  const {mean: sampleMean, tail} = evaluator.tail(totals, alpha);
  return {level, cvar: tail, shortfall: sampleMean - tail};
}

function checkTrials(trials: number, seed: number): void {
  if (!(Number.isInteger(trials) && trials >= 1 && trials <= 100_000))
    throw new RangeError(`trials: must be an integer from 1 to 100,000, got ${trials}`);
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed: must be a safe integer, got ${seed}`);
}

function checkObjective(objective: AllocationObjective): {alpha: number; weight: number} | null {
  if (objective === "mean") return null;
  if (objective && typeof objective === "object" && objective.cvar) {
    const {alpha, weight} = objective.cvar;
    if (!(alpha > 0 && alpha < 1)) throw new RangeError(`objective.cvar.alpha: must be between 0 and 1, got ${alpha}`);
    if (!(Number.isFinite(weight) && weight >= 0))
      throw new RangeError(`objective.cvar.weight: must be a number of at least 0, got ${weight}`);
    return {alpha, weight};
  }
  throw new RangeError(`objective: must be "mean" or {cvar: {alpha, weight}}, got ${JSON.stringify(objective)}`);
}

function checkPerTier(
  perTier: Partial<Record<Tier, {min?: number; max?: number}>>,
  maxHeads: number
): Record<Tier, {min: number; max: number}> {
  for (const key of Object.keys(perTier))
    if (!isTier(key)) throw new RangeError(`perTier.${key}: not a tier (S, A, B or C)`);
  return Object.fromEntries(
    tiers.map((t) => {
      const b = Object.hasOwn(perTier, t) ? perTier[t]! : {};
      const min = b.min ?? 0;
      const max = b.max ?? Math.max(maxHeads, min);
      if (!(Number.isFinite(min) && min >= 0))
        throw new RangeError(`perTier.${t}.min: must be a number of at least 0, got ${min}`);
      if (!(Number.isFinite(max) && max >= 0))
        throw new RangeError(`perTier.${t}.max: must be a number of at least 0, got ${max}`);
      if (min > max) throw new RangeError(`perTier.${t}: min ${min} is above max ${max}`);
      return [t, {min, max}];
    })
  ) as Record<Tier, {min: number; max: number}>;
}

/** The largest of many integers (a spread of a million arguments would overflow the stack). */
function largest(values: Int32Array): number {
  let max = 0;
  for (let i = 0; i < values.length; ++i) if (values[i]! > max) max = values[i]!;
  return max;
}

const emptySums = {heads: 0, expectedNpv: 0, revenue: 0, headYears: 0};

/** An allocation's expected figures from its sums, as Evaluator.summary gives them, before any future. */
function pendingTotal({
  heads,
  expectedNpv,
  revenue,
  headYears
}: {
  heads: number;
  expectedNpv: number;
  revenue: number;
  headYears: number;
}): PendingTotal {
  return {
    heads: round(heads),
    expectedNpv,
    p5: null,
    p95: null,
    probabilityPositive: null,
    revenuePerHead: headYears > 0 ? revenue / headYears : null
  };
}

function emptyTotal(): AllocationTotal {
  return {heads: 0, expectedNpv: 0, p5: 0, p95: 0, probabilityPositive: 0, revenuePerHead: null};
}

/** Rounds away the binary noise of summed steps (0.1 + 0.2). */
function round(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}

function latestYear(accounts: readonly Account[]): number {
  let latest = -Infinity;
  for (const a of accounts) latest = Math.max(latest, a.firstYear, a.exitYear ?? -Infinity);
  if (!Number.isFinite(latest)) throw new RangeError("allocateHeads: no accounts to take the current year from");
  return latest;
}
