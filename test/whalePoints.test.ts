import type {Account, WhaleCurve} from "tierwise";
import {describe, expect, it} from "vitest";
import {whalePoints} from "../src/components/whalePoints.js";

// Five accounts ranked by profit; only the fields the points read are set.
const accounts = ["Orange", "Vodafone", "BT", "Telia", "Swisscom"].map((name, i) => ({id: `A${i}`, name}) as Account);
const values = [50, 30, 10, 5, 5];
const curve: WhaleCurve = {
  points: accounts.map((account, i) => ({
    account,
    rank: i + 1,
    value: values[i]!,
    accountShare: (i + 1) / 5,
    profitShare: values.slice(0, i + 1).reduce((a, b) => a + b, 0) / 100
  })),
  total: 100,
  peak: {profitShare: 1, accountShare: 0.8, rank: 4}
};

describe("whalePoints()", () => {
  it("whalePoints(curve, tiered) gives each point its account's tier, found by account", () => {
    // In another order than the curve, as tiers rank by score, not profit.
    const tiered = [
      {account: accounts[4]!, tier: "B"},
      {account: accounts[1]!, tier: "A"},
      {account: accounts[0]!, tier: "S"},
      {account: accounts[3]!, tier: "C"},
      {account: accounts[2]!, tier: "A"}
    ];
    expect(whalePoints(curve, tiered).map((p) => `${p.name} ${p.tier} ${p.share} ${p.cumulative} ${p.profit}`)).toEqual(
      ["Orange S 0.2 0.5 50", "Vodafone A 0.4 0.8 30", "BT A 0.6 0.9 10", "Telia C 0.8 0.95 5", "Swisscom B 1 1 5"]
    );
  });

  it("whalePoints(curve, tiered, {maxTips}) keeps that many evenly spaced by rank; an account not tiered reads C", () => {
    const tiered = [
      {account: accounts[0]!, tier: "S"},
      {account: accounts[1]!, tier: "S"},
      {account: accounts[2]!, tier: "B"}
    ];
    expect(whalePoints(curve, tiered, {maxTips: 3}).map((p) => `${p.name} ${p.tier}`)).toEqual([
      "Orange S",
      "BT B",
      "Swisscom C"
    ]);
  });
});
