import {normalQuantile} from "../math/normalQuantile.js";
import {riskSets} from "./riskSets.js";
import {checkSurvivalData, type SurvivalData} from "./survivalData.js";
import {exp, log, pow} from "../math/deterministic.js";

/** The scale on which the pointwise confidence band is built. */
export type ConfidenceTransform = "log" | "log-log" | "plain";

/** Options of {@link kaplanMeier}. */
export interface KaplanMeierOptions {
  /** Confidence level of the pointwise band and of the median's interval. Default 0.95. */
  conf?: number;
  /**
   * Transform of the band: `"log-log"` (the default, as Stata and SAS; never leaves [0, 1]),
   * `"log"` (R's default; the upper limit is capped at 1) or `"plain"` (S ± z·SE, clipped to [0, 1]).
   */
  ci?: ConfidenceTransform;
}

/** A Kaplan-Meier estimate: one row per distinct event time, in increasing time. */
export interface KaplanMeier {
  time: Float64Array;
  /** Accounts at risk just before each time (entry < t ≤ duration). */
  atRisk: Float64Array;
  events: Float64Array;
  /** Censored at or after this time and before the next event time (the last row: all later). */
  censored: Float64Array;
  /** S(t), constant until the next row. */
  survival: Float64Array;
  /** Greenwood standard error of S(t): S·sqrt(Σ d/(n(n−d))); NaN once S(t) = 0. */
  stdErr: Float64Array;
  /** Lower limit of the pointwise band; NaN where S(t) = 0 under the log and log-log transforms. */
  lower: Float64Array;
  upper: Float64Array;
  /** The smallest time with S(t) ≤ 0.5; null if S never reaches 0.5. */
  median: number | null;
  /** The smallest time whose lower limit is ≤ 0.5; null if the band never reaches 0.5. */
  medianLower: number | null;
  /** The smallest time whose upper limit is ≤ 0.5; null if the band never reaches 0.5. */
  medianUpper: number | null;
  conf: number;
  ci: ConfidenceTransform;
}

/**
 * The Kaplan-Meier product-limit estimate of the survival function, with right censoring and late
 * entry, Greenwood standard errors and a pointwise confidence band.
 *
 * Conventions: at a time with both events and censorings, the censored are still at risk (events
 * come first). With `entry`, an account is at risk only for times in (entry, duration]; where few
 * accounts are at risk early on, one event can drop S(t) sharply (or to 0), as with any left-truncated
 * estimate, so read the `atRisk` column beside the curve. Accounts censored before the first event
 * time appear in no row. A data set with no event gives zero rows and null medians.
 *
 * References: Kaplan & Meier (1958), JASA 53:457-481; Greenwood (1926); Klein & Moeschberger,
 * Survival Analysis (2nd ed., 2003), §4.2 and §4.6 (left truncation); Brookmeyer & Crowley (1982)
 * for the median's interval by inverting the pointwise band.
 *
 * @example
 * const km = kaplanMeier({duration: [6, 6, 6, 7, 10], event: [1, 1, 0, 1, 0]});
 * km.survival; // Float64Array [0.6, 0.3]
 */
export function kaplanMeier(data: SurvivalData, {conf = 0.95, ci = "log-log"}: KaplanMeierOptions = {}): KaplanMeier {
  if (!(conf > 0 && conf < 1)) throw new RangeError(`invalid confidence level: ${conf}`);
  if (ci !== "log" && ci !== "log-log" && ci !== "plain") throw new RangeError(`invalid ci: ${String(ci)}`);
  const {time, atRisk, events, censored} = riskSets(checkSurvivalData(data));
  const k = time.length;
  const z = normalQuantile((1 + conf) / 2);
  const survival = new Float64Array(k);
  const stdErr = new Float64Array(k);
  const lower = new Float64Array(k);
  const upper = new Float64Array(k);
  let s = 1;
  let greenwood = 0;
  for (let j = 0; j < k; ++j) {
    const n = atRisk[j]!;
    const d = events[j]!;
    s *= 1 - d / n;
    greenwood += n > d ? d / (n * (n - d)) : Infinity;
    survival[j] = s;
    // σ is the standard error of log S; the Greenwood SE of S itself is S·σ.
    const sigma = Math.sqrt(greenwood);
    stdErr[j] = s > 0 ? s * sigma : NaN;
    [lower[j], upper[j]] = band(s, sigma, z, ci);
  }
  return {
    time,
    atRisk,
    events,
    censored,
    survival,
    stdErr,
    lower,
    upper,
    median: firstAtOrBelow(time, survival, 0.5),
    medianLower: firstAtOrBelow(time, lower, 0.5),
    medianUpper: firstAtOrBelow(time, upper, 0.5),
    conf,
    ci
  };
}

function band(s: number, sigma: number, z: number, ci: ConfidenceTransform): [number, number] {
  if (ci === "plain") {
    const se = s > 0 ? s * sigma : 0;
    return [Math.max(0, s - z * se), Math.min(1, s + z * se)];
  }
  if (!(s > 0)) return [NaN, NaN];
  if (ci === "log") return [s * exp(-z * sigma), Math.min(1, s * exp(z * sigma))];
  if (s === 1) return [1, 1];
  // On log(−log S), with standard error σ/|log S|.
  const w = (z * sigma) / log(s);
  return [pow(s, exp(-w)), pow(s, exp(w))];
}

/**
 * The first time at which a step function (non-increasing, NaN for undefined) is at or below p.
 * A NaN band limit after S reaches 0 counts as 0, as the band collapses there.
 */
function firstAtOrBelow(time: Float64Array, values: Float64Array, p: number): number | null {
  for (let j = 0; j < time.length; ++j) {
    const v = values[j]!;
    if (v <= p || Number.isNaN(v)) return time[j]!;
  }
  return null;
}
