import * as Plot from "npm:@observablehq/plot";
import {tierColor} from "./tierColors.js";
import {currency} from "./format.js";

/** A tier's revenue and profit per sales head a year, in currency. */
export interface PerHead {
  tier: string;
  revenuePerHead: number;
  profitPerHead: number;
}

/**
 * Revenue per sales head by tier (人效) as bars in the tier's colour, and profit per head after
 * sales and service costs as a thinner dark bar inside each, which runs left of zero when a tier
 * loses money: the axis always covers both, so no bar crosses into the tier labels.
 */
export function RevenuePerHead(rows: PerHead[], options: Plot.PlotOptions = {}): ReturnType<typeof Plot.plot> {
  const values = rows.flatMap((d) => [d.revenuePerHead, d.profitPerHead]).map((x) => x / 1e6);
  const domain = [Math.min(0, ...values), Math.max(0, ...values)];
  const millions = (x: number) =>
    `$${x.toLocaleString("en-US", {minimumFractionDigits: 2, maximumFractionDigits: 2})}M`;
  return Plot.plot({
    height: 60 + 48 * Math.max(1, rows.length),
    marginLeft: 30,
    x: {label: `${currency()} millions a year per sales head →`, domain, nice: true, grid: true},
    y: {domain: rows.map((d) => d.tier), label: null, padding: 0.15},
    color: tierColor,
    marks: [
      Plot.barX(rows, {
        y: "tier",
        x1: 0,
        x2: (d: PerHead) => d.revenuePerHead / 1e6,
        fill: "tier",
        tip: {format: {x2: millions, x1: false}},
        title: (d: PerHead) =>
          `Tier ${d.tier}\nRevenue per head ${millions(d.revenuePerHead / 1e6)}\nProfit per head ${millions(d.profitPerHead / 1e6)}`
      }),
      Plot.barX(rows, {
        y: "tier",
        x1: 0,
        x2: (d: PerHead) => d.profitPerHead / 1e6,
        fill: "currentColor",
        fillOpacity: 0.55,
        insetTop: 12,
        insetBottom: 12
      }),
      Plot.ruleX([0])
    ],
    ...options
  });
}
