import {healthEffect} from "../scenario/healthEffect.js";
import {formatMoney, formatNumber, formatPercent, plural} from "../text/format.js";
import {reportCharts, type ReportCharts} from "./reportCharts.js";
import {reportTables, words, type ReportTable} from "./reportTables.js";
import type {ScenarioReport} from "./scenarioReport.js";
import {escapeMarkup as e} from "./svgText.js";

/** Where a report's inputs came from and what made it: the provenance every report states. */
export interface ReportProvenance {
  portfolio: {
    /** The file's name (never a path on the maker's machine), or the sample's. */
    name: string;
    /** True for the sample portfolio that ships with Tierwise. */
    sample: boolean;
    /** Data rows read from the file, loaded plus rejected. */
    rows: number;
    /** Rows rejected, with their reasons listed where the file was loaded. */
    rejectedRows: number;
    /** SHA-256 of the loaded accounts (see portfolioDigest). */
    sha256: string;
    /** The ISO 4217 code of its money, which the report names every amount in; default "USD". */
    currency?: string;
  };
  /** The scenario's source: a file name, or how it was set ("the Simulator's settings"). */
  scenarioSource: string;
  /** The model that computed it: "tierwise 0.1.0". */
  model: string;
  /** The day it was computed, YYYY-MM-DD. */
  date: string;
  /** Something the reader must know about how it was made (fewer futures for a huge book), said plainly. */
  note?: string;
}

const ratingText = {
  justified: "Justified",
  uncertain: "Uncertain",
  "not justified": "Not justified",
  empty: "No accounts"
} as const;
const number = (x: number, digits = 0) => formatNumber(x, {digits});
const tierColors: Record<string, string> = {S: "#0072B2", A: "#56B4E9", B: "#E69F00", C: "#999999"};

/** A table as HTML: every cell as text, numbers right-aligned, an account's id kept on one line. */
export function tableHtml(table: ReportTable, {columns = table.columns} = {}): string {
  const head = columns.map((c) => `<th>${e(c)}</th>`).join("");
  const body = table.rows
    .map(
      (row) =>
        `<tr>${columns
          .map((c) => {
            const value = row[c] ?? null;
            const f = table.format[c];
            const text = f ? f(value) : value == null ? "" : String(value);
            const kind = typeof value === "number" ? ' class="tw-number"' : c === "id" ? ' class="tw-nowrap"' : "";
            return `<td${kind}>${e(text)}</td>`;
          })
          .join("")}</tr>`
    )
    .join("");
  return `<div class="tw-table" data-table="${e(table.name)}"><table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>`;
}

const chartHtml = (charts: ReportCharts, name: keyof ReportCharts) =>
  `<div class="tw-chart" data-chart="${name}">${charts[name]}</div>`;

/**
 * The body of a published report, as HTML text: the same sections, numbers and words wherever a
 * report is made (a report page of the site, a file saved from the browser, the command line).
 * Every text that comes from a scenario or a file is escaped; tables carry `data-table` and charts
 * `data-chart` attributes, so a page can add its downloads beside them.
 *
 * @example
 * const body = reportBody(report, provenance); // "<h1>Shakeout: …</h1>…"
 */
