import {columnsOfAccounts, unpackAllocation} from "tierwise";
import {LatestRequest, type Answer, type Run} from "./latestRequest.js";
import type {
  Account,
  AccountColumns,
  AllocationObjective,
  FirstAllocation,
  HeadsAllocation,
  PackedAllocation,
  Scenario,
  Tier,
  TierRules,
  UnpackedAllocation
} from "tierwise";

/** The whole allocation as the page has it: its rows per account made only when read. */
export type PageAllocation = UnpackedAllocation<HeadsAllocation>;
/** The first result as the page has it. */
export type PageFirstAllocation = UnpackedAllocation<FirstAllocation>;

/** What the page asks of the allocation worker. */
export interface AllocationRequest {
  scenario: Scenario;
  heads: number;
  /** Heads move in steps of this size. */
  step: number;
  trials: number;
  seed: number;
  asOf: number;
  objective: AllocationObjective;
  perTier: Partial<Record<Tier, {min?: number; max?: number}>>;
}

/** A request in flight: its id and the allocation. */
export type AllocationRun = Run<PageAllocation>;

/** The worker's answers to a request. */
interface AllocationAnswer extends Answer {
  first?: PackedAllocation<FirstAllocation>;
  result?: PackedAllocation<HeadsAllocation>;
}

/**
 * Runs allocateHeads in a Web Worker, one request at a time (see {@link LatestRequest}): a new
 * request cancels one still in progress, so moving a slider never queues work. Progress (0 to 1)
 * arrives through `onProgress` while a request runs. A fresh worker gets the accounts as columns,
 * not as a structured clone of objects, and answers with the allocation's rows as typed arrays
 * (packAllocation), made into rows only when read. A worker that fails (out of memory, say)
 * rejects its request and is replaced by the next.
 */
export class AllocationClient {
  #columns: AccountColumns | null = null;
  #accounts: readonly Account[] = [];
  #active: readonly Account[] | null = null;
  #rules: TierRules | null = null;
  #worker: LatestRequest<AllocationAnswer>;
  /** `accounts` (and `active`, those with no exit year, when the page has them) as {@link portfolio} sets them. */
  constructor(url: string, accounts?: readonly Account[], active?: readonly Account[]) {
    this.#worker = new LatestRequest(url, () => ({columns: this.#columns, tierRules: this.#rules}));
    if (accounts) this.portfolio(accounts, active);
  }
  /** The accounts the worker allocates heads to: those with no exit year, in order. */
  get #activeAccounts(): readonly Account[] {
    return (this.#active ??= this.#accounts.filter((a) => a.exitYear === null));
  }
  /** The id of the latest request. */
  get latest(): number {
    return this.#worker.latest;
  }
  /**
   * Starts the worker, so that it loads the model while the page reads the portfolio (a worker
   * starts only when the page's thread is free), and hands it the portfolio if set.
   */
  prepare(): void {
    this.#worker.start();
  }
  /**
   * The portfolio to allocate over, handed to the worker at once (as columns); `active` are its
   * accounts with no exit year, in order, when the page has them.
   */
  portfolio(accounts: readonly Account[], active?: readonly Account[]): void {
    this.#columns = columnsOfAccounts(accounts);
    this.#accounts = accounts;
    this.#active = active ?? null;
    this.#worker.tell({columns: this.#columns});
  }
  /**
   * The tier rules the next request will most likely use: the worker tiers the portfolio by them
   * at once, while the page builds its inputs and scenario (a million accounts take a second or two).
   */
  tierBy(rules: TierRules): void {
    this.#rules = rules;
    this.#worker.tell({tierRules: rules});
  }
  /**
   * allocateHeads; a request superseded by another never settles. `onFirst` gets the first result
   * (allocateHeads' onFrontier) as soon as the worker has it, before the futures are simulated.
   */
  run(
    request: AllocationRequest,
    onProgress?: (done: number) => void,
    onFirst?: (first: PageFirstAllocation) => void
  ): AllocationRun {
    if (!this.#columns) throw new Error("AllocationClient: no portfolio to allocate over");
    return this.#worker.request(request, {
      onProgress,
      onAnswer: (answer) => {
        if (answer.first) onFirst?.(unpackAllocation(answer.first, this.#activeAccounts));
      },
      result: (answer) => {
        if (!answer.result) throw new Error("the allocation worker answered with no allocation");
        return unpackAllocation(answer.result, this.#activeAccounts);
      }
    });
  }
  terminate(): void {
    this.#worker.terminate();
  }
}

/**
 * One request's outcomes as they come: the first result (`first`, the allocation without its
 * figures over the futures) when the worker has it before the end, then the full result or the
 * error. A superseded request yields nothing more.
 */
export type AllocationOutcome =
  | {id: number; first: PageFirstAllocation; result: null; error: null}
  | {id: number; first: null; result: PageAllocation; error: null}
  | {id: number; first: null; result: null; error: string};

/**
 * Runs a request on the client and yields its {@link AllocationOutcome}s, for a page cell to draw
 * each; without `first`, only the full result or the error (a risk-averse run's first result is
 * the mean optimum, where its search starts, not its answer).
 */
export async function* allocationOutcomes(
  client: Pick<AllocationClient, "run">,
  request: AllocationRequest,
  {onProgress, first: drawFirst = true}: {onProgress?: (done: number) => void; first?: boolean} = {}
): AsyncGenerator<AllocationOutcome> {
  let arrived: (first: PageFirstAllocation) => void = () => {};
  const first = new Promise<PageFirstAllocation>((resolve) => (arrived = resolve));
  const run = client.run(request, onProgress, (f) => arrived(f));
  const settled = run.promise.then(
    (result): AllocationOutcome => ({id: run.id, first: null, result, error: null}),
    (error: unknown): AllocationOutcome => ({
      id: run.id,
      first: null,
      result: null,
      error: error instanceof Error ? error.message : String(error)
    })
  );
  const earlier = await Promise.race([settled, first.then((f) => ({id: run.id, first: f, result: null, error: null}))]);
  if (earlier.first && drawFirst) yield earlier;
  yield await settled;
}
