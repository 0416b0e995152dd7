import {describe, expect, it} from "vitest";
import {firstFutures} from "../src/components/firstFutures.js";

describe("firstFutures()", () => {
  it("firstFutures() gives 200 futures on a 100,000-row book (66,000 active accounts), alone or two scenarios on two workers", () => {
    expect(firstFutures({accounts: 66_000, trials: 1000, workers: 2})).toBe(200);
    expect(firstFutures({accounts: 66_000, trials: 1000, scenarios: 2, workers: 2})).toBe(200);
    // Two scenarios on one worker: 3 blocks keep it within 25 million account-futures (19.8 million).
    expect(firstFutures({accounts: 66_000, trials: 1000, scenarios: 2, workers: 1})).toBe(150);
  });

  it("firstFutures() on a 1,000,000-row book gives each worker one block: 100 futures for one scenario, 50 for two", () => {
    expect(firstFutures({accounts: 660_000, trials: 1000, workers: 2})).toBe(100);
    expect(firstFutures({accounts: 660_000, trials: 1000, workers: 1})).toBe(50);
    expect(firstFutures({accounts: 660_000, trials: 5000, scenarios: 2, workers: 2})).toBe(50);
    // Three scenarios on two workers: one worker has two; still one block, the least a first result has.
    expect(firstFutures({accounts: 660_000, trials: 1000, scenarios: 3, workers: 2})).toBe(50);
    expect(firstFutures({accounts: 200_000, trials: 1000, workers: 4})).toBe(200);
    // A batch never splits a scenario: more workers than scenarios leave the first result at one block.
    expect(firstFutures({accounts: 660_000, trials: 1000, scenarios: 2, workers: 4})).toBe(50);
  });

  it("firstFutures() is null for a small run and when the full run is no longer than the first result", () => {
    // 1,300 accounts × 1,000 futures × 2 is 2.6 million account-futures, within the 5 million threshold.
    expect(firstFutures({accounts: 1300, trials: 1000, scenarios: 2, workers: 2})).toBeNull();
    expect(firstFutures({accounts: 66_000, trials: 200, workers: 2})).toBeNull();
    expect(firstFutures({accounts: 660_000, trials: 100, workers: 2})).toBeNull();
    expect(firstFutures({accounts: 660_000, trials: 200, workers: 2})).toBe(100);
  });

  it("firstFutures() follows its options: a lowered threshold and budget, and fewer most futures", () => {
    expect(firstFutures({accounts: 860, trials: 1000, scenarios: 2, workers: 2, threshold: 0, budget: 1})).toBe(50);
    expect(firstFutures({accounts: 860, trials: 1000, scenarios: 2, workers: 2, threshold: 0})).toBe(200);
    expect(firstFutures({accounts: 66_000, trials: 1000, workers: 2, first: 120})).toBe(100);
  });
});
