import {describe, expect, it} from "vitest";
import {evenlySpaced} from "../src/components/evenlySpaced.js";

describe("evenlySpaced()", () => {
  it("evenlySpaced(points, max) keeps the first, the last and evenly spaced ranks between", () => {
    const points = Array.from({length: 100_000}, (_, i) => i);
    const drawn = evenlySpaced(points, 2000);
    expect(drawn.length).toBe(2000);
    expect(drawn.slice(0, 3)).toEqual([0, 50, 100]);
    expect(drawn.slice(-2)).toEqual([99_949, 99_999]);
    expect(evenlySpaced([0, 1, 2, 3, 4, 5, 6, 7, 8], 3)).toEqual([0, 4, 8]);
  });

  it("evenlySpaced(points, max) keeps every point of a curve with no more than max", () => {
    expect(evenlySpaced(["a", "b", "c"], 3)).toEqual(["a", "b", "c"]);
    expect(evenlySpaced([], 2000)).toEqual([]);
    expect(() => evenlySpaced([1, 2, 3], 1)).toThrow("invalid number of points: 1");
  });
});
