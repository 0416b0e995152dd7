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
  const base = Array.from(ages, (a) => {
    if (!(a >= 0)) throw new RangeError(`invalid age: ${a}`);
    return at(a);
  });
  const path: number[] = [];
  for (let t = 1; t <= horizon; ++t) {
    let before = 0;
    let after = 0;
    for (let i = 0; i < ages.length; ++i) {
      if (!(base[i]! > 0)) continue;
      // Conditional on being alive today: S(a + t) / S(a).
      before += at(ages[i]! + t - 1) / base[i]!;
      after += at(ages[i]! + t) / base[i]!;
    }
    path.push(before > 0 ? 1 - after / before : NaN);
  }
  return path;
}
