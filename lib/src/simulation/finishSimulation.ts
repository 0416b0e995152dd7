import {breakEvenSurvival} from "../economics/breakEvenSurvival.js";
import {equivalentSurvival} from "../economics/equivalentSurvival.js";
import type {TieredAccount} from "../tiering/assignTiers.js";
import type {TrialsPart} from "./simulateBlocks.js";
import type {Fan, InvestmentLedger, PortfolioSimulation, TierOutcome} from "./simulatePortfolio.js";
import {fates, groups, type SimulationPlan} from "./simulationPlan.js";
import {summarize} from "./summarize.js";

/**
 * The summary of a simulation from the per-trial results of its blocks: parts covering every
 * trial once, in any order. Sums over trials run in trial order, so the result is the same
 * however the trials were split between workers.
 *
 * @example
 * const result = finishSimulation(plan, [simulateBlocks(plan, 10, 20), simulateBlocks(plan, 0, 10)]);
 */
export function finishSimulation(plan: SimulationPlan, parts: readonly TrialsPart[]): PortfolioSimulation {
  const {n, horizon: H, trials, cash} = plan;
  const W = H + 1;
  const ordered = [...parts].sort((a, b) => a.firstTrial - b.firstTrial);
  let covered = 0;
  for (const part of ordered) {
    if (part.firstTrial !== covered) throw new RangeError(`simulation parts do not cover trial ${covered}`);
    covered += part.trials;
  }
  if (covered !== trials) throw new RangeError(`simulation parts cover ${covered} of ${trials} trials`);

  /** Trial k's value of series `index` (with stride m in each part), in trial order. */
  const column = <T extends Float64Array | Uint8Array>(pick: (part: TrialsPart) => T, index: number, out: T): T => {
    for (const part of ordered) {
      const m = part.trials;
      out.set(pick(part).subarray(index * m, (index + 1) * m), part.firstTrial);
    }
    return out;
  };
  const lifetimes = ordered.length === 1 ? ordered[0]!.lifetimes : new Uint32Array(n * W);
  if (ordered.length > 1)
    for (const part of ordered) for (let u = 0; u < n * W; ++u) lifetimes[u]! += part.lifetimes[u]!;

  // Expected yearly revenue, contribution and heads from each account's lifetime distribution.
  const expected = Array.from({length: groups}, () => ({
    revenue: new Float64Array(H),
    contribution: new Float64Array(H),
    heads: new Float64Array(H)
  }));
  const members = new Float64Array(groups);
  const heads = new Float64Array(groups);
  const all = expected[4]!;
  for (let i = 0; i < n; ++i) {
    const g = plan.tierOf[i]!;
    const e = expected[g]!;
    const h = plan.heads[i]!;
    ++members[g]!;
    heads[g]! += h;
    heads[4]! += h;
    let atLeast = trials; // trials in which account i is alive at the start of year t (lived ≥ t − 1 years)
    const flows = plan.accountFlows(i);
    for (let t = 1; t <= H; ++t) {
      const startAlive = atLeast / trials;
      atLeast -= lifetimes[i * W + t - 1]!;
      const endAlive = atLeast / trials;
      const revenue = flows.revenue[t - 1]! * endAlive;
      const contribution = flows.contribution[t - 1]! * endAlive;
      e.heads[t - 1]! += h * startAlive;
      e.revenue[t - 1]! += revenue;
      e.contribution[t - 1]! += contribution;
      all.heads[t - 1]! += h * startAlive;
      all.revenue[t - 1]! += revenue;
      all.contribution[t - 1]! += contribution;
    }
  }
  members[4] = n;

  const scratch = new Float64Array(trials);
  const fan = (pick: (part: TrialsPart) => Float64Array, g: number): Fan => {
    const result: Fan = {year: [], mean: [], p5: [], p25: [], p50: [], p75: [], p95: []};
    for (let t = 0; t < W; ++t) {
      const s = summarize(column(pick, g * W + t, scratch));
      result.year.push(t);
      result.mean.push(s.mean);
      result.p5.push(s.p5);
      result.p25.push(s.p25);
      result.p50.push(s.p50);
      result.p75.push(s.p75);
      result.p95.push(s.p95);
    }
    return result;
  };
  const noFan = (): Fan => {
    const nan = () => Array.from({length: W}, () => NaN);
    return {
      year: Array.from({length: W}, (_, t) => t),
      mean: nan(),
      p5: nan(),
      p25: nan(),
      p50: nan(),
      p75: nan(),
      p95: nan()
    };
  };

  const outcome = (g: number): TierOutcome => {
    const count = members[g]!;
    const draws = column((p) => p.npv, g, new Float64Array(trials));
    const paybackDraws = column((p) => p.payback, g, new Uint8Array(trials));
    let positive = 0;
    let paid = 0;
    for (let k = 0; k < trials; ++k) {
      if (draws[k]! > 0) ++positive;
      if (paybackDraws[k]! > 0) ++paid;
    }
    const part = (f: number) => {
      let sum = 0;
      for (const p of ordered) {
        const m = p.trials;
        for (let k = (g * fates + f) * m, end = k + m; k < end; ++k) sum += p.fate[k]!;
      }
      return sum / trials;
    };
    const ledger: InvestmentLedger = {
      diedBeforeFirstOrder: part(0),
      diedBeforePayback: part(1),
      notYetPaidBack: part(2),
      paidBack: part(3)
    };
    // Summed in this order, so that (rounding being monotonic) the cumulative figures never cross:
    // wasted before first order ≤ wasted before payback ≤ investment.
    const wastedBeforePayback = ledger.diedBeforeFirstOrder + ledger.diedBeforePayback;
    const investment = wastedBeforePayback + ledger.notYetPaidBack + ledger.paidBack;
    const e = expected[g]!;
    const summary = summarize(draws);
    const years = Array.from({length: H}, (_, t) => t + 1);
    const flows = plan.groupFlows[g]!;
    const r = plan.discountRate;
    return {
      accounts: count,
      heads: heads[g]!,
      npv: summary,
      probabilityPositive: positive / trials,
      npvDraws: draws,
      paybackDraws,
      probabilityPayback: !cash ? NaN : count === 0 ? 0 : paid / trials,
      investment,
      wastedBeforeFirstOrder: ledger.diedBeforeFirstOrder,
      wastedBeforePayback,
      ledger,
      survivors: fan((p) => p.survivors, g),
      cumulativeCash: cash ? fan((p) => p.cumulativeCash, g) : noFan(),
      perHead: {
        year: years,
        revenue: years.map((t) => (e.heads[t - 1]! > 0 ? e.revenue[t - 1]! / e.heads[t - 1]! : 0)),
        contribution: years.map((t) => (e.heads[t - 1]! > 0 ? e.contribution[t - 1]! / e.heads[t - 1]! : 0)),
        heads: Array.from(e.heads)
      },
      breakEvenSurvival: count === 0 ? null : breakEvenSurvival(flows, {discountRate: r}),
      equivalentSurvival: count === 0 ? null : equivalentSurvival(flows, summary.mean, {discountRate: r})
    };
  };
  return withRows(
    {
      asOf: plan.asOf,
      horizon: H,
      trials,
      seed: plan.seed,
      tiers: {S: outcome(0), A: outcome(1), B: outcome(2), C: outcome(3)},
      total: outcome(4)
    },
    plan.tieredRows
  );
}

/**
 * The result with its rows, made when first read (a million rows cost more than the rest of the
 * summary). Made here, not in finishSimulation, whose closures hold the whole plan: this getter
 * holds the plan's tiers and lets the kernel's arrays go.
 */
function withRows(
  result: Omit<PortfolioSimulation, "tiered">,
  rowsOf: () => readonly TieredAccount[]
): PortfolioSimulation {
  return {
    ...result,
    get tiered() {
      return rowsOf();
    }
  };
}
