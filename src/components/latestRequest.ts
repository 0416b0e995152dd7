// One Web Worker that answers one request at a time, the latest: what the pages' clients of their
// workers (SimulationClient, AllocationClient) share. A new request cancels one still in progress
// by terminating its worker and starting a fresh one, so dragging a slider never queues work. A
// fresh worker is sent `greeting()` (the accounts as columns, say) with its first message. A
// worker that fails (out of memory, say) rejects its request and is replaced by the next.

/** A request in flight: its id, and its answer. */
export interface Run<T> {
  id: number;
  promise: Promise<T>;
}

/** What a worker answers to request `id`: progress (0 to 1) along the way, then an error or the result. */
export interface Answer {
  id: number;
  progress?: number;
  error?: string;
}

/** How a request reads its worker's answers. */
export interface Reading<A extends Answer, T> {
  /** Progress, 0 to 1. */
  onProgress?: ((done: number) => void) | undefined;
  /** Every answer to the request as it arrives, before it is read as progress or an end (an early result, say). */
  onAnswer?: ((answer: A) => void) | undefined;
  /** The result, from the last answer (one with neither progress nor error). */
  result: (answer: A) => T;
}

/**
 * The worker of `url` (a module worker), one request at a time.
 *
 * @example
 * const worker = new LatestRequest(url, () => ({columns}));
 * const {id, promise} = worker.request({kind: "simulate", scenario}, {result: (a) => a.result});
 */
export class LatestRequest<A extends Answer> {
  #url: string;
  #greeting: () => object;
  #worker: Worker | null = null;
  #running = 0;
  #next = 0;
  constructor(url: string, greeting: () => object) {
    this.#url = url;
    this.#greeting = greeting;
  }
  /** The id of the latest request. */
  get latest(): number {
    return this.#next;
  }
  /** Starts the worker if none is running, sent its greeting at once (so it loads while the page works). */
  start(): void {
    if (this.#worker) return;
    this.#worker = new Worker(this.#url, {type: "module"});
    this.#worker.postMessage(this.#greeting());
  }
  /** Posts `message` to the running worker, if any (a fresh one gets the greeting instead). */
  tell(message: object): void {
    this.#worker?.postMessage(message);
  }
  /** Sends `message` as a new request, cancelling one in progress; its answers are read as `reading` says. */
  request<T>(message: object, {onProgress, onAnswer, result}: Reading<A, T>): Run<T> {
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
      worker.onmessage = ({data}: MessageEvent<A>) => {
        if (data.id !== id) return;
        onAnswer?.(data);
        if (data.progress !== undefined) return void onProgress?.(data.progress);
        this.#running = 0;
        if (data.error !== undefined) return reject(new Error(data.error));
        // A result that cannot be read fails its request rather than leaving it unsettled.
        try {
          resolve(result(data));
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      };
      worker.onerror = (event) => {
        this.#running = 0;
        worker.terminate();
        if (this.#worker === worker) this.#worker = null;
        reject(new Error(`the worker stopped: ${event.message || "it failed (out of memory?)"}`));
      };
    });
    worker.postMessage({id, ...message, ...(fresh ? this.#greeting() : {})});
    return {id, promise};
  }
  /** Ends the worker; the next request starts a fresh one. */
  terminate(): void {
    this.#worker?.terminate();
    this.#worker = null;
  }
}
