import {columnsOfAccounts, trialsPerBlock} from "tierwise";
import type {
  Account,
  AccountColumns,
  PortfolioSimulation,
  Scenario,
  Sensitivity,
  SensitivityTarget,
  TrialsPart
} from "tierwise";
import type {Run, RunSettings} from "./simulationClient.js";

/** Options of {@link SimulationPool}. */
export interface SimulationPoolOptions {
  /** Workers; default the cores the browser reports, at most 8 (and at least 1). */
  workers?: number;
  /** Runs of fewer account-trials than this go to one worker: splitting them costs more than it saves. */
  threshold?: number;
}

type Answer<T> = {id: number; progress?: number; result?: T; error?: string};

/**
 * Runs simulations on a pool of Web Workers (src/workers/simulate.js), one request at a time,
 * with the same interface as SimulationClient. A large run is split into ranges of blocks of
 * trials, one per worker, and the first worker makes the summary from their per-trial results:
 * the result is the same to the last bit as on one worker (blocks have their own random
 * streams). A batch of scenarios is spread over the workers. A new request cancels one still in
 * progress by terminating its workers (fresh ones start when needed), so dragging a slider never
 * queues work; `cancel` does so and rejects the run. Progress (0 to 1) arrives through
 * `onProgress`. Each worker gets the accounts once, as columns (typed arrays and one string per
 * text field, copied at the speed of memory), and reads them through `accountView`.
 */
