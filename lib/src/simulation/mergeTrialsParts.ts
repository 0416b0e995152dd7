import type {TrialsPart} from "./simulateBlocks.js";

/**
 * One part of consecutive trials from parts that cover them once each, in any order: each
 * per-trial series in trial order, and the lifetimes counted by all. It gives `finishSimulation`
 * the numbers that it would make from the parts themselves, in one pass over the accounts'
 * lifetimes here rather than one per part there. The parts' arrays are reused: the first part's
 * lifetimes hold the sums.
 *
 * @example
 * const part = mergeTrialsParts([simulateBlocks(plan, 10, 20), simulateBlocks(plan, 0, 10)]);
 * finishSimulation(plan, [part]);
 */
export function mergeTrialsParts(parts: readonly TrialsPart[]): TrialsPart {
  const ordered = parts.filter((p) => p.trials > 0).sort((a, b) => a.firstTrial - b.firstTrial);
  const first = ordered[0] ?? parts[0];
  if (!first) throw new RangeError("mergeTrialsParts: no parts");
  if (ordered.length <= 1) return first;
  let trials = 0;
  for (const part of ordered) {
    if (part.firstTrial !== first.firstTrial + trials)
      throw new RangeError(`mergeTrialsParts: the parts do not cover trial ${first.firstTrial + trials}`);
    trials += part.trials;
  }
  const series = <T extends Float64Array | Uint8Array>(pick: (part: TrialsPart) => T, out: T): T => {
    const count = pick(first).length / first.trials;
    for (const part of ordered) {
      const m = part.trials;
      const from = pick(part);
      const at = part.firstTrial - first.firstTrial;
      for (let s = 0; s < count; ++s) out.set(from.subarray(s * m, (s + 1) * m), s * trials + at);
    }
    return out;
  };
  const lifetimes = first.lifetimes;
  for (let p = 1; p < ordered.length; ++p) addInto(lifetimes, ordered[p]!.lifetimes);
  return {
    firstTrial: first.firstTrial,
    trials,
    npv: series((p) => p.npv, new Float64Array((first.npv.length / first.trials) * trials)),
    payback: series((p) => p.payback, new Uint8Array((first.payback.length / first.trials) * trials)),
    survivors: series((p) => p.survivors, new Float64Array((first.survivors.length / first.trials) * trials)),
    cumulativeCash: series(
      (p) => p.cumulativeCash,
      new Float64Array((first.cumulativeCash.length / first.trials) * trials)
    ),
    fate: series((p) => p.fate, new Float64Array((first.fate.length / first.trials) * trials)),
    lifetimes
  };
}

/** target[u] += source[u]: in a function of its own, so that the engine compiles the loop alone. */
function addInto(target: Uint32Array, source: Uint32Array): void {
  const n = target.length;
  if (source.length !== n) throw new RangeError(`mergeTrialsParts: lifetimes of ${source.length} counts, not ${n}`);
  for (let u = 0; u < n; ++u) target[u] = target[u]! + source[u]!;
}
