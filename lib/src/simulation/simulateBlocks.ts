import {exponentialSlow, ke, we} from "../random/randomExponential.js";
import {randomStream, xoshiroSeed} from "../random/randomStream.js";
import {exp} from "../math/deterministic.js";
import {randomNormal} from "./randomNormal.js";
import {fates, groups, trialsPerBlock, type KernelPlan} from "./simulationPlan.js";
import {defaultChunk, wasmBlocks} from "./wasmKernel.js";

/**
 * The per-trial results of a run of consecutive trials, from which the summary is made. Every
 * number of a trial is computed within that trial, in account order, so the parts of a run give
 * the same numbers whichever worker computed them.
 */
export interface TrialsPart {
  /** The first trial, and how many (m). */
  firstTrial: number;
  trials: number;
  /** NPV of group g in trial k at [g · m + k]. */
  npv: Float64Array;
  /** Payback year of group g in trial k at [g · m + k]; 0 if never (and if cash is not computed). */
  payback: Uint8Array;
  /** Accounts of group g alive at the end of year t in trial k at [(g · W + t) · m + k]. */
  survivors: Float64Array;
  /** Cumulative discounted cash, as survivors; empty if the plan does not ask for cash. */
  cumulativeCash: Float64Array;
  /** Investment of group g spent on accounts of fate f in trial k at [(g · 4 + f) · m + k]. */
  fate: Float64Array;
  /** The number of trials in which account i lived exactly L full years, at [i · W + L]. */
  lifetimes: Uint32Array;
}

/** Options of {@link simulateBlocks}. */
export interface BlocksOptions {
  /** Run the accounts' loop as WebAssembly where the host has it (the default), or as JavaScript. */
  kernel?: "wasm" | "js";
  /** Accounts the WebAssembly kernel copies into its memory at a time (for tests). Default 4,096. */
  chunk?: number;
  /**
   * Where to count the part's lifetimes (n · W counts, zeroed first), for a caller that reuses
   * memory from run to run, such as a SharedArrayBuffer; default a new array.
   */
  lifetimes?: Uint32Array | undefined;
}

// Buckets of the exit-year lookup table, per year of the horizon.
const bucketsPerYear = 4;

/**
 * The kernel: trials of blocks [firstBlock, endBlock) of a plan. In each trial, every industry
 * draws a log-normal hazard multiplier per year, which fixes its cumulative-hazard thresholds,
 * and every account one exponential variate; the account lives L full years, L the number of its
 * industry's thresholds at or below the variate (scaled by its risk). L is found through a
 * per-trial, per-industry table of buckets holding how many thresholds lie in earlier buckets (a
 * lower bound), then an exact final step over the few thresholds in the variate's own bucket.
 *
 * Block b draws from its own streams, so a block's numbers depend on the seed and the block alone:
 * "shocks b" trial by trial, industry by industry, year by year; "lifetimes b" account by account
 * (active accounts in input order), the block's trials in order for each. Each trial's sums still
 * run over the accounts in order, so the per-trial results do not depend on the loop's order.
 * `onTrial(k)` is called before trial k (a global index) for progress.
 *
 * The accounts' loop runs as WebAssembly (lib/kernel/blockAccounts.ts) where the host has it, and
 * otherwise as JavaScript, with the same numbers to the last bit; `kernel: "js"` asks for the latter.
 *
 * @example
 * const part = simulateBlocks(plan, 0, 10); // trials 0 to 499
 */
