import type {RejectedRow} from "../portfolio/validateAccounts.js";
import {excerpt} from "../text/excerpt.js";
import {csvRecords} from "./csvRecords.js";
import type {CellColumn} from "./ingestColumns.js";
import {uniqueHeaders} from "./uniqueHeaders.js";

/**
 * What {@link readDelimited} needs of a DuckDB database (DuckDB-wasm's `AsyncDuckDB` in the
 * browser, its blocking build in tests): register bytes as a file, and run SQL returning columns.
 */
export interface DelimitedDatabase {
  registerFile(name: string, bytes: Uint8Array): Promise<void>;
  dropFile(name: string): Promise<void>;
  /**
   * Runs SQL; returns the result's columns, each with one value per row (null for NULL), as
   * arrays or as views read through `at` (`arrowTextCells`).
   */
  query(sql: string): Promise<{readonly length: number; at(index: number): unknown}[]>;
}

/** The result of {@link readDelimited}. */
export interface ReadDelimited {
  delimiter: string;
  /** Distinct column names (see `uniqueHeaders`). */
  header: string[];
  /**
   * The cells DuckDB read, column by column, the header line's first (then one per row): text,
   * null for an empty cell or a missing trailing one. Give them to `ingestColumns` with `skip: 1`.
   */
  columns: CellColumn[];
  /** The same cells as rows, header left out: built when first read, for code that reads rows. */
  readonly rows: (string | null)[][];
  /** The 1-based line of the file on which each row starts. */
  lines: number[];
  /** Records DuckDB's reader refused (too many cells, a quote not closed), with their line and reason. */
  rejected: RejectedRow[];
  /** Set when the text ends inside a quoted field: the file is probably truncated. */
  unterminatedQuote: boolean;
}

/** Options of {@link readDelimited}. */
export interface ReadDelimitedOptions {
  /** The field delimiter; default detected from the first line among `,` `;` tab and `|`. */
  delimiter?: string;
}

const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** A reader's rejection in words, from DuckDB's `reject_errors` row. */
function reason(type: string, message: string, cells: number): string {
  const found = /Found: (\d+)/.exec(message)?.[1];
  if (type === "TOO MANY COLUMNS" && found) return `row has ${found} cells, the header ${cells}`;
  if (type === "UNQUOTED VALUE") return "a quoted value is not closed where it should be (a stray quote)";
  if (type === "LINE SIZE OVER MAXIMUM") return "the line is too long to read";
  return excerpt(message.replace(/\s+/g, " "), {max: 120});
}

/**
 * Reads CSV/TSV text (UTF-8 bytes, no byte-order mark) with DuckDB's CSV reader: every cell as
 * text (`all_varchar`), so that the model's own number reading applies afterwards (万/亿, currency
 * signs, percentages, accounting negatives, decimal commas: see `ingestRows`), the first record
 * as the header, blank lines skipped, quotes as RFC 4180 writes them, short rows padded with
 * empty cells, and records the reader cannot read (more cells than the header, a stray quote)
 * kept in DuckDB's record of rejected lines (`store_rejects`) instead of failing the file. Every
 * record is therefore a row or a rejection, each named by the line of the file on which it
 * starts (see `csvRecords`).
 *
 * The delimiter is chosen here, from the first line, rather than by DuckDB 1.1's sniffer, which
 * took `|` for a small `;` file whose rows differ in length and fails outright on a file that ends
 * inside a quote; the page names the delimiter used.
 *
 * @example
 * const {header, columns, lines, rejected} = await readDelimited(bytes, database); // or a promise of one
 * const {columns: accounts} = ingestColumns(header, columns, {skip: 1, rowNumbers: lines});
 */
