import type {KaplanMeier} from "./kaplanMeier.js";

/**
 * A Kaplan-Meier curve read at time `t`: the survival of the last event time at or before `t`
 * (the curve is a right-continuous step function), 1 before the first event.
 *
 * @example
 * survivalAt({time: Float64Array.of(1, 3), survival: Float64Array.of(0.8, 0.5)}, 2); // 0.8
 */
export function survivalAt(km: Pick<KaplanMeier, "time" | "survival">, t: number): number {
  if (Number.isNaN(t)) throw new RangeError(`invalid time: ${t}`);
  let s = 1;
  for (let j = 0; j < km.time.length && km.time[j]! <= t; ++j) s = km.survival[j]!;
  return s;
}
