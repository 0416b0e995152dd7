import {exp, pow} from "../math/deterministic.js";
/** A fitted Weibull (or exponential, shape 1) survival model, S(t) = exp(−(t/scale)^shape). */
export interface ParametricFit {
  distribution: "weibull" | "exponential";
  shape: number;
  scale: number;
  /** Maximised log-likelihood on the time scale (as R's `survreg` reports it). */
  logLikelihood: number;
  /** Asymptotic standard errors from the observed information (0 for a parameter held fixed). */
  standardErrors: {shape: number; scale: number};
  /** Number of events and of accounts. */
  events: number;
  n: number;
  /** Convergence of the maximisation; an exponential fit is closed-form and always converged. */
  converged: boolean;
  iterations: number;
  message: string;
  survival(t: number): number;
  hazard(t: number): number;
}

/** Survival and hazard functions of a Weibull with the given shape and scale. */
export function weibullFunctions(shape: number, scale: number): Pick<ParametricFit, "survival" | "hazard"> {
  return {
    survival: (t) => (t <= 0 ? 1 : exp(-pow(t / scale, shape))),
    hazard: (t) => (t < 0 ? 0 : (shape / scale) * pow(t / scale, shape - 1))
  };
}
