import {describe, expect, it} from "vitest";
import {hazardPath} from "tierwise";

describe("hazardPath()", () => {
  it("is the constant hazard of an exponential whatever the ages", () => {
    const path = hazardPath((t) => Math.exp(-0.1 * t), [0, 5, 40], {horizon: 4});
    for (const h of path) expect(h).toBeCloseTo(1 - Math.exp(-0.1), 12);
  });

  it("follows a single account's conditional hazard", () => {
    const S = (t: number) => Math.exp(-((t / 10) ** 2));
    const [h1, h2] = hazardPath(S, [5], {horizon: 2});
    expect(h1).toBeCloseTo(1 - S(6) / S(5), 12);
    expect(h2).toBeCloseTo(1 - S(7) / S(6), 12);
  });

  it("weights accounts by their chance to be alive at the start of each year", () => {
    // An account aged 1 dies in its second year for sure (S drops to 0 at age 2); one aged 20
    // lives on with a hazard of 1e-6 a year. Year 1: one of two expected alive dies; year 2: only
    // the old one is left.
    const S = (age: number) => (age < 2 ? 1 : age < 10 ? 0 : 0.999999 ** age);
    const [h1, h2] = hazardPath(S, [1, 20], {horizon: 2});
    expect(h1).toBeCloseTo(1 - 0.999999 / 2, 9);
    expect(h2).toBeCloseTo(1 - 0.999999, 9);
  });

  it("asks the survival function once per distinct age, and sums as if it asked for every account", () => {
    const S = (t: number) => Math.exp(-((t / 12) ** 1.3));
    const ages = [3, 7, 3, 3, 12, 7, 40, 3];
    const asked: number[] = [];
    const path = hazardPath(
      (t) => {
        asked.push(t);
        return S(t);
      },
      ages,
      {horizon: 3}
    );
    // Ages 3, 7, 12, 40 and each of them 1 to 3 years on: 3..6, 7..10, 12..15, 40..43.
    expect(asked.length).toBe(new Set(asked).size);
    expect(asked.length).toBe(16);
    const naive = [1, 2, 3].map((t) => {
      let before = 0;
      let after = 0;
      for (const a of ages) {
        before += S(a + t - 1) / S(a);
        after += S(a + t) / S(a);
      }
      return 1 - after / before;
    });
    expect(path).toEqual(naive);
  });

  it("rejects a negative age or horizon", () => {
    expect(() => hazardPath(() => 1, [-1])).toThrow("invalid age: -1");
    expect(() => hazardPath(() => 1, [1], {horizon: 0})).toThrow("invalid horizon: 0");
  });
});
