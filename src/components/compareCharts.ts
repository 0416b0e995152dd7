import * as Plot from "npm:@observablehq/plot";
import type {NpvSurface, SensitivityRow} from "tierwise";
import {currency} from "./format.js";

const millions = (x: number) => x / 1e6;

/**
 * Histograms of paired differences (scenario − reference) across futures, one colour per
 * scenario, with the line of no difference.
 */
export function DifferenceHistogram(
  series: {scenario: string; draws: ArrayLike<number>}[],
  {scenarios, ...options}: Plot.PlotOptions & {scenarios: string[]}
): ReturnType<typeof Plot.plot> {
  const rows = series.flatMap(({scenario, draws}) => Array.from(draws, (d) => ({scenario, value: millions(d)})));
  return Plot.plot({
    x: {label: `NPV difference against the reference (${currency()} millions) →`},
    y: {label: "↑ Futures", grid: true},
    color: {domain: scenarios, scheme: "Dark2", legend: true},
    marks: [
      // y2 rather than y: overlaid, not stacked. Plot's types omit fill among bin inputs, though Plot groups by it.
      Plot.rectY(
        rows,
        Plot.binX({y2: "count"}, {
          x: "value",
          fill: "scenario",
          fillOpacity: 0.55,
          thresholds: 40,
          tip: true
        } as Plot.BinXInputs<Plot.RectYOptions>)
      ),
      Plot.ruleX([0], {stroke: "currentColor", strokeWidth: 1.5}),
      Plot.ruleY([0])
    ],
    ...options
  });
}

/**
 * A tornado chart: for each parameter, the target's mean NPV with the parameter at its low value
 * and at its high value, as bars from the base case; the widest swing on top.
 */
export function Tornado(
  rows: readonly SensitivityRow[],
  {base, ...options}: Plot.PlotOptions & {base: number}
): ReturnType<typeof Plot.plot> {
  const bars = rows.flatMap((r) => [
    {label: r.label, side: "Low", setting: r.lowLabel, value: millions(r.low), probability: r.lowProbability},
    {label: r.label, side: "High", setting: r.highLabel, value: millions(r.high), probability: r.highProbability}
  ]);
  const values = [millions(base), ...bars.map((d) => d.value)];
  const [lo, hi] = [Math.min(...values), Math.max(...values)];
  const pad = (hi - lo) * 0.12 || 1;
  const unchanged = rows.filter((r) => r.swing === 0);
  const moved = bars.filter((d) => !unchanged.some((r) => r.label === d.label));
  const halo = {fill: "currentColor", stroke: "var(--theme-background)", strokeWidth: 3, paintOrder: "stroke"} as const;
  return Plot.plot({
    marginLeft: 250,
    x: {label: `Expected NPV (${currency()} millions) →`, grid: true, domain: [lo - pad, hi + pad]},
    y: {label: null, domain: rows.map((r) => r.label)},
    color: {domain: ["Low", "High"], range: ["#CC79A7", "#009E73"], legend: true},
    marks: [
      Plot.barX(bars, {
        y: "label",
        x1: millions(base),
        x2: "value",
        fill: "side",
        fillOpacity: 0.85,
        channels: {
          setting: "setting",
          "P(NPV > 0)": (d: (typeof bars)[number]) => `${Math.round(d.probability * 100)}%`
        },
        tip: {format: {x1: false, x2: ",.1f", fill: true, y: true}}
      }),
      Plot.text(moved, {
        y: "label",
        x: "value",
        text: "setting",
        textAnchor: "start",
        dx: 4,
        ...halo,
        filter: (d: (typeof bars)[number]) => d.value > millions(base)
      }),
      Plot.text(moved, {
        y: "label",
        x: "value",
        text: "setting",
        textAnchor: "end",
        dx: -4,
        ...halo,
        filter: (d: (typeof bars)[number]) => d.value < millions(base)
      }),
      Plot.text(unchanged, {
        y: "label",
        x: millions(base),
        text: () => "no effect",
        textAnchor: "start",
        dx: 6,
        ...halo
      }),
      Plot.ruleX([millions(base)], {stroke: "currentColor", strokeWidth: 1.5})
    ],
    ...options
  });
}

/**
 * Expected NPV of a tier over (annual survival × ramp years): red where the policy loses money,
 * blue where it pays back, the break-even line between them, and a mark where the scenario sits.
 */
export function NpvHeatmap(
  surface: NpvSurface,
  {here, ...options}: Plot.PlotOptions & {here: {survival: number | null; rampYears: number} | null}
): ReturnType<typeof Plot.plot> {
  const extent = Math.max(1e-9, ...surface.cells.map((c) => Math.abs(millions(c.npv))));
  const line = surface.breakEven.filter((d) => d.survival !== null);
  // The break-even survival of each ramp spans its row: a staircase between the rows.
  const stairs = line.flatMap((d) => [
    {survival: d.survival, rampYears: d.rampYears - 0.5},
    {survival: d.survival, rampYears: d.rampYears + 0.5}
  ]);
  const npvTip = `NPV (${currency()} M)`;
  return Plot.plot({
    x: {label: "Annual survival of the tier's customers →", domain: [0.29, 1.01], tickFormat: "%"},
    y: {
      label: "↑ Ramp years before the first order",
      domain: [-0.5, Math.max(...surface.cells.map((c) => c.rampYears)) + 0.5],
      ticks: 7
    },
    color: {
      type: "diverging",
      scheme: "RdBu",
      domain: [-extent, extent],
      label: `Expected NPV (${currency()} millions)`,
      legend: true
    },
    marks: [
      Plot.rect(surface.cells, {
        x1: (d) => d.survival - 0.01,
        x2: (d) => d.survival + 0.01,
        y1: (d) => d.rampYears - 0.5,
        y2: (d) => d.rampYears + 0.5,
        fill: (d) => millions(d.npv),
        channels: {survival: "survival", ramp: "rampYears", [npvTip]: (d) => millions(d.npv)},
        tip: {format: {x1: false, x2: false, y1: false, y2: false, fill: false, survival: ".0%", [npvTip]: ",.1f"}}
      }),
      // The palette is the same on light and dark themes, so are the marks on it: black on a white halo.
      Plot.line(stairs, {x: "survival", y: "rampYears", stroke: "white", strokeWidth: 4.5}),
      Plot.line(stairs, {x: "survival", y: "rampYears", stroke: "black", strokeWidth: 2}),
      Plot.dot(line, {x: "survival", y: "rampYears", fill: "black", stroke: "white", r: 3}),
      here && here.survival !== null
        ? [
            Plot.dot([here], {x: "survival", y: "rampYears", r: 7, stroke: "white", strokeWidth: 5, fill: "none"}),
            Plot.dot([here], {x: "survival", y: "rampYears", r: 7, stroke: "black", strokeWidth: 2.5, fill: "none"}),
            Plot.text([here], {
              x: "survival",
              y: "rampYears",
              text: () => "this scenario",
              textAnchor: here.survival > 0.75 ? "end" : "start",
              dx: here.survival > 0.75 ? -12 : 12,
              fontWeight: 600,
              fill: "black",
              stroke: "white",
              strokeWidth: 3,
              paintOrder: "stroke"
            })
          ]
        : null
    ],
    ...options
  });
}
