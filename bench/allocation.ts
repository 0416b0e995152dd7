import {allocateHeads, defaultScenario, generateSamplePortfolio} from "tierwise";
import {syntheticAccounts} from "./simulation.js";

export interface AllocationMeasurement {
  name: string;
  accounts: number;
  heads: number;
  ms: number;
  /** Until onFrontier: the expected-NPV frontier, before any future is simulated. */
  firstMs: number;
  gap: number;
  frontierRows: number;
  rssMB: number;
}

/**
 * `allocateHeads` with the mean objective, 0 to 10 heads per account in quarter steps, 1,000
 * futures, frontier included: on the sample (today's heads) and on 100,000 synthetic accounts.
 */
export function allocationBench(): AllocationMeasurement[] {
  const rows: AllocationMeasurement[] = [];
  const cases = [
    {name: "allocateHeads, sample", accounts: generateSamplePortfolio()},
    {name: "allocateHeads, 100,000 accounts", accounts: syntheticAccounts(100_000)}
  ];
  for (const {name, accounts} of cases) {
    const heads = Math.round(accounts.filter((a) => a.exitYear === null).reduce((s, a) => s + a.salesHeads, 0));
    const repeats = accounts.length > 10_000 ? 1 : 3;
    let best = Infinity;
    let first = Infinity;
    let result: ReturnType<typeof allocateHeads> | null = null;
    for (let r = 0; r < repeats; ++r) {
      const start = performance.now();
      let firstAt = NaN;
      result = allocateHeads(accounts, defaultScenario, {
        heads,
        trials: 1000,
        seed: 1,
        onFrontier: () => (firstAt = performance.now() - start)
      });
      first = Math.min(first, firstAt);
      best = Math.min(best, performance.now() - start);
    }
    rows.push({
      name,
      accounts: accounts.length,
      heads,
      ms: Math.round(best),
      firstMs: Math.round(first),
      gap: Math.round(result!.gap),
      frontierRows: result!.frontier.length,
      rssMB: Math.round(process.memoryUsage().rss / 1048576)
    });
  }
  return rows;
}
