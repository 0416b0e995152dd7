import {chiSquareSurvival} from "../math/gamma.js";
import {countAtRisk, upperBound} from "./riskSets.js";
import {checkSurvivalData, type CheckedSurvivalData, type SurvivalData} from "./survivalData.js";

/** The result of {@link logRank}. */
export interface LogRank {
  /** Group names (the keys of a Map or record, or "0", "1", … for an array). */
  groups: string[];
  observed: number[];
  expected: number[];
  /** The statistic; null when no test is possible (see `reason`). */
  chiSquare: number | null;
  /** Degrees of freedom: the rank of the variance of O − E, at most the number of groups − 1; 0 with no test. */
  df: number;
  /** The p-value; null when no test is possible. */
  p: number | null;
  /** Why no test is possible, in words; null when the test ran. */
  reason: string | null;
}

/**
 * The log-rank (Mantel-Cox) test that two or more groups share one survival function, with right
 * censoring and late entry. Groups are an array or a record of survival data; a group with no
 * event still counts. The statistic is (O − E)ᵀ V⁻ (O − E) over all groups but the last, with the
 * hypergeometric variance, as R's `survdiff` computes it. V⁻ is a generalised inverse, so a group
 * that is never at risk beside another's exit (its O − E has no variance) adds nothing and takes
 * a degree of freedom away, rather than making V singular; `df` is the rank of V. With no exit at
 * all, or no variance in any group, there is nothing to test: `chiSquare` and `p` are null and
 * `reason` says why.
 *
 * Reference: Mantel (1966), Cancer Chemotherapy Reports 50:163-170; Klein & Moeschberger §7.3.
 *
 * @example
 * logRank({treated: {duration: [6, 7, 10], event: [1, 1, 0]}, control: {duration: [1, 2, 3], event: [1, 1, 1]}}).p;
 */
export function logRank(
  groups: readonly SurvivalData[] | ReadonlyMap<string, SurvivalData> | Record<string, SurvivalData>
): LogRank {
  // A Map keeps any name, "__proto__" and "constructor" included, as it is.
  const entries: [string, SurvivalData][] = Array.isArray(groups)
    ? groups.map((g, i) => [String(i), g])
    : groups instanceof Map
      ? [...groups]
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
  const names = entries.map(([name]) => name);
  if (k === 0) return noTest(names, observed, expected, "no exit in any group, so there is no difference to test");
  const {value, rank} = quadraticForm(variance, diff);
  if (rank === 0)
    return noTest(
      names,
      observed,
      expected,
      "every exit happened where no other group had anyone at risk, so the exits cannot tell the groups apart"
    );
  return {
    groups: names,
    observed,
    expected,
    chiSquare: value,
    df: rank,
    p: chiSquareSurvival(value, rank),
    reason: null
  };
}

function noTest(groups: string[], observed: number[], expected: number[], reason: string): LogRank {
  return {groups, observed, expected, chiSquare: null, df: 0, p: null, reason};
}

/**
 * xᵀ V⁻ x and the rank of V, for a symmetric positive semi-definite V, by symmetric elimination
 * with diagonal pivoting (an LDLᵀ factorisation): a pivot below 1e-10 of the largest diagonal
 * ends it, which gives the quadratic form under a generalised inverse. For x in V's column space,
 * as O − E always is, the value does not depend on which generalised inverse.
 */
function quadraticForm(matrix: number[][], x: number[]): {value: number; rank: number} {
  const m = x.length;
  const a = matrix.map((row) => [...row]);
  const b = [...x];
  const done = new Array<boolean>(m).fill(false);
  const scale = Math.max(0, ...a.map((row, i) => row[i]!));
  let value = 0;
  let rank = 0;
  while (rank < m) {
    let p = -1;
    for (let i = 0; i < m; ++i) if (!done[i] && (p < 0 || a[i]![i]! > a[p]![p]!)) p = i;
    const pivot = a[p]![p]!;
    if (!(pivot > 1e-10 * scale)) break;
    done[p] = true;
    ++rank;
    value += (b[p]! * b[p]!) / pivot;
    for (let i = 0; i < m; ++i) {
      if (done[i]) continue;
      const f = a[i]![p]! / pivot;
      b[i]! -= f * b[p]!;
      for (let j = 0; j < m; ++j) if (!done[j]) a[i]![j]! -= f * a[p]![j]!;
    }
  }
  return {value, rank};
}
