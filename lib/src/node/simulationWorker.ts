// A worker thread of the Node simulation pool: runs the blocks of trials it is sent and returns
// their per-trial results, posting how many trials it has done after each block.
//   {id, plan, firstBlock, endBlock} → {id, done} along the way, then {id, part} or {id, error}.
import {parentPort} from "node:worker_threads";
import {simulateBlocks, type TrialsPart} from "../simulation/simulateBlocks.js";
import {trialsPerBlock, type KernelPlan} from "../simulation/simulationPlan.js";

/** A request to the worker. */
export interface BlocksRequest {
  id: number;
  plan: KernelPlan;
  firstBlock: number;
  endBlock: number;
  /** Where to count the lifetimes, on a SharedArrayBuffer the pool reuses from run to run. */
  lifetimes?: Uint32Array;
}

/** Its answers. */
export type BlocksAnswer = {id: number; done: number} | {id: number; part: TrialsPart} | {id: number; error: string};

const port = parentPort;
if (!port) throw new Error("simulationWorker: not in a worker thread");
port.on("message", ({id, plan, firstBlock, endBlock, lifetimes}: BlocksRequest) => {
  try {
    const first = firstBlock * trialsPerBlock;
    const part = simulateBlocks(
      plan,
      firstBlock,
      endBlock,
      (trial) => {
        if (trial > first && trial % trialsPerBlock === 0) port.postMessage({id, done: trial - first});
      },
      {lifetimes}
    );
    // Shared memory is shared, not transferred.
    const buffers = [part.npv, part.payback, part.survivors, part.cumulativeCash, part.fate, part.lifetimes]
      .map((a) => a.buffer)
      .filter((b): b is ArrayBuffer => b instanceof ArrayBuffer);
    port.postMessage({id, part}, buffers);
  } catch (error) {
    port.postMessage({id, error: error instanceof Error ? error.message : String(error)});
  }
});
