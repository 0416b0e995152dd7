import {accountFields, missingAccountColumns, type Account} from "../portfolio/accountFields.js";
import {accountNumberFields, type AccountColumns, type AccountTextField} from "../portfolio/accountColumns.js";
import type {RejectedRow} from "../portfolio/validateAccounts.js";
import {TextCells} from "./arrowColumnValues.js";
import {
  columnEvidence,
  decideDecimalSeparators,
  decimalEvidence,
  numberFieldEvidence,
  type DecimalDecisions,
  type DecimalEvidence
} from "./decimalSeparator.js";
import {detectColumns, type ColumnMapping} from "./detectColumns.js";
import {excerpt, quote} from "../text/excerpt.js";
import {cellKind, NumberCells} from "./numberCells.js";
import {parseNumber, parseYear, plainNumber, type DecimalSeparator} from "./parseValue.js";
import {isTrimSpace} from "./trimSpace.js";
import {uniqueHeaders} from "./uniqueHeaders.js";

/**
 * One input column: a cell per row, text or a number, null (or undefined) for an empty cell, read
 * through `length` and `at(i)`: an array, or a view that makes each cell when it is read (such as
 * `TextCells`, over DuckDB's text columns).
 */
export interface CellColumn {
  readonly length: number;
  at(index: number): string | number | null | undefined;
}

/** Options of {@link ingestColumns}. */
export interface IngestColumnsOptions {
  /** Which input column feeds each field; default {@link detectColumns} of the header. */
  mapping?: ColumnMapping | undefined;
  /** Row number of the first data row, as the user sees the file: 2 below a header line. Default 2. */
  firstRow?: number;
  /** The row number of each data row (its line in the file, say), overriding firstRow. */
  rowNumbers?: ArrayLike<number> | undefined;
  /** Accounts whose founding, first or exit year is after this year are rejected. Default none. */
  asOf?: number | undefined;
  /** The decimal separator of every number column, or null (the default) to decide it per column. */
  decimal?: DecimalSeparator | null;
  /** What each column's texts show about the decimal separator, in header order, if counted already. */
  evidence?: readonly DecimalEvidence[] | undefined;
  /**
   * Cells to pass over at the top of every column: 1 when a reader returns the header line as the
   * first row of its columns (DuckDB's, with `header = false`), so no column is copied to drop it.
   * Default 0.
   */
  skip?: number;
}

/** The result of {@link ingestColumns}: `columns.length + rejectedRows === rows`. */
export interface IngestedColumns {
  /** The loaded accounts, as columns. */
  columns: AccountColumns;
  /** Why rows were not loaded, by row; a rejected row may have several entries. */
  rejected: RejectedRow[];
  /** The number of distinct rejected rows. */
  rejectedRows: number;
  /** Data rows read. */
  rows: number;
  mapping: ColumnMapping;
  /** The distinct column names the mapping refers to (see `uniqueHeaders`). */
  header: string[];
  /** The decimal separator used for each mapped number field, and why. */
  decimals: DecimalDecisions;
}

const fourDigits = (s: string) => {
  for (let i = 0; i < 4; ++i) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
};

/**
 * Turns the columns of a tabular file (a header and, per column, one cell per row, as DuckDB's CSV
 * reader returns them) into accounts held as columns, without an object per row: maps columns,
 * converts numbers and years as CRM exports write them (`parseNumber`, `parseYear`), and checks
 * each account as `validateAccounts` does (required values, whole years, bounds, exitYear not
 * before firstYear, foundedYear not after firstYear, the current year, unique ids with the first
 * kept). Every row ends up loaded or rejected with its row number, column and reason; a row whose
 * values cannot be read is rejected for that alone, as `ingestRows` does (which goes through this
 * function, so the two load and reject the same rows for the same reasons).
 *
 * Throws, naming them all, if the mapping leaves required fields without a column.
 *
 * @example
 * const {columns, rejected} = ingestColumns(["id", "name", …], [["A1", "A2"], ["Acme", "Beta"], …]);
 */
