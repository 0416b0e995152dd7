import type {FrontierRow} from "../allocation/allocateHeads.js";
import {formatNumber} from "../text/format.js";
import {linear, niceDomain, path, svg, xAxis, yGrid} from "./reportCharts.js";
import {escapeMarkup, niceTicks, px, tickLabel} from "./svgText.js";

/** A named point beside the frontier: today's heads, a simple rule, the allocation. */
export interface FrontierPoint {
  name: string;
  heads: number;
  expectedNpv: number;
}

/** Options of {@link frontierChart}. */
export interface FrontierChartOptions {
  width?: number;
  /** The most points of the frontier drawn; a longer frontier is thinned evenly (its last kept). */
  maxPoints?: number;
  /** The ISO 4217 code of the book's money, for the axis; default "USD". */
  currency?: string;
}

const millions = (x: number) => x / 1e6;

/**
 * The frontier of heads as standalone SVG text: the best expected NPV for every budget of heads
 * (the line) with its 5–95% band over the futures where the allocation has it, and the points
 * given, numbered beside them (moved apart, with a leader line, where points crowd) and named
 * below the plot, so no label covers another. No DOM and no
 * charting library: Node and a browser draw the same bytes.
 *
 * @example
 * frontierChart(result.frontier, [{name: "Today", heads: 776, expectedNpv: 1.2e8}]).startsWith("<svg"); // true
 */
export function frontierChart(
  frontier: readonly FrontierRow[],
  points: readonly FrontierPoint[],
  {width = 688, maxPoints = 400, currency = "USD"}: FrontierChartOptions = {}
): string {
  if (frontier.length === 0) throw new RangeError("frontierChart: the frontier is empty");
  const every = Math.max(1, Math.ceil(frontier.length / maxPoints));
  const rows = frontier.filter((_, i) => i % every === 0 || i === frontier.length - 1);
  const banded = frontier.filter((d) => d.p5 !== null && d.p95 !== null);
  const bandRows = banded.filter(
    (_, i) => i % Math.max(1, Math.ceil(banded.length / maxPoints)) === 0 || i === banded.length - 1
  );
  const plotHeight = 340;
  const labelGap = 13;
  const legendLine = 15;
  const height = plotHeight + 10 + legendLine * points.length;
  const [top, bottom, left, right] = [25, plotHeight - 40, 60, width - 20];
  const values = [
    ...rows.map((d) => millions(d.expectedNpv)),
    ...bandRows.flatMap((d) => [millions(d.p5!), millions(d.p95!)]),
    ...points.map((p) => millions(p.expectedNpv))
  ];
  const domain = niceDomain(values, {zero: true});
  const yTicks = niceTicks(...domain, 6);
  const y = linear(domain, [bottom, top]);
  const xDomain = niceDomain([...rows.map((d) => d.budget), ...points.map((p) => p.heads)], {zero: true});
  const x = linear(xDomain, [left, right]);
  const band =
    bandRows.length > 1
      ? `<path d="${path(bandRows.map((d) => [x(d.budget), y(millions(d.p95!))]))}L${bandRows
          .map((d) => `${px(x(d.budget))},${px(y(millions(d.p5!)))}`)
          .reverse()
          .join("L")}Z" fill="currentColor" fill-opacity="0.12"/>`
      : "";
  const line = `<path d="${path(rows.map((d) => [x(d.budget), y(millions(d.expectedNpv))]))}" fill="none" stroke="currentColor" stroke-width="2"/>`;
  // Numbers beside their points, moved apart where points crowd (today and the two rules share
  // today's heads): a number moved from its point gets a leader line back to it.
  const placed: {x: number; y: number}[] = [];
  const labels = points
    .map((p, k) => ({k, cx: x(p.heads), cy: y(millions(p.expectedNpv))}))
    .sort((a, b) => a.cy - b.cy || a.k - b.k)
    .map(({k, cx, cy}) => {
      const anchorEnd = cx + 18 > width;
      const lx = anchorEnd ? cx - 8 : cx + 8;
      let ly = cy + 4;
      for (;;) {
        const clash = placed.find((q) => Math.abs(q.x - lx) < 24 && Math.abs(q.y - ly) < labelGap);
        if (!clash) break;
        ly = clash.y + labelGap;
      }
      placed.push({x: lx, y: ly});
      const leader =
        Math.abs(ly - 4 - cy) > 3
          ? `<line x1="${px(cx)}" y1="${px(cy)}" x2="${px(lx + (anchorEnd ? 2 : -2))}" y2="${px(ly - 4)}" stroke="currentColor" stroke-opacity="0.5"/>`
          : "";
      return {
        k,
        svg: `${leader}<text x="${px(lx)}" y="${px(ly)}"${anchorEnd ? ' text-anchor="end"' : ""} font-weight="bold">${k + 1}</text>`
      };
    })
    .sort((a, b) => a.k - b.k);
  const marks = points
    .map(
      (p) =>
        `<circle cx="${px(x(p.heads))}" cy="${px(y(millions(p.expectedNpv)))}" r="4" fill="#D55E00" stroke="white"/>`
    )
    .join("");
  const numbers = labels.map((d) => d.svg).join("");
  const legend = points
    .map(
      (p, k) =>
        `<text x="${left}" y="${px(plotHeight + 10 + legendLine * k)}">${k + 1}. ${escapeMarkup(p.name)}: ${escapeMarkup(formatNumber(p.heads, {digits: 2}))} heads</text>`
    )
    .join("");
  const xTicks = niceTicks(...xDomain, 8);
  const body = `${yGrid(y, yTicks, left, right, (v) => tickLabel(v, yTicks))}<text x="4" y="12">↑ Expected NPV (${escapeMarkup(currency)} millions)</text><g aria-label="area">${band}</g><line x1="${left}" x2="${right}" y1="${px(y(0))}" y2="${px(y(0))}" stroke="currentColor"/><g aria-label="line">${line}</g><g aria-label="dot">${marks}</g><g aria-label="text">${numbers}</g>${xAxis(x, xTicks, bottom, "Heads available →", right)}<g aria-label="legend">${legend}</g>`;
  return svg(width, height, "The frontier of heads: best expected NPV for each number of heads", body);
}
