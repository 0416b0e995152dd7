import type {Account} from "./accountFields.js";
import {accountAt, accountColumns, textAt, type AccountColumns, type TextColumn} from "./accountColumns.js";

/** The columns behind a view, and the text of its few-valued fields cut out once each. */
interface ViewState {
  columns: AccountColumns;
  industry: Interned | null;
  region: Interned | null;
}

/** A text column as a code per row into its distinct values. */
interface Interned {
  codes: Uint32Array;
  values: string[];
}

// The views made here, so that a consumer given one gets its columns back without a copy.
const views = new WeakMap<readonly Account[], AccountColumns>();

function intern(column: TextColumn): Interned {
  const n = column.offsets.length - 1;
  const codes = new Uint32Array(n);
  const values: string[] = [];
  const index = new Map<string, number>();
  for (let i = 0; i < n; ++i) {
    const value = textAt(column, i);
    let code = index.get(value);
    if (code === undefined) index.set(value, (code = values.push(value) - 1));
    codes[i] = code;
  }
  return {codes, values};
}

const number = (v: number) => (Number.isNaN(v) ? null : v);

/**
 * One account of a view: every field is read from the columns when asked for. Its fields are
 * getters on the prototype, so a spread or a structured clone of a row has none of them: send
 * the columns (see {@link columnsOfAccounts}) to another thread, never the rows. JSON.stringify
 * writes the account as an object.
 */
class AccountRow implements Account {
  readonly #view: ViewState;
  readonly #i: number;
  constructor(view: ViewState, i: number) {
    this.#view = view;
    this.#i = i;
  }
  get id(): string {
    return textAt(this.#view.columns.id, this.#i);
  }
  get name(): string {
    return textAt(this.#view.columns.name, this.#i);
  }
  get industry(): string {
    const view = this.#view;
    const {codes, values} = (view.industry ??= intern(view.columns.industry));
    return values[codes[this.#i]!]!;
  }
  get region(): string {
    const view = this.#view;
    const {codes, values} = (view.region ??= intern(view.columns.region));
    return values[codes[this.#i]!]!;
  }
  get foundedYear(): number | null {
    return number(this.#view.columns.foundedYear[this.#i]!);
  }
  get firstYear(): number {
    return this.#view.columns.firstYear[this.#i]!;
  }
  get exitYear(): number | null {
    return number(this.#view.columns.exitYear[this.#i]!);
  }
  get annualWallet(): number {
    return this.#view.columns.annualWallet[this.#i]!;
  }
  get walletGrowth(): number | null {
    return number(this.#view.columns.walletGrowth[this.#i]!);
  }
  get annualRevenue(): number {
    return this.#view.columns.annualRevenue[this.#i]!;
  }
  get grossMargin(): number {
    return this.#view.columns.grossMargin[this.#i]!;
  }
  get health(): number {
    return this.#view.columns.health[this.#i]!;
  }
  get strategicFit(): number {
    return this.#view.columns.strategicFit[this.#i]!;
  }
  get salesHeads(): number {
    return this.#view.columns.salesHeads[this.#i]!;
  }
  toJSON(): Account {
    return accountAt(this.#view.columns, this.#i);
  }
}

/**
 * The accounts of the columns as rows that read the columns when a field is asked for: an object
 * of two fields per account instead of fourteen values and four strings, and no text cut out
 * until it is read (industry and region, which take few values, are cut out once per distinct
 * value, on first use). Code that reads `Account`s reads these; a row is read-only.
 *
 * @example
 * const accounts = accountView(columns);
 * accounts[0].annualWallet; // columns.annualWallet[0]
 * columnsOfAccounts(accounts) === columns; // true
 */
export function accountView(columns: AccountColumns): Account[] {
  const view: ViewState = {columns, industry: null, region: null};
  const rows = new Array<Account>(columns.length);
  for (let i = 0; i < columns.length; ++i) rows[i] = new AccountRow(view, i);
  views.set(rows, columns);
  return rows;
}

/**
 * The accounts as columns: the columns behind an {@link accountView} as they are, or columns
 * built from any other array of accounts. What to post to a worker instead of the accounts.
 *
 * @example
 * worker.postMessage({columns: columnsOfAccounts(portfolio.accounts)});
 */
export function columnsOfAccounts(accounts: readonly Account[]): AccountColumns {
  return views.get(accounts) ?? accountColumns(accounts);
}
