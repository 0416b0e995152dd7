import {columnsOfAccounts} from "tierwise";
import type {Account, AccountColumns, AllocationObjective, HeadsAllocation, Scenario, Tier} from "tierwise";

/** What the page asks of the allocation worker. */
export interface AllocationRequest {
  scenario: Scenario;
  heads: number;
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
  /** allocateHeads; a request superseded by another never settles. */
  run(request: AllocationRequest, onProgress?: (done: number) => void): AllocationRun {
    if (this.#running && this.#worker) {
      this.#worker.terminate();
      this.#worker = null;
    }
    const fresh = this.#worker === null;
    this.#worker ??= new Worker(this.#url, {type: "module"});
    const id = ++this.#next;
    this.#running = id;
    const worker = this.#worker;
    type Message = {id: number; progress?: number; result?: HeadsAllocation; error?: string};
    const promise = new Promise<HeadsAllocation>((resolve, reject) => {
      worker.onmessage = ({data}: MessageEvent<Message>) => {
        if (data.id !== id) return;
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
