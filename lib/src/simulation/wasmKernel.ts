import {fe, ke, we} from "../random/randomExponential.js";
import {kernelWasm} from "./kernelWasm.js";
import type {KernelPlan} from "./simulationPlan.js";

// The little of the WebAssembly API this module uses (the model's own types know no host API).
type WasmModule = object;
interface WasmApi {
  Module: new (bytes: Uint8Array) => WasmModule;
  Instance: new (module: WasmModule, imports: object) => {exports: Record<string, unknown>};
  Memory: new (descriptor: {initial: number}) => {buffer: ArrayBuffer};
}

let compiled: WasmModule | null | undefined;

/** The host's WebAssembly, if it has one. */
const webAssembly = () => (globalThis as unknown as {WebAssembly?: WasmApi}).WebAssembly;

/** The compiled kernel, or null where WebAssembly is missing or refused (a page's content security policy). */
function kernelModule(): WasmModule | null {
  if (compiled === undefined) {
    const api = webAssembly();
    try {
      compiled = api ? new api.Module(kernelWasm) : null;
    } catch {
      compiled = null;
    }
  }
  return compiled;
}

/** Accounts the WebAssembly kernel holds at a time: their arrays are copied in, a chunk at a time. */
export const defaultChunk = 4096;

/** A block's working arrays in the kernel's memory, and the kernel over them. */
export interface WasmBlocks {
  /** The generator's state, as simulateBlocks' `rng`. */
  rng: Int32Array;
  threshold: Float64Array;
  table: Uint8Array;
  records: Float64Array;
  /** Every account of the plan over `trials` trials of the block, counting lifetimes into `lifetimes`. */
  run(plan: KernelPlan, lifetimes: Uint32Array, trials: number): void;
  /**
   * The thresholds and tables of `trials` trials of a block, as simulateBlocks computes them, from
   * the shocks stream seeded with `shocks` (xoshiroSeed's words).
   */
  thresholds(plan: KernelPlan, shocks: readonly number[], trials: number): void;
}

/**
 * The WebAssembly build of simulateBlocks' hot loop (lib/kernel/blockAccounts.ts), with the block's
 * arrays laid out in its memory: `records` of R numbers for each of `trialsPerBlock` trials,
 * `threshold` and `table` as simulateBlocks lays them out. Null where WebAssembly is not available;
 * the caller then runs the same loop in JavaScript, which gives the same numbers.
 *
 * @example
 * const wasm = wasmBlocks({horizon: 10, industries: 8, buckets: 40, trialsPerBlock: 50, recordLength: 195});
 */
export function wasmBlocks({
  horizon: H,
  industries: J,
  buckets: Q,
  trialsPerBlock: B,
  recordLength: R,
  chunk: C = defaultChunk
}: {
  horizon: number;
  industries: number;
  buckets: number;
  trialsPerBlock: number;
  recordLength: number;
  chunk?: number;
}): WasmBlocks | null {
  const module = kernelModule();
  if (!module) return null;
  // The last layout's memory serves the next run of the same shape: within a block every array in
  // it is written before it is read, and no code runs between (a progress callback, which could
  // start another run, is called before a block begins).
  const key = `${H} ${J} ${Q} ${B} ${R} ${C}`;
  if (last?.key !== key) last = {key, blocks: layout(module, H, J, Q, B, R, C)};
  return last.blocks;
}

let last: {key: string; blocks: WasmBlocks} | undefined;

function layout(module: WasmModule, H: number, J: number, Q: number, B: number, R: number, C: number): WasmBlocks {
  const api = webAssembly()!;
  const W = H + 1;
  const TH = H + 2;
  // Addresses: the generator's state at 0, the shocks stream's at 32 and its spare normal at 48,
  // then every array 8-byte aligned.
  let top = 64;
  const take = (bytes: number) => {
    const at = top;
    top += Math.ceil(bytes / 8) * 8;
    return at;
  };
  const at = {
    KE: take(256 * 8),
    WE: take(256 * 8),
    FE: take(256 * 8),
    scratch: take(2 * W * 8),
    records: take(B * R * 8),
    threshold: take(B * J * TH * 8),
    table: take(B * J * (Q + 2)),
    logSurvival: take(J * H * 8),
    F: take(C * 2 * W * 8),
    tierOf: take(C),
    industryOf: take(2 * C),
    inverseRisk: take(8 * C),
    fateOf: take(C * W),
    deadForm: take(C),
    lifetimes: take(4 * C * W)
  };
  const memory = new api.Memory({initial: Math.ceil(top / 65536)});
  const buffer = memory.buffer;
  const rng = new Int32Array(buffer, 0, 6);
  const instance = new api.Instance(module, {env: {memory}});
  const accounts = instance.exports["accounts"] as (...args: number[]) => void;
  const thresholds = instance.exports["thresholds"] as (...args: number[]) => void;
  const shocks = new Int32Array(buffer, 32, 4);
  const spare = new Float64Array(buffer, 48, 1);
  const logSurvival = new Float64Array(buffer, at.logSurvival, J * H);
  new Float64Array(buffer, at.KE, 256).set(ke);
  new Float64Array(buffer, at.WE, 256).set(we);
  new Float64Array(buffer, at.FE, 256).set(fe);
  const F = new Float64Array(buffer, at.F, C * 2 * W);
  const tierOf = new Uint8Array(buffer, at.tierOf, C);
  const industryOf = new Uint16Array(buffer, at.industryOf, C);
  const inverseRisk = new Float64Array(buffer, at.inverseRisk, C);
  const fateOf = new Uint8Array(buffer, at.fateOf, C * W);
  const deadForm = new Uint8Array(buffer, at.deadForm, C);
  const lived = new Uint32Array(buffer, at.lifetimes, C * W);
  return {
    rng,
    threshold: new Float64Array(buffer, at.threshold, B * J * TH),
    table: new Uint8Array(buffer, at.table, B * J * (Q + 2)),
    records: new Float64Array(buffer, at.records, B * R),
    thresholds(plan, seed, trials) {
      logSurvival.set(plan.logSurvival);
      shocks.set(seed);
      spare[0] = NaN;
      thresholds(trials, J, H, Q, plan.shockVolatility, at.logSurvival, at.threshold, at.table);
    },
    run(plan, lifetimes, trials) {
      const {n} = plan;
      for (let first = 0; first < n; first += C) {
        const end = Math.min(n, first + C);
        F.set(plan.flows.subarray(first * 2 * W, end * 2 * W));
        tierOf.set(plan.tierOf.subarray(first, end));
        industryOf.set(plan.industryOf.subarray(first, end));
        inverseRisk.set(plan.inverseRisk.subarray(first, end));
        fateOf.set(plan.fateOf.subarray(first * W, end * W));
        deadForm.set(plan.deadForm.subarray(first, end));
        lived.set(lifetimes.subarray(first * W, end * W));
        accounts(
          end - first,
          H,
          J,
          plan.cash ? 1 : 0,
          Q,
          trials,
          at.F,
          at.tierOf,
          at.industryOf,
          at.inverseRisk,
          at.fateOf,
          at.deadForm,
          at.lifetimes,
          at.records,
          at.threshold,
          at.table,
          at.KE,
          at.WE,
          at.FE,
          at.scratch
        );
        lifetimes.set(lived.subarray(0, (end - first) * W), first * W);
      }
    }
  };
}
