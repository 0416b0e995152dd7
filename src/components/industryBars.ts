import * as Plot from "npm:@observablehq/plot";
import {currency} from "./format.js";

/** One row of the by-industry summary. */
export interface IndustrySummary {
  industry: string;
  accounts: number;
  active: number;
  revenue: number;
}

/** Options of {@link IndustryBars}; anything else is passed to `Plot.plot`. */
export interface IndustryBarsOptions extends Plot.PlotOptions {
  currency?: string;
}

/**
 * Yearly revenue by industry as horizontal bars, largest first, with the account count in the tip.
 */
export function IndustryBars(
  rows: Iterable<IndustrySummary>,
  {currency: code = currency(), ...options}: IndustryBarsOptions = {}
): ReturnType<typeof Plot.plot> {
  const data = Array.from(rows);
  return Plot.plot({
    marginLeft: 130,
    x: {label: `Revenue (${code} millions/year) →`, transform: (d: number) => d / 1e6, grid: true},
    y: {label: null},
    marks: [
      Plot.barX(data, {
        y: "industry",
        x: "revenue",
        sort: {y: "-x"},
        fill: "var(--theme-foreground-focus)",
        tip: {
          format: {x: (d: number) => `${d.toFixed(1)}M`, y: true},
          channels: {accounts: "accounts", active: "active"}
        }
      }),
      Plot.ruleX([0])
    ],
    ...options
  });
}