export function simulateBlocks(
  plan: KernelPlan,
  firstBlock: number,
  endBlock: number,
  onTrial?: (trial: number) => void,
  {kernel = "wasm", chunk = defaultChunk, lifetimes: into}: BlocksOptions = {}
): TrialsPart {
  const {n, horizon: H, trials, seed, cash, industries: J, logSurvival, shockVolatility: sigma} = plan;
  const {flows: F, tierOf, industryOf, inverseRisk, fateOf, deadForm, cashBaseline} = plan;
  const W = H + 1;
  const first = firstBlock * trialsPerBlock;
  const end = Math.min(trials, endBlock * trialsPerBlock);
  const m = Math.max(0, end - first);
  if (into && into.length !== n * W)
    throw new RangeError(`simulateBlocks: lifetimes of ${into.length} counts, not ${n * W} (accounts × (horizon + 1))`);
  const part: TrialsPart = {
    firstTrial: first,
    trials: m,
    npv: new Float64Array(groups * m),
    payback: new Uint8Array(groups * m),
    survivors: new Float64Array(groups * W * m),
    cumulativeCash: new Float64Array(cash ? groups * W * m : 0),
    fate: new Float64Array(groups * fates * m),
    lifetimes: into ? into.fill(0) : new Uint32Array(n * W)
  };
  const {lifetimes} = part;
  const Q = bucketsPerYear * H;
  const B = trialsPerBlock;
  // Per trial of a block (slot s) and industry j, at [s · J + j] times H + 2: the thresholds, then
  // an infinite one that ends every search, then the bucket scale; and the table, times Q + 2.
  const TH = H + 2;
  const at = recordOffsets(H);
  const R = at.length;
  const wasm =
    kernel === "wasm"
      ? wasmBlocks({horizon: H, industries: J, buckets: Q, trialsPerBlock: B, recordLength: R, chunk})
      : null;
  const threshold = wasm ? wasm.threshold : new Float64Array(B * J * TH);
  const table = wasm ? wasm.table : new Uint8Array(B * J * (Q + 2));
  // Per trial of a block, one record of R numbers (see recordOffsets).
  const records = wasm ? wasm.records : new Float64Array(B * R);
  const drift = (sigma * sigma) / 2;
  // The generator's state: xoshiro128** words, then the unused layer bits and their count.
  const rng = wasm ? wasm.rng : new Int32Array(6);
  const state = new Int32Array(4);
  const context: BlockContext = {
    n,
    H,
    J,
    cash,
    Q,
    trials: 0,
    rng,
    state,
    threshold,
    table,
    F,
    tierOf,
    industryOf,
    inverseRisk,
    fateOf,
    deadForm,
    lifetimes,
    records
  };

  for (let block = firstBlock; block < endBlock; ++block) {
    const blockFirst = block * B;
    const blockEnd = Math.min(trials, blockFirst + B);
    if (onTrial) for (let trial = blockFirst; trial < blockEnd; ++trial) onTrial(trial);
    // In the module where there is one (lib/kernel/blockAccounts.ts' thresholds, which does what
    // this loop does), else here.
    if (wasm) wasm.thresholds(plan, xoshiroSeed(seed, `shocks ${block}`), blockEnd - blockFirst);
    const normal = wasm ? null : randomNormal(randomStream(seed, `shocks ${block}`));
    for (let trial = blockFirst; normal && trial < blockEnd; ++trial) {
      // Cumulative hazard thresholds: a variate e survives year t iff e ≥ threshold t. They never
      // decrease; the first infinite one (a hazard of 1) ends the finite ones.
      for (let j = 0; j < J; ++j) {
        const sj = (trial - blockFirst) * J + j;
        const base = sj * TH;
        let cumulative = 0;
        for (let t = 0; t < H; ++t) {
          const shock = sigma > 0 ? exp(sigma * normal() - drift) : 1;
          cumulative -= logSurvival[j * H + t]! * shock;
          threshold[base + t] = cumulative;
        }
        threshold[base + H] = Infinity;
        let f = 0;
        while (f < H && threshold[base + f]! < Infinity) ++f;
        const last = f > 0 ? threshold[base + f - 1]! : 0;
        // table[q]: the thresholds whose bucket ⌊x · s⌋ is below q; by the monotony of rounding,
        // all are below any variate in bucket q, so the count is a lower bound of L. Variates
        // beyond bucket Q + 1 (and every variate when no threshold is positive: s = 0) are
        // clamped to it or 0, where the bound still holds; the final step makes L exact.
        const s = last > 0 ? Q / last : 0;
        threshold[base + H + 1] = s;
        const row = sj * (Q + 2);
        table.fill(0, row, row + Q + 2);
        if (s > 0) {
          for (let u = 0; u < f; ++u) {
            const bucket = Math.floor(threshold[base + u]! * s);
            if (bucket <= Q) ++table[row + bucket + 1]!;
          }
          for (let q = 1; q <= Q + 1; ++q) table[row + q]! += table[row + q - 1]!;
        }
      }
    }
    records.fill(0);
    // Each trial's fans start from the dead-form accounts' cumulative cash, as if all lived.
    if (cash) for (let slot = 0; slot < B; ++slot) records.set(cashBaseline, slot * R + at.aliveCash);
    // The ziggurat's xoshiro128** state, and no unused layer bits.
    rng.set(xoshiroSeed(seed, `lifetimes ${block}`));
    rng[4] = 0;
    rng[5] = 0;
    context.trials = blockEnd - blockFirst;
    if (wasm) wasm.run(plan, lifetimes, context.trials);
    else blockAccounts(context);
    for (let trial = blockFirst; trial < blockEnd; ++trial) {
      const k = trial - first;
      const r = (trial - blockFirst) * R;
      const npv = r + at.npv;
      const fate = r + at.fate;
      const year = r + at.alive;
      const yearCash = r + at.aliveCash;
      const yearDead = r + at.deadCash;
      for (let g = 0; g < 4; ++g) {
        records[npv + 4]! += records[npv + g]!;
        for (let f = 0; f < fates; ++f) records[fate + 4 * fates + f]! += records[fate + g * fates + f]!;
        for (let t = 0; t <= H; ++t) {
          records[year + 4 * W + t]! += records[year + g * W + t]!;
          if (cash) {
            records[yearCash + 4 * W + t]! += records[yearCash + g * W + t]!;
            records[yearDead + 4 * (W + 1) + t]! += records[yearDead + g * (W + 1) + t]!;
          }
        }
      }
      for (let g = 0; g < groups; ++g) {
        part.npv[g * m + k] = records[npv + g]!;
        for (let f = 0; f < fates; ++f) part.fate[(g * fates + f) * m + k] = records[fate + g * fates + f]!;
        const aliveAt = year + g * W;
        let count = 0;
        for (let t = H; t >= 0; --t) {
          count += records[aliveAt + t]!;
          part.survivors[(g * W + t) * m + k] = count;
        }
        if (cash) {
          let dead = 0;
          let paidBack = 0;
          for (let t = 0; t <= H; ++t) {
            dead += records[yearDead + g * (W + 1) + t]!;
            const value = records[yearCash + g * W + t]! + dead;
            part.cumulativeCash[(g * W + t) * m + k] = value;
            if (paidBack === 0 && t > 0 && value >= 0) paidBack = t;
          }
          part.payback[g * m + k] = paidBack;
        }
      }
    }
  }
  return part;
}

