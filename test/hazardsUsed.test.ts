import {describe, expect, it} from "vitest";
import {hazardAt, hazardsUsed} from "tierwise";

describe("hazardsUsed()", () => {
  const attrition = {hazard: {Telecom: [0.2], Mining: [0.3, 0.1], "*": [0.5, 0.6, 0.25]}};
  const accounts = ["Retail", "Telecom", "Banking", "Retail", "Telecom", "Retail"].map((industry) => ({industry}));

  it("hazardsUsed() gives one row per path that applies, the industries' own paths first and '*' last", () => {
    expect(hazardsUsed(accounts, attrition, {horizon: 4})).toEqual([
      {key: "Telecom", industries: ["Telecom"], accounts: 2, hazard: [0.2, 0.2, 0.2, 0.2]},
      {key: "*", industries: ["Banking", "Retail"], accounts: 4, hazard: [0.5, 0.6, 0.25, 0.25]}
    ]);
  });

  it("hazardsUsed() spells out the hazards hazardAt gives, over the horizon", () => {
    for (const row of hazardsUsed(accounts, attrition, {horizon: 7})) {
      for (const industry of row.industries) {
        expect(row.hazard).toEqual(Array.from({length: 7}, (_, t) => hazardAt(attrition, industry, t + 1)));
      }
    }
    expect(hazardsUsed(accounts, attrition)[0]!.hazard).toHaveLength(10);
  });

  it("hazardsUsed() leaves out a '*' no industry falls back on, returns nothing for no accounts, and fails loudly", () => {
    expect(hazardsUsed([{industry: "Mining"}], attrition, {horizon: 2})).toEqual([
      {key: "Mining", industries: ["Mining"], accounts: 1, hazard: [0.3, 0.1]}
    ]);
    expect(hazardsUsed([], attrition)).toEqual([]);
    expect(() => hazardsUsed(accounts, {hazard: {Telecom: [0.2]}})).toThrow(
      'no hazard path for industry "Banking" and no "*" default'
    );
    expect(() => hazardsUsed(accounts, attrition, {horizon: 0})).toThrow("invalid horizon: 0");
  });
});
