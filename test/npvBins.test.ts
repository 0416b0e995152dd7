import * as Plot from "@observablehq/plot";
import {describe, expect, it} from "vitest";
import {randomStream} from "tierwise";
import {npvBins} from "../src/components/npvBins.js";

/** Plot's own bins of `values` (binX count, 40 thresholds) for one group: [x1, x2, count] of each non-empty bin. */
function plotBins(values: number[]): [number, number, number][] {
  const options = Plot.binX({y: "count"}, {x: (d: number) => d, thresholds: 40}) as unknown as Record<
    string,
    {transform(data: unknown): ArrayLike<number>}
  > & {transform(data: number[], facets: Uint32Array[]): {data: unknown}};
  const {data} = options.transform(values, [Uint32Array.from(values.keys())]);
  const [x1 = [], x2 = [], y = []] = (["x1", "x2", "y"] as const).map((k) => Array.from(options[k]!.transform(data)));
  return x1.map((x, i) => [x, x2[i]!, y[i]!]);
}

describe("npvBins()", () => {
  it("counts each draw in the bin [x1, x2) that holds it, in millions, over bins shared by the tiers", () => {
    expect(
      npvBins([
        {tier: "S", npv: Float64Array.of(0, 1.5e6, 2.5e6)},
        {tier: "A", npv: Float64Array.of(1e6, 1.2e6)}
      ])
    ).toEqual([
      // About 40 bins over 0 to 2.5 (USD millions): d3's round step is 1/20, and the bins run to 2.55.
      {tier: "S", x1: 0, x2: 0.05, count: 1},
      {tier: "S", x1: 1.5, x2: 1.55, count: 1},
      {tier: "S", x1: 2.5, x2: 2.55, count: 1},
      {tier: "A", x1: 1, x2: 1.05, count: 1},
      {tier: "A", x1: 1.2, x2: 1.25, count: 1}
    ]);
  });

  it("gives Plot's binX bins to the last bit on simulated NPVs of either sign", () => {
    const random = randomStream(7);
    const draws = ["S", "A", "B", "C"].map((tier, g) => ({
      tier,
      npv: Float64Array.from({length: 1000}, () => (random() - 0.3) * 10 ** (5 + g))
    }));
    const ours = npvBins(draws);
    // Plot bins the four tiers over the same thresholds when they are binned together: the
    // thresholds come from the extent of all of them.
    const all = draws.flatMap(({npv}) => Array.from(npv, (x) => x / 1e6));
    const theirs = plotBins(all);
    const edges = new Set(theirs.flatMap(([x1, x2]) => [x1, x2]));
    for (const bin of ours) {
      expect(edges.has(bin.x1) && edges.has(bin.x2)).toBe(true);
    }
    // Summed over the tiers, each bin's count is Plot's.
    const summed = new Map<number, number>();
    for (const {x1, count} of ours) summed.set(x1, (summed.get(x1) ?? 0) + count);
    expect([...summed].sort((a, b) => a[0] - b[0])).toEqual(theirs.map(([x1, , count]) => [x1, count]));
    expect(ours.reduce((sum, b) => sum + b.count, 0)).toBe(4000);
  });

  it("takes about `thresholds` bins of a round width", () => {
    expect(npvBins([{tier: "S", npv: Float64Array.of(0, 1.5e6, 2.5e6)}], {thresholds: 2})).toEqual([
      {tier: "S", x1: 0, x2: 1, count: 1},
      {tier: "S", x1: 1, x2: 2, count: 1},
      {tier: "S", x1: 2, x2: 3, count: 1}
    ]);
  });

  it("puts every draw in one bin when they are all equal, and gives no bin for no draw", () => {
    expect(npvBins([{tier: "S", npv: Float64Array.of(2e6, 2e6)}])).toEqual([{tier: "S", x1: 2, x2: 2, count: 2}]);
    expect(plotBins([2, 2])).toEqual([[2, 2, 2]]);
    expect(npvBins([{tier: "S", npv: new Float64Array(0)}])).toEqual([]);
  });
});
