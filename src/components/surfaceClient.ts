import {columnsOfAccounts} from "tierwise";
import type {Account, AccountColumns, NpvSurface, Scenario} from "tierwise";
import type {Run} from "./simulationClient.js";

/**
 * Works out the Compare page's heat maps (src/workers/compareSurfaces.js: npvSurface for every
 * tier) in a Web Worker, so a big book never freezes the page. One request at a time: a new one
 * cancels any still in progress by terminating its worker (a fresh one starts), and the
 * superseded request never settles. A fresh worker gets the accounts as columns.
 */
export class SurfaceClient {
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
  /** The four tiers' surfaces under `scenario`, with progress (0 to 1). */
  surfaces(scenario: Scenario, onProgress?: (done: number) => void): Run<NpvSurface[]> {
    if (this.#running && this.#worker) {
      this.#worker.terminate();
      this.#worker = null;
    }
    const fresh = this.#worker === null;
    this.#worker ??= new Worker(this.#url, {type: "module"});
    const id = ++this.#next;
    this.#running = id;
    const worker = this.#worker;
    const promise = new Promise<NpvSurface[]>((resolve, reject) => {
      worker.onmessage = ({
        data
      }: MessageEvent<{id: number; progress?: number; result?: NpvSurface[]; error?: string}>) => {
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
        reject(new Error(`the heat maps stopped: ${event.message || "their worker failed (out of memory?)"}`));
      };
    });
    worker.postMessage({id, scenario, ...(fresh ? {columns: this.#columns} : {})});
    return {id, promise};
  }
  terminate(): void {
    this.#worker?.terminate();
    this.#worker = null;
  }
}
