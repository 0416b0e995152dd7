import {columnsOfAccounts} from "tierwise";
import type {
  Account,
  AccountColumns,
  NpvSurface,
  PortfolioSimulation,
  Scenario,
  Sensitivity,
  SensitivityTarget
} from "tierwise";

/** Settings every request shares. */
export interface RunSettings {
  trials: number;
  seed: number;
  asOf: number;
}

/** A request in flight: its answer, and a way to follow its progress. */
export interface Run<T> {
  id: number;
  promise: Promise<T>;
}

type Request =
  | {kind: "simulate"; scenario: Scenario}
  | {kind: "batch"; scenarios: Scenario[]}
  | {kind: "sensitivity"; scenario: Scenario; target: SensitivityTarget}
  | {kind: "surfaces"; scenario: Scenario};

/**
 * Runs simulations in a Web Worker, one request at a time: a new request cancels one still in
 * progress by terminating its worker (and starting a fresh one), so dragging a slider never
 * queues work. Progress (0 to 1) arrives through `onProgress` while a request runs. A fresh worker
 * gets the accounts as columns, not as a structured clone of objects. A worker that fails (out of
 * memory, say) rejects its request and is replaced by the next.
 */
export class SimulationClient {
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
  /** simulatePortfolio for one scenario. */
  run(scenario: Scenario, settings: RunSettings, onProgress?: (done: number) => void): Run<PortfolioSimulation> {
    return this.#request({kind: "simulate", scenario}, settings, onProgress);
  }
  /** simulatePortfolio for several scenarios with the same seed (common random numbers). */
  batch(scenarios: Scenario[], settings: RunSettings, onProgress?: (done: number) => void): Run<PortfolioSimulation[]> {
    return this.#request({kind: "batch", scenarios}, settings, onProgress);
  }
  /** The tornado analysis of `sensitivity` for one target. */
  sensitivity(
    scenario: Scenario,
    target: SensitivityTarget,
    settings: RunSettings,
    onProgress?: (done: number) => void
  ): Run<Sensitivity> {
    return this.#request({kind: "sensitivity", scenario, target}, settings, onProgress);
  }
  /**
   * The four tiers' NPV heat maps (npvSurface) under `scenario`, for a client of the Compare
   * page's heat-map worker (src/workers/compareSurfaces.js).
   */
  surfaces(scenario: Scenario, onProgress?: (done: number) => void): Run<NpvSurface[]> {
    return this.#request({kind: "surfaces", scenario}, undefined, onProgress);
  }
  #request<T>(request: Request, settings: RunSettings | undefined, onProgress?: (done: number) => void): Run<T> {
    if (this.#running && this.#worker) {
      this.#worker.terminate();
      this.#worker = null;
    }
    const fresh = this.#worker === null;
    this.#worker ??= new Worker(this.#url, {type: "module"});
    const id = ++this.#next;
    this.#running = id;
    const worker = this.#worker;
    const promise = new Promise<T>((resolve, reject) => {
      worker.onmessage = ({data}: MessageEvent<{id: number; progress?: number; result?: T; error?: string}>) => {
        if (data.id !== id) return;
        if (data.progress !== undefined) return void onProgress?.(data.progress);
        this.#running = 0;
        if (data.error) reject(new Error(data.error));
        else resolve(data.result!);
      };
      worker.onerror = (event) => {
        this.#running = 0;
        worker.terminate();
        if (this.#worker === worker) this.#worker = null;
        reject(new Error(`the worker stopped: ${event.message || "it failed (out of memory?)"}`));
      };
    });
    worker.postMessage({id, ...request, ...settings, ...(fresh ? {columns: this.#columns} : {})});
    return {id, promise};
  }
  terminate(): void {
    this.#worker?.terminate();
    this.#worker = null;
  }
}
