import {weibullFunctions, type ParametricFit} from "./parametricFit.js";
import {checkSurvivalData, type SurvivalData} from "./survivalData.js";
import {log} from "../math/deterministic.js";

/**
 * The maximum-likelihood exponential model (constant hazard 1/scale) with right censoring and late
 * entry: scale = Σ(duration − entry) / events, in closed form. Throws if there is no event, since
 * the likelihood then has no maximum.
 *
 * @example
 * fitExponential({duration: [2, 4, 6], event: [1, 1, 0]}).scale; // 6
 */
export function fitExponential(data: SurvivalData): ParametricFit {
  const {n, duration, event, entry} = checkSurvivalData(data);
  let exposure = 0;
  let events = 0;
  for (let i = 0; i < n; ++i) {
    exposure += duration[i]! - entry[i]!;
    if (event[i]) ++events;
  }
  if (events === 0) throw new RangeError("fitExponential: no event, so the likelihood has no maximum (scale → ∞)");
  const scale = exposure / events;
  return {
    distribution: "exponential",
    shape: 1,
    scale,
    logLikelihood: -events * log(scale) - exposure / scale,
    standardErrors: {shape: 0, scale: scale / Math.sqrt(events)},
    events,
    n,
    converged: true,
    iterations: 0,
    message: "closed form",
    ...weibullFunctions(1, scale)
  };
}
