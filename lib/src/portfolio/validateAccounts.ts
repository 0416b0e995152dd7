import {accountFields, missingAccountColumns, type Account} from "./accountFields.js";
import {excerpt, quote} from "../text/excerpt.js";

/** Why one input row was not loaded. */
export interface RejectedRow {
  /** 1-based row number of the record in its input (the caller says where numbering starts). */
  row: number;
  /** The column at fault, or "" when the problem is the row as a whole. */
  column: string;
  /** The offending value as text (empty when missing). */
  value: string;
  reason: string;
}

/** Options of {@link validateAccounts}. */
export interface ValidateAccountsOptions {
  /** The row number of the first record: 2 for a file whose first line is a header. Default 1. */
  firstRow?: number;
  /** Accounts whose firstYear, foundedYear or exitYear is after this year are rejected. Default none. */
  asOf?: number | undefined;
  /** The row number of each record, when records are not consecutive rows (overrides firstRow). */
  rowNumbers?: readonly number[] | undefined;
}

/** The result of {@link validateAccounts}: every input record is either in `accounts` or in `rejected`. */
export interface ValidatedAccounts {
  accounts: Account[];
  /** One entry per problem; a rejected row may have several. */
  rejected: RejectedRow[];
  /** The number of distinct rejected rows. */
  rejectedRows: number;
}

/**
 * Checks records (objects keyed by column name, values as numbers or text) against the account
 * record: required values present, numbers numeric, integers whole, values within their bounds,
 * exitYear not before firstYear, foundedYear not after firstYear, and ids unique (the first
 * occurrence is kept, later ones rejected). Text is trimmed; an empty text is a missing value.
 * Numbers given as text must be plain (`1234.5`, `-0.2`, `1e6`): currency symbols, thousands
 * separators and percentages are converted by the ingest layer before this check.
 *
 * Throws, naming them all, if records lack required columns altogether.
 *
 * @example
 * const {accounts, rejected} = validateAccounts(rows, {firstRow: 2});
 * // rejected: [{row: 1204, column: "exitYear", value: "2009", reason: "exitYear 2009 is before firstYear 2015"}]
 */
export function validateAccounts(
  records: readonly Record<string, unknown>[],
  {firstRow = 1, asOf, rowNumbers}: ValidateAccountsOptions = {}
): ValidatedAccounts {
  if (records.length > 0) {
    const missing = missingAccountColumns(Object.keys(records[0]!));
    if (missing.length > 0) throw new RangeError(`missing required columns: ${missing.join(", ")}`);
  }
  const accounts: Account[] = [];
  const rejected: RejectedRow[] = [];
  const ids = new Map<string, number>();
  let rejectedRows = 0;
  records.forEach((record, index) => {
    const row = rowNumbers?.[index] ?? firstRow + index;
    const problems: RejectedRow[] = [];
    const reject = (column: string, value: unknown, reason: string) =>
      problems.push({row, column, value: value == null ? "" : excerpt(String(value)), reason});
    const account: Record<string, string | number | null> = {};
    for (const field of accountFields) {
      const raw = record[field.name];
      const text = typeof raw === "string" ? raw.trim() : raw;
      if (text == null || text === "") {
        if (field.required) reject(field.name, "", `${field.name} is missing`);
        account[field.name] = null;
        continue;
      }
      if (field.type === "string") {
        account[field.name] = String(text);
        continue;
      }
      const value = typeof text === "number" ? text : typeof text === "string" ? Number(text) : NaN;
      if (!Number.isFinite(value)) {
        reject(field.name, raw, `${field.name} ${quote(String(raw))} is not a number`);
      } else if (field.type === "integer" && !Number.isInteger(value)) {
        reject(field.name, raw, `${field.name} ${value} is not a whole number`);
      } else if ((field.min !== undefined && value < field.min) || (field.max !== undefined && value > field.max)) {
        reject(field.name, raw, `${field.name} ${value} is outside ${field.min ?? "-∞"} to ${field.max ?? "∞"}`);
      } else {
        account[field.name] = value;
      }
    }
    const a = account as unknown as Account;
    if (problems.length === 0) {
      if (a.exitYear !== null && a.exitYear < a.firstYear) {
        reject("exitYear", a.exitYear, `exitYear ${a.exitYear} is before firstYear ${a.firstYear}`);
      }
      if (a.foundedYear !== null && a.foundedYear > a.firstYear) {
        reject("foundedYear", a.foundedYear, `foundedYear ${a.foundedYear} is after firstYear ${a.firstYear}`);
      }
      if (asOf !== undefined) {
        for (const column of ["foundedYear", "firstYear", "exitYear"] as const) {
          const y = a[column];
          if (y !== null && y > asOf) reject(column, y, `${column} ${y} is after the current year ${asOf}`);
        }
      }
      const seen = ids.get(a.id);
      if (seen !== undefined) reject("id", a.id, `duplicate id ${quote(a.id)} (first at row ${seen})`);
    }
    if (problems.length > 0) {
      rejected.push(...problems);
      ++rejectedRows;
    } else {
      ids.set(a.id, row);
      accounts.push(a);
    }
  });
  return {accounts, rejected, rejectedRows};
}
