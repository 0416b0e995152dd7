import {accountFields} from "../portfolio/accountFields.js";
import {detectColumns} from "./detectColumns.js";
import {uniqueHeaders} from "./uniqueHeaders.js";

/** A cell as a spreadsheet or Parquet reader gives it, after {@link toCell}. */
export type Cell = string | number | null;

/** A table found in a sheet by {@link findTable}. */
export interface FoundTable {
  /** Distinct column names (see `uniqueHeaders`). */
  header: string[];
  rows: Cell[][];
  /** The 1-based sheet row of the header and of each data row, as the spreadsheet numbers them. */
  headerLine: number;
  lines: number[];
  /** How many account fields the header names (see `detectColumns`): how much it looks like a portfolio. */
  score: number;
}

/** Options of {@link findTable}. */
export interface FindTableOptions {
  /** How many leading rows may hold titles and notes above the header; default 30. */
  scan?: number;
}

const isEmpty = (cell: Cell | undefined) => cell == null || (typeof cell === "string" && cell.trim() === "");

/**
 * Finds a portfolio's header in a sheet's rows (row 1 first) below any title or note rows: the
 * row among the first `scan` whose cells name the most account fields, the first such row on a
 * tie, or the first non-empty row when none names two. Rows below it are data; empty rows are
 * skipped and columns that are empty in the header and in every row are dropped (a table that
 * starts in column B).
 *
 * @example
 * findTable([["Accounts, March"], [], ["id", "name", "industry"], ["A1", "Acme", "Retail"]]);
 * // {header: ["id", "name", "industry"], rows: [["A1", "Acme", "Retail"]], headerLine: 3, lines: [4], score: 3}
 */
export function findTable(sheet: readonly (readonly Cell[])[], {scan = 30}: FindTableOptions = {}): FoundTable {
  let best = -1;
  let bestScore = 1;
  const limit = Math.min(scan, sheet.length);
  for (let i = 0; i < limit; ++i) {
    const cells = sheet[i]!.map((c) => (c == null ? "" : String(c)));
    if (cells.filter((c) => c.trim() !== "").length < 2) continue;
    const mapping = detectColumns(cells.filter((c) => c.trim() !== ""));
    const score = accountFields.filter((f) => mapping[f.name] !== null).length;
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  }
  if (best < 0) {
    best = sheet.findIndex((row) => row.some((c) => !isEmpty(c)));
    bestScore = 0;
  }
  if (best < 0) return {header: [], rows: [], headerLine: 0, lines: [], score: 0};
  const headerCells = sheet[best]!;
  const body: Cell[][] = [];
  const lines: number[] = [];
  for (let i = best + 1; i < sheet.length; ++i) {
    const row = sheet[i]!;
    if (row.every(isEmpty)) continue;
    body.push(row.slice());
    lines.push(i + 1);
  }
  let width = headerCells.length;
  for (const r of body) width = Math.max(width, r.length);
  const keep: number[] = [];
  for (let j = 0; j < width; ++j) {
    if (!isEmpty(headerCells[j]) || body.some((r) => !isEmpty(r[j]))) keep.push(j);
  }
  const header = uniqueHeaders(keep.map((j) => headerCells[j] ?? null));
  // Trailing empty cells are dropped so a short row reads as missing values, not extra cells.
  const rows = body.map((r) => {
    const cells = keep.map((j) => r[j] ?? null);
    while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
    return cells;
  });
  return {header, rows, headerLine: best + 1, lines, score: bestScore};
}

/**
 * A cell value from Parquet or Excel as text or a number, never losing information: a 64-bit
 * integer (bigint) as its exact decimal text (an id of 19 digits stays exact; a number column
 * still reads it as a number), a date as ISO text (a year column reads its year), a boolean as
 * `true`/`false`, a byte array as hex, anything else as JSON.
 *
 * @example
 * toCell(12345678901234567890n); // "12345678901234567890"
 * toCell(new Date(Date.UTC(2015, 2, 31))); // "2015-03-31T00:00:00.000Z"
 */
export function toCell(value: unknown): Cell {
  if (value == null) return null;
  if (typeof value === "number" || typeof value === "string") return value;
  if (typeof value === "bigint") return String(value);
  if (typeof value === "boolean") return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "invalid date" : value.toISOString();
  if (value instanceof Uint8Array) return Array.from(value, (b) => b.toString(16).padStart(2, "0")).join("");
  try {
    return JSON.stringify(value, (_, v: unknown) => (typeof v === "bigint" ? String(v) : v)) ?? String(value);
  } catch {
    return String(value);
  }
}
