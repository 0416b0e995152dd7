import {
  accountColumns,
  checkAccountColumns,
  excerptValue,
  isCurrencyCode,
  type Account,
  type AccountColumns,
  type RejectedRow
} from "tierwise";

/** Where the accounts on every page come from. */
export interface PortfolioSource {
  kind: "sample" | "upload";
  /** The file's name, or "Sample portfolio". */
  name: string;
  /** Data rows in the file, loaded plus rejected. */
  rows: number;
  rejectedRows: number;
  /** ISO time the upload was saved. */
  savedAt: string | null;
  /**
   * The ISO 4217 code of the book's money, which every page names its amounts in (never converted):
   * the sample's is USD, and so is that of a book saved before it was asked.
   */
  currency: string;
}

export interface Portfolio {
  accounts: Account[];
  source: PortfolioSource;
}

/** A saved upload: the portfolio and why the other rows were rejected. */
export interface SavedPortfolio extends Portfolio {
  rejected: RejectedRow[];
  /** The accounts as columns, when the caller has them already (the ingest worker sends them). */
  columns?: AccountColumns;
}

/**
 * The format of the record an upload is stored as. Raise it when the record changes: a record of
 * another format is not read (the user is told, and offered the sample) instead of being misread.
 * Format 3 holds the accounts as columns (`AccountColumns`: typed arrays and one string per text
 * field), so a book of a million accounts is stored and read back as a few dozen objects.
 */
export const portfolioFormat = 3;

/** The stored record: the accounts as columns, the rejected rows, the file, and the format. */
export interface PortfolioRecord {
  format: typeof portfolioFormat;
  columns: AccountColumns;
  rejected: RejectedRow[];
  source: PortfolioSource;
}

/** A stored record read back and checked: everything but the format. */
export type StoredUpload = Omit<PortfolioRecord, "format">;

/** The record to store for an upload. */
export function portfolioRecord(portfolio: SavedPortfolio): PortfolioRecord {
  return {
    format: portfolioFormat,
    columns: portfolio.columns ?? accountColumns(portfolio.accounts),
    rejected: portfolio.rejected,
    source: portfolio.source
  };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value);
const count = (value: unknown) => Number.isSafeInteger(value) && (value as number) >= 0;

/**
 * Reads a stored record back: the saved upload as columns, or why it cannot be used (another
 * format, a missing or mistyped field, a column of the wrong shape, an account that no longer
 * validates: see `checkAccountColumns`). Builds no account object. Pure, so it runs in Node;
 * quotes bad values in short excerpts only.
 */
export function readPortfolioRecord(value: unknown): {portfolio: StoredUpload} | {problem: string} {
  if (!isObject(value)) return {problem: `the stored record is not an object (${excerptValue(value)})`};
  if (value.format !== portfolioFormat) {
    return {
      problem:
        value.format === undefined
          ? "it was saved by an older version of Tierwise"
          : `it is in format ${excerptValue(value.format)}, and this version reads format ${portfolioFormat}`
    };
  }
  const {source, columns, rejected} = value;
  if (
    !isObject(source) ||
    source.kind !== "upload" ||
    typeof source.name !== "string" ||
    !count(source.rows) ||
    !count(source.rejectedRows) ||
    !(source.savedAt === null || typeof source.savedAt === "string")
  )
    return {problem: `its description of the file is damaged (${excerptValue(source)})`};
  if (!isObject(columns) || columns.length === 0) return {problem: `it holds no accounts (${excerptValue(columns)})`};
  if (!Array.isArray(rejected) || !rejected.every(isRejectedRow))
    return {problem: "its list of rejected rows is damaged"};
  const checked = checkAccountColumns(columns);
  if ("problem" in checked)
    return {problem: checked.problem.length > 300 ? `${checked.problem.slice(0, 299)}…` : checked.problem};
  const name = source.name.length > 200 ? `${source.name.slice(0, 197)}…` : source.name;
  return {
    portfolio: {
      columns: checked.columns,
      rejected: rejected as RejectedRow[],
      source: {
        kind: "upload",
        name,
        rows: source.rows as number,
        rejectedRows: source.rejectedRows as number,
        savedAt: source.savedAt as string | null,
        // A damaged or missing code is taken as US dollars, as before codes were kept.
        currency: isCurrencyCode(source.currency) ? source.currency : "USD"
      }
    }
  };
}

function isRejectedRow(value: unknown): boolean {
  return (
    isObject(value) &&
    count(value.row) &&
    typeof value.column === "string" &&
    typeof value.value === "string" &&
    typeof value.reason === "string"
  );
}
