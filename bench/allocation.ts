import {allocateHeads, allocationScale, defaultScenario, generateSamplePortfolio} from "tierwise";
import {syntheticAccounts} from "./simulation.js";

export interface AllocationMeasurement {
  name: string;
  accounts: number;
  heads: number;
  step: number;
  trials: number;
  ms: number;
  /** Until onFrontier: the expected-NPV frontier, before any future is simulated. */
  firstMs: number;
  gap: number;
  frontierRows: number;
  rssMB: number;
}

/**
 * `allocateHeads` with the mean objective, 0 to 10 heads per account, frontier included: on the
 * sample (today's heads) and on 100,000 synthetic accounts in quarter steps with 1,000 futures,
 * and on 100,000 and 1,000,000 accounts at the step and futures the Allocate page chooses for
 * them (allocationScale).
 */
export function allocationBench(): AllocationMeasurement[] {
  const rows: AllocationMeasurement[] = [];
  const page = (n: number) => {
    const {step, trials} = allocationScale(n);
    return {step, trials};
  };
  const cases = [
    {name: "allocateHeads, sample", accounts: generateSamplePortfolio(), step: 0.25, trials: 1000},
    {name: "allocateHeads, 100,000 accounts", accounts: syntheticAccounts(100_000), step: 0.25, trials: 1000},
    {name: "allocateHeads, 100,000 accounts, the page's step", accounts: syntheticAccounts(100_000), ...page(100_000)},
    {
      name: "allocateHeads, 1,000,000 accounts, the page's step",
      accounts: syntheticAccounts(1_000_000),
      ...page(1_000_000)
    }
  ];
  for (const {name, accounts, step, trials} of cases) {
    const total = accounts.filter((a) => a.exitYear === null).reduce((s, a) => s + a.salesHeads, 0);
    const heads = Math.round(total / step) * step;
    const repeats = accounts.length > 10_000 ? 1 : 3;
    let best = Infinity;
    let first = Infinity;
    let result: ReturnType<typeof allocateHeads> | null = null;
    for (let r = 0; r < repeats; ++r) {
      const start = performance.now();
      let firstAt = NaN;
      result = allocateHeads(accounts, defaultScenario, {
        heads,
        step,
        trials,
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
      step,
      trials,
      ms: Math.round(best),
      firstMs: Math.round(first),
      gap: Math.round(result!.gap),
      frontierRows: result!.frontier.length,
      rssMB: Math.round(process.memoryUsage().rss / 1048576)
    });
  }
  return rows;
}
