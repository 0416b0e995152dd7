// Numbers as a reader sees them, the same on every page and in the build-time report: one money
// format that scales, one minus sign (U+2212, as d3-format and typeset tables use), percentages
// that never round a near-certainty up to 100% or a rare event down to 0%.

import {currencyPrefix} from "./currency.js";

/** The minus sign every shown number uses (U+2212), never the hyphen-minus. */
export const minus = "\u2212";

/** Options of {@link formatNumber}. */
export interface FormatNumberOptions {
  /** Most digits after the decimal point (default 0). */
  digits?: number;
  /** Fewest digits after the decimal point (default 0). */
  minDigits?: number;
}

/**
 * A number with thousands separators and the true minus sign; "" for null, undefined, NaN and
 * infinities. A value that rounds to zero is written without a sign.
 *
 * @example
 * formatNumber(-1234.56, {digits: 1}); // "−1,234.6"
 */
export function formatNumber(
  x: number | null | undefined,
  {digits = 0, minDigits = 0}: FormatNumberOptions = {}
): string {
  if (x == null || !Number.isFinite(x)) return "";
  const text = numberFormat(Math.min(minDigits, digits), digits).format(Math.abs(x));
  return x < 0 && /[1-9]/.test(text) ? minus + text : text;
}

// One Intl.NumberFormat per pair of digit counts, made when first asked for: what
// toLocaleString("en-US", options) makes again on every call (tens of microseconds), with the
// same output. A page formats hundreds of numbers each time a simulation comes in.
const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(minimumFractionDigits: number, maximumFractionDigits: number): Intl.NumberFormat {
  const key = `${minimumFractionDigits} ${maximumFractionDigits}`;
  let format = numberFormats.get(key);
  if (format === undefined)
    numberFormats.set(key, (format = new Intl.NumberFormat("en-US", {minimumFractionDigits, maximumFractionDigits})));
  return format;
}

// Units for money, smallest first, and the size of each.
const moneyUnits = [
  [1e3, "K"],
  [1e6, "M"],
  [1e9, "B"]
] as const;

/** Options of {@link formatMoney}. */
export interface FormatMoneyOptions {
  /** The ISO 4217 code of the amount's currency (see `currencyPrefix`); default "USD". */
  currency?: string;
}

/**
 * An amount scaled to thousands (K), millions (M) or billions (B) with one decimal, whole units
 * below a thousand, after its currency's sign ("$", "CN¥", "€"; see `currencyPrefix`); the minus
 * before the sign; "" for a missing or non-finite value. A value that rounds up to the next unit
 * is written in it ("$1.0M", never "$1,000.0K").
 *
 * @example
 * formatMoney(959_510_500_000); // "$959.5B"
 * formatMoney(-28_345_000); // "−$28.3M"
 * formatMoney(12_345, {currency: "CNY"}); // "CN¥12.3K"
 * formatMoney(1_500_000, {currency: "CHF"}); // "CHF 1.5M"
 */
export function formatMoney(x: number | null | undefined, {currency = "USD"}: FormatMoneyOptions = {}): string {
  if (x == null || !Number.isFinite(x)) return "";
  const a = Math.abs(x);
  let text = formatNumber(a);
  if (Math.round(a) >= 1000) {
    for (const [size, unit] of moneyUnits) {
      const scaled = Math.round((a / size) * 10) / 10;
      text = `${formatNumber(scaled, {digits: 1, minDigits: 1})}${unit}`;
      if (scaled < 1000) break;
    }
  }
  const negative = x < 0 && text !== "0";
  return `${negative ? minus : ""}${currencyPrefix(currency)}${text}`;
}

/** Options of {@link formatPercent}. */
export interface FormatPercentOptions {
  /** Digits after the decimal point (default 0: whole percentages). */
  digits?: number;
  /** Write the bounds in words ("more than 99.9%") for a sentence, rather than signs (">99.9%") for a table. Default false. */
  words?: boolean;
}

/**
 * A share as a percentage, rounded to `digits` decimals but never to 100% when it is below one, nor
 * to 0% when it is above zero: such a value is given one decimal more, up to one decimal, and then
 * bounded (">99.9%", "<0.1%"). So a sentence and a table that round differently never contradict
 * each other: 0.9996 is ">99.9%" in both, not "100%" in one and "99.9%" in the other. "" for a
 * missing or non-finite value; a negative share takes the true minus sign.
 *
 * @example
 * formatPercent(0.8349); // "83%"
 * formatPercent(0.999); // "99.9%"
 * formatPercent(0.9996, {words: true}); // "more than 99.9%"
 * formatPercent(0.0004); // "<0.1%"
 */
export function formatPercent(
  x: number | null | undefined,
  {digits = 0, words = false}: FormatPercentOptions = {}
): string {
  if (x == null || !Number.isFinite(x)) return "";
  const p = x * 100;
  for (let d = digits; d <= Math.max(digits, 1); ++d) {
    const text = formatNumber(p, {digits: d, minDigits: d});
    const shown = Number(text.replace(/,/g, "").replace(minus, "-"));
    if ((shown < 100 || p >= 100) && (shown > 0 || p <= 0)) return `${text}%`;
  }
  const bound = Math.max(digits, 1);
  return p > 50
    ? `${words ? "more than " : ">"}99.${"9".repeat(bound)}%`
    : `${words ? "less than " : "<"}0.${"0".repeat(bound - 1)}1%`;
}

/**
 * A count and its noun, singular for one: "1 year", "10 years", "1,000 futures".
 *
 * @example
 * plural(1, "year"); // "1 year"
 * plural(2, "industry", "industries"); // "2 industries"
 */
export function plural(n: number, noun: string, nouns = `${noun}s`): string {
  return `${formatNumber(n, {digits: 2})} ${n === 1 ? noun : nouns}`;
}

/**
 * A number for a CSV download: `significant` significant digits, but never fewer than its whole
 * part needs, so counts and amounts keep every digit while float noise (0.30000000000000004)
 * goes. Non-numbers pass through.
 *
 * @example
 * roundForCsv(0.1 + 0.2); // 0.3
 * roundForCsv(123_456_789.123); // 123456789
 */
export function roundForCsv<T>(x: T, significant = 6): T | number {
  if (typeof x !== "number" || !Number.isFinite(x) || x === 0) return x;
  const a = Math.abs(x);
  const whole = a < 1 ? 0 : a < 1e21 ? a.toFixed(0).length : 21;
  return Number(x.toPrecision(Math.min(21, Math.max(significant, whole))));
}
