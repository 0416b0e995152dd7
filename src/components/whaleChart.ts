import * as Plot from "npm:@observablehq/plot";
import type {WhaleCurve} from "tierwise";
import {evenlySpaced} from "./evenlySpaced.js";
import {tierColor} from "./tierColors.js";
import type {WhalePoint} from "./whalePoints.js";

/**
 * The whale curve: cumulative profit against accounts ranked by profit, dots coloured by tier
 * (`points` from whalePoints.ts); at most `maxDots` of them drawn, evenly spaced by rank, and
 * the tip reads every point.
 */
export function WhaleChart(
  curve: WhaleCurve,
  points: readonly WhalePoint[],
  {maxDots = 2000, ...options}: Plot.PlotOptions & {maxDots?: number} = {}
): ReturnType<typeof Plot.plot> {
  const drawn = evenlySpaced(points, maxDots);
  return Plot.plot({
    marginTop: 36,
    x: {label: "Share of accounts, most profitable first →", tickFormat: "%"},
    y: {label: "↑ Cumulative profit, share of total", tickFormat: "%", grid: true},
    color: tierColor,
    marks: [
      Plot.ruleY([0, 1], {strokeOpacity: 0.5}),
      Plot.line(drawn, {x: "share", y: "cumulative", stroke: "currentColor", strokeOpacity: 0.3}),
      Plot.dot(drawn, {x: "share", y: "cumulative", fill: "tier", r: 1.6}),
      Plot.dot([curve.peak], {x: "accountShare", y: "profitShare", r: 5, stroke: "currentColor"}),
      Plot.text([curve.peak], {
        x: "accountShare",
        y: "profitShare",
        text: (d: WhaleCurve["peak"]) =>
          `Peak: ${Math.round(d.accountShare * 100)}% of accounts earn ${Math.round(d.profitShare * 100)}% of profit`,
        dy: -12,
        textAnchor: "start"
      }),
      Plot.tip(
        points,
        Plot.pointerX({
          x: "share",
          y: "cumulative",
          channels: {name: "name", tier: "tier", profit: "profit"},
          format: {profit: ",.0f", x: ".1%", y: ".0%"}
        })
      )
    ],
    ...options
  });
}