export function reportBody(report: ScenarioReport, provenance: ReportProvenance): string {
  const {scenario, reference} = report;
  const {portfolio} = provenance;
  const currency = portfolio.currency ?? "USD";
  const usd = (x: number | undefined) => `<span class="tw-nowrap">${e(formatMoney(x, {currency}))}</span>`;
  const tables = reportTables(report, {currency});
  const charts = reportCharts(report, {currency});
  const refName = reference ? `“${e(reference.name)}”` : "";
  const loaded = portfolio.rows - portfolio.rejectedRows;
  const portfolioText = portfolio.sample
    ? `The sample portfolio that ships with Tierwise`
    : `The portfolio in ${e(portfolio.name)}`;
  const futuresText = `${number(report.trials)} simulated futures over ${e(plural(report.horizon, "year"))}, seed ${e(String(report.seed))}`;
  const noEquivalent = report.tiers.some((t) => t.verdict.equivalentSurvival === 0);
  const rules = scenario.tierRules;
  const rulesText = `${
    rules.cut.by === "rank"
      ? `the top ${rules.cut.topN} accounts by score are tier S, the next ${formatPercent(rules.cut.shareA)} of accounts A, the next ${formatPercent(rules.cut.shareB)} B, the rest C`
      : `scores of at least ${rules.cut.S} are tier S, ${rules.cut.A} A, ${rules.cut.B} B, lower C`
  }; the score weighs the percentiles of ${Object.entries(rules.weights)
    .filter(([, w]) => w > 0)
    .map(([c, w]) => `${words(c)} (${w})`)
    .join(", ")}`;
  const card = (t: ScenarioReport["tiers"][number]) => {
    const v = t.verdict;
    const parts = [
      `<h2>Tier ${t.tier}: ${number(t.accounts)} accounts, ${number(t.heads, 1)} sales heads</h2>`,
      `<p class="tw-rating">${ratingText[v.rating]}</p>`,
      `<p class="tw-sentence">${e(`${v.sentence} ${v.reason}`.trim())}</p>`
    ];
    if (t.accounts > 0)
      parts.push(
        `<p>Expected NPV ${usd(t.npv.mean)} (5–95%: ${usd(t.npv.p5)} to ${usd(t.npv.p95)}). Of ${usd(t.investment)} invested, ${usd(t.wastedBeforeFirstOrder)} (${e(formatPercent(t.wastedBeforeFirstOrder / t.investment))}) goes to customers that die before their first order. By year ${report.horizon}, a sales head on this tier brings in ${usd(t.perHead.revenue.at(-1))} a year.</p>`
      );
    if (t.accounts > 0 && t.reference && reference)
      parts.push(
        `<p class="muted">Under ${refName}: ${e(t.reference.verdict.sentence.toLowerCase().replace(/\.$/, ""))}, expected NPV ${usd(t.reference.npvMean)}. ${e(t.reference.verdict.reason)}</p>`
      );
    return `<div class="card tw-verdict tw-${v.rating.replace(" ", "-")}" style="border-top: 4px solid ${tierColors[t.tier]}">${parts.join("")}</div>`;
  };
  const maxProbabilityError = Math.max(...report.tiers.map((t) => t.probabilityStandardError));
  return [
    `<h1>${e(scenario.name)}: which tiers deserve years of relationship building?</h1>`,
    `<p class="tw-lede">${e(scenario.description)}</p>`,
    `<p class="muted tw-context">${portfolioText}: ${number(report.accounts)} active accounts, as of ${e(String(report.asOf))}. ${futuresText}${reference ? `, set against ${refName} on the same futures` : ""}. Computed on ${e(provenance.date)}.</p>`,
    ...(provenance.note ? [`<p class="tw-note"><strong>Note:</strong> ${e(provenance.note)}</p>`] : []),
    `<h2 id="the-answer">The answer</h2>`,
    `<div class="card tw-answer"><p><strong>Under “${e(scenario.name)}”:</strong> ${e(report.summary)}</p>${
      reference && report.referenceSummary
        ? `<p><strong>Under ${refName}</strong>, on the same futures: ${e(report.referenceSummary)}</p>`
        : ""
    }</div>`,
    `<div class="grid grid-cols-2">${report.tiers.map(card).join("")}</div>`,
    `<p class="muted">Justified: the tier's relationship building pays back (NPV over the horizon above zero) in at least 80% of simulated futures; uncertain: 50–80%; not justified: under 50%.</p>`,
    `<h2 id="results-by-tier">Results by tier</h2>`,
    `<div class="card"><h2>Outcomes over ${e(plural(report.horizon, "year"))}, discounted at ${e(formatPercent(scenario.discountRate))}</h2><h3>Means and percentiles across ${number(report.trials)} futures; the standard error is that of the mean</h3>${tableHtml(tables.byTier)}${
      noEquivalent
        ? `<p class="muted">—: the tier's simulated mean NPV is below what any constant annual survival gives; its card says what that means.</p>`
        : ""
    }</div>`,
    tables.againstReference
      ? `<div class="card"><h2>Against the reference, ${refName}</h2><h3>The same futures under both scenarios, so the difference is the scenarios', not simulation noise; the difference is this scenario's NPV less the reference's</h3>${tableHtml(tables.againstReference)}</div>`
      : "",
    `<h2 id="charts">Charts</h2>`,
    `<div class="card"><h2>NPV across simulated futures</h2><h3>Bars count futures; right of the line, the tier's relationship investment paid back over the horizon. Each tier has its own scale.</h3>${chartHtml(charts, "npv")}</div>`,
    `<div class="card"><h2>Surviving accounts</h2><h3>Share of each tier's accounts alive: median (line), 25–75% and 5–95% of futures (bands)${reference ? `; dashed, the median under ${refName}` : ""}</h3>${chartHtml(charts, "survivors")}</div>`,
    `<div class="card"><h2>Cumulative discounted cash</h2><h3>Years of investment first, then orders if the customer lives (${e(currency)} millions)${reference ? `; dashed, the median under ${refName}` : ""}</h3>${chartHtml(charts, "cumulativeCash")}</div>`,
    `<div class="card"><h2>Revenue per sales head (人效)</h2><h3>Expected revenue each year per head the policy assigns: the whales pay for their heads once the ramp is over</h3>${chartHtml(charts, "perHead")}</div>`,
    `<h2 id="the-scenario">The scenario</h2>`,
    `<div class="card"><h2>Money</h2><p>Horizon ${e(plural(report.horizon, "year"))}; discount rate ${e(formatPercent(scenario.discountRate))}; a sales head costs ${e(currency)} ${number(scenario.costPerHead)} a year; wallets without their own growth grow ${e(formatPercent(scenario.defaultWalletGrowth))} a year.</p><h2>Tiers</h2><p>${e(rulesText)}.</p><h2>Tier policies</h2>${tableHtml(tables.tierPolicies)}</div>`,
    `<div class="card"><h2>Attrition</h2><h3>Yearly hazard applied to the portfolio's industries: the probability that a customer alive at the start of the year exits during it</h3>${tableHtml(tables.hazards)}<p>Each customer's hazard is scaled by its health (a coefficient of ${e(healthEffect(scenario.attrition.healthCoefficient))}, on the complementary log-log scale), and each industry's by a shared yearly shock with volatility ${e(String(scenario.attrition.shockVolatility))}${reference ? ` (${e(String(reference.attrition.shockVolatility))} under ${refName})` : ""}, so firms die together in a bad year.</p></div>`,
    `<h2 id="method-in-brief">Method in brief</h2>`,
    `<p>Every active account is tiered by the rules above and gets its tier's policy: years of investment (sales heads and pre-sales) before the first order, then a share of its wallet that grows towards the ceiling, at its margin less the cost to serve. In each simulated future, every account draws the year its firm exits from its industry's hazards, scaled by its health and by the industry's shock of each year; an account that exits stops costing and stops paying. A tier's NPV is the sum of its accounts' discounted cash over the horizon. Break-even survival is the constant annual survival at which the tier's expected NPV is zero (closed form); the equivalent survival is the constant annual survival at which the same closed form gives the simulated mean NPV, so it sums up attrition that varies by year, industry and customer on the same scale.${reference ? " The reference scenario is simulated on the same futures (the same seed), so the differences are the scenarios' and not simulation noise." : ""} The full method, formulas and references are on the workbench's Method page.</p>`,
    `<h2 id="provenance">Provenance</h2>`,
    `<dl class="tw-provenance">`,
    `<dt>Portfolio</dt><dd>${e(portfolio.name)}${portfolio.sample ? " (the sample)" : ""}: ${number(portfolio.rows)} rows, ${number(loaded)} loaded and ${number(portfolio.rejectedRows)} rejected; ${number(report.accounts)} active accounts simulated</dd>`,
    `<dt>Content hash</dt><dd><code>${e(portfolio.sha256.slice(0, 12))}</code> (SHA-256 of the loaded accounts)</dd>`,
    `<dt>Currency</dt><dd>${e(currency)}: every amount, the scenario's costs included, is in it (never converted)</dd>`,
    `<dt>Scenario</dt><dd>${e(scenario.name)}, from ${e(provenance.scenarioSource)}${reference ? `; reference ${refName}` : ""}</dd>`,
    `<dt>Simulation</dt><dd>${number(report.trials)} futures, seed ${e(String(report.seed))}, ${e(plural(report.horizon, "year"))} from ${e(String(report.asOf))}</dd>`,
    `<dt>Model</dt><dd>${e(provenance.model)}</dd>`,
    `<dt>Computed</dt><dd>${e(provenance.date)}</dd>`,
    `</dl>`,
    `<h2 id="caveats">Caveats</h2>`,
    `<ul>`,
    portfolio.sample
      ? `<li>The portfolio is the invented sample that ships with Tierwise, not a real book.</li>`
      : `<li>The portfolio is as loaded from ${e(portfolio.name)}: ${number(portfolio.rejectedRows)} rejected ${portfolio.rejectedRows === 1 ? "row is" : "rows are"} left out of every number above.</li>`,
    `<li>The scenario is an assumption, not a forecast: the hazards, policies and margins above decide the answer. The workbench's Compare page shows which of them move it most.</li>`,
    ...(provenance.note ? [`<li>${e(provenance.note)}</li>`] : []),
    `<li>Monte Carlo error: with ${number(report.trials)} futures, the standard error of the whole portfolio's mean NPV is ${e(formatMoney(report.total.standardError, {currency}))} (each tier's is in the table), and that of each P(NPV &gt; 0) at most ${e(formatPercent(maxProbabilityError, {digits: 1}))}.</li>`,
    `<li>Policies are fixed for the horizon; competitors do not react; a customer that exits does not return; wallet growth is as recorded, without its own uncertainty.</li>`,
    `<li>Break-even and equivalent survival are constant-rate summaries of survival that varies by year, industry and customer; they explain the verdict, while P(NPV &gt; 0) decides it.</li>`,
    `</ul>`
  ].join("\n");
}

