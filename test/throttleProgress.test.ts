import {describe, expect, it} from "vitest";
import {throttleProgress} from "tierwise";

describe("throttleProgress()", () => {
  it("passes on the first report, then at most one per interval, and always completion", () => {
    let time = 0;
    const sent: number[] = [];
    const progress = throttleProgress((done) => sent.push(done), {interval: 50, now: () => time});
    for (const [at, done] of [
      [0, 0],
      [10, 0.1],
      [49, 0.2],
      [50, 0.3],
      [60, 0.4],
      [99, 0.5],
      [100, 0.6],
      [101, 1]
    ] as const) {
      time = at;
      progress(done);
    }
    expect(sent).toEqual([0, 0.3, 0.6, 1]);
  });
});
