/** Options of {@link hazardPath}. */
export interface HazardPathOptions {
  /** Years of the path. Default 10. */
  horizon?: number;
}

/**
 * The yearly hazards a group of accounts faces from today, given a survival function of age and
 * the accounts' current ages: in year t, h(t) = 1 − Σ S(a + t) / Σ S(a + t − 1) over the accounts,
 * that is the share of those expected alive at the start of year t that exit during it. Accounts
 * older than the data (S = 0) are skipped; with no usable account the path is all NaN.
 * `survival` is called once per distinct age it is asked at (ages are whole years in practice, so
 * a hundred thousand accounts need a few hundred calls, not three million), and the sums run over
 * the accounts in order, so the path is the same to the last bit as calling it for every account.
 *
 * @example
 * hazardPath(fitWeibull(data).survival, [3, 12, 30], {horizon: 5}); // five yearly hazards
 */
export function hazardPath(
  survival: (age: number) => number,
  ages: ArrayLike<number>,
  {horizon = 10}: HazardPathOptions = {}
): number[] {
  if (!(Number.isInteger(horizon) && horizon >= 1)) throw new RangeError(`invalid horizon: ${horizon}`);
  const known = new Map<number, number>();
  const at = (age: number) => {
    let s = known.get(age);
    if (s === undefined) known.set(age, (s = survival(age)));
    return s;
  };
  const n = ages.length;
  const base = new Float64Array(n);
  // Each account's ages a, a + 1, …, a + horizon as one index into a table of survivals: a
  // distinct age's row is filled once, so the sums below read an array, not a map.
  const row = new Map<number, number>();
  const rows: number[] = [];
  const first = new Uint32Array(n);
  for (let i = 0; i < n; ++i) {
    const a = ages[i]!;
    if (!(a >= 0)) throw new RangeError(`invalid age: ${a}`);
    base[i] = at(a);
    let r = row.get(a);
    if (r === undefined) {
      row.set(a, (r = rows.length / (horizon + 1)));
      for (let t = 0; t <= horizon; ++t) rows.push(at(a + t));
    }
    first[i] = r * (horizon + 1);
  }
  const table = Float64Array.from(rows);
  const path: number[] = [];
  for (let t = 1; t <= horizon; ++t) {
    let before = 0;
    let after = 0;
    for (let i = 0; i < n; ++i) {
      if (!(base[i]! > 0)) continue;
      // Conditional on being alive today: S(a + t) / S(a).
      before += table[first[i]! + t - 1]! / base[i]!;
      after += table[first[i]! + t]! / base[i]!;
    }
    path.push(before > 0 ? 1 - after / before : NaN);
  }
  return path;
}
