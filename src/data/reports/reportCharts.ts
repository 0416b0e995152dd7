// The Report page's charts, drawn once when the site is built (Observable Plot on jsdom's DOM) and
// published as SVG text in the report's JSON: viewing the report then loads neither Plot nor d3,
// about 0.5 MB less than a page that draws its charts. Static charts have no tooltips; the tables
// beside them carry the numbers.
import * as Plot from "@observablehq/plot";
import {JSDOM} from "jsdom";
import {formatMoney, formatPercent, type HistogramBin, type ReportTier, type ScenarioReport} from "tierwise";

// As src/components/tierColors.ts (Okabe and Ito's palette): the charts match the workbench's.
const tierColor = {domain: ["S", "A", "B", "C"], range: ["#0072B2", "#56B4E9", "#E69F00", "#999999"]};

/** The width charts are drawn at: an A4 or Letter page's printable width, scaled to the card on screen. */
export const chartWidth = 688;

const millions = (x: number) => x / 1e6;
// The page's own formats, so a chart's labels read as its tables do.
const money = formatMoney;
const percent = (x: number) => formatPercent(x);

/** SVG text with coordinates rounded to 0.01 px (about a third of its length), numbers in text kept. */
function serialize(svg: Element): string {
  const geometry = ["d", "transform", "x", "y", "x1", "x2", "y1", "y2", "width", "height", "points", "viewBox"];
  for (const element of [svg, ...svg.querySelectorAll("*")]) {
    for (const name of geometry) {
      const value = element.getAttribute(name);
      if (value) element.setAttribute(name, value.replace(/\d*\.\d{3,}/g, (x) => String(Math.round(+x * 100) / 100)));
    }
  }
  if (svg.tagName.toLowerCase() !== "svg") throw new Error(`a report chart must be one SVG, got <${svg.tagName}>`);
  svg.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  return svg.outerHTML;
}

/** Charts one above the other in one SVG (the first chart's SVG, holding the others' contents). */
function stack(charts: Element[], {ariaLabel}: {ariaLabel: string}): Element {
  const [first, ...rest] = charts;
  if (!first) throw new Error("no chart to stack");
  for (const chart of charts)
    if (chart.tagName.toLowerCase() !== "svg") throw new Error(`a report chart must be one SVG, got <${chart.tagName}>`);
  const document = first.ownerDocument;
  let height = +first.getAttribute("height")!;
  for (const chart of rest) {
    const g = document.createElementNS("http://www.w3.org/2000/svg", "g");
    g.setAttribute("transform", `translate(0,${height})`);
    g.append(...[...chart.childNodes].filter((node) => node.nodeName.toLowerCase() !== "style"));
    first.append(g);
    height += +chart.getAttribute("height")!;
  }
  first.setAttribute("height", String(height));
  first.setAttribute("viewBox", `0 0 ${first.getAttribute("width")} ${height}`);
  first.setAttribute("aria-label", ariaLabel);
  return first;
}

interface FanRow {
  tier: string;
  year: number;
  p5: number;
  p25: number;
  p50: number;
  p75: number;
  p95: number;
  reference: number | null;
}

/** Fan rows of each tier with accounts: a quantity's percentiles by year and the reference's median. */
function fanRows(
  tiers: readonly ReportTier[],
  fan: (t: ReportTier) => ReportTier["survivors"],
  reference: (t: ReportTier) => number[] | undefined,
  scale: (x: number, t: ReportTier) => number
): FanRow[] {
  return tiers
    .filter((t) => t.accounts > 0)
    .flatMap((t) => {
      const f = fan(t);
      const r = reference(t);
      return f.year.map((year, k) => ({
        tier: t.tier,
        year,
        p5: scale(f.p5[k]!, t),
        p25: scale(f.p25[k]!, t),
        p50: scale(f.p50[k]!, t),
        p75: scale(f.p75[k]!, t),
        p95: scale(f.p95[k]!, t),
        reference: r ? scale(r[k]!, t) : null
      }));
    });
}

