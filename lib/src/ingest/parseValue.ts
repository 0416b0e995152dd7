import {quote} from "../text/excerpt.js";

/** The result of {@link parseNumber} or {@link parseYear}: a value, null for an empty cell, or why not. */
export type Parsed = {value: number | null} | {error: string};

/** A decimal separator: `.` (1,234.5) or `,` (1.234,5). */
export type DecimalSeparator = "." | ",";

/**
 * What a number's text says on its own, from {@link readNumber}: empty; a value with the decimal
 * separator it shows (null when it shows none, as in `1234` or `1 234`); a value that reads two
 * ways (`1,234` is 1234 with a decimal point, 1.234 with a decimal comma); or not a number.
 */
export type NumberReading =
  | {kind: "empty"}
  | {kind: "value"; value: number; decimal: DecimalSeparator | null}
  | {kind: "ambiguous"; point: number; comma: number}
  | {kind: "error"; error: string};

/**
 * The value of a plain number, `-?\d{1,15}` or `-?\d{1,15}.\d{1,15}`, as most cells of a large
 * export are; NaN for any other text, and for `1.234`, which reads two ways (a thousands group).
 * Read without the general rules or an object made, to the same value as {@link readNumber}
 * (a test checks the two agree); a plain number shows a decimal point if and only if it has a `.`.
 *
 * @example
 * plainNumber("1234.5"); // 1234.5
 * plainNumber("1.234");  // NaN
 */
export function plainNumber(text: string): number {
  const n = text.length;
  let i = text.charCodeAt(0) === 45 ? 1 : 0;
  const start = i;
  while (i < n && isDigit(text.charCodeAt(i))) ++i;
  const whole = i - start;
  if (whole < 1 || whole > 15) return NaN;
  if (i === n) return Number(text);
  if (text.charCodeAt(i) !== 46) return NaN;
  const point = ++i;
  while (i < n && isDigit(text.charCodeAt(i))) ++i;
  const fraction = i - point;
  if (i !== n || fraction < 1 || fraction > 15) return NaN;
  if (whole <= 3 && text.charCodeAt(start) !== 48 && fraction === 3) return NaN;
  return Number(text);
}

const isDigit = (c: number) => c >= 48 && c <= 57;
const currencyCode = /^(?:us\$|usd|cny|rmb|eur|gbp|jpy|hk\$)/i;
const currency = /^(?:us\$|usd|cny|rmb|eur|gbp|jpy|hk\$|\$|€|£|¥|￥|元)|(?:usd|cny|rmb|eur|gbp|jpy|元|\$|€|£|¥)$/i;
const empty = /^(?:n\/?a|null|none|-|—)$/i;

