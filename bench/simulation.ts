import {availableParallelism} from "node:os";
import {
  defaultScenario,
  planSimulation,
  randomExponential,
  randomStream,
  rankTiers,
  simulatePortfolio,
  type Account
} from "tierwise";
import {SimulationPool} from "tierwise/node";

/** Synthetic active accounts with heavy-tailed wallets across eight industries. */
export function syntheticAccounts(n: number, seed = 1): Account[] {
  const random = randomStream(seed, "bench-accounts");
  const industries = ["Telecom", "Banking", "Utilities", "Manufacturing", "Retail", "Internet", "Energy", "Public"];
  return Array.from({length: n}, (_, i) => {
    const wallet = Math.round(Math.exp(13 + 2.5 * random()));
    return {
      id: `A${i}`,
      name: `Account ${i}`,
      industry: industries[i % industries.length]!,
      region: "Europe",
      foundedYear: 1950 + Math.floor(70 * random()),
      firstYear: 2020,
      exitYear: null,
      annualWallet: wallet,
      walletGrowth: 0.05 * random(),
      annualRevenue: Math.round(wallet * 0.3 * random()),
      grossMargin: 0.2 + 0.3 * random(),
      health: random(),
      strategicFit: 5 * random(),
      salesHeads: 0.2 + 2 * random()
    };
  });
}

export interface SimulationMeasurement {
  name: string;
  accounts: number;
  years: number;
  trials: number;
  /** Worker threads (1: this thread alone). */
  threads: number;
  /** Whether the cumulative-cash fans and paybacks were computed. */
  cash: boolean;
  /** Median of the runs. */
  ms: number;
  /**
   * Median CPU time of the runs, every thread of the process (a pool's workers included): steadier
   * than the wall clock on a shared machine, and the work a run costs.
   */
  cpuMs: number;
  /** Resident set size after the runs. */
  rssMB: number;
}

const scenarioFor = (accounts: number) => ({
  ...defaultScenario,
  tierRules: {
    ...defaultScenario.tierRules,
    cut: {by: "rank" as const, topN: Math.round(accounts / 20), shareA: 0.15, shareB: 0.35}
  }
});

/** CPU time of the process so far, every thread, in ms. */
const cpuTime = () => {
  const {user, system} = process.cpuUsage();
  return (user + system) / 1000;
};

const median = (times: number[]) => times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;

/**
 * simulatePortfolio on synthetic portfolios, the median of several runs: on this thread (with
 * and without the cash fans) and on a pool of worker threads (as many as the machine has, at most
 * 8), then the 2,000-account case's bare loop and the ratio to it.
 */
export async function simulationBench(
  cases = [
    {accounts: 2_000, trials: 1_000, runs: 7, single: true},
    {accounts: 100_000, trials: 1_000, runs: 3, single: true},
    {accounts: 1_000_000, trials: 200, runs: 1, single: false}
  ]
): Promise<(SimulationMeasurement | {name: string; ms?: number; ratio?: number})[]> {
  const rows: (SimulationMeasurement | {name: string; ms?: number; ratio?: number})[] = [];
  const pool = new SimulationPool({workers: Math.min(8, availableParallelism())});
  try {
    for (const {accounts, trials, runs, single} of cases) {
      const portfolio = syntheticAccounts(accounts);
      const scenario = scenarioFor(accounts);
      const row = (threads: number, cash: boolean, times: number[], cpu: number[]): SimulationMeasurement => ({
        name: "simulatePortfolio",
        accounts,
        years: scenario.horizon,
        trials,
        threads,
        cash,
        ms: Math.round(median(times)),
        cpuMs: Math.round(median(cpu)),
        rssMB: Math.round(process.memoryUsage().rss / 2 ** 20)
      });
      if (single) {
        for (const cash of [true, false]) {
          const times: number[] = [];
          const cpu: number[] = [];
          for (let k = 0; k < runs; ++k) {
            const started = performance.now();
            const used = cpuTime();
            simulatePortfolio(portfolio, scenario, {trials, seed: k + 1, cash});
            cpu.push(cpuTime() - used);
            times.push(performance.now() - started);
          }
          rows.push(row(1, cash, times, cpu));
        }
      }
      // The set-up alone: tiering, then tiering and the plan (what every run pays before its first trial).
      for (const [name, setUp] of [
        ["rankTiers", () => rankTiers(portfolio, scenario.tierRules)],
        ["planSimulation", () => planSimulation(portfolio, scenario, {trials, seed: 1})]
      ] as const) {
        const times: number[] = [];
        for (let k = 0; k < Math.max(3, runs); ++k) {
          const started = performance.now();
          setUp();
          times.push(performance.now() - started);
        }
        rows.push({name: `${name}, ${accounts.toLocaleString("en-US")} accounts`, ms: Math.round(median(times))});
      }
      // One run first to start the threads.
      await pool.simulate(portfolio, scenario, {trials: Math.min(trials, 100), seed: 1});
      const times: number[] = [];
      const cpu: number[] = [];
      for (let k = 0; k < runs; ++k) {
        const started = performance.now();
        const used = cpuTime();
        await pool.simulate(portfolio, scenario, {trials, seed: k + 1});
        cpu.push(cpuTime() - used);
        times.push(performance.now() - started);
      }
      rows.push(row(pool.size, true, times, cpu));
    }
  } finally {
    await pool.close();
  }
  const bare = bareLoop();
  const first = rows.find((r): r is SimulationMeasurement => "threads" in r && r.threads === 1 && !r.cash);
  rows.push({name: "bare one-core loop, 2,000 accounts × 10 years × 1,000 futures", ms: Math.round(bare)});
  if (first) rows.push({name: "simulatePortfolio without cash fans / bare loop", ratio: +(first.ms / bare).toFixed(2)});
  return rows;
}

/**
 * The least a simulation of 2,000 accounts × 10 years × 1,000 futures can do on one core: per
 * account and trial one exponential draw, a linear search for the exit year among its
 * industry's thresholds, and two reads of its prefix sums. The median of 7 runs, in ms.
 */
export function bareLoop(n = 2_000, years = 10, trials = 1_000): number {
  const W = years + 1;
  const threshold = Float64Array.from({length: 8 * years}, (_, k) => 0.1 * ((k % years) + 1) * (1 + k / years / 8));
  const flows = Float64Array.from({length: n * 2 * W}, (_, k) => k % 17);
  const industry = Uint16Array.from({length: n}, (_, i) => i % 8);
  const risk = Float64Array.from({length: n}, (_, i) => 0.5 + (i % 10) / 10);
  const draws = new Float64Array(n);
  const exponential = randomExponential(1, "bare");
  const out = new Float64Array(trials);
  const trial = (k: number) => {
    let sum = 0;
    for (let i = 0; i < n; ++i) {
      const e = draws[i]! * risk[i]!;
      const base = industry[i]! * years;
      let L = 0;
      while (L < years && threshold[base + L]! <= e) ++L;
      sum += flows[i * 2 * W + W + L]! - flows[i * 2 * W + Math.min(L + 1, years)]!;
    }
    out[k] = sum;
  };
  const times: number[] = [];
  for (let r = 0; r < 7; ++r) {
    const started = performance.now();
    for (let k = 0; k < trials; ++k) {
      exponential.fill(draws);
      trial(k);
    }
    times.push(performance.now() - started);
  }
  return median(times);
}
