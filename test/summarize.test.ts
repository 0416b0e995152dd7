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

  it("sorts a sample with NaN, which comes last", () => {
    expect(summarize([NaN, 1, 2, 3, 4]).p5).toBe(1.2);
    expect(summarize([NaN, 1, 2, 3, 4]).p95).toBeNaN();
  });
});