export function ingestColumns(
  header: readonly string[],
  cells: readonly CellColumn[],
  {
    mapping: given,
    firstRow = 2,
    rowNumbers,
    asOf,
    decimal = null,
    evidence: givenEvidence,
    skip = 0
  }: IngestColumnsOptions = {}
): IngestedColumns {
  const names = uniqueHeaders(header);
  if (cells.length !== names.length)
    throw new RangeError(`${cells.length} columns of cells, but the header has ${names.length}`);
  if (!(Number.isSafeInteger(skip) && skip >= 0)) throw new RangeError(`invalid skip: ${skip}`);
  const size = cells[0]?.length ?? skip;
  for (const column of cells)
    if (column.length !== size) throw new RangeError(`columns of ${size} and ${column.length} cells`);
  if (size < skip) throw new RangeError(`columns of ${size} cells, fewer than the ${skip} to skip`);
  const n = size - skip;
  const mapping = given ?? detectColumns(names);
  const mapped = Object.keys(mapping).filter((k) => mapping[k as keyof Account] != null);
  const missing = missingAccountColumns(mapped);
  if (missing.length > 0) throw new RangeError(`no column for required fields: ${missing.join(", ")}`);
  for (const [field, column] of Object.entries(mapping)) {
    if (column != null && !names.includes(column))
      throw new RangeError(`${field} is mapped to ${JSON.stringify(excerpt(column))}, which is not a column`);
  }
  const index = accountFields.map((f) => (mapping[f.name] == null ? -1 : names.indexOf(mapping[f.name]!)));
  if (givenEvidence !== undefined && givenEvidence.length !== names.length)
    throw new RangeError(`evidence for ${givenEvidence.length} columns, but the header has ${names.length}`);
  const evidence =
    givenEvidence ??
    names.map((_, j) =>
      accountFields.some((f, k) => f.type === "number" && index[k] === j)
        ? columnEvidence(cells[j]!, {skip})
        : decimalEvidence([])
    );
  const decimals = decideDecimalSeparators(numberFieldEvidence(names, evidence, mapping), {chosen: decimal});
  const fields = accountFields.map((field, k) => {
    const j = index[k]!;
    const column = j < 0 ? null : cells[j]!;
    return {
      field,
      column,
      // Cells read without a string each: plain numbers by their kind and value, text by its
      // offsets in the column's one string.
      numbers: column instanceof NumberCells && field.type !== "string" ? column : null,
      texts:
        field.type !== "string"
          ? null
          : column instanceof TextCells
            ? column
            : column instanceof NumberCells
              ? column.cells
              : null,
      // Where the message names the file's column, when it is not the field's own name.
      source:
        j >= 0 && mapping[field.name] !== field.name
          ? ` (column ${JSON.stringify(excerpt(mapping[field.name]!))})`
          : "",
      number: {
        decimal: decimals.columns[field.name]?.decimal ?? null,
        // A percentage means one thing only where the field is a share (at most 1).
        percent: field.max !== undefined && field.max <= 1
      }
    };
  });

  // Loaded accounts are appended as they pass: text as pieces joined once at the end (a run of
  // consecutive cells of a column's one string is one piece, cut when the run ends), numbers into
  // typed arrays of the input's length, cut to the accounts' at the end.
  const text = {} as Record<AccountTextField, TextOutput>;
  for (const name of ["id", "name", "industry", "region"] as const) text[name] = new TextOutput(n);
  // Where a text cell read by its offsets starts and ends, trimmed, by field.
  const from = new Float64Array(fields.length);
  const to = new Float64Array(fields.length);
  const numbers = {} as Record<(typeof accountNumberFields)[number], Float64Array>;
  for (const name of accountNumberFields) numbers[name] = new Float64Array(n);
  const values = new Array<string | number | null>(fields.length);
  const ids = new Map<string, number>();
  // Ids read by their offsets are hashed first: only those whose hash another id shares can repeat,
  // and only they are cut out as strings and kept in `ids` (a million distinct ids never are).
  const idTexts = fields[0]!.field.name === "id" ? fields[0]!.texts : null;
  const repeated = idTexts === null ? null : repeatedHashes(idTexts, skip);
  const rejected: RejectedRow[] = [];
  const problems: RejectedRow[] = [];
  // Whether this row's id is known to be unique (by its hash), so it is not cut out as a string.
  let uniqueId = false;
  let loaded = 0;
  let rejectedRows = 0;
  let row = 0;
  const reject = (column: string, value: string | number, reason: string) =>
    void problems.push({row, column, value: excerpt(String(value)), reason});

  for (let i = 0; i < n; ++i) {
    row = rowNumbers?.[i] ?? firstRow + i;
    problems.length = 0;
    uniqueId = false;
    // Reading: numbers and years as the file writes them; a row with a value that cannot be read
    // is rejected for that alone.
    for (let k = 0; k < fields.length; ++k) {
      const {field, column, source, number, numbers: plain, texts} = fields[k]!;
      if (texts !== null) {
        const at = skip + i;
        if (texts.valid !== null && texts.valid[at] === 0) {
          values[k] = null;
          continue;
        }
        let a = texts.offsets[at]!;
        let b = texts.offsets[at + 1]!;
        while (a < b && isTrimSpace(texts.text.charCodeAt(a))) ++a;
        while (b > a && isTrimSpace(texts.text.charCodeAt(b - 1))) --b;
        from[k] = a;
        to[k] = b;
        // Only the id is needed as a string (to find repeated ids); the other text is copied by its offsets.
        if (a === b) values[k] = null;
        else if (k !== 0) values[k] = textByOffsets;
        else if (repeated !== null && !repeated.hashes.has(repeated.of[i]!)) {
          values[k] = textByOffsets;
          uniqueId = true;
        } else values[k] = texts.text.slice(a, b);
        continue;
      }
      if (plain !== null) {
        const kind = plain.kinds[skip + i];
        if (kind === cellKind.null) {
          values[k] = null;
          continue;
        }
        if (
          field.type === "integer"
            ? kind === cellKind.fourDigits
            : kind !== cellKind.text && (kind !== cellKind.point || number.decimal !== ",")
        ) {
          values[k] = plain.values[skip + i]!;
          continue;
        }
      }
      const raw = column === null ? null : (column.at(skip + i) ?? null);
      if (field.type === "string") {
        values[k] = raw == null ? null : String(raw).trim();
        continue;
      }
      // Most cells of a large file are plain: read as parseNumber and parseYear would, with no
      // object made (a plain number with a point is refused under a decimal comma, by the rules).
      if (typeof raw === "string") {
        if (field.type === "integer") {
          if (raw.length === 4 && fourDigits(raw)) {
            values[k] = Number(raw);
            continue;
          }
        } else if (raw.length <= 31) {
          const value = plainNumber(raw);
          if (!Number.isNaN(value) && (number.decimal !== "," || !raw.includes("."))) {
            values[k] = value;
            continue;
          }
        }
      }
      const parsed = field.type === "integer" ? parseYear(raw) : parseNumber(raw, number);
      if ("error" in parsed) {
        problems.push({
          row,
          column: field.name,
          value: raw == null ? "" : excerpt(String(raw)),
          reason: `${field.name}${source}: ${parsed.error}`
        });
      } else {
        values[k] = parsed.value;
      }
    }
    if (problems.length === 0) {
      // Checking, as validateAccounts does.
      for (let k = 0; k < fields.length; ++k) {
        const {field} = fields[k]!;
        const value = values[k]!;
        if (value === null || value === "") {
          values[k] = null;
          if (field.required) reject(field.name, "", `${field.name} is missing`);
          continue;
        }
        if (typeof value === "string") continue;
        if (!Number.isFinite(value)) {
          reject(field.name, value, `${field.name} ${quote(String(value))} is not a number`);
        } else if (field.type === "integer" && !Number.isInteger(value)) {
          reject(field.name, value, `${field.name} ${value} is not a whole number`);
        } else if ((field.min !== undefined && value < field.min) || (field.max !== undefined && value > field.max)) {
          reject(field.name, value, `${field.name} ${value} is outside ${field.min ?? "-∞"} to ${field.max ?? "∞"}`);
        }
      }
      if (problems.length === 0) {
        const [id, , , , foundedYear, firstYear, exitYear] = values as [
          string,
          string,
          string,
          string,
          number | null,
          number,
          number | null
        ];
        if (exitYear !== null && exitYear < firstYear)
          reject("exitYear", exitYear, `exitYear ${exitYear} is before firstYear ${firstYear}`);
        if (foundedYear !== null && foundedYear > firstYear)
          reject("foundedYear", foundedYear, `foundedYear ${foundedYear} is after firstYear ${firstYear}`);
        if (asOf !== undefined) {
          const years = [
            ["foundedYear", foundedYear],
            ["firstYear", firstYear],
            ["exitYear", exitYear]
          ] as const;
          for (const [column, y] of years)
            if (y !== null && y > asOf) reject(column, y, `${column} ${y} is after the current year ${asOf}`);
        }
        // An id read by its offsets whose hash no other id shares is unique.
        const seen = uniqueId ? undefined : ids.get(id);
        if (seen !== undefined) reject("id", id, `duplicate id ${quote(id)} (first at row ${seen})`);
        else if (problems.length === 0 && !uniqueId) ids.set(id, row);
      }
    }
    if (problems.length > 0) {
      for (const p of problems) rejected.push(p);
      ++rejectedRows;
      continue;
    }
    for (let k = 0; k < fields.length; ++k) {
      const {field, texts} = fields[k]!;
      const value = values[k]!;
      if (typeof value === "string") {
        const column = text[field.name as AccountTextField];
        if (texts !== null) column.addRange(texts.text, from[k]!, to[k]!, loaded);
        else column.add(value, loaded);
      } else {
        numbers[field.name as (typeof accountNumberFields)[number]][loaded] = value ?? NaN;
      }
    }
    ++loaded;
  }
  const columns = {length: loaded} as AccountColumns;
  for (const name of ["id", "name", "industry", "region"] as const) columns[name] = text[name].finish(name, loaded);
  for (const name of accountNumberFields) columns[name] = numbers[name].slice(0, loaded);
  return {columns, rejected, rejectedRows, rows: n, mapping, header: names, decimals};
}