export async function readDelimited(
  bytes: Uint8Array,
  database: DelimitedDatabase | PromiseLike<DelimitedDatabase>,
  {delimiter}: ReadDelimitedOptions = {}
): Promise<ReadDelimited> {
  // The records are found while a database still starting (given as a promise) gets ready, and
  // before the bytes are registered: DuckDB-wasm's registerFileBuffer transfers them to its worker
  // (a copy kept here would hold a second copy of a large file at the read's peak of memory).
  const records = csvRecords(bytes, delimiter === undefined ? {} : {delimiter});
  const {headerCells, unterminatedQuote} = records;
  const base = {delimiter: records.delimiter, unterminatedQuote};
  const db = await database;
  if (records.count === 0) return {...base, header: [], columns: [], rows: [], lines: [], rejected: []};
  const file = "tierwise-upload.csv";
  const names = Array.from({length: headerCells}, (_, j) => `c${j}`);
  await db.registerFile(file, bytes);
  let columns: {readonly length: number; at(index: number): unknown}[];
  let errors: {readonly length: number; at(index: number): unknown}[];
  try {
    await db.query("DROP TABLE IF EXISTS reject_errors; DROP TABLE IF EXISTS reject_scans;");
    columns = await db.query(
      `SELECT * FROM read_csv(${sqlString(file)}, delim = ${sqlString(records.delimiter)}, quote = '"', escape = '"', ` +
        `header = false, auto_detect = false, all_varchar = true, null_padding = true, store_rejects = true, ` +
        // A cell can be megabytes long (a stray quote swallows the rest of the file): it is
        // rejected by the model with a short excerpt, not by the reader, so the longest record
        // must fit a line, and two lines the buffer (DuckDB's default: 2 MB and 32 MB).
        `max_line_size = ${Math.max(records.longest + 1, 2 << 20)}, buffer_size = ${Math.max(2 * (records.longest + 1), 32 << 20)}, ` +
        `columns = {${names.map((c) => `'${c}': 'VARCHAR'`).join(", ")}})`
    );
    errors = await db.query(
      "SELECT line_byte_position, error_type, error_message, csv_line FROM reject_errors ORDER BY line_byte_position"
    );
  } finally {
    await db.dropFile(file);
  }
  const n = columns[0]?.length ?? 0;
  // The record each rejection starts in, by its byte offset.
  const rejectedAt = new Map<number, number>();
  const rejected: RejectedRow[] = [];
  const [positions = [], types = [], messages = [], texts = []] = errors;
  for (let e = 0; e < positions.length; ++e) {
    const position = Number(positions.at(e));
    let lo = 0;
    let hi = records.count - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (records.offsets[mid]! <= position) lo = mid;
      else hi = mid - 1;
    }
    if (lo === 0)
      throw new Error(
        `the header line cannot be read: ${reason(String(types.at(e)), String(messages.at(e)), headerCells)}`
      );
    if (rejectedAt.has(lo)) continue;
    rejectedAt.set(lo, rejected.length);
    rejected.push({
      row: records.lines[lo]!,
      column: "",
      value: excerpt(String(texts.at(e) ?? "").replace(/\r?\n$/, "")),
      reason: reason(String(types.at(e)), String(messages.at(e)), headerCells)
    });
  }
  const lines: number[] = [];
  for (let r = 1; r < records.count; ++r) if (!rejectedAt.has(r)) lines.push(records.lines[r]!);
  if (n === 0) throw new Error("no header row could be read");
  if (lines.length !== n - 1)
    throw new Error(
      `DuckDB read ${(n - 1).toLocaleString("en-US")} rows and rejected ${rejected.length.toLocaleString("en-US")}, but the file has ${(records.count - 1).toLocaleString("en-US")} records: their lines cannot be told`
    );
  const header = uniqueHeaders(columns.map((c) => (c.at(0) == null ? "" : String(c.at(0)))));
  const cells = columns.slice(0, headerCells) as CellColumn[];
  let rows: (string | null)[][] | null = null;
  return {
    ...base,
    header,
    columns: cells,
    get rows() {
      return (rows ??= Array.from({length: n - 1}, (_, i) => cells.map((c) => (c.at(i + 1) ?? null) as string | null)));
    },
    lines,
    rejected
  };
}
