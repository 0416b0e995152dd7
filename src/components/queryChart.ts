import * as Plot from "npm:@observablehq/plot";
import {quickChartPlan, type QueryResult} from "./queryResult.js";

/** The most bars a quick chart draws; the rest are named in its caption. */
const maxBars = 30;

/**
 * A quick look at a query's result: the first numeric column summed by the first text column (the
 * largest {@link maxBars}), or its histogram when there is no text column; a sentence when there is
 * no numeric column. Labels come from the user's data and are drawn as SVG text.
 */
export function QueryChart(result: QueryResult, {width}: {width: number}): Element {
  const plan = quickChartPlan(result);
  const figure = document.createElement("figure");
  const caption = document.createElement("p");
  caption.className = "muted tw-chart-caption";
  if (plan.kind === "none") {
    caption.textContent = plan.reason;
    figure.append(caption);
    return figure;
  }
  const numbers = result.rows.filter((d) => typeof d[plan.value] === "number" && Number.isFinite(d[plan.value]));
  if (numbers.length === 0) {
    caption.textContent = `No chart: ${plan.value} holds no number.`;
    figure.append(caption);
    return figure;
  }
  if (plan.kind === "histogram") {
    caption.textContent = `How ${plan.value} is spread over the ${numbers.length.toLocaleString("en-US")} rows that have one.`;
    figure.append(
      caption,
      Plot.plot({
        width,
        height: 260,
        x: {label: plan.value},
        y: {grid: true, label: "rows"},
        marks: [Plot.rectY(numbers, Plot.binX({y: "count"}, {x: plan.value})), Plot.ruleY([0])]
      })
    );
    return figure;
  }
  const sums = new Map<string, number>();
  for (const d of numbers) {
    const key = d[plan.label] == null ? "(empty)" : String(d[plan.label]);
    sums.set(key, (sums.get(key) ?? 0) + (d[plan.value] as number));
  }
  const bars = [...sums]
    .map(([label, value]) => ({label, value}))
    .sort((a, b) => Math.abs(b.value) - Math.abs(a.value));
  const shown = bars.slice(0, maxBars);
  caption.textContent = `${plan.value} by ${plan.label}${sums.size < numbers.length ? " (summed over rows with the same label)" : ""}${bars.length > maxBars ? `: the ${maxBars} largest of ${bars.length.toLocaleString("en-US")}` : ""}.`;
  figure.append(
    caption,
    Plot.plot({
      width,
      height: 24 + 22 * shown.length,
      marginLeft: Math.min(220, 12 + 7 * Math.max(...shown.map((d) => d.label.length))),
      x: {grid: true, label: plan.value},
      y: {label: null, domain: shown.map((d) => d.label)},
      marks: [
        Plot.barX(shown, {x: "value", y: "label", fill: "var(--theme-foreground-focus)", tip: true}),
        Plot.ruleX([0])
      ]
    })
  );
  return figure;
}