// A number with a decimal point: plain (1234.5, .5, 1e6), or grouped by threes with one kind of
// separator (1,234,567.8, 1 234, 1'234, 1，234); a grouped number cannot start with 0.
// Written so that no two parts can match the same digits: a long cell fails in linear time.
const plainPoint = /^(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
const groupedPoint = /^[1-9]\d{0,2}(?:([,' \u00a0\u202f，])\d{3})(?:\1\d{3})*(?:\.\d*)?$/;
// The same with a decimal comma: 1234,5, ,5, 1.234.567,8, 1 234,5, 1'234,5.
const plainComma = /^(?:\d+(?:,\d*)?|,\d+)$/;
const groupedComma = /^[1-9]\d{0,2}(?:([.' \u00a0\u202f])\d{3})(?:\1\d{3})*(?:,\d*)?$/;

function asPoint(s: string): number | undefined {
  if (plainPoint.test(s)) return Number(s);
  if (groupedPoint.test(s)) return Number(s.replace(/[,' \u00a0\u202f，]/g, ""));
  return undefined;
}

function asComma(s: string): number | undefined {
  if (plainComma.test(s) || groupedComma.test(s)) return Number(s.replace(/[.' \u00a0\u202f]/g, "").replace(",", "."));
  return undefined;
}

/**
 * Reads a number as CRM exports write it, saying which decimal separator it shows: thousands
 * separators (`1,234,567`, `1.234.567`, `1 234 567`, `1'234'567`, `1，234`), a decimal point or a
 * decimal comma (`1,234.5`, `1.234,5`, `0,18`), currency symbols and codes before or after (`$`,
 * `€`, `¥`, `USD`, `元`), a percentage (`35%` is 0.35), Chinese magnitudes (`3.5万` is 35,000,
 * `1.2亿` is 120,000,000), accounting negatives (`(1,200)`) and surrounding spaces.
 *
 * A text that reads as a number under one decimal separator only is evidence of it: `0,18`,
 * `12,5`, `1.234,5` and `1.234.567` can only be decimal-comma numbers, `1,234.5`, `1,234,567`,
 * `12.5` and `0.180` only decimal-point ones (a thousands group never starts with 0). `1,234` and
 * `1.234` read two ways and are "ambiguous".
 *
 * @example
 * readNumber("1.234,5"); // {kind: "value", value: 1234.5, decimal: ","}
 * readNumber("1,234");   // {kind: "ambiguous", point: 1234, comma: 1.234}
 */
export function readNumber(text: string | number | null | undefined): NumberReading {
  if (text == null) return {kind: "empty"};
  // Most cells of a large export are plain numbers: read them without the general rules, to the
  // same result (a test checks the two ways agree).
  if (typeof text === "string" && text.length <= 31) {
    const value = plainNumber(text);
    if (!Number.isNaN(value)) return {kind: "value", value, decimal: text.includes(".") ? "." : null};
  }
  if (typeof text === "number")
    return Number.isFinite(text)
      ? {kind: "value", value: text, decimal: null}
      : {kind: "error", error: `${text} is not a finite number`};
  let s = text.trim();
  if (s === "" || empty.test(s)) return {kind: "empty"};
  // No number a CRM writes is this long; a cell that is (a stray quote swallowed the file) is refused unread.
  if (s.length > 100) return {kind: "error", error: `${quote(text)} is not a number`};
  // Text columns (ids, names, industries) are read too, to count their evidence: a text with no
  // digit, or starting with a letter that starts no currency code, is no number, and is told at once.
  if (!/\d/.test(s) || (/^[a-z]/i.test(s) && !currencyCode.test(s)))
    return {kind: "error", error: `${quote(text)} is not a number`};
  let sign = 1;
  if (/^\(.*\)$/.test(s)) {
    sign = -1;
    s = s.slice(1, -1).trim();
  }
  let scale = 1;
  if (s.endsWith("%")) {
    scale = 0.01;
    s = s.slice(0, -1).trim();
  }
  for (let k = 0; k < 2; ++k) s = s.replace(currency, "").trim();
  if (s.endsWith("亿")) {
    scale *= 1e8;
    s = s.slice(0, -1);
  } else if (s.endsWith("万")) {
    scale *= 1e4;
    s = s.slice(0, -1);
  }
  if (/^[+-]/.test(s)) {
    if (s[0] === "-") sign = -sign;
    s = s.slice(1);
  }
  const point = asPoint(s);
  const comma = asComma(s);
  // Percentages are rounded to 12 significant digits so that 35% is 0.35, not 0.35000000000000003.
  const finish = (v: number) => {
    const value = sign * v * scale;
    return scale === 0.01 ? Number(value.toPrecision(12)) : value;
  };
  if (point === undefined && comma === undefined) return {kind: "error", error: `${quote(text)} is not a number`};
  const p = point === undefined ? undefined : finish(point);
  const c = comma === undefined ? undefined : finish(comma);
  if ((p !== undefined && !Number.isFinite(p)) || (c !== undefined && !Number.isFinite(c)))
    return {kind: "error", error: `${quote(text)} is too large`};
  if (p !== undefined && c !== undefined)
    return p === c ? {kind: "value", value: p, decimal: null} : {kind: "ambiguous", point: p, comma: c};
  // Only a point or a comma is evidence of the decimal separator (1e6 and 1，234 show none).
  const shows = /[.,]/.test(s);
  return p !== undefined
    ? {kind: "value", value: p, decimal: shows ? "." : null}
    : {kind: "value", value: c!, decimal: shows ? "," : null};
}

/** Options of {@link parseNumber}. */
export interface ParseNumberOptions {
  /**
   * The file's decimal separator. When null (the default), a number that reads two ways
   * (`1,234`) is an error; when set, it decides such numbers, and a number that shows the other
   * separator (`0,18` with `.`) is an error.
   */
  decimal?: DecimalSeparator | null;
  /** Whether a percentage (`35%`) is allowed; default true. Only shares should allow it. */
  percent?: boolean;
}

const separatorName = {".": "a decimal point", ",": "a decimal comma"} as const;

/**
 * Reads a number as {@link readNumber} does, never guessing: a number that reads two ways is an
 * error unless the decimal separator is given. An empty cell is null.
 *
 * @example
 * parseNumber("$1,234.50");                 // {value: 1234.5}
 * parseNumber("1,234");                     // {error: "\"1,234\" is 1234 with a decimal point or 1.234 with a decimal comma: choose the decimal separator"}
 * parseNumber("1,234", {decimal: ","});     // {value: 1.234}
 */
export function parseNumber(
  text: string | number | null | undefined,
  {decimal = null, percent = true}: ParseNumberOptions = {}
): Parsed {
  const reading = readNumber(text);
  if (reading.kind === "empty") return {value: null};
  if (reading.kind === "error") return {error: reading.error};
  if (!percent && typeof text === "string" && /%\s*\)?\s*$/.test(text))
    return {error: `${quote(text)} is a percentage, but this column is not a share`};
  if (reading.kind === "ambiguous") {
    if (decimal === ".") return {value: reading.point};
    if (decimal === ",") return {value: reading.comma};
    return {
      error: `${quote(String(text))} is ${reading.point} with a decimal point or ${reading.comma} with a decimal comma: choose the decimal separator`
    };
  }
  if (decimal !== null && reading.decimal !== null && reading.decimal !== decimal)
    return {
      error: `${quote(String(text))} has ${separatorName[reading.decimal]}, but the decimal separator is ${JSON.stringify(decimal)}`
    };
  return {value: reading.value};
}

// Excel stores a date as days since 1899-12-30 (the 1900 date system, whose serial 60 is the
// 29 February 1900 that never was; every serial from 61 on is right). Serials 10,000 to 99,999
// are the dates 1927-05-18 to 2173-10-14; no year within the accounts' bounds (1800 to 2200) has
// five digits, so a five-digit number in a year column is a date, never a year.
const serialMin = 10_000;
const serialMax = 99_999;
const excelEpoch = Date.UTC(1899, 11, 30);

function yearOfNumber(n: number, text: string | number): Parsed {
  if (n >= serialMin && n < serialMax + 1)
    return {value: new Date(excelEpoch + Math.floor(n) * 86_400_000).getUTCFullYear()};
  if (Number.isInteger(n)) return {value: n};
  return {error: `${typeof text === "number" ? text : quote(text)} is not a year or a date`};
}

/**
 * Reads a calendar year from a year (`2015`), a date (`2015-03-31`, `2015/3/31`, `31/03/2015`,
 * `3/31/2015`, `2015年3月`), a date-time, or an Excel date serial: a number from 10,000 to
 * 99,999 (`42005` is 2015-01-01, so 2015), which no year within the accounts' bounds can be. A
 * whole number below 10,000 is a year (range checks come later). An empty cell is null.
 *
 * @example
 * parseYear("2015-03-31"); // {value: 2015}
 * parseYear(42005);        // {value: 2015}
 */
export function parseYear(text: string | number | null | undefined): Parsed {
  if (text == null) return {value: null};
  if (typeof text === "number")
    return Number.isFinite(text) ? yearOfNumber(text, text) : {error: `${text} is not a year or a date`};
  const s = text.trim();
  if (s === "" || empty.test(s)) return {value: null};
  let m =
    /^(\d{4})(?:\.0+)?$/.exec(s) ??
    /^(\d{4})\s*(?:[-/.年]\s*\d{1,2}(?:\s*[-/.月]\s*\d{1,2}\s*日?)?\s*(?:月)?(?:[ T].*)?)$/.exec(s);
  if (m) return {value: Number(m[1])};
  m = /^\d{1,2}[-/.]\d{1,2}[-/.](\d{4})(?:[ T].*)?$/.exec(s);
  if (m) return {value: Number(m[1])};
  if (/^\d{5}(?:\.\d+)?$/.test(s)) return yearOfNumber(Number(s), text);
  return {error: `${quote(text)} is not a year or a date`};
}
