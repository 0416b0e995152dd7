import {randomStream} from "../random/randomStream.js";
import {randomNormal} from "./randomNormal.js";
import {summarize} from "./summarize.js";
import {exp, pow} from "../math/deterministic.js";

/** Options of {@link simulateAttrition}. */
export interface SimulateAttritionOptions {
  /** Accounts at the start. Default 100, as in the seed's "100 customers become 50, then 20". */
  accounts?: number;
  /** hazard[t]: the probability of exiting in year t + 1 for an account alive at its start. */
  hazard: ArrayLike<number>;
  /** Volatility of the industry's yearly log-normal hazard multiplier; 0 (the default) for none. */
  shock?: number;
  trials?: number;
  seed?: number;
}

/** Surviving accounts by year, over trials; year 0 is the starting count. */
export interface AttritionPaths {
  year: number[];
  mean: number[];
  sd: number[];
  p5: number[];
  p25: number[];
  p50: number[];
  p75: number[];
  p95: number[];
}

/**
 * The bare industry shakeout: `accounts` firms, each exiting year t + 1 with probability
 * 1 − (1 − hazard[t])^X_t, where X_t = exp(σZ_t − σ²/2) is one log-normal multiplier shared by
 * the whole industry that year (mean 1), so firms die together in a bad year. With shock 0,
 * survivors are binomial: mean n·Π(1 − h) and variance n·S(1 − S).
 *
 * @example
 * simulateAttrition({hazard: [0.5, 0.6], trials: 1000, seed: 1}).mean; // ≈ [100, 50, 20]
 */
export function simulateAttrition({
  accounts = 100,
  hazard,
  shock = 0,
  trials = 1000,
  seed = 42
}: SimulateAttritionOptions): AttritionPaths {
  if (!(Number.isInteger(accounts) && accounts >= 0)) throw new RangeError(`invalid accounts: ${accounts}`);
  if (!(Number.isInteger(trials) && trials >= 1)) throw new RangeError(`invalid trials: ${trials}`);
  if (!(shock >= 0 && shock < Infinity)) throw new RangeError(`invalid shock: ${shock}`);
  const horizon = hazard.length;
  for (let t = 0; t < horizon; ++t) {
    const h = hazard[t]!;
    if (!(h >= 0 && h <= 1)) throw new RangeError(`invalid hazard at index ${t}: ${h}`);
  }
  const lifetimes = randomStream(seed, "attrition-lifetimes");
  const normal = randomNormal(randomStream(seed, "attrition-shocks"));
  const counts = Array.from({length: horizon + 1}, () => new Float64Array(trials));
  for (let k = 0; k < trials; ++k) {
    let alive = accounts;
    counts[0]![k] = alive;
    for (let t = 0; t < horizon; ++t) {
      const multiplier = shock > 0 ? exp(shock * normal() - (shock * shock) / 2) : 1;
      const survive = pow(1 - hazard[t]!, multiplier);
      let next = 0;
      for (let i = 0; i < alive; ++i) if (lifetimes() < survive) ++next;
      alive = next;
      counts[t + 1]![k] = alive;
    }
  }
  const result: AttritionPaths = {year: [], mean: [], sd: [], p5: [], p25: [], p50: [], p75: [], p95: []};
  counts.forEach((column, t) => {
    const {mean, sd, p5, p25, p50, p75, p95} = summarize(column);
    result.year.push(t);
    result.mean.push(mean);
    result.sd.push(sd);
    result.p5.push(p5);
    result.p25.push(p25);
    result.p50.push(p50);
    result.p75.push(p75);
    result.p95.push(p95);
  });
  return result;
}