/**
 * The report's styles, shared by its page and its standalone file: colours come from the page's
 * theme where there is one (Framework's `--theme-*` variables), else from the fallbacks; print
 * fits A4 and Letter alike (the narrower of the two, with 15 mm margins).
 */
export const reportCss = `.tw-report { --tw-faint: var(--theme-foreground-faintest, #ddd); --tw-muted: var(--theme-foreground-muted, #666); }
.tw-report .tw-lede { font-size: 1.1rem; max-width: 60rem; }
.tw-report .tw-answer p { font-size: 1.05rem; margin: 0.35rem 0; max-width: none; }
.tw-report .tw-verdict p { margin: 0.35rem 0; max-width: none; }
.tw-report .tw-rating { font-weight: 700; font-size: 1.15rem; }
.tw-report .tw-justified .tw-rating { color: var(--theme-green, #1a7f37); }
.tw-report .tw-uncertain .tw-rating { color: var(--theme-yellow, #9a6700); }
.tw-report .tw-not-justified .tw-rating { color: var(--theme-red, #cf222e); }
.tw-report .tw-justified .tw-rating::before { content: "✓ "; }
.tw-report .tw-uncertain .tw-rating::before { content: "? "; }
.tw-report .tw-not-justified .tw-rating::before { content: "✗ "; }
.tw-report .tw-chart svg { width: 100%; height: auto; max-width: 960px; }
.tw-report .tw-nowrap { white-space: nowrap; }
.tw-report .tw-table { overflow-x: auto; }
.tw-report .tw-table table { border-collapse: collapse; font-size: 0.85rem; font-variant-numeric: tabular-nums; }
.tw-report .tw-table th, .tw-report .tw-table td { padding: 0.2rem 0.5rem; border-bottom: solid 1px var(--tw-faint); text-align: left; }
.tw-report .tw-table td.tw-number { text-align: right; white-space: nowrap; }
.tw-report .tw-provenance { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; }
.tw-report .tw-provenance dt { font-weight: 600; }
.tw-report .tw-provenance dd { margin: 0; }
@media print {
  @page { size: auto; margin: 15mm; }
  html { color-scheme: light; }
  .tw-report, .tw-report .card { color: black !important; background: white !important; }
  .tw-report .grid { grid-template-columns: 1fr 1fr !important; }
  .tw-report .card { break-inside: avoid; box-shadow: none; border: solid 1px #888; }
  .tw-report .tw-chart svg { max-width: 100%; }
  .tw-report h2, .tw-report h3 { break-after: avoid; }
  .tw-report .tw-rating { color: black !important; }
  .tw-report .tw-table { overflow: visible; }
  .tw-report .tw-table table { font-size: 0.7rem; }
  .tw-report .tw-table th, .tw-report .tw-table td { padding: 0.1rem 0.25rem; border-bottom-color: #bbb; }
}`;

