import * as Plot from "npm:@observablehq/plot";
import type {Fan} from "tierwise";
import {npvBins} from "./npvBins.js";
import {tierColor} from "./tierColors.js";
import {currency} from "./format.js";

/**
 * Fan charts by tier: the 5-95% and 25-75% bands of a quantity by year, and its median, each
 * divided by `per` (1e6 to draw dollars in millions).
 */
export function TierFan(
  fans: {tier: string; fan: Fan}[],
  {label, format = ",.0f", per = 1, ...options}: Plot.PlotOptions & {label: string; format?: string; per?: number}
): ReturnType<typeof Plot.plot> {
  const at = (quantile: ArrayLike<number>, t: number) => quantile[t]! / per;
  const rows = fans.flatMap(({tier, fan}) =>
    fan.year.map((year, t) => ({
      tier,
      year,
      p5: at(fan.p5, t),
      p25: at(fan.p25, t),
      p50: at(fan.p50, t),
      p75: at(fan.p75, t),
      p95: at(fan.p95, t)
    }))
  );
  const horizon = Math.max(0, ...rows.map((d) => d.year));
  return Plot.plot({
    // Three ticks per facet (start, middle, horizon), and room between facets, so that one
    // facet's last label never runs into the next one's first.
    x: {label: "Year →", ticks: [0, Math.round(horizon / 2), horizon], tickFormat: "d"},
    y: {label: `↑ ${label}`, grid: true, nice: true},
    color: tierColor,
    fx: {label: null, domain: fans.map((d) => d.tier), padding: 0.2},
    marks: [
      Plot.areaY(rows, {fx: "tier", x: "year", y1: "p5", y2: "p95", fill: "tier", fillOpacity: 0.18}),
      Plot.areaY(rows, {fx: "tier", x: "year", y1: "p25", y2: "p75", fill: "tier", fillOpacity: 0.35}),
      Plot.line(rows, {fx: "tier", x: "year", y: "p50", stroke: "tier", strokeWidth: 2}),
      Plot.ruleY([0]),
      Plot.tip(
        rows,
        Plot.pointerX({
          fx: "tier",
          x: "year",
          y: "p50",
          channels: {"5%": "p5", median: "p50", "95%": "p95"},
          format: {y: false, "5%": format, median: format, "95%": format}
        })
      )
    ],
    ...options
  });
}

/**
 * The NPV distribution of each tier over the simulated futures, as histograms one above the other
 * (a facet per tier), binned once by {@link npvBins} rather than by Plot from a row per future.
 */
export function NpvHistogram(
  draws: {tier: string; npv: ArrayLike<number>}[],
  options: Plot.PlotOptions = {}
): ReturnType<typeof Plot.plot> {
  const bins = npvBins(draws);
  return Plot.plot({
    x: {label: `NPV over the horizon (${currency()} millions) →`},
    y: {label: "↑ Futures", grid: true},
    color: tierColor,
    fy: {label: null, domain: draws.map((d) => d.tier)},
    marks: [
      // Half-pixel insets between bars, as Plot's bin transform gives them.
      Plot.rectY(bins, {
        x1: "x1",
        x2: "x2",
        y: "count",
        fill: "tier",
        fy: "tier",
        insetLeft: 0.5,
        insetRight: 0.5,
        tip: true
      }),
      Plot.ruleX([0], {stroke: "currentColor"}),
      Plot.ruleY([0])
    ],
    ...options
  });
}
