import type {SurvivalData} from "./survivalData.js";

/**
 * The subjects at risk just before time `t`: those that entered before `t` (late entry; 0 when no
 * entry is given) and were still observed at `t` (duration ≥ t), as Kaplan-Meier counts them.
 *
 * @example
 * atRiskAt({duration: [2, 5, 7], event: [1, 0, 1], entry: [0, 0, 6]}, 5); // 1: the second (the third entered at 6)
 */
export function atRiskAt({duration, entry}: SurvivalData, t: number): number {
  if (Number.isNaN(t)) throw new RangeError(`invalid time: ${t}`);
  let n = 0;
  for (let i = 0; i < duration.length; ++i) if ((entry?.[i] ?? 0) < t && duration[i]! >= t) ++n;
  return n;
}
