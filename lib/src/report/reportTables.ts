import {formatMoney, formatNumber, formatPercent} from "../text/format.js";
import {tiers} from "../tiering/tiers.js";
import type {HazardsUsed} from "../scenario/hazardsUsed.js";
import type {ScenarioReport} from "./scenarioReport.js";

/** A cell of a report table: a number keeps every digit (for CSV), a string is shown as is. */
export type ReportCell = number | string | null;

/** One table of a report: its rows as values, and how each column is shown. */
export interface ReportTable {
  /** Names the table's CSV download: `report-${name}.csv`. */
  name: string;
  columns: string[];
  rows: Record<string, ReportCell>[];
  /** The text each cell shows, column by column; a column without one shows its value as text. */
  format: Record<string, (value: ReportCell) => string>;
}

/** The tables of a report, keyed by what they hold. */
export interface ReportTables {
  byTier: ReportTable;
  /** Null without a reference scenario. */
  againstReference: ReportTable | null;
  tierPolicies: ReportTable;
  hazards: ReportTable;
}

const num = (x: ReportCell) => (typeof x === "number" ? x : NaN);
const share = (x: ReportCell) => formatPercent(num(x), {digits: 1});
const percent = (x: ReportCell) => (typeof x === "number" ? formatPercent(x) : String(x ?? ""));
const count = (x: ReportCell) => formatNumber(num(x));

/** A code name in words, for a label: "strategicFit" → "strategic fit". */
export function words(name: string): string {
  return name.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
}

/**
 * The tables a published report shows, built once for every way a report is made (the site's
 * report pages, the standalone HTML file, the command line): results by tier, the comparison with
 * the reference, the tier policies and the hazards. Rows carry the model's numbers to the last
 * digit; `format` gives the text each cell shows, so a page and a file show the same words and
 * round the same way.
 *
 * @example
 * const {byTier} = reportTables(report);
 * byTier.format["mean NPV"](byTier.rows[0]["mean NPV"]); // "$12.3M"
 */
