import * as Plot from "npm:@observablehq/plot";

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
  references?: ReferencePoint[];
  /** Fitted curves (a Weibull, say), drawn dashed, extrapolated beyond the data. */
  fitted?: {industry: string; time: number; survival: number}[];
}

/**
 * Kaplan-Meier survival curves by industry as steps with their confidence bands, reference curves
 * in grey, fitted curves dashed; the tip shows survival, its band and the number at risk.
 */
export function SurvivalCurves(
  points: CurvePoint[],
  {references = [], fitted = [], ...options}: SurvivalCurvesOptions = {}
): ReturnType<typeof Plot.plot> {
  return Plot.plot({
    clip: true,
    y: {domain: [0, 1], label: "Share still alive", tickFormat: "%", grid: true},
    x: {label: "Years of age →"},
    color: {legend: true},
    marks: [
      Plot.areaY(points, {
        x: "time",
        y1: "lower",
        y2: "upper",
        fill: "industry",
        fillOpacity: 0.12,
        curve: "step-after"
      }),
      Plot.line(references, {
        x: "time",
        y: "survival",
        z: "name",
        stroke: "currentColor",
        strokeOpacity: 0.45,
        strokeDasharray: "2,3"
      }),
      Plot.text(
        references,
        Plot.selectLast({
          x: "time",
          y: "survival",
          z: "name",
          text: "name",
          textAnchor: "start",
          dx: 4,
          fillOpacity: 0.7
        })
      ),
      Plot.line(fitted, {x: "time", y: "survival", stroke: "industry", strokeDasharray: "6,4", strokeWidth: 1}),
      Plot.line(points, {x: "time", y: "survival", stroke: "industry", curve: "step-after", strokeWidth: 2}),
      Plot.dot(
        points,
        Plot.pointer({
          x: "time",
          y: "survival",
          fill: "industry",
          r: 3,
          tip: true,
          channels: {
            industry: "industry",
            "95% band": (d: CurvePoint) => `${(d.lower * 100).toFixed(0)}-${(d.upper * 100).toFixed(0)}%`,
            "at risk": "atRisk"
          }
        })
      ),
      Plot.ruleY([0])
    ],
    ...options
  });
}
