import {describe, expect, it} from "vitest";
import {
  attritionData,
  attritionOrigin,
  estimateHazards,
  fitWeibull,
  generateSamplePortfolio,
  hazardPath
} from "tierwise";
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
        note: "no exit yet, so no hazard can be estimated"
      },
      {industry: "Y", accounts: 1, events: 1, hazard: null, note: "no active account"}
    ]);
  });
});

describe("estimateHazards() on a fit that cannot reach the active accounts' ages", () => {
  it("gives no path, and says why, rather than a path of NaN", () => {
    // Exits at ages 23 and 26; the fit's survival is 0 (to double precision) at ages 33 and 34.
    const accounts = [
      account({id: "a", foundedYear: 1990, firstYear: 2010, exitYear: 2012}),
      account({id: "b", foundedYear: 1991, firstYear: 2011, exitYear: 2015}),
      account({id: "c", foundedYear: 1992, firstYear: 2012}),
      account({id: "d", foundedYear: 1993, firstYear: 2013})
    ];
    expect(estimateHazards(accounts, {asOf: 2025})).toEqual([
      {
        industry: "Telecom",
        accounts: 4,
        events: 2,
        hazard: null,
        note: "the fitted survival reaches zero before the active accounts' ages"
      }
    ]);
  });
});

describe("estimateHazards() without founding years", () => {
  // Exits after 1, 2, 3 and 4 years with us, and active accounts first seen in 2020-2023.
  const accounts = [
    ...[1, 2, 3, 4].map((years, i) =>
      account({id: `x${i}`, foundedYear: null, firstYear: 2015 + i, exitYear: 2015 + i + years - 1})
    ),
    ...[2020, 2021, 2022, 2023].map((firstYear, i) => account({id: `y${i}`, foundedYear: null, firstYear}))
  ];

  it("measures age from the relationship's start by default, as attritionOrigin says", () => {
    expect(attritionOrigin(accounts)).toEqual({
      origin: "relationship",
      reason:
        "No account has a founding year, so ages are measured from the first year with us (relationship age), not from the firm's founding"
    });
    const [telecom] = estimateHazards(accounts, {asOf: 2025, horizon: 3});
    const data = attritionData(accounts, {asOf: 2025, origin: "relationship"});
    const ages = [2020, 2021, 2022, 2023].map((first) => 2025 - first + 1);
    expect(telecom).toEqual({
      industry: "Telecom",
      accounts: 8,
      events: 4,
      hazard: hazardPath(fitWeibull(data).survival, ages, {horizon: 3}),
      note: ""
    });
  });

  it("says so when the firm origin is asked for", () => {
    expect(estimateHazards(accounts, {asOf: 2025, origin: "firm"})).toEqual([
      {industry: "Telecom", accounts: 0, events: 0, hazard: null, note: "no account with a founding year"}
    ]);
  });

  it("keeps the firm origin when any account has a founding year", () => {
    expect(attritionOrigin([...accounts, account({id: "z"})])).toEqual({origin: "firm", reason: ""});
  });
});
