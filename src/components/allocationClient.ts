import {columnsOfAccounts} from "tierwise";
import type {
  Account,
  AccountColumns,
  AllocationObjective,
  FirstAllocation,
  HeadsAllocation,
  Scenario,
  Tier
} from "tierwise";

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
export interface AllocationRun {
  id: number;
  promise: Promise<HeadsAllocation>;
}

/**
 * Runs allocateHeads in a Web Worker, one request at a time: a new request cancels one still in
 * progress by terminating its worker (and starting a fresh one), so moving a slider never queues
 * work. Progress (0 to 1) arrives through `onProgress` while a request runs. A fresh worker gets
 * the accounts as columns, not as a structured clone of objects.
 */
export class AllocationClient {
  #url: string;
  #columns: AccountColumns;
  #worker: Worker | null = null;
  #running = 0;
  #next = 0;
  constructor(url: string, accounts: readonly Account[]) {
    this.#url = url;
    this.#columns = columnsOfAccounts(accounts);
  }
  /** The id of the latest request. */
  get latest(): number {
    return this.#next;
  }
  /** Starts the worker and hands it the portfolio, so that the first request need not wait for either. */
  prepare(): void {
    if (this.#worker) return;
    this.#worker = new Worker(this.#url, {type: "module"});
    this.#worker.postMessage({columns: this.#columns});
  }
  /**
   * allocateHeads; a request superseded by another never settles. `onFirst` gets the first result
   * (allocateHeads' onFrontier) as soon as the worker has it, before the futures are simulated.
   */
  run(
    request: AllocationRequest,
    onProgress?: (done: number) => void,
    onFirst?: (first: FirstAllocation) => void
  ): AllocationRun {
    if (this.#running && this.#worker) {
      this.#worker.terminate();
      this.#worker = null;
    }
    const fresh = this.#worker === null;
    this.#worker ??= new Worker(this.#url, {type: "module"});
    const id = ++this.#next;
    this.#running = id;
    const worker = this.#worker;
    type Message = {id: number; progress?: number; first?: FirstAllocation; result?: HeadsAllocation; error?: string};
    const promise = new Promise<HeadsAllocation>((resolve, reject) => {
      worker.onmessage = ({data}: MessageEvent<Message>) => {
        if (data.id !== id) return;
        if (data.first) onFirst?.(data.first);
        if (data.progress !== undefined) return void onProgress?.(data.progress);
        this.#running = 0;
        if (data.result) resolve(data.result);
        else reject(new Error(data.error));
      };
    });
    worker.postMessage({id, ...request, ...(fresh ? {columns: this.#columns} : {})});
    return {id, promise};
  }
  terminate(): void {
    this.#worker?.terminate();
    this.#worker = null;
  }
}

/**
 * One request's outcomes as they come: the first result (`first`, the allocation without its
 * figures over the futures) when the worker has it before the end, then the full result or the
 * error. A superseded request yields nothing more.
 */
export type AllocationOutcome =
  | {id: number; first: FirstAllocation; result: null; error: null}
  | {id: number; first: null; result: HeadsAllocation; error: null}
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
  let arrived: (first: FirstAllocation) => void = () => {};
  const first = new Promise<FirstAllocation>((resolve) => (arrived = resolve));
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
