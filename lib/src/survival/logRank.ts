import {chiSquareSurvival} from "../math/gamma.js";
import {countAtRisk, upperBound} from "./riskSets.js";
import {checkSurvivalData, type CheckedSurvivalData, type SurvivalData} from "./survivalData.js";

/** The result of {@link logRank}. */
export interface LogRank {
  /** Group names (the keys of a record, or "0", "1", … for an array). */
  groups: string[];
  observed: number[];
  expected: number[];
  chiSquare: number;
  df: number;
  p: number;
}

/**
 * The log-rank (Mantel-Cox) test that two or more groups share one survival function, with right
 * censoring and late entry. Groups are an array or a record of survival data; a group with no
 * event still counts. The statistic is (O − E)ᵀ V⁻¹ (O − E) over all groups but the last, with the
 * hypergeometric variance, as R's `survdiff` computes it.
 *
 * Reference: Mantel (1966), Cancer Chemotherapy Reports 50:163-170; Klein & Moeschberger §7.3.
 *
 * @example
 * logRank({treated: {duration: [6, 7, 10], event: [1, 1, 0]}, control: {duration: [1, 2, 3], event: [1, 1, 1]}}).p;
 */
export function logRank(groups: readonly SurvivalData[] | Record<string, SurvivalData>): LogRank {
  const entries: [string, SurvivalData][] = Array.isArray(groups)
    ? groups.map((g, i) => [String(i), g])
    : Object.entries(groups as Record<string, SurvivalData>);
  if (entries.length < 2) throw new RangeError(`logRank: need at least two groups, got ${entries.length}`);
  const data: CheckedSurvivalData[] = entries.map(([name, g]) => checkSurvivalData(g, {name: `group ${name}`}));
  const g = data.length;
  const times = new Set<number>();
  for (const d of data) for (let i = 0; i < d.n; ++i) if (d.event[i]) times.add(d.duration[i]!);
  const eventTimes = Float64Array.from(times).sort();
  const k = eventTimes.length;
  const atRisk = data.map((d) => countAtRisk(d, eventTimes));
  const events = data.map((d) => {
    const counts = new Float64Array(k);
    for (let i = 0; i < d.n; ++i) if (d.event[i]) ++counts[upperBound(eventTimes, d.duration[i]!) - 1]!;
    return counts;
  });
  const observed = events.map((e) => e.reduce((a, b) => a + b, 0));
  const expected = new Array<number>(g).fill(0);
  const m = g - 1;
  const variance = Array.from({length: m}, () => new Array<number>(m).fill(0));
  for (let j = 0; j < k; ++j) {
    let n = 0;
    let d = 0;
    for (let a = 0; a < g; ++a) {
      n += atRisk[a]![j]!;
      d += events[a]![j]!;
    }
    if (n < 1) continue;
    const factor = n > 1 ? (d * (n - d)) / (n - 1) : 0;
    for (let a = 0; a < g; ++a) {
      const na = atRisk[a]![j]!;
      expected[a]! += (d * na) / n;
      if (a >= m) continue;
      for (let b = 0; b < m; ++b) {
        const nb = atRisk[b]![j]!;
        variance[a]![b]! += factor * (na / n) * ((a === b ? 1 : 0) - nb / n);
      }
    }
  }
  const diff = observed.slice(0, m).map((o, a) => o - expected[a]!);
  const chiSquare = quadraticForm(variance, diff);
  const df = m;
  return {
    groups: entries.map(([name]) => name),
    observed,
    expected,
    chiSquare,
    df,
    p: chiSquareSurvival(chiSquare, df)
  };
}

/** xᵀ A⁻¹ x for a symmetric positive semi-definite A, by Gaussian elimination with pivoting. */
function quadraticForm(matrix: number[][], x: number[]): number {
  const m = x.length;
  const a = matrix.map((row, i) => [...row, x[i]!]);
  for (let c = 0; c < m; ++c) {
    let pivot = c;
    for (let r = c + 1; r < m; ++r) if (Math.abs(a[r]![c]!) > Math.abs(a[pivot]![c]!)) pivot = r;
    if (!(Math.abs(a[pivot]![c]!) > 1e-12))
      throw new RangeError("logRank: singular variance (a group has no one at risk at any event time)");
    [a[c], a[pivot]] = [a[pivot]!, a[c]!];
    for (let r = c + 1; r < m; ++r) {
      const f = a[r]![c]! / a[c]![c]!;
      for (let k = c; k <= m; ++k) a[r]![k]! -= f * a[c]![k]!;
    }
  }
  const y = new Array<number>(m).fill(0);
  for (let r = m - 1; r >= 0; --r) {
    let s = a[r]![m]!;
    for (let k = r + 1; k < m; ++k) s -= a[r]![k]! * y[k]!;
    y[r] = s / a[r]![r]!;
  }
  return x.reduce((sum, xi, i) => sum + xi * y[i]!, 0);
}
