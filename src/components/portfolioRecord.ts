import {accountFields, excerptValue, validateAccounts, type Account, type RejectedRow} from "tierwise";

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
}

export interface Portfolio {
  accounts: Account[];
  source: PortfolioSource;
}

/** A saved upload: the portfolio and why the other rows were rejected. */
export interface SavedPortfolio extends Portfolio {
  rejected: RejectedRow[];
}

/**
 * The format of the record an upload is stored as. Raise it when the record changes: a record of
 * another format is not read (the user is told, and offered the sample) instead of being misread.
 */
export const portfolioFormat = 2;

/** The stored record: the saved upload with its format. */
export interface PortfolioRecord extends SavedPortfolio {
  format: typeof portfolioFormat;
}

/** The record to store for an upload. */
export function portfolioRecord(portfolio: SavedPortfolio): PortfolioRecord {
  return {
    format: portfolioFormat,
    accounts: portfolio.accounts,
    rejected: portfolio.rejected,
    source: portfolio.source
  };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value);
const count = (value: unknown) => Number.isSafeInteger(value) && (value as number) >= 0;

/**
 * Reads a stored record back: the saved upload, or why it cannot be used (another format, a
 * missing or mistyped field, an account that no longer validates). Pure, so it runs in Node;
 * quotes bad values in short excerpts only.
 */
export function readPortfolioRecord(value: unknown): {portfolio: SavedPortfolio} | {problem: string} {
  if (!isObject(value)) return {problem: `the stored record is not an object (${excerptValue(value)})`};
  if (value.format !== portfolioFormat) {
    return {
      problem:
        value.format === undefined
          ? "it was saved by an older version of Tierwise"
          : `it is in format ${excerptValue(value.format)}, and this version reads format ${portfolioFormat}`
    };
  }
  const {source, accounts, rejected} = value;
  if (
    !isObject(source) ||
    source.kind !== "upload" ||
    typeof source.name !== "string" ||
    !count(source.rows) ||
    !count(source.rejectedRows) ||
    !(source.savedAt === null || typeof source.savedAt === "string")
  )
    return {problem: `its description of the file is damaged (${excerptValue(source)})`};
  if (!Array.isArray(accounts) || accounts.length === 0)
    return {problem: `it holds no accounts (${excerptValue(accounts)})`};
  if (!Array.isArray(rejected) || !rejected.every(isRejectedRow))
    return {problem: "its list of rejected rows is damaged"};
  // Text fields must be text: validateAccounts would turn an object into "[object Object]".
  const text = accountFields.filter((field) => field.type === "string").map((field) => field.name);
  for (const [index, account] of accounts.entries()) {
    if (!isObject(account)) return {problem: `account ${index + 1} is not a record (${excerptValue(account)})`};
    for (const name of text) {
      const v = account[name];
      if (!(typeof v === "string" || (v == null && !accountFields.find((f) => f.name === name)!.required)))
        return {problem: `account ${index + 1}: ${name} is not text (${excerptValue(v)})`};
    }
  }
  const checked = validateAccounts(accounts as Record<string, unknown>[]);
  const first = checked.rejected[0];
  if (first) {
    return {
      problem: `account ${first.row}: ${first.reason.length > 200 ? `${first.reason.slice(0, 199)}…` : first.reason} (${checked.rejectedRows.toLocaleString("en-US")} of ${accounts.length.toLocaleString("en-US")} accounts fail the check)`
    };
  }
  const name = source.name.length > 200 ? `${source.name.slice(0, 197)}…` : source.name;
  return {
    portfolio: {
      accounts: checked.accounts,
      rejected: rejected as RejectedRow[],
      source: {
        kind: "upload",
        name,
        rows: source.rows as number,
        rejectedRows: source.rejectedRows as number,
        savedAt: source.savedAt as string | null
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
