import {accountFields} from "../portfolio/accountFields.js";
import type {ColumnMapping} from "./detectColumns.js";
import {quote} from "../text/excerpt.js";
import {TextCells} from "./arrowColumnValues.js";
import type {CellColumn} from "./ingestColumns.js";
import {cellKind, NumberCells} from "./numberCells.js";
import {plainNumber, readNumber, type DecimalSeparator} from "./parseValue.js";
import {isTrimSpace} from "./trimSpace.js";

/** What a column's texts say about its decimal separator, from {@link decimalEvidence}. */
export interface DecimalEvidence {
  /** Texts that read only with a decimal point (`1,234.5`, `12.5`), and the first of them. */
  point: number;
  pointExample: string | null;
  /** Texts that read only with a decimal comma (`0,18`, `1.234,5`), and the first of them. */
  comma: number;
  commaExample: string | null;
  /** Texts that read two ways (`1,234`), and the first of them. */
  ambiguous: number;
  ambiguousExample: string | null;
}

const noEvidence = (): DecimalEvidence => ({
  point: 0,
  pointExample: null,
  comma: 0,
  commaExample: null,
  ambiguous: 0,
  ambiguousExample: null
});

/**
 * Counts, over a column's cells, the texts that show a decimal point, a decimal comma, or that
 * read two ways (see `readNumber`). Cells that are numbers already (Excel, Parquet), empty or
 * not numbers count for nothing.
 *
 * @example
 * decimalEvidence(["0,18", "1,234", "12,5"]); // {comma: 2, commaExample: "0,18", ambiguous: 1, ambiguousExample: "1,234", point: 0, …}
 */
export function decimalEvidence(cells: Iterable<string | number | null | undefined>): DecimalEvidence {
  const e = noEvidence();
  for (const cell of cells) count(e, cell);
  return e;
}

/** Adds what one cell shows to `e`. */
function count(e: DecimalEvidence, cell: string | number | null | undefined): void {
  if (typeof cell !== "string") return;
  // What readNumber says, without an object made: a plain number shows a point or nothing, and
  // a text without a digit is no number.
  if (cell.length <= 31) {
    const value = plainNumber(cell);
    if (!Number.isNaN(value)) {
      if (cell.includes(".") && e.point++ === 0) e.pointExample = quote(cell.trim());
      return;
    }
  }
  if (!/\d/.test(cell)) return;
  const r = readNumber(cell);
  if (r.kind === "ambiguous") {
    if (e.ambiguous++ === 0) e.ambiguousExample = quote(cell.trim());
  } else if (r.kind === "value" && r.decimal === ".") {
    if (e.point++ === 0) e.pointExample = quote(cell.trim());
  } else if (r.kind === "value" && r.decimal === ",") {
    if (e.comma++ === 0) e.commaExample = quote(cell.trim());
  }
}

// Currency codes a number may start with (see readNumber): a text starting with any other letter
// is no number.
const currencyStarts = new Set(["us$", "usd", "cny", "rmb", "eur", "gbp", "jpy", "hk$"]);

/**
 * {@link decimalEvidence} of a column's cells from `skip` on, read without a string per cell where
 * the column allows: a `NumberCells` column counts its plain numbers from their kinds, and a
 * `TextCells` column passes over, by their characters, the cells no reading could take for a
 * number (no digit, or a letter first that starts no currency code), as most names, ids and
 * industries are. The same counts and examples as `decimalEvidence` of the cells.
 *
 * @example
 * columnEvidence(arrowCells(vector), {skip: 1});
 */
export function columnEvidence(column: CellColumn, {skip = 0}: {skip?: number} = {}): DecimalEvidence {
  const e = noEvidence();
  if (column instanceof NumberCells) {
    const {kinds} = column;
    for (let i = skip; i < column.length; ++i) {
      const kind = kinds[i];
      if (kind === cellKind.point) {
        if (e.point++ === 0) e.pointExample = quote(column.at(i)!.trim());
      } else if (kind === cellKind.text) count(e, column.at(i));
    }
    return e;
  }
  if (column instanceof TextCells) {
    const {text, offsets} = column;
    for (let i = skip; i < column.length; ++i) {
      let a = offsets[i]!;
      const b = offsets[i + 1]!;
      let digit = false;
      for (let j = a; j < b && !digit; ++j) {
        const c = text.charCodeAt(j);
        digit = c >= 48 && c <= 57;
      }
      if (!digit) continue;
      while (a < b && isTrimSpace(text.charCodeAt(a))) ++a;
      const first = text.charCodeAt(a) | 0x20;
      if (first >= 0x61 && first <= 0x7a && !currencyStarts.has(text.slice(a, a + 3).toLowerCase())) continue;
      count(e, column.at(i));
    }
    return e;
  }
  for (let i = skip; i < column.length; ++i) count(e, column.at(i));
  return e;
}

