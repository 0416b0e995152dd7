import {expect, it} from "vitest";
import {referenceSurvival} from "tierwise";

it("carries the BLS establishment survival of the 1994 cohort and the seed's 100 → 50 → 20", () => {
  // BLS, The Economics Daily, 2018-11-01: 79.6% alive after one year, 49.6% after five, 33.6%
  // after ten, 18.0% after 23.
  const bls = referenceSurvival.filter((d) => d.name === "US establishments (BLS)");
  expect(bls.map((d) => [d.time, d.survival])).toEqual([
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
  ]);
  const seed = referenceSurvival.filter((d) => d.name === "Seed: 100 → 50 → 20");
  expect(seed.map((d) => [d.time, d.survival])).toEqual([
    [0, 1],
    [1, 0.5],
    [2, 0.2]
  ]);
});
