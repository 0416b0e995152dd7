import {weibullFunctions, type ParametricFit} from "./parametricFit.js";
import {checkSurvivalData, type SurvivalData} from "./survivalData.js";
import {exp, log, pow} from "../math/deterministic.js";

/** Options of {@link fitWeibull}. */
export interface FitWeibullOptions {
  /** Largest number of Newton iterations. Default 100. */
  maxIterations?: number;
  /** Convergence tolerance on the profile score, relative to the number of events. Default 1e-10. */
  tolerance?: number;
}

/**
 * The maximum-likelihood Weibull model S(t) = exp(−(t/scale)^shape) with right censoring and late
 * entry. The log-likelihood is Σ events·log h(t) − Σ (t/scale)^shape + Σ (entry/scale)^shape.
 *
 * The scale has a closed form given the shape, scale^shape = Σ(t^shape − entry^shape)/events, so
 * the shape is found by a safeguarded Newton search on the profile likelihood (times rescaled by
 * the largest so that powers never overflow). Standard errors come from the observed information
 * of (log scale, shape), by the delta method for the scale.
 *
 * Throws if there is no event or an event at duration 0 (no maximum exists). If the search does
 * not converge, as when every duration is equal and the shape grows without bound, the result has
 * `converged: false` and a `message` saying why.
 *
 * Reference: Lawless, Statistical Models and Methods for Lifetime Data (2nd ed., 2003), §5.2.
 *
 * @example
 * const fit = fitWeibull({duration: [5, 8, 12, 20, 30], event: [1, 1, 1, 0, 1]});
 * fit.survival(10); // S(10) under the fitted model
 */
export function fitWeibull(
  data: SurvivalData,
  {maxIterations = 100, tolerance = 1e-10}: FitWeibullOptions = {}
): ParametricFit {
  const {n, duration, event, entry, lateEntry} = checkSurvivalData(data);
  let c = 0;
  let events = 0;
  for (let i = 0; i < n; ++i) {
    c = Math.max(c, duration[i]!);
    if (event[i]) {
      ++events;
      if (duration[i] === 0) throw new RangeError(`fitWeibull: event at duration 0 (index ${i}) has no finite density`);
    }
  }
  if (events === 0) throw new RangeError("fitWeibull: no event, so the likelihood has no maximum (scale → ∞)");
  const D = events;
  // Durations and entries repeat (whole years, in practice): each distinct value's logarithm, and
  // each step's power of it, is computed once. The sums still run over the accounts in order, with
  // the same terms, so the fit is the same to the last bit as computing them account by account.
  const u = distinctValues(duration, n, (x) => log(x / c));
  const logU = u.of;
  let L = 0;
  for (let i = 0; i < n; ++i) if (event[i]) L += logU(i);
  const entries: number[] = [];
  if (lateEntry) for (let i = 0; i < n; ++i) if (entry[i]! > 0) entries.push(entry[i]!);
  const v = distinctValues(entries, entries.length, (x) => log(x / c));
  const powersU = new Float64Array(u.values.length);
  const powersV = new Float64Array(v.values.length);
  /** exp(k · (value − shift)) for every distinct value, into `into`. */
  const powers = (values: Float64Array, k: number, shift: number, into: Float64Array) => {
    for (let j = 0; j < values.length; ++j) into[j] = exp(k * (values[j]! - shift));
    return into;
  };

  // A(k) = Σ u^k − Σ v^k and its first two derivatives in k.
  const moments = (k: number): [number, number, number] => {
    let a0 = 0;
    let a1 = 0;
    let a2 = 0;
    const pu = powers(u.values, k, 0, powersU);
    for (let i = 0; i < n; ++i) {
      const j = u.code[i]!;
      const l = u.values[j]!;
      if (l === -Infinity) continue;
      const p = pu[j]!;
      a0 += p;
      a1 += p * l;
      a2 += p * l * l;
    }
    const pv = powers(v.values, k, 0, powersV);
    for (let i = 0; i < entries.length; ++i) {
      const j = v.code[i]!;
      const l = v.values[j]!;
      const p = pv[j]!;
      a0 -= p;
      a1 -= p * l;
      a2 -= p * l * l;
    }
    return [a0, a1, a2];
  };
  const profile = (k: number, a0: number) => D * log(k) - D * log(a0 / D) - D + (k - 1) * L;

  let k = 1;
  let lo = 0;
  let hi = Infinity;
  let converged = false;
  let iterations = 0;
  let message = "";
  for (; iterations < maxIterations; ++iterations) {
    const [a0, a1, a2] = moments(k);
    const g = D / k - (D * a1) / a0 + L;
    if (Math.abs(g) * k <= tolerance * D) {
      converged = true;
      message = `converged in ${iterations} iterations`;
      break;
    }
    if (g > 0) lo = k;
    else hi = k;
    const h = -D / (k * k) - (D * (a2 * a0 - a1 * a1)) / (a0 * a0);
    let next = h < 0 ? k - g / h : NaN;
    if (!(next > lo && next < hi)) next = hi < Infinity ? (lo > 0 ? Math.sqrt(lo * hi) : hi / 2) : k * 2;
    k = next;
    if (k > 1e6) {
      message = "shape diverges (> 1e6): the durations have almost no spread, so no Weibull maximum exists";
      break;
    }
  }
  if (!converged && !message) message = `no convergence in ${maxIterations} iterations (shape ${k})`;

  const [a0] = moments(k);
  const mu = pow(a0 / D, 1 / k);
  const scale = c * mu;
  const logLikelihood = profile(k, a0) - D * log(c);

  // Observed information in (a = log scale, k), on the rescaled times (it is invariant to the scaling).
  let sz = 0;
  let szl = 0;
  let szl2 = 0;
  const logMu = log(mu);
  const zu = powers(u.values, k, logMu, powersU);
  for (let i = 0; i < n; ++i) {
    const j = u.code[i]!;
    const l = u.values[j]! - logMu;
    if (l === -Infinity) continue;
    const z = zu[j]!;
    sz += z;
    szl += z * l;
    szl2 += z * l * l;
  }
  const wv = powers(v.values, k, logMu, powersV);
  for (let i = 0; i < entries.length; ++i) {
    const j = v.code[i]!;
    const l = v.values[j]! - logMu;
    const w = wv[j]!;
    sz -= w;
    szl -= w * l;
    szl2 -= w * l * l;
  }
  const haa = -k * k * sz;
  const hak = sz - D - k * szl;
  const hkk = -D / (k * k) - szl2;
  const det = haa * hkk - hak * hak;
  const varA = -hkk / det;
  const varK = -haa / det;
  return {
    distribution: "weibull",
    shape: k,
    scale,
    logLikelihood,
    standardErrors: {shape: Math.sqrt(varK), scale: scale * Math.sqrt(varA)},
    events,
    n,
    converged,
    iterations,
    message,
    ...weibullFunctions(k, scale)
  };
}

/**
 * The distinct values of xs[0..n) transformed by `f` (each computed once), and each element's index
 * among them: `of(i)` is f(xs[i]).
 */
function distinctValues(xs: ArrayLike<number>, n: number, f: (x: number) => number) {
  const index = new Map<number, number>();
  const values: number[] = [];
  const code = new Uint32Array(n);
  for (let i = 0; i < n; ++i) {
    const x = xs[i]!;
    let j = index.get(x);
    if (j === undefined) index.set(x, (j = values.push(f(x)) - 1));
    code[i] = j;
  }
  const transformed = Float64Array.from(values);
  return {values: transformed, code, of: (i: number) => transformed[code[i]!]!};
}
