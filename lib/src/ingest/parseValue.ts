/** The result of {@link parseNumber} or {@link parseYear}: a value, null for an empty cell, or why not. */
export type Parsed = {value: number | null} | {error: string};

const currency = /^(?:us\$|usd|cny|rmb|eur|gbp|jpy|hk\$|\$|€|£|¥|￥|元)|(?:usd|cny|rmb|eur|gbp|jpy|元|\$|€|£|¥)$/i;

/**
 * Reads a number as CRM exports write it: thousands separators (`1,234,567`, `1 234 567`,
 * `1'234'567`, `1，234`), currency symbols and codes before or after (`$`, `€`, `¥`, `USD`, `元`),
 * a percentage (`35%` is 0.35), Chinese magnitudes (`3.5万` is 35,000, `1.2亿` is 120,000,000),
 * accounting negatives (`(1,200)`) and surrounding spaces. An empty cell is null. A comma is
 * taken as a thousands separator, never as a decimal point.
 *
 * @example
 * parseNumber("$1,234.50"); // {value: 1234.5}
 * parseNumber("35%");       // {value: 0.35}
 */
export function parseNumber(text: string | number | null | undefined): Parsed {
  if (text == null) return {value: null};
  if (typeof text === "number")
    return Number.isFinite(text) ? {value: text} : {error: `${text} is not a finite number`};
  let s = text.trim();
  if (s === "" || /^(?:n\/?a|null|none|-|—)$/i.test(s)) return {value: null};
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
  s = s.replace(/(\d)[,，' \u00a0\u202f](?=\d{3}(?:\D|$))/g, "$1");
  if (!/^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i.test(s)) return {error: `${JSON.stringify(text)} is not a number`};
  const value = sign * Number(s) * scale;
  return Number.isFinite(value)
    ? {value: scale === 0.01 ? Number(value.toPrecision(12)) : value}
    : {error: `${JSON.stringify(text)} is too large`};
}

/**
 * Reads a calendar year from a year (`2015`), a date (`2015-03-31`, `2015/3/31`, `31/03/2015`,
 * `3/31/2015`, `2015年3月`) or a date-time. An empty cell is null.
 *
 * @example
 * parseYear("2015-03-31"); // {value: 2015}
 */
export function parseYear(text: string | number | null | undefined): Parsed {
  if (text == null) return {value: null};
  if (typeof text === "number") return Number.isInteger(text) ? {value: text} : {error: `${text} is not a year`};
  const s = text.trim();
  if (s === "" || /^(?:n\/?a|null|none|-|—)$/i.test(s)) return {value: null};
  let m =
    /^(\d{4})(?:\.0+)?$/.exec(s) ??
    /^(\d{4})\s*(?:[-/.年]\s*\d{1,2}(?:\s*[-/.月]\s*\d{1,2}\s*日?)?\s*(?:月)?(?:[ T].*)?)$/.exec(s);
  if (m) return {value: Number(m[1])};
  m = /^\d{1,2}[-/.]\d{1,2}[-/.](\d{4})(?:[ T].*)?$/.exec(s);
  if (m) return {value: Number(m[1])};
  return {error: `${JSON.stringify(text)} is not a year or a date`};
}
