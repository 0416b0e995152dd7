import {tiers, type Tier} from "../tiering/tiers.js";
import {formatMoney, formatNumber, formatPercent, plural} from "../text/format.js";
import type {AllocationReport} from "./allocationReport.js";
import {allocationTables, headsText} from "./allocationTables.js";
import {frontierChart} from "./frontierChart.js";
import {standaloneHtml, tableHtml, type ReportProvenance} from "./renderReport.js";
import {escapeMarkup as e} from "./svgText.js";

const number = (x: number, digits = 0) => formatNumber(x, {digits});
const heads = (x: number) => e(headsText(x));

/**
 * The body of an allocation report, as HTML text: the answer (heads by tier today against the
 * allocation, expected NPV and its 5–95% range, P(NPV > 0), revenue per head-year), the frontier
 * with today's point, the value left on the table, the next-head queue, how close to the optimum
 * and by which method, the hazards, and the provenance every report states. Every text from a
 * scenario or a file is escaped; tables carry `data-table`, the chart `data-chart`.
 *
 * @example
 * const body = allocationReportBody(allocationReport(accounts, baseline, {heads: 800}), provenance);
 */
export function allocationReportBody(report: AllocationReport, provenance: ReportProvenance): string {
  const a = report.allocation;
  const {scenario} = report;
  const {portfolio} = provenance;
  const currency = portfolio.currency ?? "USD";
  const usd = (x: number | null | undefined) => `<span class="tw-nowrap">${e(formatMoney(x, {currency}))}</span>`;
  const tables = allocationTables(report, {currency});
  const current = a.baselines.current;
  const {reallocation, sizing, bestHeads, bestExpectedNpv, exact} = a.leftOnTable;
  const left = reallocation + sizing;
  const allocatedName = a.risk ? "risk-averse allocation" : "optimum";
  const unused = report.heads - a.total.heads;
  const loaded = portfolio.rows - portfolio.rejectedRows;
  const portfolioText = portfolio.sample
    ? `The sample portfolio that ships with Tierwise`
    : `The portfolio in ${e(portfolio.name)}`;
  // One range when every tier has the same bounds, else each tier's.
  const range = (t: Tier) => `${e(String(a.bounds[t].min))}–${e(String(a.bounds[t].max))}`;
  const boundsText = tiers.every((t) => range(t) === range("S"))
    ? `every account between ${range("S")} heads`
    : `heads per account ${tiers.map((t) => `${t} ${range(t)}`).join(", ")}`;
  const objectiveText = a.risk
    ? `risk-averse: expected NPV less ${e(String(a.risk.weight))} × the shortfall of the worst ${e(formatPercent(a.risk.alpha))} of futures`
    : "expected NPV";
  const chart = frontierChart(
    a.frontier,
    [
      {name: "Today", heads: current.heads, expectedNpv: current.expectedNpv},
      {name: "Best use of today's heads", heads: current.heads, expectedNpv: current.expectedNpv + reallocation},
      {
        name: "Equal heads per tier",
        heads: a.baselines.equalPerTier.heads,
        expectedNpv: a.baselines.equalPerTier.expectedNpv
      },
      {
        name: "Heads in proportion to revenue",
        heads: a.baselines.proportionalToRevenue.heads,
        expectedNpv: a.baselines.proportionalToRevenue.expectedNpv
      },
      {name: "The total that earns most", heads: bestHeads, expectedNpv: bestExpectedNpv},
      ...(a.risk ? [{name: "Risk-averse allocation", heads: a.total.heads, expectedNpv: a.total.expectedNpv}] : [])
    ],
    {currency}
  );
  const gapText =
    a.gap === 0
      ? a.method === "dynamic programming"
        ? "Optimal. Exact: dynamic programming over every budget."
        : "Optimal. The greedy on each account's concave hull reaches the bound of its linear relaxation: no allocation earns more."
      : `Within ${usd(a.gap)} of the optimum: the bound of the linear relaxation is that much above the allocation found (by the greedy on each account's concave hull).`;
  const noneEarns = a.nextHeads.length > 0 && a.nextHeads[0]!.marginal <= 0;
  const step = formatNumber(a.step, {digits: 2});
  return [
    `<h1>Where do ${heads(report.heads)} sales heads earn most?</h1>`,
    `<p class="tw-lede">The allocation of ${heads(report.heads)} heads over the active accounts that maximises ${objectiveText} over ${e(plural(report.horizon, "year"))}, under “${e(scenario.name)}”, set against today's heads and two simple rules on the same simulated futures.</p>`,
    `<p class="muted tw-context">${portfolioText}: ${number(report.accounts)} active accounts, as of ${e(String(a.asOf))}. ${number(a.trials)} simulated futures, seed ${e(String(a.seed))}. Computed on ${e(provenance.date)}.</p>`,
    `<h2 id="the-answer">The answer</h2>`,
    `<div class="card tw-answer"><p><strong>The ${allocatedName} with ${heads(report.heads)} heads:</strong> expected NPV ${usd(a.total.expectedNpv)} (5–95%: ${usd(a.total.p5)} to ${usd(a.total.p95)}), P(NPV &gt; 0) ${e(formatPercent(a.total.probabilityPositive, {digits: 1}))}, revenue per head-year ${usd(a.total.revenuePerHead)}. ${
      unused > 1e-9
        ? `It uses ${heads(a.total.heads)} heads: the other ${heads(unused)} would each earn less than a head costs.`
        : `It uses all ${heads(a.total.heads)} heads.`
    }</p><p><strong>Today, ${heads(current.heads)} heads:</strong> expected NPV ${usd(current.expectedNpv)} (5–95%: ${usd(current.p5)} to ${usd(current.p95)}), P(NPV &gt; 0) ${e(formatPercent(current.probabilityPositive, {digits: 1}))}, revenue per head-year ${usd(current.revenuePerHead)}.</p></div>`,
    `<div class="card"><h2>Today, the allocation and two simple rules</h2><h3>Expected NPV is exact given the scenario; its 5–95% range and P(NPV &gt; 0) are over the ${number(a.trials)} futures</h3>${tableHtml(tables.answer)}</div>`,
    `<div class="card"><h2>Heads by tier: today against the ${allocatedName}</h2><h3>Heads, expected NPV and revenue per head-year over the horizon; P(NPV &gt; 0) of the tier over the futures</h3>${tableHtml(tables.byTier)}</div>`,
    `<h2 id="frontier">The frontier of heads</h2>`,
    `<div class="card"><h2>The best expected NPV for every number of heads</h2><h3>With its 5–95% band over the futures; today's heads ${current.expectedNpv < a.total.expectedNpv ? "sit below it" : "are on it"}</h3><div class="tw-chart" data-chart="frontier">${chart}</div></div>`,
    `<h2 id="value-left">Value left on the table</h2>`,
    `<div class="card"><p><strong>${usd(left)}</strong> of expected NPV over today's allocation: reallocation, ${exact ? "" : "at least "}${usd(reallocation)}, moves today's ${heads(current.heads)} heads between accounts; sizing, ${usd(sizing)}, has ${heads(bestHeads)} heads in all, the total that earns most.</p>${tableHtml(tables.leftOnTable)}</div>`,
    `<h2 id="next-heads">Where the next head goes</h2>`,
    `<div class="card"><h2>The next-head queue</h2><h3>${
      noneEarns
        ? `No account earns what a head costs: even the best next ${step} head loses ${usd(-a.nextHeads[0]!.marginal)} of expected NPV`
        : `The ${number(a.nextHeads.length)} accounts where one more ${step} head adds most expected NPV`
    }</h3>${tableHtml(tables.nextHeads)}<p class="muted">Why: the annual wallet the account could buy, the share of it bought today, the chance its firm is alive at the horizon, and the years before its first order with one more step of heads.</p></div>`,
    `<div class="card"><h2>Accounts that should lose heads</h2><h3>${
      a.fewerHeads.length === 0
        ? "None: no account gets fewer heads than today"
        : `${number(a.fewerHeads.length)} accounts get fewer heads than today; the ${Math.min(20, a.fewerHeads.length)} that give up most`
    }</h3>${tableHtml(tables.fewerHeads)}</div>`,
    `<h2 id="method">How close to the best, and how</h2>`,
    `<div class="card"><p>${gapText}${a.risk ? ` The risk-averse objective gives up ${usd(a.risk.meanGivenUp)} of expected NPV; the mean of the worst ${e(formatPercent(a.risk.alpha))} of futures is ${usd(a.risk.cvar)}, ${usd(a.risk.shortfall)} below the mean.` : ""}</p><p>Each active account's expected NPV over the horizon responds to its own heads (more share of its wallet, a shorter ramp to the first order) and counts the years its firm may not live, so the portfolio's expected NPV is the sum over accounts: the allocation is found by dynamic programming over the budget when that is small enough, else by the greedy on each account's concave hull, whose linear relaxation bounds the optimum. Heads move in steps of ${step}. The full method is on the workbench's Method page.</p></div>`,
    `<div class="card"><h2>Attrition</h2><h3>Yearly hazard applied to the portfolio's industries: the probability that a customer alive at the start of the year exits during it</h3>${tableHtml(tables.hazards)}</div>`,
    `<h2 id="provenance">Provenance</h2>`,
    `<dl class="tw-provenance">`,
    `<dt>Portfolio</dt><dd>${e(portfolio.name)}${portfolio.sample ? " (the sample)" : ""}: ${number(portfolio.rows)} rows, ${number(loaded)} loaded and ${number(portfolio.rejectedRows)} rejected; ${number(report.accounts)} active accounts allocated</dd>`,
    `<dt>Content hash</dt><dd><code>${e(portfolio.sha256.slice(0, 12))}</code> (SHA-256 of the loaded accounts)</dd>`,
    `<dt>Currency</dt><dd>${e(currency)}: every amount, the scenario's costs included, is in it (never converted)</dd>`,
    `<dt>Scenario</dt><dd>${e(scenario.name)}, from ${e(provenance.scenarioSource)}</dd>`,
    `<dt>Allocation</dt><dd>${heads(report.heads)} heads in steps of ${step}, objective ${objectiveText}, ${boundsText}, by ${e(a.method)}</dd>`,
    `<dt>Simulation</dt><dd>${number(a.trials)} futures, seed ${e(String(a.seed))}, ${e(plural(report.horizon, "year"))} from ${e(String(a.asOf))}</dd>`,
    `<dt>Model</dt><dd>${e(provenance.model)}</dd>`,
    `<dt>Computed</dt><dd>${e(provenance.date)}</dd>`,
    `</dl>`
  ].join("\n");
}

/**
 * An allocation report as one self-contained HTML file (inline SVG and CSS, no script and nothing
 * to fetch, printable on A4 and Letter), in the house style of {@link renderReport}. Pure string
 * building: the Allocate page and the command line write the same tables for the same inputs.
 *
 * @example
 * const html = renderAllocationReport(allocationReport(accounts, baseline, {heads: 800}), provenance);
 */
export function renderAllocationReport(report: AllocationReport, provenance: ReportProvenance): string {
  return standaloneHtml(
    `Allocating ${formatNumber(report.heads, {digits: 2})} heads: Tierwise report`,
    provenance.model,
    allocationReportBody(report, provenance)
  );
}
