import {describe, expect, it} from "vitest";
import {attritionData, estimateHazards, fitWeibull, generateSamplePortfolio, hazardPath} from "tierwise";
import {account} from "./fixtures/accounts.js";

describe("estimateHazards()", () => {
  const accounts = generateSamplePortfolio({accounts: 600, seed: 5});

  it("gives each industry its Weibull hazards at its active accounts' ages", () => {
    const estimates = estimateHazards(accounts, {asOf: 2025, horizon: 5});
    expect(estimates.map((e) => e.industry)).toEqual([...new Set(accounts.map((a) => a.industry))].sort());
    const retail = estimates.find((e) => e.industry === "Retail")!;
    const data = attritionData(
      accounts.filter((a) => a.industry === "Retail"),
      {asOf: 2025}
    );
    const ages = data.accounts.filter((a) => a.exitYear === null).map((a) => 2025 - a.foundedYear! + 1);
    expect(retail.hazard).toEqual(hazardPath(fitWeibull(data).survival, ages, {horizon: 5}));
    expect(retail.events).toBe(data.event.reduce((a, b) => a + b, 0));
    // The Internet shakeout is the steepest in the sample, the public sector the gentlest.
    const first = (name: string) => estimates.find((e) => e.industry === name)!.hazard![0]!;
    expect(first("Internet")).toBeGreaterThan(first("Retail"));
    expect(first("Public sector")).toBeLessThan(first("Retail"));
  });

  it("says why an industry has no estimate", () => {
    const estimates = estimateHazards(
      [account({id: "a", industry: "X", exitYear: null}), account({id: "b", industry: "Y", exitYear: 2020})],
      {asOf: 2025}
    );
    expect(estimates).toEqual([
      {
        industry: "X",
        accounts: 1,
        events: 0,
        hazard: null,
        note: "fitWeibull: no event, so the likelihood has no maximum (scale → ∞)"
      },
      {industry: "Y", accounts: 1, events: 1, hazard: null, note: "no active account"}
    ]);
  });
});