/**
 * Where a trial's numbers sit in its record: each group's NPV; its investment by fate; how many
 * of its accounts lived exactly L years, [alive + g · W + L]; its cumulative cash by year from the
 * accounts that are alive then, [aliveCash + g · W + t]; and the final value of those that exited,
 * by the first year they are dead, [deadCash + g · (W + 1) + t]. A group's dead cash has a slot
 * past the horizon, which takes (and drops) the accounts that never exit. One record per trial
 * keeps every number an account-trial touches within one stride of the next trial's.
 */
function recordOffsets(H: number) {
  const W = H + 1;
  const npv = 0;
  const fate = npv + groups;
  const alive = fate + groups * fates;
  const aliveCash = alive + groups * W;
  const deadCash = aliveCash + groups * W;
  return {npv, fate, alive, aliveCash, deadCash, length: deadCash + groups * (W + 1)};
}

interface BlockContext {
  n: number;
  H: number;
  J: number;
  cash: boolean;
  Q: number;
  /** Trials in the block. */
  trials: number;
  rng: Int32Array;
  state: Int32Array;
  threshold: Float64Array;
  table: Uint8Array;
  F: Float64Array;
  tierOf: Uint8Array;
  industryOf: Uint16Array;
  inverseRisk: Float64Array;
  fateOf: Uint8Array;
  deadForm: Uint8Array;
  lifetimes: Uint32Array;
  records: Float64Array;
}

