import {formatNumber} from "../text/format.js";

/**
 * Text made safe for HTML and SVG markup, in element content and in double-quoted attributes: `&`,
 * `<`, `>`, `"` and `'` become character references, so text from a user's file or scenario shows
 * as text and never runs as markup.
 *
 * @example
 * escapeMarkup(`<b class="x">Tom & Jerry</b>`); // "&lt;b class=&quot;x&quot;&gt;Tom &amp; Jerry&lt;/b&gt;"
 */
export function escapeMarkup(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"})[c]!);
}

/**
 * Round tick values covering [min, max], about `count` of them, at steps of 1, 2 or 5 times a
 * power of ten (as d3's ticks), computed from integers so every run gives the same values.
 *
 * @example
 * niceTicks(-3.2, 11, 5); // [-2, 0, 2, 4, 6, 8, 10]
 */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!(Number.isFinite(min) && Number.isFinite(max))) throw new RangeError(`invalid tick range: ${min} to ${max}`);
  if (min === max) return [min];
  const raw = (max - min) / Math.max(1, count);
  // Powers of ten from their decimal text: correctly rounded in every engine, where Math.log10 and
  // ** may differ in the last bit and move a tick.
  const tenTo = (k: number) => Number(`1e${k}`);
  let power = 0;
  while (tenTo(power + 1) <= raw) ++power;
  while (tenTo(power) > raw) --power;
  const error = raw / tenTo(power);
  const factor = error >= 7.07 ? 10 : error >= 3.16 ? 5 : error >= 1.41 ? 2 : 1;
  // Integers of the step's unit: exact, where a float step accumulates error.
  const [unit, scale] = power >= 0 ? [factor * tenTo(power), 1] : [factor, tenTo(-power)];
  const first = Math.ceil((min * scale) / unit);
  const last = Math.floor((max * scale) / unit);
  const ticks: number[] = [];
  for (let k = first; k <= last; ++k) ticks.push((k * unit) / scale);
  return ticks;
}

/** A tick's label: thousands separators, the true minus sign, and no more decimals than the ticks need. */
export function tickLabel(x: number, ticks: readonly number[]): string {
  const digits = Math.max(0, ...ticks.map((t) => (String(t).split(".")[1] ?? "").length));
  return formatNumber(x, {digits: Math.min(digits, 6), minDigits: Math.min(digits, 6)});
}

/** A coordinate to 0.01 px, as text: a third of the length of full precision, and the same in every engine. */
export function px(x: number): string {
  return String(Math.round(x * 100) / 100);
}