export function reportTables(report: ScenarioReport, {currency = "USD"}: {currency?: string} = {}): ReportTables {
  const {scenario, reference} = report;
  const money = (x: ReportCell) => formatMoney(num(x), {currency});
  const dollars = (x: ReportCell) => `${currency} ${formatNumber(num(x))}`;
  const all = [...report.tiers, report.total];
  const byTierRows = all.map((t) => ({
    tier: t.tier,
    accounts: t.accounts,
    "sales heads": t.heads,
    "mean NPV": t.npv.mean,
    "standard error": t.standardError,
    "NPV p5": t.npv.p5,
    "NPV p95": t.npv.p95,
    "P(NPV > 0)": t.probabilityPositive,
    "P(payback)": t.probabilityPayback,
    investment: t.investment,
    "wasted before first order": t.wastedBeforeFirstOrder,
    "wasted before payback": t.wastedBeforePayback,
    "revenue per head, last year": t.perHead.revenue.at(-1) ?? null,
    "break-even survival": t.breakEvenSurvival,
    "equivalent survival": t.verdict.equivalentSurvival,
    ...(t.reference
      ? {
          "reference mean NPV": t.reference.npvMean,
          difference: t.reference.difference.mean,
          "P(better than reference)": t.reference.difference.probabilityGreater
        }
      : {})
  }));
  const byTier: ReportTable = {
    name: "by-tier",
    columns: [
      "tier",
      "accounts",
      "sales heads",
      "mean NPV",
      "standard error",
      "NPV p5",
      "NPV p95",
      "P(NPV > 0)",
      "investment",
      "wasted before first order",
      "revenue per head, last year",
      "break-even survival",
      "equivalent survival"
    ],
    rows: byTierRows,
    format: {
      accounts: count,
      "sales heads": (x) => formatNumber(num(x), {digits: 1}),
      "mean NPV": money,
      "standard error": money,
      "NPV p5": money,
      "NPV p95": money,
      "P(NPV > 0)": share,
      "P(payback)": share,
      investment: money,
      "wasted before first order": money,
      "revenue per head, last year": money,
      "break-even survival": (x) => (x == null ? "never" : percent(x)),
      // A mean NPV below what any constant survival gives has no equivalent survival to show (the
      // tier's card says why); the CSV keeps the model's 0.
      "equivalent survival": (x) => (x === 0 ? "—" : x == null ? "" : percent(x))
    }
  };
  const againstReference: ReportTable | null = reference
    ? {
        name: "against-reference",
        columns: [
          "tier",
          "mean NPV",
          "mean NPV, reference",
          "difference",
          "standard error",
          "difference p5",
          "difference p95",
          "P(NPV > 0)",
          "P(NPV > 0), reference",
          "P(better than reference)"
        ],
        rows: all.map((t) => ({
          tier: t.tier,
          "mean NPV": t.npv.mean,
          "mean NPV, reference": t.reference!.npvMean,
          difference: t.reference!.difference.mean,
          "standard error": t.reference!.difference.standardError,
          "difference p5": t.reference!.difference.p5,
          "difference p95": t.reference!.difference.p95,
          "P(NPV > 0)": t.probabilityPositive,
          "P(NPV > 0), reference": t.reference!.probabilityPositive,
          "P(better than reference)": t.reference!.difference.probabilityGreater
        })),
        format: {
          "mean NPV": money,
          "mean NPV, reference": money,
          difference: money,
          "standard error": money,
          "difference p5": money,
          "difference p95": money,
          "P(NPV > 0)": share,
          "P(NPV > 0), reference": share,
          "P(better than reference)": share
        }
      }
    : null;
  const policyRows = tiers.map((tier) => {
    const p = scenario.tiers[tier];
    return {
      tier,
      "ramp years": p.rampYears,
      "heads per account": p.headsPerAccount,
      "pre-sales per ramp year": p.presalesCost,
      "first share of wallet": p.firstShare === "current" ? "today's" : formatPercent(p.firstShare),
      "share ceiling": formatPercent(p.shareCeiling),
      "share growth": formatPercent(p.shareGrowth),
      "gross margin": p.grossMargin === "account" ? "each account's" : formatPercent(p.grossMargin),
      "cost per order": p.costToServe.costPerOrder,
      "orders a year": p.costToServe.ordersPerYear,
      "variable cost to serve": formatPercent(p.costToServe.variableShare)
    };
  });
  const tierPolicies: ReportTable = {
    name: "tier-policies",
    columns: Object.keys(policyRows[0]!),
    rows: policyRows,
    format: {
      "ramp years": (x) => formatNumber(num(x), {digits: 2}),
      "heads per account": (x) => formatNumber(num(x), {digits: 3}),
      "pre-sales per ramp year": dollars,
      "cost per order": dollars,
      "orders a year": (x) => formatNumber(num(x), {digits: 2})
    }
  };
  const hazards = hazardsTable(
    [
      {scenario: scenario.name, hazards: report.hazards},
      ...(reference ? [{scenario: reference.name, hazards: report.referenceHazards ?? []}] : [])
    ],
    report
  );
  return {byTier, againstReference, tierPolicies, hazards};
}

/**
 * The yearly hazards each scenario applied, one row per group of industries that share them; a
 * group that covers every account is named "every industry (N)".
 */
export function hazardsTable(
  sets: {scenario: string; hazards: readonly HazardsUsed[]}[],
  {accounts, horizon}: {accounts: number; horizon: number}
): ReportTable {
  const years = Array.from({length: horizon}, (_, t) => `year ${t + 1}`);
  const rows = sets
    .flatMap(({scenario, hazards}) => hazards.map((h) => ({scenario, ...h})))
    .map(({scenario, key, industries, accounts: n, hazard}) => ({
      scenario,
      "applies to": key === "*" && n === accounts ? `every industry (${industries.length})` : industries.join(", "),
      accounts: n,
      ...Object.fromEntries(years.map((year, t) => [year, hazard[t] ?? null]))
    }));
  return {
    name: "hazards",
    columns: ["scenario", "applies to", "accounts", ...years],
    rows,
    format: {accounts: count, ...Object.fromEntries(years.map((y) => [y, percent]))}
  };
}
