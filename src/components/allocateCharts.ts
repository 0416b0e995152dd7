import * as Plot from "npm:@observablehq/plot";
import type {FrontierRow, Tier} from "tierwise";
import {tierColor} from "./tierColors.js";
import {currency} from "./format.js";

const millions = (x: number) => x / 1e6;

/** A labelled allocation drawn as a point beside the frontier. */
export interface FrontierPoint {
  name: string;
  heads: number;
  expectedNpv: number;
}

// Okabe-Ito colours, legible on the light and the dark theme; one per kind of point, in order.
const pointColors = ["#D55E00", "#009E73", "#CC79A7", "#E69F00", "#0072B2", "#56B4E9"];
const pointSymbols = ["circle", "diamond", "square", "triangle", "star", "cross"] as const;

/**
 * The frontier of heads: for every budget of heads, the best portfolio expected NPV (the line)
 * and the 5-95% band of its NPV over the simulated futures, with other allocations as points
 * (today's, the simple rules, the optimum) named in the legend.
 */
export function FrontierChart(
  frontier: readonly FrontierRow[],
  {points, ...options}: Plot.PlotOptions & {points: FrontierPoint[]}
): ReturnType<typeof Plot.plot> {
  const rows = frontier.map((d) => ({
    budget: d.budget,
    heads: d.heads,
    npv: millions(d.expectedNpv),
    p5: d.p5 === null ? null : millions(d.p5),
    p95: d.p95 === null ? null : millions(d.p95)
  }));
  // A long frontier carries its band at evenly spaced budgets only (see FrontierRow).
  const banded = rows.filter((d) => d.p5 !== null);
  const marks = points.map((d) => ({...d, npv: millions(d.expectedNpv)}));
  const names = marks.map((d) => d.name);
  return Plot.plot({
    x: {label: "Heads available →", grid: true, insetRight: 12},
    y: {label: `↑ Portfolio NPV (${currency()} millions)`, grid: true, nice: true},
    color: {domain: names, range: pointColors.slice(0, names.length)},
    symbol: {domain: names, range: pointSymbols.slice(0, names.length), legend: true},
    marks: [
      Plot.areaY(banded, {x: "budget", y1: "p5", y2: "p95", fill: "currentColor", fillOpacity: 0.12}),
      Plot.line(rows, {x: "budget", y: "npv", stroke: "currentColor", strokeWidth: 2}),
      Plot.ruleY([0]),
      Plot.dot(marks, {
        x: "heads",
        y: "npv",
        symbol: "name",
        fill: "name",
        r: 6,
        stroke: "var(--theme-background)",
        strokeWidth: 1.5,
        tip: {format: {x: ",.2f", y: ",.1f", symbol: true, fill: false}}
      }),
      Plot.tip(
        rows,
        Plot.pointerX({
          x: "budget",
          y: "npv",
          channels: {"heads used": "heads", "5%": "p5", "95%": "p95"},
          format: {x: ",.2f", y: ",.1f", "heads used": ",.2f", "5%": ",.1f", "95%": ",.1f"}
        })
      )
    ],
    ...options
  });
}

/**
 * A quantity by tier, today against the allocation: two bars per tier, one above the other, today's
 * pale. `label` names the quantity on its axis.
 */
export function TierBars(
  rows: readonly {tier: Tier; today: number; allocated: number}[],
  {
    label,
    allocatedLabel = "Optimum",
    format = ",.2f",
    ...options
  }: Plot.PlotOptions & {label: string; allocatedLabel?: string; format?: string}
): ReturnType<typeof Plot.plot> {
  const bars = rows.flatMap((d) => [
    {tier: d.tier, which: "Today", value: d.today},
    {tier: d.tier, which: allocatedLabel, value: d.allocated}
  ]);
  return Plot.plot({
    marginLeft: 70,
    marginRight: 60,
    x: {label: `${label} →`, grid: true, nice: true},
    y: {label: null, domain: ["Today", allocatedLabel]},
    fy: {label: null, domain: rows.map((d) => d.tier), padding: 0.2, tickFormat: (t: string) => `Tier ${t}`},
    color: {...tierColor, legend: false},
    marks: [
      Plot.barX(bars, {
        fy: "tier",
        y: "which",
        x: "value",
        fill: "tier",
        fillOpacity: (d: (typeof bars)[number]) => (d.which === "Today" ? 0.45 : 1),
        tip: {format: {x: format, fill: false}}
      }),
      Plot.ruleX([0])
    ],
    ...options
  });
}
