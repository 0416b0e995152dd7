import {describe, expect, it} from "vitest";
import {tierMoves, type Tier, type TieredAccount} from "tierwise";
import {account} from "./fixtures/accounts.js";

// Only what the totals and the moves read: the account and its tier.
const tiered = (rows: [string, Tier, number, number, number][]) =>
  rows.map(
    ([id, tier, annualRevenue, grossMargin, salesHeads]) =>
      ({tier, account: account({id, annualRevenue, grossMargin, salesHeads})}) as TieredAccount
  );

describe("tierMoves()", () => {
  it("counts every pair of tiers from the reference to the other tiering, matched by id", () => {
    const reference = tiered([
      ["a", "S", 1, 0, 0],
      ["b", "A", 1, 0, 0],
      ["c", "A", 1, 0, 0],
      ["d", "C", 1, 0, 0]
    ]);
    const other = tiered([
      ["d", "B", 1, 0, 0],
      ["c", "A", 1, 0, 0],
      ["b", "S", 1, 0, 0],
      ["a", "S", 1, 0, 0],
      ["new", "S", 1, 0, 0]
    ]);
    const {moves, moved} = tierMoves(reference, other);
    expect(moves).toHaveLength(16);
    expect(moves.slice(0, 4).map((m) => `${m.from}${m.to}`)).toEqual(["SS", "SA", "SB", "SC"]);
    expect(moves.filter((m) => m.accounts > 0)).toEqual([
      {from: "S", to: "S", accounts: 1},
      {from: "A", to: "S", accounts: 1},
      {from: "A", to: "A", accounts: 1},
      {from: "C", to: "B", accounts: 1}
    ]);
    expect(moved).toBe(2);
  });

  it("matches the same account rows without reading their ids, and copies of them by id", () => {
    const reference = tiered([
      ["a", "S", 1, 0, 0],
      ["b", "B", 1, 0, 0],
      ["c", "C", 1, 0, 0]
    ]);
    // Rows whose id cannot be read: only the account itself can match them.
    const sealed = reference.map((d) => ({
      ...d,
      account: Object.defineProperty({...d.account}, "id", {
        get: () => {
          throw new Error("id read");
        }
      })
    }));
    const same = tierMoves(sealed, [
      {...sealed[0]!, tier: "A"},
      {...sealed[2]!, tier: "C"}
    ]);
    expect(same.moved).toBe(1);
    expect(same.moves.filter((m) => m.accounts > 0)).toEqual([
      {from: "S", to: "A", accounts: 1},
      {from: "C", to: "C", accounts: 1}
    ]);
    // A copy of account b (another object, same id) and one the reference lacks.
    const copies = tierMoves(
      reference,
      tiered([
        ["b", "S", 1, 0, 0],
        ["z", "A", 1, 0, 0]
      ])
    );
    expect(copies.moved).toBe(1);
    expect(copies.moves.filter((m) => m.accounts > 0)).toEqual([{from: "B", to: "S", accounts: 1}]);
  });
});
