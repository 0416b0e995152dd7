import {columnsOfAccounts} from "tierwise";
import type {Account, NpvSurface, PortfolioSimulation, Scenario, Sensitivity, SensitivityTarget} from "tierwise";
import {LatestRequest, type Answer, type Run} from "./latestRequest.js";

/** Settings every request shares. */
export interface RunSettings {
  trials: number;
  seed: number;
  asOf: number;
}

/** A request in flight (see {@link LatestRequest}). */
export type {Run};

type Request =
  | {kind: "simulate"; scenario: Scenario}
  | {kind: "batch"; scenarios: Scenario[]}
  | {kind: "sensitivity"; scenario: Scenario; target: SensitivityTarget}
  | {kind: "surfaces"; scenario: Scenario};

/**
 * Runs simulations in a Web Worker, one request at a time (see {@link LatestRequest}): a new
 * request cancels one still in progress, so dragging a slider never queues work. Progress (0 to 1)
 * arrives through `onProgress` while a request runs. A fresh worker gets the accounts as columns,
 * not as a structured clone of objects. A worker that fails (out of memory, say) rejects its
 * request and is replaced by the next.
 */
export class SimulationClient {
  #worker: LatestRequest<Answer & {result?: unknown}>;
  constructor(url: string, accounts: readonly Account[]) {
    const columns = columnsOfAccounts(accounts);
    this.#worker = new LatestRequest(url, () => ({columns}));
  }
  /** The id of the latest request. */
  get latest(): number {
    return this.#worker.latest;
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
    return this.#worker.request({...request, ...settings}, {onProgress, result: (answer) => answer.result as T});
  }
  terminate(): void {
    this.#worker.terminate();
  }
}
