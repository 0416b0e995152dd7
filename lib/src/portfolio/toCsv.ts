/** Options of {@link toCsv}. */
export interface ToCsvOptions {
  /**
   * Prefix text cells that start with `=`, `+`, `-`, `@`, tab or carriage return with an apostrophe,
   * so a spreadsheet shows them instead of running them as formulas (OWASP "CSV injection").
   * Numbers are written as they are. Default true.
   */
  neutraliseFormulas?: boolean;
}

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
  {neutraliseFormulas = true}: ToCsvOptions = {}
): string {
  const cell = (value: unknown) => {
    if (value == null) return "";
    let text = typeof value === "number" ? (Number.isFinite(value) ? String(value) : "") : String(value);
    if (neutraliseFormulas && typeof value !== "number" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  let out = columns.map(cell).join(",") + "\n";
  for (const row of rows) out += columns.map((c) => cell(row[c])).join(",") + "\n";
  return out;
}
