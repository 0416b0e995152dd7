import {availableParallelism} from "node:os";
import {Worker} from "node:worker_threads";
import type {Account} from "../portfolio/accountFields.js";
import type {Scenario} from "../scenario/scenario.js";
import {finishSimulation} from "../simulation/finishSimulation.js";
import {mergeTrialsParts} from "../simulation/mergeTrialsParts.js";
import {simulateBlocks, type TrialsPart} from "../simulation/simulateBlocks.js";
import type {PortfolioSimulation, SimulatePortfolioOptions} from "../simulation/simulatePortfolio.js";
import {blockCount, kernelPlan, planSimulation} from "../simulation/simulationPlan.js";
import type {BlocksAnswer, BlocksRequest} from "./simulationWorker.js";

/** Options of {@link SimulationPool.simulate}: those of `simulatePortfolio`, and a way to cancel. */
export interface PoolSimulateOptions extends SimulatePortfolioOptions {
  /** Aborting it stops the run (its workers are ended) and rejects the promise. */
  signal?: AbortSignal;
}

/** Options of {@link SimulationPool}. */
export interface SimulationPoolOptions {
  /** Worker threads, 1 to 64; default the machine's available parallelism, at most 8. */
  workers?: number;
  /**
   * Runs of fewer account-trials (active accounts × trials) than this run on the calling thread:
   * sending them to threads costs more than it saves. Default 400,000 (2,000 accounts × 200
   * trials), as the browser's pool; 0 sends every run to the threads.
   */
  threshold?: number;
}

// The worker's file next to this one: compiled JavaScript, or, when the tests run these
// TypeScript sources, TypeScript loaded through tsx's hooks (a development dependency).
const typescript = import.meta.url.endsWith(".ts");
const workerUrl = new URL(`./simulationWorker${typescript ? ".ts" : ".js"}`, import.meta.url);
const startWorker = (): Worker =>
  typescript
    ? new Worker(
        `import("tsx/esm/api").then((tsx) => tsx.register()).then(() => import(${JSON.stringify(workerUrl.href)}))`,
        {
          eval: true
        }
      )
    : new Worker(workerUrl);

/**
 * `simulatePortfolio` on a pool of `worker_threads`: the plan is made once, on shared memory, and
 * each worker runs a contiguous range of the blocks of trials; the summary is made from their
 * per-trial results in trial order. Blocks have their own random streams, so the result is the
 * same to the last bit whatever the number of workers (and equal to `simulatePortfolio`'s).
 * Node only: import it from `tierwise/node`. Call `close` when done.
 *
 * @example
 * const pool = new SimulationPool({workers: 4});
 * const result = await pool.simulate(accounts, defaultScenario, {trials: 1000, seed: 1});
 * await pool.close();
 */
export class SimulationPool {
  readonly size: number;
  readonly threshold: number;
  #workers: Worker[] = [];
  #next = 0;
  /** Runs under way, and the shared buffers of the last plan, reused by the next run when none is. */
  #running = 0;
  #spare: SharedArrayBuffer[] = [];
  constructor({workers = Math.min(8, availableParallelism()), threshold = 400_000}: SimulationPoolOptions = {}) {
    if (!(Number.isInteger(workers) && workers >= 1 && workers <= 64))
      throw new RangeError(`invalid workers: ${workers} (1 to 64)`);
    if (!(threshold >= 0)) throw new RangeError(`invalid threshold: ${threshold} (0 or more account-trials)`);
    this.size = workers;
    this.threshold = threshold;
  }

  /** `simulatePortfolio` on the pool's workers. */
  async simulate(
    accounts: readonly Account[],
    scenario: Scenario,
    options: PoolSimulateOptions = {}
  ): Promise<PortfolioSimulation> {
    options.signal?.throwIfAborted();
    // A plan's buffers live until every thread has collected its garbage, which a worker's small
    // heap seldom does: reusing the last run's keeps one plan's worth of shared memory rather than
    // several. Only when no other run is under way, which could be reading them; a result keeps
    // none of them. The plan writes every element, so they are not zeroed first.
    const spare = this.#running === 0 ? this.#spare : [];
    const used: SharedArrayBuffer[] = [];
    const allocate = (bytes: number) => {
      const k = spare.findIndex((b) => b.byteLength === bytes);
      const buffer = k < 0 ? new SharedArrayBuffer(bytes) : spare.splice(k, 1)[0]!;
      used.push(buffer);
      return buffer;
    };
    ++this.#running;
    let done = false;
    try {
      const result = await this.#simulate(accounts, scenario, options, allocate);
      done = true;
      return result;
    } finally {
      --this.#running;
      // Not those of a run that failed or was stopped: a worker being ended may still write to them.
      this.#spare = done ? used : [];
    }
  }