export class SimulationPool {
  readonly size: number;
  #url: string;
  #columns: AccountColumns;
  #accounts: number;
  #threshold: number;
  #workers: (Worker | null)[];
  /** Requests each worker has not answered yet, by worker: a worker with any is busy. */
  #busy = new Map<number, number>();
  #next = 0;
  /** Each message's own number, which its worker echoes: two jobs of one run on one worker never mix. */
  #wire = 0;
  #rejectRunning: ((error: Error) => void) | null = null;
  constructor(url: string, accounts: readonly Account[], {workers, threshold = 400_000}: SimulationPoolOptions = {}) {
    const cores = typeof navigator === "undefined" ? 1 : navigator.hardwareConcurrency || 1;
    this.size = Math.max(1, Math.min(8, Math.floor(workers ?? cores)));
    this.#url = url;
    this.#columns = columnsOfAccounts(accounts);
    this.#accounts = accounts.length;
    this.#threshold = threshold;
    this.#workers = Array.from({length: this.size}, () => null);
  }
  /** The id of the latest request. */
  get latest(): number {
    return this.#next;
  }
  /** simulatePortfolio for one scenario, split between the workers when it is large. */
  run(scenario: Scenario, settings: RunSettings, onProgress?: (done: number) => void): Run<PortfolioSimulation> {
    const id = this.#start();
    const blocks = Math.ceil(settings.trials / trialsPerBlock);
    const used = Math.min(this.size, blocks);
    if (used < 2 || this.#accounts * settings.trials < this.#threshold)
      return {id, promise: this.#guard(this.#post(0, {id, kind: "simulate", scenario, ...settings}, onProgress))};
    const done = new Float64Array(used);
    const ranges = Array.from({length: used}, (_, w) => {
      const firstBlock = Math.floor((w * blocks) / used);
      const endBlock = Math.floor(((w + 1) * blocks) / used);
      const trials = Math.min(settings.trials, endBlock * trialsPerBlock) - firstBlock * trialsPerBlock;
      return {firstBlock, endBlock, share: trials / settings.trials};
    });
    const promise = Promise.all(
      ranges.map(({firstBlock, endBlock, share}, w) =>
        this.#post<TrialsPart>(w, {id, kind: "blocks", scenario, ...settings, firstBlock, endBlock}, (p) => {
          done[w] = p * share;
          onProgress?.(
            Math.min(
              1,
              done.reduce((a, b) => a + b, 0)
            )
          );
        })
      )
    ).then((parts) => {
      // A superseded run never settles, as on one worker.
      if (id !== this.#next) return new Promise<PortfolioSimulation>(() => {});
      const transfer = parts.flatMap((p) =>
        [p.npv, p.payback, p.survivors, p.cumulativeCash, p.fate, p.lifetimes].map((a) => a.buffer as ArrayBuffer)
      );
      return this.#post<PortfolioSimulation>(0, {id, kind: "finish", parts}, undefined, transfer);
    });
    return {id, promise: this.#guard(promise)};
  }
  /** simulatePortfolio for several scenarios with the same seed (common random numbers), spread over the workers. */
  batch(scenarios: Scenario[], settings: RunSettings, onProgress?: (done: number) => void): Run<PortfolioSimulation[]> {
    const id = this.#start();
    const done = new Float64Array(scenarios.length);
    const promise = Promise.all(
      scenarios.map((scenario, k) =>
        this.#post<PortfolioSimulation>(k % this.size, {id, kind: "simulate", scenario, ...settings}, (p) => {
          done[k] = p / scenarios.length;
          onProgress?.(
            Math.min(
              1,
              done.reduce((a, b) => a + b, 0)
            )
          );
        })
      )
    );
    return {id, promise: this.#guard(promise)};
  }
  /** The tornado analysis of `sensitivity` for one target, on one worker. */
  sensitivity(
    scenario: Scenario,
    target: SensitivityTarget,
    settings: RunSettings,
    onProgress?: (done: number) => void
  ): Run<Sensitivity> {
    const id = this.#start();
    return {
      id,
      promise: this.#guard(this.#post(0, {id, kind: "sensitivity", scenario, target, ...settings}, onProgress))
    };
  }
  /** Stops the run in progress, if any: its promise rejects with "Simulation cancelled". */
  cancel(): void {
    this.#stopBusy();
    this.#rejectRunning?.(new Error("Simulation cancelled"));
    this.#rejectRunning = null;
  }
  terminate(): void {
    for (const worker of this.#workers) worker?.terminate();
    this.#workers.fill(null);
    this.#busy.clear();
  }

  /** A new request: the one in progress is superseded (its promise never settles, as the page ignores it). */
  #start(): number {
    this.#stopBusy();
    this.#rejectRunning = null;
    return ++this.#next;
  }
  #stopBusy(): void {
    for (const w of this.#busy.keys()) {
      this.#workers[w]?.terminate();
      this.#workers[w] = null;
    }
    this.#busy.clear();
  }
  /** The request's promise, which `cancel` can reject while it is the latest. */
  #guard<T>(promise: Promise<T>): Promise<T> {
    const id = this.#next;
    return new Promise<T>((resolve, reject) => {
      this.#rejectRunning = reject;
      promise.then(
        (value) => {
          if (id === this.#next) this.#rejectRunning = null;
          resolve(value);
        },
        (error: unknown) => reject(error instanceof Error ? error : new Error(String(error)))
      );
    });
  }
  #post<T>(
    w: number,
    message: {id: number; kind: string} & Record<string, unknown>,
    onProgress?: (done: number) => void,
    transfer: Transferable[] = []
  ): Promise<T> {
    const fresh = this.#workers[w] === null;
    const worker = (this.#workers[w] ??= new Worker(this.#url, {type: "module"}));
    const wire = ++this.#wire;
    this.#busy.set(w, (this.#busy.get(w) ?? 0) + 1);
    return new Promise<T>((resolve, reject) => {
      const settle = () => {
        worker.removeEventListener("message", listen);
        worker.removeEventListener("error", failed);
        if (this.#workers[w] !== worker) return;
        const left = (this.#busy.get(w) ?? 1) - 1;
        if (left > 0) this.#busy.set(w, left);
        else this.#busy.delete(w);
      };
      const listen = ({data}: MessageEvent<Answer<T>>) => {
        if (data.id !== wire) return;
        if (data.progress !== undefined) return void onProgress?.(data.progress);
        settle();
        if (data.error) reject(new Error(data.error));
        else resolve(data.result!);
      };
      // A worker that cannot load or runs out of memory fails every request it holds, and is replaced.
      const failed = (event: ErrorEvent) => {
        settle();
        if (this.#workers[w] === worker) {
          worker.terminate();
          this.#workers[w] = null;
          this.#busy.delete(w);
        }
        reject(new Error(`the simulation stopped: ${event.message || "its worker failed (out of memory?)"}`));
      };
      worker.addEventListener("message", listen);
      worker.addEventListener("error", failed);
      worker.postMessage({...message, id: wire, run: message.id, ...(fresh ? {columns: this.#columns} : {})}, transfer);
    });
  }
}
