import {formatMoney, formatNumber, formatPercent} from "../text/format.js";
import {tiers} from "../tiering/tiers.js";
import type {AllocationReport} from "./allocationReport.js";
import {hazardsTable, type ReportCell, type ReportTable} from "./reportTables.js";

/** The tables of an allocation report, keyed by what they hold. */
export interface AllocationTables {
  /** Today, the allocation and the two simple rules: heads, NPV and its spread, 人效. */
  answer: ReportTable;
  /** Per tier, today against the allocation. */
  byTier: ReportTable;
  /** Reallocation and sizing. */
  leftOnTable: ReportTable;
  /** The accounts where the next step of heads earns most (the next-head queue). */
  nextHeads: ReportTable;
  /** The accounts that give up most heads against today, at most 20. */
  fewerHeads: ReportTable;
  hazards: ReportTable;
}

const num = (x: ReportCell) => (typeof x === "number" ? x : NaN);
const share = (x: ReportCell) => (x == null ? "–" : formatPercent(num(x), {digits: 1}));
const percent = (x: ReportCell) => formatPercent(num(x));
const count = (x: ReportCell) => formatNumber(num(x));
/** Heads to two decimals at most, as the Allocate page shows them: "776", "776.25". */
export const headsText = (x: ReportCell): string => (x == null ? "–" : formatNumber(num(x), {digits: 2}));

/**
 * The tables an allocation report shows, built once for the Allocate page's file and the command
 * line's: rows carry the model's numbers to the last digit, `format` the text each cell shows, as
 * {@link reportTables} does for a scenario report.
 *
 * @example
 * const {answer} = allocationTables(allocationReport(accounts, baseline, {heads: 800}));
 * answer.rows.map((r) => r.allocation); // ["Today", "Optimum", "Equal heads per tier", "Heads in proportion to revenue"]
 */
export function allocationTables(
  report: AllocationReport,
  {currency = "USD"}: {currency?: string} = {}
): AllocationTables {
  const money = (x: ReportCell) => formatMoney(num(x), {currency});
  const a = report.allocation;
  const allocated = a.risk ? "Risk-averse allocation" : "Optimum";
  const totals = [
    ["Today", a.baselines.current],
    [allocated, a.total],
    ["Equal heads per tier", a.baselines.equalPerTier],
    ["Heads in proportion to revenue", a.baselines.proportionalToRevenue]
  ] as const;
  const answer: ReportTable = {
    name: "allocation",
    columns: ["allocation", "heads", "expected NPV", "NPV p5", "NPV p95", "P(NPV > 0)", "revenue per head-year"],
    rows: totals.map(([name, t]) => ({
      allocation: name,
      heads: t.heads,
      "expected NPV": t.expectedNpv,
      "NPV p5": t.p5,
      "NPV p95": t.p95,
      "P(NPV > 0)": t.probabilityPositive,
      "revenue per head-year": t.revenuePerHead
    })),
    format: {
      heads: headsText,
      "expected NPV": money,
      "NPV p5": money,
      "NPV p95": money,
      "P(NPV > 0)": share,
      "revenue per head-year": money
    }
  };
  const byTier: ReportTable = {
    name: "heads-by-tier",
    columns: [
      "tier",
      "allocation",
      "accounts",
      "heads",
      "heads per account",
      "expected NPV",
      "revenue per head-year",
      "P(NPV > 0)"
    ],
    // Two rows per tier, today's and the allocation's, so each figure has one column.
    rows: tiers.flatMap((tier) => {
      const t = a.tiers[tier];
      const row = (name: string, heads: number, npv: number, figures: typeof t.today) => ({
        tier,
        allocation: name,
        accounts: t.accounts,
        heads,
        "heads per account": t.accounts > 0 ? heads / t.accounts : null,
        "expected NPV": npv,
        "revenue per head-year": figures.revenuePerHead,
        "P(NPV > 0)": t.accounts > 0 ? figures.probabilityPositive : null
      });
      return [row("Today", t.currentHeads, t.currentNpv, t.today), row(allocated, t.heads, t.expectedNpv, t.allocated)];
    }),
    format: {
      accounts: count,
      heads: headsText,
      "heads per account": headsText,
      "expected NPV": money,
      "revenue per head-year": money,
      "P(NPV > 0)": share
    }
  };
  const {reallocation, sizing, bestHeads, exact} = a.leftOnTable;
  const left = reallocation + sizing;
  const leftOnTable: ReportTable = {
    name: "left-on-table",
    columns: ["part", "heads", "expected NPV gained", "share"],
    rows: [
      {
        part: `Reallocation: today's heads moved between accounts${exact ? "" : " (at least)"}`,
        heads: a.baselines.current.heads,
        "expected NPV gained": reallocation,
        share: left > 0 ? reallocation / left : null
      },
      {
        part: "Sizing: the total that earns most",
        heads: bestHeads,
        "expected NPV gained": sizing,
        share: left > 0 ? sizing / left : null
      },
      {part: "Value left on the table", heads: null, "expected NPV gained": left, share: left > 0 ? 1 : null}
    ],
    format: {heads: headsText, "expected NPV gained": money, share}
  };
  const next = `next ${formatNumber(a.step, {digits: 2})} head`;
  const nextHeads: ReportTable = {
    name: "next-heads",
    columns: [
      "rank",
      "account",
      "id",
      "tier",
      "heads",
      next,
      "wallet",
      "share today",
      "alive at horizon",
      "ramp years"
    ],
    rows: a.nextHeads.map((d, k) => ({
      rank: k + 1,
      account: d.name,
      id: d.id,
      tier: d.tier,
      heads: d.heads,
      [next]: d.marginal,
      wallet: d.annualWallet,
      "share today": d.share,
      "alive at horizon": d.survival,
      "ramp years": d.rampYears
    })),
    format: {
      rank: count,
      heads: headsText,
      [next]: money,
      wallet: money,
      "share today": percent,
      "alive at horizon": percent,
      "ramp years": (x) => formatNumber(num(x), {digits: 1, minDigits: 1})
    }
  };
  const fewerHeads: ReportTable = {
    name: "fewer-heads",
    columns: ["account", "id", "tier", "heads today", "allocated", "NPV change"],
    rows: a.fewerHeads.slice(0, 20).map((d) => ({
      account: d.name,
      id: d.id,
      tier: d.tier,
      "heads today": d.current,
      allocated: d.heads,
      "NPV change": d.change
    })),
    format: {"heads today": headsText, allocated: headsText, "NPV change": money}
  };
  const hazards = hazardsTable([{scenario: report.scenario.name, hazards: report.hazards}], report);
  return {answer, byTier, leftOnTable, nextHeads, fewerHeads, hazards};
}