function fanChart(
  rows: FanRow[],
  {document, label, tickFormat, ariaLabel}: {document: Document; label: string; tickFormat: string; ariaLabel: string}
): string {
  return serialize(
    Plot.plot({
      document,
      width: chartWidth,
      height: 270,
      marginTop: 35,
      ariaLabel,
      x: {label: "Year →", ticks: 5},
      y: {label: `↑ ${label}`, grid: true, tickFormat},
      fx: {label: null, domain: tierColor.domain.filter((t) => rows.some((d) => d.tier === t))},
      color: tierColor,
      marks: [
        Plot.areaY(rows, {fx: "tier", x: "year", y1: "p5", y2: "p95", fill: "tier", fillOpacity: 0.2}),
        Plot.areaY(rows, {fx: "tier", x: "year", y1: "p25", y2: "p75", fill: "tier", fillOpacity: 0.4}),
        Plot.ruleY([0]),
        Plot.line(rows, {fx: "tier", x: "year", y: "p50", stroke: "tier", strokeWidth: 2}),
        Plot.line(
          rows.filter((d) => d.reference !== null),
          {fx: "tier", x: "year", y: "reference", stroke: "currentColor", strokeWidth: 1.5, strokeDasharray: "4,3"}
        )
      ]
    })
  );
}

/** Options of {@link reportCharts}. */
export interface ReportChartsOptions {
  /** The document to draw in; default a new jsdom document. */
  document?: Document;
}

/** Each chart of the Report page as standalone SVG text, drawn from a report's bins and fans. */
export function reportCharts(report: ScenarioReport, {document = new JSDOM("").window.document}: ReportChartsOptions = {}) {
  const shown = report.tiers.filter((t) => t.accounts > 0);
  const reference = report.reference?.name ?? null;
  // One panel per tier, each with its own x scale (always including zero): the tiers' NPVs differ
  // by orders of magnitude in spread, and on a shared scale tier C's would be a hairline.
  const npv = serialize(
    stack(
      shown.map((t, k) =>
        Plot.plot({
          document,
          width: chartWidth,
          height: k === shown.length - 1 ? 140 : 115,
          marginTop: 25,
          marginRight: 20,
          marginBottom: k === shown.length - 1 ? 45 : 25,
          x: {label: k === shown.length - 1 ? "NPV over the horizon (USD millions) →" : null, nice: true},
          y: {label: null, grid: true, ticks: 3},
          color: tierColor,
          marks: [
            Plot.rectY(t.histogram, {
              x1: (b: HistogramBin) => millions(b.x0),
              x2: (b: HistogramBin) => millions(b.x1),
              y: "count",
              fill: () => t.tier
            }),
            Plot.ruleY([0]),
            Plot.ruleX([0], {stroke: "currentColor", strokeWidth: 1.5}),
            Plot.text([`Tier ${t.tier}`], {frameAnchor: "top-left", dy: -20, fontWeight: "bold", fontSize: 11}),
            Plot.text(
              [
                `P(NPV > 0) ${percent(t.probabilityPositive)}, mean ${money(t.npv.mean)}${
                  t.reference ? ` (“${reference}”: ${percent(t.reference.probabilityPositive)}, ${money(t.reference.npvMean)})` : ""
                }`
              ],
              {frameAnchor: "top-right", dy: -20}
            )
          ]
        })
      ),
      {ariaLabel: "NPV across simulated futures, one panel per tier"}
    )
  );
  const survivors = fanChart(
    fanRows(
      report.tiers,
      (t) => t.survivors,
      (t) => t.reference?.survivorsMedian,
      (x, t) => x / t.accounts
    ),
    {document, label: "Share alive", tickFormat: ".0%", ariaLabel: "Share of accounts alive, by tier"}
  );
  const cumulativeCash = fanChart(
    fanRows(
      report.tiers,
      (t) => t.cumulativeCash,
      (t) => t.reference?.cumulativeCashMedian,
      (x) => millions(x)
    ),
    {document, label: "USD millions", tickFormat: ",.0f", ariaLabel: "Cumulative discounted cash, by tier"}
  );
  const perHeadRows = shown.flatMap((t) =>
    t.perHead.year.map((year, k) => ({tier: t.tier, year, revenue: millions(t.perHead.revenue[k]!)}))
  );
  const perHead = serialize(
    Plot.plot({
      document,
      width: chartWidth,
      height: 300,
      marginRight: 30,
      ariaLabel: "Expected revenue per sales head, by tier and year",
      x: {label: "Year →", ticks: report.horizon},
      y: {label: "↑ Revenue per head (USD millions)", grid: true},
      color: tierColor,
      marks: [
        Plot.ruleY([0]),
        Plot.line(perHeadRows, {x: "year", y: "revenue", stroke: "tier", strokeWidth: 2, marker: "dot"}),
        // Each line named at its end, so the chart reads without colour (in print, say).
        Plot.text(
          perHeadRows,
          Plot.selectLast({x: "year", y: "revenue", z: "tier", text: "tier", textAnchor: "start", dx: 6, fontWeight: "bold"})
        )
      ]
    })
  );
  return {npv, survivors, cumulativeCash, perHead};
}
