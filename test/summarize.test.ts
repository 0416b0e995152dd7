import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {percentiles, quantileSorted, summarize} from "tierwise";

describe("summarize()", () => {
  it("interpolates between order statistics (type 7)", () => {
    expect(summarize([4, 1, 3, 2])).toEqual({
      mean: 2.5,
      sd: Math.sqrt(5 / 3),
      p5: 1.15,
      p25: 1.75,
      p50: 2.5,
      p75: 3.25,
      p95: 3.8499999999999996
    });
    expect(summarize([7]).p5).toBe(7);
    expect(summarize([]).p50).toBeNaN();
  });

  it("finds by selection the percentiles a full sort gives, ties and long samples included (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({min: -5, max: 5}), fc.double({min: -1e6, max: 1e6, noNaN: true})), {
          minLength: 1,
          maxLength: 3000
        }),
        (values) => {
          const sorted = Float64Array.from(values).sort();
          const s = summarize(values);
          expect([s.p5, s.p25, s.p50, s.p75, s.p95]).toEqual(percentiles.map((p) => quantileSorted(sorted, p)));
        }
      ),
      {numRuns: 200}
    );
  });

  it("finds the percentiles of a long sample with many ties by selection", () => {
    const values = Array.from({length: 5001}, (_, i) => ((i * 7919) % 1000) / 10 + (i % 3 === 0 ? 0 : (i % 17) * 1e-3));
    const sorted = Float64Array.from(values).sort();
    const s = summarize(values);
    expect([s.p5, s.p25, s.p50, s.p75, s.p95]).toEqual(percentiles.map((p) => quantileSorted(sorted, p)));
    expect(s.p50).toBe(sorted[2500]);
  });

  it("counts a sample of whole numbers, and gives the percentiles a full sort gives (property)", () => {
    // Survivors in 11 futures: 40 to 44 accounts alive.
    expect(summarize([42, 40, 44, 41, 43, 42, 42, 40, 44, 43, 41])).toEqual({
      mean: 42,
      sd: Math.SQRT2,
      p5: 40,
      p25: 41,
      p50: 42,
      p75: 43,
      p95: 44
    });
    expect(summarize([0, 3, 0, 1]).p75).toBe(1.5);
    // −0 keeps its sign, as selection gives it (a count would lose it).
    expect(Object.is(summarize([-0]).p50, -0)).toBe(true);
    fc.assert(
      fc.property(
        fc.array(fc.integer({min: -3000, max: 3000}), {minLength: 1, maxLength: 2000}),
        fc.integer({min: -1e15, max: 1e15}),
        (values, shift) => {
          const shifted = values.map((x) => x + shift);
          const sorted = Float64Array.from(shifted).sort();
          const s = summarize(shifted);
          expect([s.p5, s.p25, s.p50, s.p75, s.p95]).toEqual(percentiles.map((p) => quantileSorted(sorted, p)));
        }
      ),
      {numRuns: 200}
    );
  });

  it("sorts a sample with NaN, which comes last", () => {
    expect(summarize([NaN, 1, 2, 3, 4]).p5).toBe(1.2);
    expect(summarize([NaN, 1, 2, 3, 4]).p95).toBeNaN();
  });
});
