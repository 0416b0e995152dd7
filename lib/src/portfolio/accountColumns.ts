import {accountFields, type Account} from "./accountFields.js";

/** The account fields held as text (all required). */
export type AccountTextField = "id" | "name" | "industry" | "region";
/** The account fields held as numbers: years, money, shares, scores and heads. */
export type AccountNumberField = Exclude<keyof Account, AccountTextField>;

/**
 * A column of text: every value written one after the other in `text`, value `i` being
 * `text.slice(offsets[i], offsets[i + 1])` (offsets count UTF-16 code units, as `String.length`
 * does). One string and one typed array, however many rows: a structured clone copies two
 * objects, not a million.
 */
export interface TextColumn {
  text: string;
  /** `length + 1` offsets, from 0 to `text.length`, never decreasing. */
  offsets: Uint32Array;
}

/**
 * A portfolio as columns, one per account field in the order of `accountFields`: text fields as
 * {@link TextColumn}s, numeric fields (years included) as `Float64Array`s in which NaN is a
 * missing value (an unknown founding year, no exit yet, unknown wallet growth). This is how a
 * loaded portfolio is stored and sent between threads: its typed arrays transfer without a copy
 * (see {@link accountColumnBuffers}), and a reader takes a column without building an object per
 * account.
 */
export type AccountColumns = {length: number} & {[K in AccountTextField]: TextColumn} & {
  [K in AccountNumberField]: Float64Array;
};

/** The text fields, in record order. */
export const accountTextFields: readonly AccountTextField[] = accountFields
  .filter((field) => field.type === "string")
  .map((field) => field.name as AccountTextField);

/** The numeric fields, in record order. */
export const accountNumberFields: readonly AccountNumberField[] = accountFields
  .filter((field) => field.type !== "string")
  .map((field) => field.name as AccountNumberField);

/**
 * Builds a {@link TextColumn} from values.
 *
 * @example
 * textColumn(["Acme", "Beta"]); // {text: "AcmeBeta", offsets: Uint32Array [0, 4, 8]}
 */
export function textColumn(values: readonly string[]): TextColumn {
  const offsets = new Uint32Array(values.length + 1);
  let at = 0;
  for (let i = 0; i < values.length; ++i) {
    at += values[i]!.length;
    if (at > 0xffffffff) throw new RangeError(`text column too long: more than ${0xffffffff} characters`);
    offsets[i + 1] = at;
  }
  return {text: values.join(""), offsets};
}

/**
 * Value `i` of a {@link TextColumn}.
 *
 * @example
 * textAt(textColumn(["Acme", "Beta"]), 1); // "Beta"
 */
export function textAt(column: TextColumn, i: number): string {
  return column.text.slice(column.offsets[i], column.offsets[i + 1]);
}

/**
 * Every value of a {@link TextColumn}, in order.
 *
 * @example
 * textValues(textColumn(["Acme", "Beta"])); // ["Acme", "Beta"]
 */
export function textValues(column: TextColumn): string[] {
  const n = column.offsets.length - 1;
  const values = new Array<string>(n);
  for (let i = 0; i < n; ++i) values[i] = column.text.slice(column.offsets[i], column.offsets[i + 1]);
  return values;
}

/**
 * The accounts as columns: the inverse of {@link accountsFromColumns}. A null number becomes NaN.
 *
 * @example
 * const columns = accountColumns(accounts);
 * columns.annualRevenue; // Float64Array of every account's revenue
 */
export function accountColumns(accounts: readonly Account[]): AccountColumns {
  const n = accounts.length;
  const columns = {length: n} as AccountColumns;
  for (const field of accountTextFields) columns[field] = textColumn(accounts.map((a) => a[field]));
  for (const field of accountNumberFields) {
    const values = new Float64Array(n);
    for (let i = 0; i < n; ++i) values[i] = accounts[i]![field] ?? NaN;
    columns[field] = values;
  }
  return columns;
}

/**
 * Account `i` of the columns as an object; NaN reads as null.
 *
 * @example
 * accountAt(accountColumns(accounts), 0); // accounts[0]
 */
export function accountAt(columns: AccountColumns, i: number): Account {
  const number = (values: Float64Array) => {
    const v = values[i]!;
    return Number.isNaN(v) ? null : v;
  };
  return {
    id: textAt(columns.id, i),
    name: textAt(columns.name, i),
    industry: textAt(columns.industry, i),
    region: textAt(columns.region, i),
    foundedYear: number(columns.foundedYear),
    firstYear: columns.firstYear[i]!,
    exitYear: number(columns.exitYear),
    annualWallet: columns.annualWallet[i]!,
    walletGrowth: number(columns.walletGrowth),
    annualRevenue: columns.annualRevenue[i]!,
    grossMargin: columns.grossMargin[i]!,
    health: columns.health[i]!,
    strategicFit: columns.strategicFit[i]!,
    salesHeads: columns.salesHeads[i]!
  };
}

/**
 * Every account of the columns as an object, for code that still reads objects. A book of a
 * million accounts is a million objects: read columns where the cost matters.
 *
 * @example
 * accountsFromColumns(accountColumns(accounts)); // equal to accounts
 */
export function accountsFromColumns(columns: AccountColumns): Account[] {
  const accounts = new Array<Account>(columns.length);
  for (let i = 0; i < columns.length; ++i) accounts[i] = accountAt(columns, i);
  return accounts;
}

/**
 * The buffers of the columns' typed arrays, to pass as the transfer list of `postMessage`: the
 * columns then move to the other thread without a copy (and are unusable in this one).
 *
 * @example
 * worker.postMessage({columns}, accountColumnBuffers(columns));
 */
export function accountColumnBuffers(columns: AccountColumns): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const field of accountTextFields) buffers.add(columns[field].offsets.buffer as ArrayBuffer);
  for (const field of accountNumberFields) buffers.add(columns[field].buffer as ArrayBuffer);
  return [...buffers];
}
