/** A published survival curve: the share of firms still alive at each age, in years. */
export interface ReferenceSurvivalPoint {
  name: string;
  time: number;
  survival: number;
}

// BLS Business Employment Dynamics: private-sector establishments born in March 1994 (569,419
// births), the share still operating N years later (The Economics Daily, 2018-11-01, "18 percent of
// businesses opening in March 1994 remained open as of March 2017").
const bls: [number, number][] = [
  [0, 1],
  [1, 0.796],
  [2, 0.681],
  [3, 0.606],
  [4, 0.543],
  [5, 0.496],
  [6, 0.452],
  [7, 0.415],
  [8, 0.383],
  [9, 0.357],
  [10, 0.336],
  [15, 0.255],
  [20, 0.203],
  [23, 0.18]
];

/**
 * The reference curves the Attrition page sets a portfolio's survival against: young US
 * establishments ("US establishments (BLS)", above) and the seed article's shakeout, where 100
 * customers become 50 the next year and 20 the year after ("Seed: 100 → 50 → 20").
 *
 * @example
 * referenceSurvival.find((d) => d.name === "US establishments (BLS)" && d.time === 5)?.survival; // 0.496
 */
export const referenceSurvival: readonly ReferenceSurvivalPoint[] = [
  ...bls.map(([time, survival]) => ({name: "US establishments (BLS)", time, survival})),
  ...[
    [0, 1],
    [1, 0.5],
    [2, 0.2]
  ].map(([time, survival]) => ({name: "Seed: 100 → 50 → 20", time: time!, survival: survival!}))
];