/**
 * Every account over every trial of a block, account by account: the hot loop. An account's
 * prefix sums are read from memory once per block rather than once per trial, and each trial
 * adds into its own record. In a function of its own so the engine optimizes it early and whole.
 */
function blockAccounts(context: BlockContext): void {
  const {n, H, J, cash, Q, trials, rng, state, threshold, table, F} = context;
  const {tierOf, industryOf, inverseRisk, fateOf, deadForm, lifetimes, records} = context;
  const W = H + 1;
  const W2 = 2 * W;
  const TH = H + 2;
  const JT = J * (Q + 2);
  const JH = J * TH;
  const at = recordOffsets(H);
  const R = at.length;
  const valueOf = new Float64Array(W);
  const paidOf = new Float64Array(W);
  const KE = ke;
  const WE = we;
  let a = rng[0]!;
  let b = rng[1]!;
  let c = rng[2]!;
  let d = rng[3]!;
  let byte = rng[4]! >>> 0;
  let bytes = rng[5]!;
  for (let i = 0; i < n; ++i) {
    const risk = inverseRisk[i]!;
    const j = industryOf[i]!;
    const g = tierOf[i]!;
    const row = i * W2;
    const own = i * W;
    const dead = deadForm[i] === 1;
    for (let L = 0; L <= H; ++L) {
      const paid = F[row + (L < H ? L + 1 : H)]!;
      paidOf[L] = paid;
      valueOf[L] = F[row + W + L]! + F[row + L]! - paid;
    }
    // Offsets of this account's group in a record, and of its industry in the first trial's thresholds and table.
    const npvAt = at.npv + g;
    const fateAt = at.fate;
    const aliveAt = at.alive + g * W;
    const cashAt = at.aliveCash + g * W;
    const deadAt = at.deadCash + g * (W + 1) + 1;
    let tableAt = j * (Q + 2);
    let thresholdAt = j * TH;
    for (let r = 0, end = trials * R; r < end; r += R, tableAt += JT, thresholdAt += JH) {
      // A standard exponential by the ziggurat, drawn in place (as randomExponential's fill).
      let x: number;
      for (;;) {
        const jj = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
        let t = b << 9;
        c ^= a;
        d ^= b;
        b ^= c;
        a ^= d;
        c ^= t;
        d = rotl(d, 11);
        if (bytes === 0) {
          byte = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
          t = b << 9;
          c ^= a;
          d ^= b;
          b ^= c;
          a ^= d;
          c ^= t;
          d = rotl(d, 11);
          bytes = 4;
        }
        const layer = byte & 255;
        byte >>>= 8;
        --bytes;
        if (jj < KE[layer]!) {
          x = jj * WE[layer]!;
          break;
        }
        state[0] = a;
        state[1] = b;
        state[2] = c;
        state[3] = d;
        x = exponentialSlow(state, layer, jj);
        a = state[0]!;
        b = state[1]!;
        c = state[2]!;
        d = state[3]!;
        if (x === x) break;
      }
      const e = x * risk;
      let L = table[tableAt + (Math.min(e * threshold[thresholdAt + H + 1]!, Q + 1) | 0)]!;
      while (threshold[thresholdAt + L]! <= e) ++L;
      const value = valueOf[L]!;
      records[r + npvAt]! += value;
      records[r + fateAt + fateOf[own + L]!]! += paidOf[L]!;
      ++records[r + aliveAt + L]!;
      ++lifetimes[own + L]!;
      if (cash) {
        records[r + deadAt + L]! += value;
        // See KernelPlan.deadForm: the years it lived, or those it did not.
        if (dead)
          for (let u = r + cashAt + L + 1, v = row + W + L + 1, end = r + cashAt + H; u <= end; ++u, ++v)
            records[u]! -= F[v]!;
        else
          for (let u = r + cashAt + 1, v = row + W + 1, end = r + cashAt + L; u <= end; ++u, ++v) records[u]! += F[v]!;
      }
    }
  }
  rng[0] = a;
  rng[1] = b;
  rng[2] = c;
  rng[3] = d;
  rng[4] = byte;
  rng[5] = bytes;
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
