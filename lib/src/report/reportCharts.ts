import {formatMoney, formatPercent} from "../text/format.js";
import type {Fan} from "../simulation/simulatePortfolio.js";
import type {ReportTier, ScenarioReport} from "./scenarioReport.js";
import {escapeMarkup, niceTicks, px, tickLabel} from "./svgText.js";

/** The charts of a report, each one standalone SVG text. */
export interface ReportCharts {
  npv: string;
  survivors: string;
  cumulativeCash: string;
  perHead: string;
}

/** Options of {@link reportCharts}. */
export interface ReportChartsOptions {
  /** Width in px: by default an A4 or Letter page's printable width, scaled to its box on screen. */
  width?: number;
  /** The ISO 4217 code of the book's money, for the amounts and the axes; default "USD". */
  currency?: string;
}

// Okabe and Ito's palette, as the workbench's tier colours (src/components/tierColors.ts).
export const tierColor: Record<string, string> = {S: "#0072B2", A: "#56B4E9", B: "#E69F00", C: "#999999"};
export const font = `font-family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif" font-size="10"`;
const millions = (x: number) => x / 1e6;

export type Scale = (x: number) => number;
export const linear =
  ([d0, d1]: readonly [number, number], [r0, r1]: readonly [number, number]): Scale =>
  (x) =>
    d0 === d1 ? (r0 + r1) / 2 : r0 + ((x - d0) / (d1 - d0)) * (r1 - r0);

/** The domain stretched to round ticks at both ends, zero included when asked. */
export function niceDomain(values: number[], {zero = false, count = 5} = {}): [number, number] {
  let min = Math.min(...values, ...(zero ? [0] : []));
  let max = Math.max(...values, ...(zero ? [0] : []));
  if (min === max) [min, max] = [min - 1, max + 1];
  const ticks = niceTicks(min, max, count);
  const step = ticks.length > 1 ? ticks[1]! - ticks[0]! : 1;
  return [ticks[0]! > min ? ticks[0]! - step : ticks[0]!, ticks.at(-1)! < max ? ticks.at(-1)! + step : ticks.at(-1)!];
}

export function svg(width: number, height: number, label: string, body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeMarkup(label)}" width="${width}" height="${px(height)}" viewBox="0 0 ${width} ${px(height)}" ${font} fill="currentColor">${body}</svg>`;
}

export function xAxis(x: Scale, ticks: number[], y: number, label: string | null, right: number): string {
  const marks = ticks
    .map(
      (t) =>
        `<line x1="${px(x(t))}" x2="${px(x(t))}" y1="${px(y)}" y2="${px(y + 5)}" stroke="currentColor"/><text x="${px(x(t))}" y="${px(y + 15)}" text-anchor="middle">${tickLabel(t, ticks)}</text>`
    )
    .join("");
  const title = label ? `<text x="${px(right)}" y="${px(y + 29)}" text-anchor="end">${escapeMarkup(label)}</text>` : "";
  return `<g aria-label="x-axis">${marks}${title}</g>`;
}

export function yGrid(y: Scale, ticks: number[], x0: number, x1: number, format: (t: number) => string): string {
  return `<g aria-label="y-grid">${ticks
    .map(
      (t) =>
        `<line x1="${px(x0)}" x2="${px(x1)}" y1="${px(y(t))}" y2="${px(y(t))}" stroke="currentColor" stroke-opacity="0.1"/><text x="${px(x0 - 4)}" y="${px(y(t))}" dy="0.32em" text-anchor="end">${format(t)}</text>`
    )
    .join("")}</g>`;
}

export const path = (points: [number, number][]) => `M${points.map(([a, b]) => `${px(a)},${px(b)}`).join("L")}`;

