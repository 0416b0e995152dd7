// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {PortfolioBadge, type Portfolio} from "../src/components/portfolio.js";

const source = {
  kind: "sample" as const,
  name: "Sample portfolio",
  rows: 4,
  rejectedRows: 0,
  savedAt: null,
  currency: "USD"
};
const account = (id: string, exitYear: number | null) => ({id, exitYear}) as unknown as Portfolio["accounts"][number];

describe("PortfolioBadge()", () => {
  it("names the segment in use, its size against the portfolio's, as text, with a link to clear it", () => {
    const badge = PortfolioBadge({
      accounts: [account("A", null), account("B", 2020)],
      source,
      segment: {name: "<b>APAC</b>", accounts: 2, of: 4}
    });
    expect(badge.textContent).toBe(
      "Portfolio: Sample portfolio: 4 invented accounts. Load your ownSegment: <b>APAC</b> (2 of 4 accounts, 1 active): every figure is the segment's own, tiers ranked and attrition estimated among its accounts. Clear segment"
    );
    expect(badge.querySelector("b")).toBeNull();
    expect(badge.querySelector("a.tw-clear-segment")?.textContent).toBe("Clear segment");
  });

  it("says a segment made on another portfolio is not applied, and reports damaged segments", () => {
    const badge = PortfolioBadge({
      accounts: [account("A", null)],
      source,
      segmentNotApplied: {name: "APAC", reason: "it was made on another portfolio (book.csv, 5 accounts)"},
      segmentProblems: ["Saved segment 2 was left out: it is not a record (7)."]
    });
    expect(badge.querySelector(".tw-segment-not-applied")?.textContent).toBe(
      "Segment “APAC” is not applied: it was made on another portfolio (book.csv, 5 accounts). Clear segment"
    );
    expect(badge.querySelector("[role=alert]")?.textContent).toBe(
      "Saved segment 2 was left out: it is not a record (7)."
    );
  });

  it("is the portfolio's line alone when no segment is in use", () => {
    expect(PortfolioBadge({accounts: [account("A", null)], source}).textContent).toBe(
      "Portfolio: Sample portfolio: 1 invented accounts, 1 active. Load your own"
    );
  });

  it("names an upload's currency, which every amount shown is in", () => {
    const upload = {...source, kind: "upload" as const, name: "book.csv", rows: 3, savedAt: "2025-01-02T00:00:00Z"};
    expect(
      PortfolioBadge({accounts: [account("A", null), account("B", 2020)], source: {...upload, currency: "CNY"}})
        .textContent
    ).toBe("Portfolio: book.csv: 2 of 3 rows loaded, 1 active accounts. Amounts in CNY. Change");
  });
});
