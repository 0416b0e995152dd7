import {roundForCsv} from "../text/format.js";

/** Options of {@link toCsv}. */
export interface ToCsvOptions {
  /**
   * Prefix text cells that start with `=`, `+`, `-`, `@`, tab or carriage return with an apostrophe,
   * so a spreadsheet shows them instead of running them as formulas (OWASP "CSV injection").
   * Numbers, and text that is one plain number ("-1.5", which a spreadsheet reads as a number, not
   * a formula), are written as they are. Default true.
   */
  neutraliseFormulas?: boolean;
  /**
   * Round numbers to this many significant digits (never fewer than their whole part needs), so a
   * download shows 0.3, not 0.30000000000000004; default: every digit, as JavaScript writes it.
   */
  significant?: number;
}

// A number literal as a spreadsheet reads it: a value, never a formula.
const numberLiteral = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

/**
 * Rows as RFC 4180 CSV text with the given columns, in order: fields containing a comma, quote or
 * line break are quoted, quotes doubled; null and undefined are empty; lines end with `\n`.
 *
 * @example
 * toCsv([{id: "A1", note: "=HYPERLINK(...)"}], ["id", "note"]); // 'id,note\nA1,\'=HYPERLINK(...)\n'
 */
export function toCsv<T extends object>(
  rows: Iterable<T>,
  columns: readonly (keyof T & string)[],
  {neutraliseFormulas = true, significant}: ToCsvOptions = {}
): string {
  if (significant !== undefined && !(Number.isInteger(significant) && significant >= 1 && significant <= 21)) {
    throw new RangeError(`invalid number of significant digits: ${significant}`);
  }
  const cell = (value: unknown) => {
    if (value == null) return "";
    const number = typeof value === "number" || typeof value === "bigint";
    let text =
      typeof value === "number"
        ? Number.isFinite(value)
          ? String(significant === undefined ? value : roundForCsv(value, significant))
          : ""
        : String(value);
    if (neutraliseFormulas && !number && /^[=+\-@\t\r]/.test(text) && !numberLiteral.test(text)) text = `'${text}`;
    return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  let out = columns.map(cell).join(",") + "\n";
  for (const row of rows) out += columns.map((c) => cell(row[c])).join(",") + "\n";
  return out;
}