/** One panel per tier, stacked: each tier's NPV histogram on its own scale, zero marked. */
function npvChart(report: ScenarioReport, shown: ReportTier[], width: number, currency: string): string {
  const reference = report.reference?.name ?? null;
  const left = 40;
  const right = width - 20;
  let top = 0;
  const panels = shown.map((t, k) => {
    const last = k === shown.length - 1;
    const height = last ? 140 : 115;
    const [plotTop, plotBottom] = [top + 25, top + height - (last ? 45 : 25)];
    const bins = t.histogram;
    const x = linear(
      niceDomain([...bins.map((b) => millions(b.x0)), ...bins.map((b) => millions(b.x1))], {zero: true}),
      [left, right]
    );
    const xTicks = niceTicks(
      ...niceDomain([...bins.map((b) => millions(b.x0)), ...bins.map((b) => millions(b.x1))], {zero: true}),
      8
    );
    const yMax = Math.max(1, ...bins.map((b) => b.count));
    const yTicks = niceTicks(0, yMax, 3);
    const y = linear([0, Math.max(yMax, yTicks.at(-1)!)], [plotBottom, plotTop]);
    const bars = bins
      .map((b) => {
        const x0 = x(millions(b.x0));
        const x1 = Math.max(x0 + 0.5, x(millions(b.x1)) - 0.5);
        return `<rect x="${px(x0)}" y="${px(y(b.count))}" width="${px(x1 - x0)}" height="${px(plotBottom - y(b.count))}"/>`;
      })
      .join("");
    const note = `P(NPV > 0) ${formatPercent(t.probabilityPositive)}, mean ${formatMoney(t.npv.mean, {currency})}${
      t.reference
        ? ` (“${reference}”: ${formatPercent(t.reference.probabilityPositive)}, ${formatMoney(t.reference.npvMean, {currency})})`
        : ""
    }`;
    const panel = `<g aria-label="tier ${t.tier}">${yGrid(y, yTicks, left, right, (v) => tickLabel(v, yTicks))}<g aria-label="bars" fill="${tierColor[t.tier]}">${bars}</g><line x1="${left}" x2="${right}" y1="${px(plotBottom)}" y2="${px(plotBottom)}" stroke="currentColor"/><line x1="${px(x(0))}" x2="${px(x(0))}" y1="${px(plotTop)}" y2="${px(plotBottom)}" stroke="currentColor" stroke-width="1.5"/><text x="${left}" y="${px(top + 14)}" font-weight="bold" font-size="11">Tier ${t.tier}</text><text x="${right}" y="${px(top + 14)}" text-anchor="end">${escapeMarkup(note)}</text>${xAxis(x, xTicks, plotBottom, last ? `NPV over the horizon (${currency} millions) →` : null, right)}</g>`;
    top += height;
    return panel;
  });
  return svg(width, top, "NPV across simulated futures, one panel per tier", panels.join(""));
}

interface FanOptions {
  label: string;
  ariaLabel: string;
  fan: (t: ReportTier) => Fan;
  reference: (t: ReportTier) => number[] | undefined;
  scale: (x: number, t: ReportTier) => number;
  format: (x: number, ticks: number[]) => string;
}

/** Side-by-side panels, one per tier: 5–95% and 25–75% bands, the median, and the reference's median dashed. */
function fanChart(shown: ReportTier[], width: number, o: FanOptions): string {
  const height = 270;
  const [top, bottom, left, right] = [35, height - 30, 50, width - 10];
  const gap = 10;
  const panelWidth = (right - left - gap * (shown.length - 1)) / shown.length;
  const values = shown.flatMap((t) => {
    const f = o.fan(t);
    return [...f.p5, ...f.p95, ...(o.reference(t) ?? [])].map((v) => o.scale(v, t));
  });
  const domain = niceDomain(values, {zero: true});
  const yTicks = niceTicks(...domain, 6);
  const y = linear(domain, [bottom, top]);
  const bands: string[][] = [[], []];
  const lines: string[] = [];
  const references: string[] = [];
  const axes: string[] = [];
  shown.forEach((t, k) => {
    const f = o.fan(t);
    const x0 = left + k * (panelWidth + gap);
    const years = f.year;
    const x = linear([years[0]!, years.at(-1)!], [x0 + 4, x0 + panelWidth - 4]);
    const area = (lo: number[], hi: number[]) =>
      `${path(years.map((yr, i) => [x(yr), y(o.scale(hi[i]!, t))]))}L${years
        .map((yr, i) => [x(yr), y(o.scale(lo[i]!, t))] as [number, number])
        .reverse()
        .map(([a, b]) => `${px(a)},${px(b)}`)
        .join("L")}Z`;
    const color = tierColor[t.tier]!;
    bands[0]!.push(`<path d="${area(f.p5, f.p95)}" fill="${color}" fill-opacity="0.2"/>`);
    bands[1]!.push(`<path d="${area(f.p25, f.p75)}" fill="${color}" fill-opacity="0.4"/>`);
    lines.push(
      `<path d="${path(years.map((yr, i) => [x(yr), y(o.scale(f.p50[i]!, t))]))}" fill="none" stroke="${color}" stroke-width="2"/>`
    );
    const r = o.reference(t);
    if (r)
      references.push(
        `<path d="${path(years.map((yr, i) => [x(yr), y(o.scale(r[i]!, t))]))}" fill="none" stroke="currentColor" stroke-width="1.5" stroke-dasharray="4,3"/>`
      );
    const xTicks = niceTicks(years[0]!, years.at(-1)!, 5);
    axes.push(
      `<text x="${px(x0 + panelWidth / 2)}" y="${top - 8}" text-anchor="middle" font-weight="bold">${t.tier}</text>${xAxis(x, xTicks, bottom, k === shown.length - 1 ? "Year →" : null, x0 + panelWidth)}`
    );
  });
  const body = `${yGrid(y, yTicks, left, right, (v) => o.format(v, yTicks))}<text x="4" y="12">↑ ${escapeMarkup(o.label)}</text><g aria-label="area">${bands[0]!.join("")}</g><g aria-label="area">${bands[1]!.join("")}</g><line x1="${left}" x2="${right}" y1="${px(y(0))}" y2="${px(y(0))}" stroke="currentColor"/><g aria-label="line">${lines.join("")}</g><g aria-label="reference">${references.join("")}</g>${axes.join("")}`;
  return svg(width, height, o.ariaLabel, body);
}

