import {defaultScenario, randomStream, simulatePortfolio, type Account} from "tierwise";

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
  name: "simulatePortfolio";
  accounts: number;
  years: number;
  trials: number;
  /** Median of the runs. */
  ms: number;
  /** Resident set size after the runs. */
  rssMB: number;
}

/** simulatePortfolio on synthetic portfolios: the median of several runs, one thread. */
export function simulationBench(
  cases = [
    {accounts: 2_000, trials: 1_000, runs: 7},
    {accounts: 100_000, trials: 1_000, runs: 3}
  ]
): SimulationMeasurement[] {
  return cases.map(({accounts, trials, runs}) => {
    const portfolio = syntheticAccounts(accounts);
    const scenario = {
      ...defaultScenario,
      tierRules: {
        ...defaultScenario.tierRules,
        cut: {by: "rank" as const, topN: Math.round(accounts / 20), shareA: 0.15, shareB: 0.35}
      }
    };
    const times: number[] = [];
    for (let k = 0; k < runs; ++k) {
      const started = performance.now();
      simulatePortfolio(portfolio, scenario, {trials, seed: k + 1});
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    return {
      name: "simulatePortfolio",
      accounts,
      years: scenario.horizon,
      trials,
      ms: Math.round(times[Math.floor(times.length / 2)]!),
      rssMB: Math.round(process.memoryUsage().rss / 2 ** 20)
    };
  });
}
