// The pages' number formats: those of the model package, so numbers made in the browser read the
// same as those the Report computes when the site is built.
import {formatMoney, formatNumber, formatPercent, minus, plural} from "tierwise";

export {formatNumber, minus, plural};

// The one-argument wrappers below are what tables and charts call as `format: money`: Inputs.table
// passes a cell's row index as a second argument, which must never reach the options of the model's
// formatters.

// The currency of the book in use, which loadAppState (appState.ts, the one home of the pages'
// state) sets from the portfolio before any page cell formats an amount. Every amount a page
// shows is in it, the scenario's costs included: Tierwise never converts.
let bookCurrency = "USD";

/** Sets the currency every amount is shown in (an ISO 4217 code); loadAppState's alone to call. */
export function setMoneyCurrency(code: string): void {
  bookCurrency = code;
}

/** The ISO 4217 code of the book in use, for labels: "USD millions", "CNY/yr". */
export function currency(): string {
  return bookCurrency;
}

/** An amount in the book's currency, scaled to K, M or B with one decimal, the true minus first: "$1.5M", "−CN¥28.3M". */
export function money(x: number | null | undefined): string {
  return formatMoney(x, {currency: bookCurrency});
}

/** A share as a whole percentage, never rounded to 100% or 0% unless it is: "83%", "99.9%", ">99.9%". */
export function percent(x: number | null | undefined): string {
  return formatPercent(x);
}

/** A share to a tenth of a point, for tables where whole points hide a difference: "83.5%". */
export function percent1(x: number | null | undefined): string {
  return formatPercent(x, {digits: 1});
}

/** A whole number with thousands separators and the true minus sign: "1,234", "−5". */
export function count(x: number | null | undefined): string {
  return formatNumber(x);
}

/** A number with up to `digits` decimals, thousands separators and the true minus sign. */
export function decimal(digits: number): (x: number | null | undefined) => string {
  return (x) => formatNumber(x, {digits, minDigits: digits});
}

/** A tick or tip format for Plot that writes the true minus sign: `tickFormat: signed(d3.format(",.1f"))`. */
export function signed(format: (x: number) => string): (x: number) => string {
  return (x) => format(x).replace(/^-/, minus);
}

/** A code name in words, for a label: "strategicFit" → "strategic fit". */
export function words(name: string): string {
  return name.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
}
