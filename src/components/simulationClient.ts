import type {Account, PortfolioSimulation, Scenario} from "tierwise";

/**
 * Runs simulations in a Web Worker, one at a time: a new run cancels a run still in progress by
 * terminating its worker (and starting a fresh one), so dragging a slider never queues work.
 */
export class SimulationClient {
  #url: string;
  #accounts: Account[];
  #worker: Worker | null = null;
  #running = 0;
  #next = 0;
  constructor(url: string, accounts: Account[]) {
    this.#url = url;
    this.#accounts = accounts;
  }
  run(
    scenario: Scenario,
    {trials, seed, asOf}: {trials: number; seed: number; asOf: number}
  ): {id: number; promise: Promise<PortfolioSimulation>} {
    if (this.#running && this.#worker) {
      this.#worker.terminate();
      this.#worker = null;
    }
    const fresh = this.#worker === null;
    this.#worker ??= new Worker(this.#url, {type: "module"});
    const id = ++this.#next;
    this.#running = id;
    const worker = this.#worker;
    const promise = new Promise<PortfolioSimulation>((resolve, reject) => {
      worker.onmessage = ({data}: MessageEvent<{id: number; result?: PortfolioSimulation; error?: string}>) => {
        if (data.id !== id) return;
        this.#running = 0;
        if (data.error) reject(new Error(data.error));
        else resolve(data.result!);
      };
    });
    worker.postMessage({id, scenario, trials, seed, asOf, ...(fresh ? {accounts: this.#accounts} : {})});
    return {id, promise};
  }
  terminate(): void {
    this.#worker?.terminate();
    this.#worker = null;
  }
}