/**
 * A 32-bit hash (FNV-1a over UTF-16 code units) of each cell's trimmed text from `skip` on, and
 * the hashes that occur more than once: a cell whose hash is not among them equals no other cell.
 */
function repeatedHashes(cells: TextCells, skip: number): {of: Uint32Array; hashes: Set<number>} {
  const {text, offsets} = cells;
  const n = cells.length - skip;
  const of = new Uint32Array(n);
  for (let i = 0; i < n; ++i) {
    let a = offsets[skip + i]!;
    let b = offsets[skip + i + 1]!;
    while (a < b && isTrimSpace(text.charCodeAt(a))) ++a;
    while (b > a && isTrimSpace(text.charCodeAt(b - 1))) --b;
    let h = 0x811c9dc5;
    for (let j = a; j < b; ++j) h = Math.imul(h ^ text.charCodeAt(j), 0x01000193);
    of[i] = h >>> 0;
  }
  const sorted = of.slice().sort();
  const hashes = new Set<number>();
  for (let i = 1; i < n; ++i) if (sorted[i] === sorted[i - 1]) hashes.add(sorted[i]!);
  return {of, hashes};
}

// Stands for a text value copied by its offsets, which is only ever tested for being text.
const textByOffsets = "\u0000";

/** A text column being written: pieces joined once, and the offset at which each value ends. */
class TextOutput {
  readonly offsets: Uint32Array;
  readonly #pieces: string[] = [];
  #source = "";
  #start = 0;
  #end = 0;
  #length = 0;
  constructor(n: number) {
    this.offsets = new Uint32Array(n + 1);
  }
  #flush(): void {
    if (this.#end > this.#start) this.#pieces.push(this.#source.slice(this.#start, this.#end));
    this.#start = this.#end = 0;
  }
  /** Appends `source.slice(start, end)` as value `index`, extending the current run when it continues it. */
  addRange(source: string, start: number, end: number, index: number): void {
    if (source !== this.#source || start !== this.#end) {
      this.#flush();
      this.#source = source;
      this.#start = start;
    }
    this.#end = end;
    this.#grow(end - start, index);
  }
  /** Appends `value` as value `index`. */
  add(value: string, index: number): void {
    this.#flush();
    this.#pieces.push(value);
    this.#grow(value.length, index);
  }
  #grow(length: number, index: number): void {
    this.#length += length;
    if (this.#length > 0xffffffff) throw new RangeError("text column too long");
    this.offsets[index + 1] = this.#length;
  }
  finish(name: string, length: number): {text: string; offsets: Uint32Array} {
    this.#flush();
    const text = this.#pieces.join("");
    if (text.length !== this.#length)
      throw new RangeError(`text column ${name}: ${text.length} characters written, ${this.#length} counted`);
    return {text, offsets: this.offsets.slice(0, length + 1)};
  }
}