/** Expected revenue per sales head by year, one line per tier, each named at its end. */
function perHeadChart(report: ScenarioReport, shown: ReportTier[], width: number, currency: string): string {
  const height = 300;
  const [top, bottom, left, right] = [25, height - 40, 50, width - 30];
  const years = shown[0]?.perHead.year ?? [];
  const values = shown.flatMap((t) => t.perHead.revenue.map(millions));
  const domain = niceDomain(values.length ? values : [0, 1], {zero: true});
  const yTicks = niceTicks(...domain, 6);
  const y = linear(domain, [bottom, top]);
  const x = linear([years[0] ?? 1, years.at(-1) ?? report.horizon], [left + 10, right - 10]);
  const lines = shown
    .map((t) => {
      const color = tierColor[t.tier]!;
      const points = t.perHead.year.map((yr, i) => [x(yr), y(millions(t.perHead.revenue[i]!))] as [number, number]);
      const end = points.at(-1);
      return `<path d="${path(points)}" fill="none" stroke="${color}" stroke-width="2"/>${points
        .map(([a, b]) => `<circle cx="${px(a)}" cy="${px(b)}" r="2.5" fill="${color}"/>`)
        .join(
          ""
        )}${end ? `<text x="${px(end[0] + 6)}" y="${px(end[1])}" dy="0.32em" font-weight="bold">${t.tier}</text>` : ""}`;
    })
    .join("");
  const body = `${yGrid(y, yTicks, left, right, (v) => tickLabel(v, yTicks))}<text x="4" y="12">↑ Revenue per head (${escapeMarkup(currency)} millions)</text><line x1="${left}" x2="${right}" y1="${px(y(0))}" y2="${px(y(0))}" stroke="currentColor"/><g aria-label="line">${lines}</g>${xAxis(x, years, bottom, "Year →", right)}`;
  return svg(width, height, "Expected revenue per sales head, by tier and year", body);
}

/**
 * A report's four charts drawn as SVG text with no DOM and no charting library, so a data loader,
 * the command line and a browser draw byte-identical charts: each tier's NPV histogram, fans of
 * surviving accounts and of cumulative discounted cash (with the reference's median dashed), and
 * revenue per sales head. Text is black on screen through `currentColor`, so the charts follow the
 * page's colour scheme; tiers keep the workbench's colours.
 *
 * @example
 * const {npv} = reportCharts(scenarioReport(accounts, shakeout, {reference: baseline}));
 * npv.startsWith("<svg"); // true
 */
export function reportCharts(
  report: ScenarioReport,
  {width = 688, currency = "USD"}: ReportChartsOptions = {}
): ReportCharts {
  const shown = report.tiers.filter((t) => t.accounts > 0);
  if (shown.length === 0) throw new RangeError("reportCharts: no tier has accounts");
  const percentTicks = (v: number, ticks: number[]) =>
    formatPercent(v, {
      digits: Math.max(0, ...ticks.map((t) => String(Math.round(t * 1e6) / 1e4).split(".")[1]?.length ?? 0))
    });
  return {
    npv: npvChart(report, shown, width, currency),
    survivors: fanChart(shown, width, {
      label: "Share alive",
      ariaLabel: "Share of accounts alive, by tier",
      fan: (t) => t.survivors,
      reference: (t) => t.reference?.survivorsMedian,
      scale: (x, t) => x / t.accounts,
      format: percentTicks
    }),
    cumulativeCash: fanChart(shown, width, {
      label: `${currency} millions`,
      ariaLabel: "Cumulative discounted cash, by tier",
      fan: (t) => t.cumulativeCash,
      reference: (t) => t.reference?.cumulativeCashMedian,
      scale: (x) => millions(x),
      format: (v, ticks) => tickLabel(v, ticks)
    }),
    perHead: perHeadChart(report, shown, width, currency)
  };
}
