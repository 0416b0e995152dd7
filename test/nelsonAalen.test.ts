import {describe, expect, it} from "vitest";
import {kaplanMeier, nelsonAalen} from "tierwise";
import {sixMP} from "./fixtures/gehan.js";

describe("nelsonAalen()", () => {
  it("sums d/n with Aalen's variance Σ d/n² on the 6-MP data", () => {
    const na = nelsonAalen(sixMP);
    const n = [21, 17, 15, 12, 11, 7, 6];
    const d = [3, 1, 1, 1, 1, 1, 1];
    let h = 0;
    let v = 0;
    n.forEach((nj, j) => {
      h += d[j]! / nj;
      v += d[j]! / nj ** 2;
      expect(na.cumulativeHazard[j]).toBeCloseTo(h, 12);
      expect(na.variance[j]).toBeCloseTo(v, 12);
    });
    // H(23) = 3/21 + 1/17 + 1/15 + 1/12 + 1/11 + 1/7 + 1/6.
    expect(na.cumulativeHazard[6]).toBeCloseTo(0.7521135727, 9);
  });

  it("shares its risk sets with kaplanMeier(), late entry included", () => {
    const data = {duration: [2, 3, 4, 5, 7], event: [1, 1, 1, 0, 1], entry: [0, 0, 2, 1, 3]};
    const na = nelsonAalen(data);
    const km = kaplanMeier(data);
    expect(Array.from(na.time)).toEqual(Array.from(km.time));
    expect(Array.from(na.atRisk)).toEqual(Array.from(km.atRisk));
    // exp(−H) ≥ S: the Fleming-Harrington estimate lies above the product limit.
    na.cumulativeHazard.forEach((h, j) => expect(Math.exp(-h)).toBeGreaterThanOrEqual(km.survival[j]!));
  });
});
