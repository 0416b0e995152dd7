import {accountFields, missingAccountColumns, type Account} from "../portfolio/accountFields.js";
import {validateAccounts, type RejectedRow} from "../portfolio/validateAccounts.js";
import {
  decideDecimalSeparators,
  decimalEvidence,
  numberFieldEvidence,
  type DecimalDecisions,
  type DecimalEvidence
} from "./decimalSeparator.js";
import {detectColumns, type ColumnMapping} from "./detectColumns.js";
import {excerpt} from "../text/excerpt.js";
import {parseNumber, parseYear, type DecimalSeparator} from "./parseValue.js";
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
export interface Ingested {
  accounts: Account[];
  rejected: RejectedRow[];
  rejectedRows: number;
  /** Data rows read. */
  rows: number;
  mapping: ColumnMapping;
  /** The distinct column names the mapping refers to (see `uniqueHeaders`). */
  header: string[];
  /** The decimal separator used for each mapped number field, and why. */
  decimals: DecimalDecisions;
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
  {
    mapping: given,
    firstRow = 2,
    rowNumbers: lineNumbers,
    asOf,
    decimal = null,
    evidence: givenEvidence
  }: IngestRowsOptions = {}
): Ingested {
  const columns = uniqueHeaders(header);
  const mapping = given ?? detectColumns(columns);
  const mapped = Object.keys(mapping).filter((k) => mapping[k as keyof Account] != null);
  const missing = missingAccountColumns(mapped);
  if (missing.length > 0) throw new RangeError(`no column for required fields: ${missing.join(", ")}`);
  for (const [field, column] of Object.entries(mapping)) {
    if (column != null && !columns.includes(column))
      throw new RangeError(`${field} is mapped to ${JSON.stringify(excerpt(column))}, which is not a column`);
  }
  const index = accountFields.map(
    (f) => [f, mapping[f.name] == null ? -1 : columns.indexOf(mapping[f.name]!)] as const
  );
  const numberColumns = new Set(index.filter(([f, j]) => f.type === "number" && j >= 0).map(([, j]) => j));
  if (givenEvidence !== undefined && givenEvidence.length !== columns.length)
    throw new RangeError(`evidence for ${givenEvidence.length} columns, but the header has ${columns.length}`);
  const evidence =
    givenEvidence ??
    columns.map((_, j) =>
      numberColumns.has(j) ? decimalEvidence(rows.map((cells) => cells[j])) : decimalEvidence([])
    );
  const decimals = decideDecimalSeparators(numberFieldEvidence(columns, evidence, mapping), {chosen: decimal});
  const rejected: RejectedRow[] = [];
  const records: Record<string, string | number | null>[] = [];
  const rowNumbers: number[] = [];
  let conversionRejects = 0;
  rows.forEach((cells, i) => {
    const row = lineNumbers?.[i] ?? firstRow + i;
    if (cells.length > columns.length) {
      rejected.push({
        row,
        column: "",
        value: "",
        reason: `row has ${cells.length} cells, the header ${columns.length}`
      });
      ++conversionRejects;
      return;
    }
    const record: Record<string, string | number | null> = {};
    let ok = true;
    for (const [field, j] of index) {
      const raw = j < 0 ? null : (cells[j] ?? null);
      if (field.type === "string") {
        record[field.name] = raw == null ? null : String(raw);
        continue;
      }
      const parsed =
        field.type === "integer"
          ? parseYear(raw)
          : parseNumber(raw, {
              decimal: decimals.columns[field.name]?.decimal ?? null,
              // A percentage means one thing only where the field is a share (at most 1).
              percent: field.max !== undefined && field.max <= 1
            });
      if ("error" in parsed) {
        const source =
          mapping[field.name] !== field.name ? ` (column ${JSON.stringify(excerpt(mapping[field.name]!))})` : "";
        rejected.push({
          row,
          column: field.name,
          value: raw == null ? "" : excerpt(String(raw)),
          reason: `${field.name}${source}: ${parsed.error}`
        });
        ok = false;
      } else {
        record[field.name] = parsed.value;
      }
    }
    if (ok) {
      records.push(record);
      rowNumbers.push(row);
    } else {
      ++conversionRejects;
    }
  });
  const validated = validateAccounts(records, {rowNumbers, asOf});
  rejected.push(...validated.rejected);
  rejected.sort((a, b) => a.row - b.row);
  return {
    accounts: validated.accounts,
    rejected,
    rejectedRows: conversionRejects + validated.rejectedRows,
    rows: rows.length,
    mapping,
    header: columns,
    decimals
  };
}