/** How one column's decimal separator was decided, from {@link decideDecimalSeparators}. */
export interface DecimalDecision {
  /** The separator used for the column's texts that read two ways; null: such texts are rejected. */
  decimal: DecimalSeparator | null;
  /** Why, in words: "chosen", "0,18 in this column", "12.5 in health", or why none could be decided. */
  reason: string;
  /** Texts in the column that read two ways, and the first of them. */
  ambiguous: number;
  ambiguousExample: string | null;
}

/** The result of {@link decideDecimalSeparators}. */
export interface DecimalDecisions {
  /** The file's separator when its numeric columns agree; null when they show none or both. */
  file: DecimalSeparator | null;
  /** One decision per numeric column given. */
  columns: Record<string, DecimalDecision>;
  /** Numeric columns that hold texts reading two ways with no separator decided: ask the user. */
  undecided: string[];
}

const named = {".": "decimal point", ",": "decimal comma"} as const;

function verdict(e: DecimalEvidence): DecimalSeparator | null | "both" {
  if (e.point > 0 && e.comma > 0) return "both";
  return e.point > 0 ? "." : e.comma > 0 ? "," : null;
}

/**
 * Decides the decimal separator of each numeric column of a file from unambiguous evidence only:
 * a column whose own texts show one separator uses it; a column with no evidence of its own uses
 * the file's, when the file's numeric columns show only one; a column or file that shows both,
 * or a file that shows none, decides nothing, and its texts that read two ways (`1,234`) are
 * rejected unless the user chooses a separator, which then applies to every column.
 *
 * @example
 * decideDecimalSeparators({grossMargin: decimalEvidence(["0,18"]), annualRevenue: decimalEvidence(["1,234"])});
 * // {file: ",", columns: {annualRevenue: {decimal: ",", reason: "decimal comma, as in \"0,18\" (grossMargin)", …}, …}, undecided: []}
 */
export function decideDecimalSeparators(
  columns: Record<string, DecimalEvidence>,
  {chosen = null}: {chosen?: DecimalSeparator | null} = {}
): DecimalDecisions {
  const entries = Object.entries(columns);
  let filePoint: string | null = null;
  let fileComma: string | null = null;
  for (const [name, e] of entries) {
    if (e.point > 0) filePoint ??= `${e.pointExample} (${name})`;
    if (e.comma > 0) fileComma ??= `${e.commaExample} (${name})`;
  }
  const file = filePoint && !fileComma ? "." : fileComma && !filePoint ? "," : null;
  const decisions: Record<string, DecimalDecision> = {};
  const undecided: string[] = [];
  for (const [name, e] of entries) {
    const own = verdict(e);
    let decimal: DecimalSeparator | null;
    let reason: string;
    if (chosen !== null) {
      decimal = chosen;
      reason = `${named[chosen]}, as chosen`;
    } else if (own === "." || own === ",") {
      decimal = own;
      reason = `${named[own]}, as in ${own === "." ? e.pointExample : e.commaExample}`;
    } else if (own === "both") {
      decimal = null;
      reason = `both: ${e.pointExample} has a decimal point, ${e.commaExample} a decimal comma`;
    } else if (file !== null) {
      decimal = file;
      reason = `${named[file]}, as in ${file === "." ? filePoint : fileComma}`;
    } else {
      decimal = null;
      reason =
        filePoint && fileComma
          ? `undecided: the file shows both, ${filePoint} and ${fileComma}`
          : "undecided: no number in the file shows its decimal separator";
    }
    decisions[name] = {decimal, reason, ambiguous: e.ambiguous, ambiguousExample: e.ambiguousExample};
    if (decimal === null && e.ambiguous > 0) undecided.push(name);
  }
  return {file: chosen ?? file, columns: decisions, undecided};
}

/**
 * The evidence of each mapped number field, from per-column evidence in header order (as
 * {@link decimalEvidence} gives it for every column of a file): the input of
 * {@link decideDecimalSeparators} for a mapping.
 *
 * @example
 * const decisions = decideDecimalSeparators(numberFieldEvidence(header, evidence, mapping));
 */
export function numberFieldEvidence(
  header: readonly string[],
  evidence: readonly DecimalEvidence[],
  mapping: ColumnMapping
): Record<string, DecimalEvidence> {
  const out: Record<string, DecimalEvidence> = {};
  for (const field of accountFields) {
    const column = mapping[field.name];
    const e = column == null ? undefined : evidence[header.indexOf(column)];
    if (field.type === "number" && e !== undefined) out[field.name] = e;
  }
  return out;
}
