/**
 * The steps heads may move in, finest first. Each divides the default response's ceiling of 10
 * heads per account, so every step reaches it.
 */
export const headsSteps = [0.25, 0.5, 1, 2] as const;

/** The numbers of futures an allocation may simulate for its risk figures, fewest first. */
export const allocationFutures = [100, 200, 1000, 5000] as const;

/**
 * The most points (an account at one number of heads) {@link allocateHeads} evaluates: each
 * holds three numbers (24 bytes), so this is about 290 MB, as much as a browser tab can spare.
 */
export const maxAllocationPoints = 12_000_000;

/**
 * The most account-futures (accounts × futures, one byte each) the risk figures simulate: 100 MB,
 * the bound the published reports use too.
 */
export const maxAccountFutures = 100_000_000;

/** Options of {@link allocationScale}. */
export interface AllocationScaleOptions {
  /** The most heads an account takes (the response's `maxHeads`). Default 10. */
  maxHeads?: number;
  /**
   * Points evaluated at the default step: the finest step whose accounts × levels stays within
   * this is chosen, so the first chart comes quickly. Default 2,500,000 (about 1 to 2 s).
   */
  fastPoints?: number;
}

/** The grid an allocation works on for a book of a given size; see {@link allocationScale}. */
export interface AllocationScale {
  /** The default step of heads: the finest whose points stay within `fastPoints`, else the coarsest. */
  step: number;
  /** The finest step whose points fit in {@link maxAllocationPoints}; finer steps are refused. */
  smallestStep: number;
  /** Points (accounts × levels per account) at the default step. */
  points: number;
  /** The futures that fit in {@link maxAccountFutures}: those of {@link allocationFutures}, at least the fewest. */
  futures: number[];
  /** The default futures: 1,000 when they fit, else the most that do. */
  trials: number;
  /** Why this step, in words: "0.25 heads, the finest" or "0.5 heads, so that 100,000 accounts take 2,100,000 points …". */
  reason: string;
}

/** Points an allocation evaluates: each account at every step from 0 to `maxHeads`. */
function pointsAt(accounts: number, step: number, maxHeads: number): number {
  return accounts * (Math.floor(maxHeads / step + 1e-9) + 1);
}

/**
 * The step of heads and the number of futures an allocation of a book of `accounts` active
 * accounts uses, chosen once for the book: the finest step of {@link headsSteps} whose points
 * (accounts × levels per account, each an exact expected NPV to compute) stay within `fastPoints`,
 * so that a big book's first chart comes as quickly as a small one's; and the futures whose
 * account-futures fit in memory. A step finer than `smallestStep` is refused by allocateHeads.
 *
 * @example
 * allocationScale(1358).step; // 0.25: the sample keeps quarter steps
 * allocationScale(1_000_000); // {step: 2, smallestStep: 1, trials: 100, ...}
 */
export function allocationScale(
  accounts: number,
  {maxHeads = 10, fastPoints = 2_500_000}: AllocationScaleOptions = {}
): AllocationScale {
  if (!(Number.isInteger(accounts) && accounts >= 0))
    throw new RangeError(`accounts: must be an integer of at least 0, got ${accounts}`);
  if (!(Number.isFinite(maxHeads) && maxHeads > 0))
    throw new RangeError(`maxHeads: must be a number above 0, got ${maxHeads}`);
  const coarsest = headsSteps[headsSteps.length - 1]!;
  const step = headsSteps.find((s) => pointsAt(accounts, s, maxHeads) <= fastPoints) ?? coarsest;
  const smallestStep = headsSteps.find((s) => pointsAt(accounts, s, maxHeads) <= maxAllocationPoints) ?? coarsest;
  const fitting = allocationFutures.filter((t) => accounts * t <= maxAccountFutures);
  const futures = fitting.length > 0 ? [...fitting] : [allocationFutures[0]];
  const trials = futures.includes(1000) ? 1000 : futures[futures.length - 1]!;
  const points = pointsAt(accounts, step, maxHeads);
  const reason =
    step === headsSteps[0]
      ? `${step} heads, the finest`
      : `${step} ${step === 1 ? "head" : "heads"}, so that ${accounts.toLocaleString("en-US")} accounts take ${points.toLocaleString("en-US")} points (accounts × steps) and the first chart comes quickly`;
  return {step, smallestStep, points, futures, trials, reason};
}
