import {accountFields, type Account} from "../portfolio/accountFields.js";
import {accountsFromColumns} from "../portfolio/accountColumns.js";
import type {RejectedRow} from "../portfolio/validateAccounts.js";
import {decimalEvidence, type DecimalEvidence} from "./decimalSeparator.js";
import {detectColumns, type ColumnMapping} from "./detectColumns.js";
import {ingestColumns, type IngestedColumns} from "./ingestColumns.js";
import type {DecimalSeparator} from "./parseValue.js";
import {uniqueHeaders} from "./uniqueHeaders.js";

/** Options of {@link ingestRows}. */
export interface IngestRowsOptions {
  /** Which input column feeds each field; default {@link detectColumns} of the header. */
  mapping?: ColumnMapping;
  /** Row number of the first data row, as the user sees the file: 2 below a header line. Default 2. */
  firstRow?: number;
  /** The row number of each data row (its line in the file, say), overriding firstRow. */
  rowNumbers?: readonly number[];
  asOf?: number;
  /**
   * The decimal separator of every number column, or null (the default) to decide it per column
   * from the file's own unambiguous numbers (see `decideDecimalSeparators`).
   */
  decimal?: DecimalSeparator | null;
  /**
   * What each column's texts show about the decimal separator, in header order, when the caller
   * has counted it already (`decimalEvidence` of every column, as a file's inspection does): the
   * rows are then not read twice. Default: counted here.
   */
  evidence?: readonly DecimalEvidence[] | undefined;
}

/** The result of {@link ingestRows}: `accounts.length + rejectedRows === rows`. */
export interface Ingested extends Omit<IngestedColumns, "columns"> {
  accounts: Account[];
}

/**
 * Turns the rows of a tabular file (a header and string cells, as a CSV, Parquet or Excel reader
 * gives them) into accounts: maps columns, converts numbers and years as CRM exports write them
 * (see `parseNumber` and `parseYear`), and validates. Every row ends up either loaded or rejected
 * with its row number, column and reason. A row with more cells than the header is rejected (a
 * stray delimiter or quote); missing trailing cells are empty.
 *
 * Repeated or empty column names are made distinct first (`revenue`, `revenue (2)`), so a mapping
 * names exactly one column. Numbers are never guessed: the decimal separator of each number field
 * comes from the file's unambiguous numbers (or the `decimal` option), and a number that still
 * reads two ways (`1,234`) is rejected, as is a percentage in a field that is not a share (one
 * whose values are at most 1). Rejected values and reasons quote at most 40 characters of a cell.
 *
 * Throws, naming them all, if the mapping leaves required fields without a column.
 *
 * @example
 * const {accounts, rejected} = ingestRows(header, rows);
 */
export function ingestRows(
  header: readonly string[],
  rows: readonly (readonly (string | number | null)[])[],
  options: IngestRowsOptions = {}
): Ingested {
  const {columns, ...rest} = ingestRowsAsColumns(header, rows, options);
  return {accounts: accountsFromColumns(columns), ...rest};
}

/**
 * {@link ingestRows} with the loaded accounts as columns, not objects (see `ingestColumns`, which
 * it goes through): for a reader that gives rows (Excel, Parquet) where the accounts are kept as
 * columns.
 *
 * @example
 * const {columns, rejected} = ingestRowsAsColumns(header, rows);
 */
export function ingestRowsAsColumns(
  header: readonly string[],
  rows: readonly (readonly (string | number | null)[])[],
  {
    mapping: given,
    firstRow = 2,
    rowNumbers: lineNumbers,
    asOf,
    decimal = null,
    evidence: givenEvidence
  }: IngestRowsOptions = {}
): IngestedColumns {
  const names = uniqueHeaders(header);
  // A row with more cells than the header is rejected before its values are read.
  const tooLong: RejectedRow[] = [];
  const kept: number[] = [];
  rows.forEach((cells, i) => {
    const row = lineNumbers?.[i] ?? firstRow + i;
    if (cells.length > names.length)
      tooLong.push({row, column: "", value: "", reason: `row has ${cells.length} cells, the header ${names.length}`});
    else kept.push(i);
  });
  const keptRows = tooLong.length === 0 ? rows : kept.map((i) => rows[i]!);
  const columns = names.map((_, j) => keptRows.map((cells) => cells[j] ?? null));
  // The decimal separator is decided from every row, those rejected for their length too.
  const used = given ?? detectColumns(names);
  const numberColumns = new Set(
    accountFields.filter((f) => f.type === "number" && used[f.name] != null).map((f) => names.indexOf(used[f.name]!))
  );
  const evidence =
    givenEvidence ??
    (tooLong.length === 0
      ? undefined
      : names.map((_, j) => decimalEvidence(numberColumns.has(j) ? rows.map((cells) => cells[j]) : [])));
  const result = ingestColumns(names, columns, {
    mapping: used,
    rowNumbers: kept.map((i) => lineNumbers?.[i] ?? firstRow + i),
    asOf,
    decimal,
    evidence
  });
  if (tooLong.length === 0) return result;
  return {
    ...result,
    rejected: [...tooLong, ...result.rejected].sort((a, b) => a.row - b.row),
    rejectedRows: result.rejectedRows + tooLong.length,
    rows: rows.length
  };
}
