import {execFileSync} from "node:child_process";
import {availableParallelism} from "node:os";
import {fileURLToPath} from "node:url";
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
  /** The first run of the process, before any warming. */
  firstMs: number;
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

/** One case of {@link simulationBench}, measured in a process of its own. */
interface SimulationCase {
  accounts: number;
  trials: number;
  runs: number;
  /** Worker threads: 1 for this thread alone. */
  threads: number;
  cash: boolean;
  /** Also time the set-up alone (tiering, the plan). */
  setUp?: boolean;
}

/**
 * One case, in this process: the portfolio and scenario are made; runs of the same size warm the
 * code (the engine compiles it, WebAssembly included, as it runs, in every thread, which takes a
 * pool several runs): ten, or as many as start within 2 s, at least one; then the median of `runs`
 * runs, seeds 1 to `runs`. The first run's time is reported beside it. The process is the case's alone, so its resident
 * memory is the case's: the portfolio, the plan, the pool's threads and their heaps.
 */
export async function simulationCase({
  accounts,
  trials,
  runs,
  threads,
  cash,
  setUp = false
}: SimulationCase): Promise<(SimulationMeasurement | {name: string; ms: number})[]> {
  const rows: (SimulationMeasurement | {name: string; ms: number})[] = [];
  const portfolio = syntheticAccounts(accounts);
  const scenario = scenarioFor(accounts);
  if (setUp) {
    // The set-up alone: tiering, then tiering and the plan (what every run pays before its first trial).
    for (const [name, step] of [
      ["rankTiers", () => rankTiers(portfolio, scenario.tierRules)],
      ["planSimulation", () => planSimulation(portfolio, scenario, {trials, seed: 1})]
    ] as const) {
      const times: number[] = [];
      for (let k = 0; k < Math.max(3, runs); ++k) {
        const started = performance.now();
        step();
        times.push(performance.now() - started);
      }
      rows.push({name: `${name}, ${accounts.toLocaleString("en-US")} accounts`, ms: Math.round(median(times))});
    }
  }
  const pool = threads > 1 ? new SimulationPool({workers: threads}) : null;
  const run = (seed: number) =>
    pool
      ? pool.simulate(portfolio, scenario, {trials, seed, cash})
      : Promise.resolve(simulatePortfolio(portfolio, scenario, {trials, seed, cash}));
  try {
    // Warm: until the engine has compiled the hot code in every thread, which takes it several runs.
    let warm = 0;
    const first = performance.now();
    await run(runs + 1);
    const firstMs = performance.now() - first;
    while (++warm < 10 && performance.now() - first < 2000) await run(runs + 1 + warm);
    const times: number[] = [];
    const cpu: number[] = [];
    for (let k = 0; k < runs; ++k) {
      const started = performance.now();
      const used = cpuTime();
      await run(k + 1);
      cpu.push(cpuTime() - used);
      times.push(performance.now() - started);
    }
    rows.push({
      name: "simulatePortfolio",
      accounts,
      years: scenario.horizon,
      trials,
      threads,
      cash,
      ms: Math.round(median(times)),
      firstMs: Math.round(firstMs),
      cpuMs: Math.round(median(cpu)),
      rssMB: Math.round(process.memoryUsage().rss / 2 ** 20)
    });
  } finally {
    await pool?.close();
  }
  return rows;
}

/** {@link simulationCase} in a new Node process (this file, run through tsx), its rows read from its output. */
function inProcess(options: SimulationCase): (SimulationMeasurement | {name: string; ms: number})[] {
  const file = fileURLToPath(import.meta.url);
  const out = execFileSync(process.execPath, ["--import", "tsx", file, JSON.stringify(options)], {
    encoding: "utf8",
    maxBuffer: 1 << 20
  });
  return JSON.parse(out) as (SimulationMeasurement | {name: string; ms: number})[];
}

/**
 * simulatePortfolio on synthetic portfolios: on one thread (with and without the cash fans) and on
 * a pool of worker threads (as many as the machine has, at most 8), each case in a process of its
 * own (see {@link simulationCase}); then the 2,000-account case's bare loop and the ratio to it.
 */
export function simulationBench(
  cases = [
    {accounts: 2_000, trials: 1_000, runs: 7, single: true},
    {accounts: 100_000, trials: 1_000, runs: 3, single: true},
    {accounts: 1_000_000, trials: 200, runs: 1, single: false}
  ]
): (SimulationMeasurement | {name: string; ms?: number; ratio?: number})[] {
  const rows: (SimulationMeasurement | {name: string; ms?: number; ratio?: number})[] = [];
  const workers = Math.min(8, availableParallelism());
  for (const {accounts, trials, runs, single} of cases) {
    if (single)
      for (const cash of [true, false])
        rows.push(...inProcess({accounts, trials, runs, threads: 1, cash, setUp: cash}));
    rows.push(...inProcess({accounts, trials, runs, threads: workers, cash: true, setUp: !single}));
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

// Run as a script with a case as JSON: that case, its rows as JSON on the output (see inProcess).
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const rows = await simulationCase(JSON.parse(process.argv[2]!) as SimulationCase);
  process.stdout.write(JSON.stringify(rows));
}