// The few rules Framework's theme gives a page, for the file that has no theme: cards, the grid, type.
export const standaloneCss = `html { color-scheme: light; }
body { margin: 0 auto; max-width: 1000px; padding: 1.5rem 2rem 3rem; color: #1b1e23; background: #fff;
  font: 14px/1.5 -apple-system, BlinkMacSystemFont, "avenir next", avenir, helvetica, "helvetica neue", ubuntu, roboto, noto, "segoe ui", arial, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; }
h1 { font-size: 1.9rem; line-height: 1.15; margin: 1rem 0 0.5rem; }
h2 { font-size: 1.25rem; margin: 1.5rem 0 0.5rem; }
h3 { font-size: 0.95rem; font-weight: 400; color: #666; margin: 0 0 0.75rem; }
.card h2 { font-size: 1rem; margin: 0 0 0.25rem; }
.card h2 + p, .card p + h2 { margin-top: 0.5rem; }
.muted { color: #666; }
code { font-size: 0.9em; }
.card { border: solid 1px #ddd; border-radius: 0.75rem; padding: 1rem; margin: 1rem 0; background: #fff; }
.grid { display: grid; gap: 1rem; margin: 1rem 0; }
.grid > * { min-width: 0; }
.grid .card { margin: 0; }
.grid-cols-2 { grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); }
@media print { body { max-width: none; padding: 0; font-size: 10pt; } .card { padding: 0.5rem; margin: 0.5rem 0; } }`;

/**
 * A report as one self-contained HTML file: its body (see {@link reportBody}), inline SVG charts
 * and inline CSS, no script and nothing to fetch, printable on A4 and Letter. Pure string
 * building, so Node and a browser write the same bytes for the same report and provenance.
 *
 * @example
 * const html = renderReport(scenarioReport(accounts, shakeout, {reference: baseline}), provenance);
 */
export function renderReport(report: ScenarioReport, provenance: ReportProvenance): string {
  return standaloneHtml(`${report.scenario.name}: Tierwise report`, provenance.model, reportBody(report, provenance));
}

/** A report body as one self-contained file: the title, the generator, the inline CSS and no script. */
export function standaloneHtml(title: string, model: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${e(model)}">
<title>${e(title)}</title>
<style>
${standaloneCss}
${reportCss}
</style>
</head>
<body>
<main class="tw-report">
${body}
</main>
</body>
</html>
`;
}
