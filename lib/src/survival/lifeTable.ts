import {checkSurvivalData, type SurvivalData} from "./survivalData.js";

/** Options of {@link lifeTable}. */
export interface LifeTableOptions {
  /** Interval width, in the unit of the durations. Default 1 (a year for yearly data). */
  width?: number;
}

/** An actuarial life table: one row per interval (start, end], from 0 to the last duration. */
export interface LifeTable {
  start: Float64Array;
  end: Float64Array;
  /** Under observation at the start of the interval (entry ≤ start < duration). */
  entering: Float64Array;
  /** Entered during the interval (start < entry < end); counted as half at risk. */
  entered: Float64Array;
  /** Events with duration in (start, end]. */
  events: Float64Array;
  /** Censored with duration in (start, end]; counted as half at risk. */
  censored: Float64Array;
  /** Effective number at risk: entering + entered/2 − censored/2. */
  atRisk: Float64Array;
  /** Conditional probability of the event within the interval: events / atRisk. */
  probability: Float64Array;
  /** Survival at the start of the interval (1 for the first). */
  survivalStart: Float64Array;
  /** Survival at the end of the interval. */
  survival: Float64Array;
  /** Greenwood standard error of `survival`. */
  stdErr: Float64Array;
  /** Actuarial hazard: events / (width · (atRisk − events/2)), per unit of time. */
  hazard: Float64Array;
}

/**
 * The actuarial (Cutler-Ederer) life table for grouped data with many ties, such as yearly account
 * exits: the withdrawals (censored) and, with late entry, the entrants of an interval are assumed
 * to be at risk for half of it. Intervals are (start, end], so with yearly durations an exit at
 * duration 1 falls in the first year. An interval where nobody is at risk has probability 0 and
 * hazard 0, and leaves survival unchanged.
 *
 * References: Cutler & Ederer (1958), Journal of Chronic Diseases 8:699-712; Lee & Wang,
 * Statistical Methods for Survival Data Analysis (4th ed., 2013), ch. 4; SAS PROC LIFETEST
 * (METHOD=LIFE) for the hazard.
 *
 * @example
 * lifeTable({duration: [1, 1, 2, 3, 3], event: [1, 0, 1, 1, 0]}).survival; // [0.777…, 0.518…, 0.172…]
 */
export function lifeTable(data: SurvivalData, {width = 1}: LifeTableOptions = {}): LifeTable {
  if (!(width > 0 && width < Infinity)) throw new RangeError(`invalid width: ${width}`);
  const {n, duration, event, entry} = checkSurvivalData(data);
  let last = 0;
  for (let i = 0; i < n; ++i) last = Math.max(last, duration[i]!);
  const k = Math.max(1, Math.ceil(last / width));
  const entering = new Float64Array(k);
  const entered = new Float64Array(k);
  const events = new Float64Array(k);
  const censored = new Float64Array(k);
  // Interval j is (j·w, (j+1)·w]; an account is under observation over (entry, duration].
  const intervalOf = (t: number) => Math.max(0, Math.ceil(t / width) - 1);
  const startDelta = new Float64Array(k + 1);
  for (let i = 0; i < n; ++i) {
    const t = duration[i]!;
    const a = entry[i]!;
    const final = intervalOf(t);
    (event[i] ? events : censored)[final]!++;
    // The first interval whose start is at or after entry: there it is "entering".
    const first = Math.ceil(a / width);
    if (first * width > a) entered[first - 1]!++;
    if (first <= final) {
      ++startDelta[first]!;
      --startDelta[final + 1]!;
    }
  }
  const start = new Float64Array(k);
  const end = new Float64Array(k);
  const atRisk = new Float64Array(k);
  const probability = new Float64Array(k);
  const survivalStart = new Float64Array(k);
  const survival = new Float64Array(k);
  const stdErr = new Float64Array(k);
  const hazard = new Float64Array(k);
  let running = 0;
  let s = 1;
  let greenwood = 0;
  for (let j = 0; j < k; ++j) {
    running += startDelta[j]!;
    entering[j] = running;
    start[j] = j * width;
    end[j] = (j + 1) * width;
    const r = running + entered[j]! / 2 - censored[j]! / 2;
    const d = events[j]!;
    atRisk[j] = r;
    const q = r > 0 ? Math.min(1, d / r) : 0;
    probability[j] = q;
    survivalStart[j] = s;
    s *= 1 - q;
    survival[j] = s;
    greenwood += r > d ? d / (r * (r - d)) : d > 0 ? Infinity : 0;
    stdErr[j] = s > 0 ? s * Math.sqrt(greenwood) : NaN;
    hazard[j] = r - d / 2 > 0 ? d / (width * (r - d / 2)) : 0;
  }
  return {
    start,
    end,
    entering,
    entered,
    events,
    censored,
    atRisk,
    probability,
    survivalStart,
    survival,
    stdErr,
    hazard
  };
}
