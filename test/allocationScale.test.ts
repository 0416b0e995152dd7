import {describe, expect, it} from "vitest";
import {
  allocateHeads,
  allocationScale,
  defaultScenario,
  frontierRows,
  maxAllocationPoints,
  randomStream
} from "tierwise";
import {steepestFirst} from "../lib/src/allocation/allocateHeads.js";
import {portfolio24} from "./fixtures/accounts.js";

describe("allocationScale()", () => {
  it("keeps quarter steps and 1,000 futures on a small book", () => {
    expect(allocationScale(1358)).toEqual({
      step: 0.25,
      smallestStep: 0.25,
      points: 1358 * 41,
      futures: [100, 200, 1000, 5000],
      trials: 1000,
      reason: "0.25 heads, the finest"
    });
  });

  it("grows the step with the book so that the points stay few, and says why", () => {
    const scale = allocationScale(100_000);
    expect(scale.step).toBe(0.5);
    expect(scale.points).toBe(2_100_000);
    expect(scale.smallestStep).toBe(0.25);
    expect(scale.futures).toEqual([100, 200, 1000]);
    expect(scale.trials).toBe(1000);
    expect(scale.reason).toBe(
      "0.5 heads, so that 100,000 accounts take 2,100,000 points (accounts × steps) and the first chart comes quickly"
    );
    expect(allocationScale(200_000).step).toBe(1);
  });

  it("on a million accounts: steps of 2 by default, nothing finer than 1, and 100 futures", () => {
    const scale = allocationScale(1_000_000);
    expect(scale).toMatchObject({step: 2, smallestStep: 1, points: 6_000_000, futures: [100], trials: 100});
    // The smallest step fits in the model's memory; the one below does not.
    expect(1_000_000 * 11).toBeLessThanOrEqual(maxAllocationPoints);
    expect(1_000_000 * 21).toBeGreaterThan(maxAllocationPoints);
  });

  it("follows the response's ceiling and refuses a bad count", () => {
    expect(allocationScale(100_000, {maxHeads: 4}).step).toBe(0.25);
    expect(() => allocationScale(-1)).toThrow(/^accounts: must be an integer of at least 0, got -1$/);
    expect(() => allocationScale(10, {maxHeads: 0})).toThrow(/^maxHeads: must be a number above 0, got 0$/);
  });
});

describe("allocateHeads() on a grid too fine for its book", () => {
  it("refuses a step whose points would not fit in memory, naming the smallest that works", () => {
    // 24 accounts of up to 200,000 heads: 19,200,024 points in quarter steps, 9,600,024 in halves.
    const perTier = Object.fromEntries(["S", "A", "B", "C"].map((t) => [t, {max: 200_000}]));
    expect(() => allocateHeads(portfolio24, defaultScenario, {heads: 10, step: 0.25, perTier, trials: 10})).toThrow(
      /^step: 24 accounts in steps of 0\.25 heads make 19,200,024 points, more than the 12,000,000 the model can hold: use a step of at least 0\.5$/
    );
  });

  it("keeps at most frontierRows rows of a long frontier, evenly spaced, and the last", () => {
    // 120,000 budgets in steps of 0.002: every second one is kept.
    const result = allocateHeads(portfolio24, defaultScenario, {heads: 240, step: 0.002, trials: 20, seed: 2});
    expect(frontierRows).toBe(100_000);
    expect(result.frontier.length).toBe(60_001);
    expect(result.frontier.slice(0, 3).map((row) => row.budget)).toEqual([0, 0.004, 0.008]);
    expect(result.frontier.at(-1)!.budget).toBe(240);
    // The banded rows are among those kept: at most 4,000 of them, and the last.
    const banded = result.frontier.filter((row) => row.p5 !== null);
    expect(banded.length).toBeLessThanOrEqual(4001);
    expect(banded.at(-1)).toBe(result.frontier.at(-1));
    expect(result.frontier.at(-1)!.expectedNpv).toBeCloseTo(result.total.expectedNpv, 3);
  });
});

describe("allocateHeads() queues without sorting every account", () => {
  it("lists the next heads and the accounts that lose heads in the order a full sort gives", () => {
    const result = allocateHeads(portfolio24, defaultScenario, {heads: 9.5, trials: 20, next: 5});
    const rows = result.allocation.map((row, i) => ({row, i}));
    const queue = rows
      .filter(({row}) => row.marginal !== null)
      .sort((a, b) => b.row.marginal! - a.row.marginal! || a.i - b.i)
      .slice(0, 5);
    expect(result.nextHeads.map((d) => d.id)).toEqual(queue.map(({row}) => row.id));
    expect(result.nextHeads.map((d) => d.marginal)).toEqual(queue.map(({row}) => row.marginal));
    const fewer = rows
      .filter(({row}) => row.heads < row.current - 1e-9)
      .sort((a, b) => b.row.current - b.row.heads - (a.row.current - a.row.heads) || a.i - b.i);
    expect(fewer.length).toBeGreaterThan(2);
    expect(result.fewerHeads.map((d) => d.id)).toEqual(fewer.map(({row}) => row.id));
  });
});

describe("steepestFirst()", () => {
  it("orders indices as a sort by value, largest first, equal values (and −0 with 0) in index order", () => {
    const values = Float64Array.from([0, -0, 3.5, -1e-300, 1e300, -2, 3.5, 0, -Infinity, Infinity, 1e-310, -1e-310]);
    const expected = Int32Array.from(values.keys()).sort((a, b) => values[b]! - values[a]! || a - b);
    expect([...steepestFirst(values)]).toEqual([...expected]);
    expect([...steepestFirst(values)]).toEqual([9, 4, 2, 6, 10, 0, 1, 7, 11, 3, 5, 8]);
  });

  it("agrees with the comparison sort on many random values with ties", () => {
    const random = randomStream(7, "steepest");
    const values = Float64Array.from({length: 20_000}, () => Math.round((random() - 0.5) * 400) / 7);
    const expected = Int32Array.from(values.keys()).sort((a, b) => values[b]! - values[a]! || a - b);
    expect([...steepestFirst(values)]).toEqual([...expected]);
  });
});
