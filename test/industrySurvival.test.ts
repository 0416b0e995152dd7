import {describe, expect, it} from "vitest";
import {attritionData, fitWeibull, industrySurvival, kaplanMeier} from "tierwise";
import {account} from "./fixtures/accounts.js";

describe("industrySurvival()", () => {
  // Telecom: four firms founded in 2000, two exits; Banking: one active firm; Retail: no founding year.
  const accounts = [
    account({id: "t1", industry: "Telecom", foundedYear: 2000, firstYear: 2010, exitYear: 2012}),
    account({id: "b1", industry: "Banking", foundedYear: 2005, firstYear: 2015}),
    account({id: "t2", industry: "Telecom", foundedYear: 2000, firstYear: 2010, exitYear: 2016}),
    account({id: "r1", industry: "Retail", foundedYear: null, firstYear: 2012}),
    account({id: "t3", industry: "Telecom", foundedYear: 2000, firstYear: 2011}),
    account({id: "t4", industry: "Telecom", foundedYear: 2000, firstYear: 2012})
  ];

  it("lists industries by name with their data, Kaplan-Meier estimate and Weibull fit, as each function gives them", () => {
    const rows = industrySurvival(accounts, {asOf: 2020, minAccounts: 4, minEvents: 2});
    expect(rows.map((d) => [d.industry, d.accounts, d.skipped, d.events, d.reliable])).toEqual([
      ["Banking", 1, 0, 0, false],
      ["Retail", 0, 1, 0, false],
      ["Telecom", 4, 0, 2, true]
    ]);
    const telecom = rows[2]!;
    const data = attritionData(
      accounts.filter((a) => a.industry === "Telecom"),
      {asOf: 2020}
    );
    expect(telecom.data).toEqual(data);
    expect(telecom.km).toEqual(kaplanMeier(data));
    expect((telecom.weibull as ReturnType<typeof fitWeibull>).shape).toBe(fitWeibull(data).shape);
    // No exit: no fit, with the reason; no founding year under firm age: no data at all.
    expect(rows[0]!.weibull).toEqual({error: "no exit yet, so no Weibull fit"});
    expect(rows[1]).toMatchObject({data: null, km: null, weibull: null});
  });

  it("counts every account on the relationship origin, and wants 30 accounts and 10 exits by default", () => {
    const rows = industrySurvival(accounts, {asOf: 2020, origin: "relationship"});
    expect(rows.map((d) => [d.industry, d.accounts, d.skipped])).toEqual([
      ["Banking", 1, 0],
      ["Retail", 1, 0],
      ["Telecom", 4, 0]
    ]);
    expect(rows.some((d) => d.reliable)).toBe(false);
  });
});
