import {describe, expect, it} from "vitest";
import {kaplanMeier, lifeTable} from "tierwise";

describe("lifeTable()", () => {
  it("counts the censored of an interval as half at risk (Cutler-Ederer)", () => {
    const table = lifeTable({duration: [1, 1, 2, 3, 3], event: [1, 0, 1, 1, 0]});
    expect(Array.from(table.start)).toEqual([0, 1, 2]);
    expect(Array.from(table.end)).toEqual([1, 2, 3]);
    expect(Array.from(table.entering)).toEqual([5, 3, 2]);
    expect(Array.from(table.events)).toEqual([1, 1, 1]);
    expect(Array.from(table.censored)).toEqual([1, 0, 1]);
    expect(Array.from(table.atRisk)).toEqual([4.5, 3, 1.5]);
    const q = [1 / 4.5, 1 / 3, 1 / 1.5];
    table.probability.forEach((p, j) => expect(p).toBeCloseTo(q[j]!, 15));
    const s = [1 - q[0]!, (1 - q[0]!) * (1 - q[1]!), (1 - q[0]!) * (1 - q[1]!) * (1 - q[2]!)];
    table.survival.forEach((x, j) => expect(x).toBeCloseTo(s[j]!, 15));
    expect(Array.from(table.survivalStart)).toEqual([1, table.survival[0], table.survival[1]]);
    // Hazard d / (w (n' − d/2)).
    expect(Array.from(table.hazard)).toEqual([1 / 4, 1 / 2.5, 1 / 1]);
    // Greenwood on the effective numbers at risk.
    expect(table.stdErr[1]).toBeCloseTo(s[1]! * Math.sqrt(1 / (4.5 * 3.5) + 1 / (3 * 2)), 15);
  });

  it("puts yearly exits at duration k in the k-th year, (k−1, k]", () => {
    const table = lifeTable({duration: [1, 2, 2, 2], event: [1, 1, 1, 0]});
    expect(Array.from(table.events)).toEqual([1, 2]);
  });

  it("equals Kaplan-Meier at the interval ends when there is no censoring and no late entry", () => {
    const data = {duration: [1, 2, 2, 3, 5, 5, 5, 6], event: [1, 1, 1, 1, 1, 1, 1, 1]};
    const table = lifeTable(data);
    const km = kaplanMeier(data);
    for (let j = 0; j < km.time.length; ++j) {
      expect(table.survival[km.time[j]! - 1]).toBeCloseTo(km.survival[j]!, 15);
    }
    expect(table.probability[3]).toBe(0); // nobody exits in (3, 4]
  });

  it("counts late entrants from their first whole interval, and as half at risk within their entry interval", () => {
    const table = lifeTable({duration: [3, 4, 4.5], event: [1, 0, 1], entry: [0, 2, 1.5]});
    // (0,1]: only the first; (1,2]: the first, the third entering at 1.5 (half); (2,3]: all three.
    expect(Array.from(table.entering)).toEqual([1, 1, 3, 2, 1]);
    expect(Array.from(table.entered)).toEqual([0, 1, 0, 0, 0]);
    expect(Array.from(table.atRisk)).toEqual([1, 1.5, 3, 1.5, 1]);
  });

  it("uses the given width", () => {
    const table = lifeTable({duration: [3, 7, 12], event: [1, 1, 0]}, {width: 5});
    expect(Array.from(table.end)).toEqual([5, 10, 15]);
    expect(Array.from(table.events)).toEqual([1, 1, 0]);
    expect(table.hazard[0]).toBeCloseTo(1 / (5 * 2.5), 15);
    expect(() => lifeTable({duration: [1], event: [1]}, {width: 0})).toThrow("invalid width: 0");
  });
});
