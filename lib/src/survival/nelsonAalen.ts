import {riskSets} from "./riskSets.js";
import {checkSurvivalData, type SurvivalData} from "./survivalData.js";

/** A Nelson-Aalen estimate: one row per distinct event time. */
export interface NelsonAalen {
  time: Float64Array;
  atRisk: Float64Array;
  events: Float64Array;
  /** H(t) = Σ d/n over event times ≤ t. */
  cumulativeHazard: Float64Array;
  /** Aalen's variance estimate Σ d/n² (Klein & Moeschberger eq. 4.2.4). */
  variance: Float64Array;
}

/**
 * The Nelson-Aalen estimate of the cumulative hazard, with right censoring and late entry (the
 * same risk sets as {@link kaplanMeier}); exp(−H(t)) is the Fleming-Harrington survival estimate.
 *
 * References: Nelson (1972), Technometrics 14:945-966; Aalen (1978), Annals of Statistics 6:701-726.
 *
 * @example
 * nelsonAalen({duration: [1, 2, 2, 3], event: [1, 1, 0, 1]}).cumulativeHazard; // [0.25, 0.5833…, 1.5833…]
 */
export function nelsonAalen(data: SurvivalData): NelsonAalen {
  const {time, atRisk, events} = riskSets(checkSurvivalData(data));
  const k = time.length;
  const cumulativeHazard = new Float64Array(k);
  const variance = new Float64Array(k);
  let h = 0;
  let v = 0;
  for (let j = 0; j < k; ++j) {
    const n = atRisk[j]!;
    const d = events[j]!;
    h += d / n;
    v += d / (n * n);
    cumulativeHazard[j] = h;
    variance[j] = v;
  }
  return {time, atRisk, events, cumulativeHazard, variance};
}
