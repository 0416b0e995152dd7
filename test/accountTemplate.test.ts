import {describe, expect, it} from "vitest";
import {accountFields, accountTemplateCsv, accountTemplateRows, ingestRows, parseDelimited} from "../lib/src/index.js";

describe("accountTemplateCsv()", () => {
  it("writes every account column in record order and two example rows", () => {
    const lines = accountTemplateCsv().trimEnd().split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe(
      "id,name,industry,region,foundedYear,firstYear,exitYear,annualWallet,walletGrowth,annualRevenue,grossMargin,health,strategicFit,salesHeads"
    );
    expect(lines[2]).toBe(
      "A-1002,Contoso Telecom,Telecom operators,East,2009,2019,2023,800000,,150000,0.28,0.35,2,0.5"
    );
  });

  it("loads as it is: both rows read back as the example accounts, none rejected", () => {
    const {header, rows, lines} = parseDelimited(accountTemplateCsv());
    const result = ingestRows(header, rows, {rowNumbers: lines, asOf: 2025});
    expect(result.rejected).toEqual([]);
    expect(result.accounts).toEqual(accountTemplateRows);
  });
});

describe("accountFields", () => {
  it("says what every column feeds, and what is lost without each optional one", () => {
    for (const field of accountFields) {
      expect(field.use.length, field.name).toBeGreaterThan(10);
      expect(field.ifMissing === undefined, field.name).toBe(field.required);
    }
  });
});