  async #simulate(
    accounts: readonly Account[],
    scenario: Scenario,
    {trials = 1000, seed = 42, asOf, tiered, onProgress, cash = true, signal}: PoolSimulateOptions,
    allocate: (bytes: number) => SharedArrayBuffer
  ): Promise<PortfolioSimulation> {
    const plan = planSimulation(accounts, scenario, {trials, seed, asOf, tiered, cash, allocate});
    const blocks = blockCount(trials);
    const used = plan.n * trials < this.threshold ? 1 : Math.min(this.size, blocks);
    if (used === 1) {
      const part = simulateBlocks(plan, 0, blocks);
      onProgress?.(1);
      return finishSimulation(plan, [part]);
    }
    const shared = kernelPlan(plan);
    const done = new Float64Array(used);
    const parts = await Promise.all(
      Array.from({length: used}, (_, w) => {
        // Contiguous ranges of blocks, as even as they can be.
        const firstBlock = Math.floor((w * blocks) / used);
        const endBlock = Math.floor(((w + 1) * blocks) / used);
        // Each worker counts its lifetimes in shared memory that the next run reuses: a million
        // accounts' counts sent back (44 MB a worker) would start a full garbage collection of
        // the heap that holds the accounts, on the cores the workers need, in every run.
        const lifetimes = new Uint32Array(allocate(plan.n * (plan.horizon + 1) * 4));
        return this.#run(w, {id: ++this.#next, plan: shared, firstBlock, endBlock, lifetimes}, signal, (count) => {
          done[w] = count;
          onProgress?.(done.reduce((a, b) => a + b, 0) / trials);
        });
      })
    );
    onProgress?.(1);
    return finishSimulation(plan, [mergeTrialsParts(parts)]);
  }

  /** Ends the pool's threads. */
  async close(): Promise<void> {
    const workers = this.#workers;
    this.#workers = [];
    await Promise.all(workers.map((w) => w.terminate()));
  }

  #run(
    w: number,
    request: BlocksRequest,
    signal: AbortSignal | undefined,
    progress: (done: number) => void
  ): Promise<TrialsPart> {
    const worker = (this.#workers[w] ??= startWorker());
    return new Promise<TrialsPart>((resolve, reject) => {
      const finish = () => {
        worker.off("message", onMessage);
        worker.off("error", onError);
        worker.off("exit", onExit);
        signal?.removeEventListener("abort", onAbort);
      };
      const onMessage = (answer: BlocksAnswer) => {
        if (answer.id !== request.id) return;
        if ("done" in answer) return progress(answer.done);
        finish();
        if ("error" in answer) reject(new Error(answer.error));
        else resolve(answer.part);
      };
      const onError = (error: Error) => {
        finish();
        if (this.#workers[w] === worker) delete this.#workers[w];
        reject(error);
      };
      // A thread that ends without answering (killed, out of memory) fails its run, never hangs it.
      const onExit = (code: number) => {
        finish();
        if (this.#workers[w] === worker) delete this.#workers[w];
        reject(new Error(`a simulation thread stopped (exit code ${code}) before answering`));
      };
      const onAbort = () => {
        finish();
        if (this.#workers[w] === worker) delete this.#workers[w];
        void worker.terminate();
        reject(signal!.reason);
      };
      worker.on("message", onMessage);
      worker.on("error", onError);
      worker.on("exit", onExit);
      signal?.addEventListener("abort", onAbort, {once: true});
      worker.postMessage(request);
    });
  }
}

/**
 * `simulatePortfolio` on a pool of worker threads made for this run and closed after it; see
 * {@link SimulationPool}, better for many runs.
 *
 * @example
 * const result = await simulatePortfolioInPool(accounts, defaultScenario, {trials: 1000, workers: 4});
 */
export async function simulatePortfolioInPool(
  accounts: readonly Account[],
  scenario: Scenario,
  {workers, threshold, ...options}: PoolSimulateOptions & SimulationPoolOptions = {}
): Promise<PortfolioSimulation> {
  const pool = new SimulationPool({
    ...(workers === undefined ? {} : {workers}),
    ...(threshold === undefined ? {} : {threshold})
  });
  try {
    return await pool.simulate(accounts, scenario, options);
  } finally {
    await pool.close();
  }
}
