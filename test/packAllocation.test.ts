import {describe, expect, it} from "vitest";
import {
  allocateHeads,
  defaultScenario,
  packAllocation,
  unpackAllocation,
  type FirstAllocation,
  type HeadsAllocation
} from "tierwise";
import {portfolio24} from "./fixtures/accounts.js";

// The allocation is over the active accounts, in order.
const active = portfolio24.filter((a) => a.exitYear === null);

function allocate(): {result: HeadsAllocation; first: FirstAllocation} {
  let first: FirstAllocation | null = null;
  const result = allocateHeads(portfolio24, defaultScenario, {
    heads: 8,
    step: 0.5,
    trials: 50,
    seed: 3,
    onFrontier: (f) => (first = f)
  });
  return {result, first: first!};
}

describe("packAllocation", () => {
  it("packAllocation() and unpackAllocation() give back the rows and the accounts that lose heads, whole and first", () => {
    const {result, first} = allocate();
    expect(result.fewerHeads.length).toBeGreaterThan(1);
    for (const allocation of [result, first]) {
      const {packed, transfer} = packAllocation(allocation);
      expect(transfer).toHaveLength(6);
      expect(packed.columns.heads).toEqual(Float64Array.from(allocation.allocation, (d) => d.heads));
      // It posts as it is: no function, and its buffers can move.
      const posted = structuredClone(packed, {transfer});
      expect(packed.columns.heads.length).toBe(0);
      const back = unpackAllocation(posted, active);
      expect(back.accountCount).toBe(active.length);
      expect(back.fewerCount).toBe(allocation.fewerHeads.length);
      expect(back.fewerTop(2)).toEqual(allocation.fewerHeads.slice(0, 2));
      expect(back.allocation).toEqual(allocation.allocation);
      expect(back.fewerHeads).toEqual(allocation.fewerHeads);
      expect(back.total).toEqual(allocation.total);
      expect(back.frontier).toEqual(allocation.frontier);
      expect(back.packed).toBe(posted);
    }
  });

  it("unpackAllocation() refuses accounts that are not the allocation's", () => {
    const {packed} = packAllocation(allocate().result);
    expect(() => unpackAllocation(packed, active.slice(1))).toThrow(
      `unpackAllocation: the allocation has ${active.length} accounts, but ${active.length - 1} are given`
    );
  });
});
