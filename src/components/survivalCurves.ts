import * as Plot from "npm:@observablehq/plot";
import type {IndustrySurvival} from "tierwise";

/** One industry's Kaplan-Meier curve as step points, with its pointwise band. */
export interface CurvePoint {
  industry: string;
  time: number;
  survival: number;
  lower: number;
  upper: number;
  atRisk: number;
}

/** A reference curve: % alive by age. */
export interface ReferencePoint {
  name: string;
  time: number;
  survival: number;
}

export interface SurvivalCurvesOptions extends Plot.PlotOptions {
  references?: readonly ReferencePoint[];
  /** Fitted curves (a Weibull, say), drawn dashed, extrapolated beyond the data. */
  fitted?: readonly {industry: string; time: number; survival: number}[];
}

// One blue for each panel's own curve, with at least 4:1 contrast on the light and dark themes.
const focus = "#2F80C8";

/**
 * Kaplan-Meier survival by industry as small multiples, one panel per industry in the order given:
 * its curve as steps with its pointwise band and its fitted curve dashed, in one colour, against
 * the other industries' curves in light grey and the reference curves dotted (named by the caller
 * beside the chart: labels inside twenty panels would collide). The tip shows survival, its band and the number at risk.
 * `width` sets the columns (about 240 px a panel); the height follows from the rows.
 */
export function SurvivalCurves(
  points: CurvePoint[],
  {references = [], fitted = [], width = 640, ...options}: SurvivalCurvesOptions = {}
): ReturnType<typeof Plot.plot> {
  const industries = [...new Set(points.map((d) => d.industry))];
  const columns = Math.max(1, Math.min(industries.length, Math.floor(width / 240)));
  const rows = Math.max(1, Math.ceil(industries.length / columns));
  // Panels are keyed by the industry's name in a Map: user text, never an object's property.
  const panel = new Map(industries.map((industry, i) => [industry, i]));
  const fx = (d: {industry: string}) => panel.get(d.industry)! % columns;
  const fy = (d: {industry: string}) => Math.floor(panel.get(d.industry)! / columns);
  const titles = industries.map((industry) => ({industry}));
  return Plot.plot({
    width,
    height: 60 + rows * 170,
    marginTop: 30,
    clip: true,
    y: {domain: [0, 1], label: "↑ Share still alive", tickFormat: "%", ticks: 3, grid: true},
    x: {label: "Years of age →", ticks: 4},
    fx: {axis: null, padding: 0.12},
    fy: {axis: null, padding: 0.18},
    marks: [
      Plot.frame({strokeOpacity: 0.15}),
      // Every other industry, for comparison, in grey: the panel's own data left out.
      Plot.line(points, {
        fx,
        fy,
        x: "time",
        y: "survival",
        z: "industry",
        curve: "step-after",
        stroke: "currentColor",
        strokeOpacity: 0.15,
        facet: "exclude"
      }),
      Plot.line(references, {
        x: "time",
        y: "survival",
        z: "name",
        stroke: "currentColor",
        strokeOpacity: 0.6,
        strokeDasharray: "1,3"
      }),
      Plot.areaY(points, {
        fx,
        fy,
        x: "time",
        y1: "lower",
        y2: "upper",
        fill: focus,
        fillOpacity: 0.2,
        curve: "step-after"
      }),
      Plot.line(fitted, {
        fx,
        fy,
        x: "time",
        y: "survival",
        stroke: focus,
        strokeDasharray: "5,3",
        strokeWidth: 1
      }),
      Plot.line(points, {
        fx,
        fy,
        x: "time",
        y: "survival",
        stroke: focus,
        curve: "step-after",
        strokeWidth: 2
      }),
      Plot.text(titles, {
        fx,
        fy,
        text: "industry",
        frameAnchor: "top-right",
        dx: -4,
        dy: 4,
        fontWeight: "bold",
        fontSize: 11
      }),
      Plot.dot(
        points,
        Plot.pointer({
          fx,
          fy,
          x: "time",
          y: "survival",
          fill: focus,
          r: 3,
          tip: true,
          channels: {
            industry: "industry",
            "95% band": (d: CurvePoint) => `${Math.round(d.lower * 100)}–${Math.round(d.upper * 100)}%`,
            "at risk": "atRisk"
          }
        })
      )
    ],
    ...options
  });
}

/** The chart's steps for each industry's Kaplan-Meier curve: age 0 at 100%, then each time it falls. */
export function curvePoints(industries: readonly IndustrySurvival[]): CurvePoint[] {
  return industries.flatMap(({industry, km}) =>
    km
      ? [
          {industry, time: 0, survival: 1, lower: 1, upper: 1, atRisk: km.atRisk[0] ?? 0},
          ...Array.from(km.time, (time, j) => ({
            industry,
            time,
            survival: km.survival[j]!,
            lower: km.lower[j]!,
            upper: km.upper[j]!,
            atRisk: km.atRisk[j]!
          }))
        ]
      : []
  );
}

/** Each converged Weibull fit's survival every half year from age 0 to `horizon`, for the dashed curves. */
export function fittedCurves(
  industries: readonly IndustrySurvival[],
  horizon: number
): {industry: string; time: number; survival: number}[] {
  return industries.flatMap(({industry, weibull}) =>
    weibull && "converged" in weibull && weibull.converged
      ? Array.from({length: 2 * horizon + 1}, (_, k) => ({industry, time: k / 2, survival: weibull.survival(k / 2)}))
      : []
  );
}
