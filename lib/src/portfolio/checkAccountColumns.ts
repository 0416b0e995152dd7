import {accountFields} from "./accountFields.js";
import {
  accountNumberFields,
  accountTextFields,
  textAt,
  type AccountColumns,
  type TextColumn
} from "./accountColumns.js";
import {excerptValue, quote} from "../text/excerpt.js";

/** The result of {@link checkAccountColumns}: the columns, or why they cannot be used. */
export type CheckedAccountColumns = {columns: AccountColumns} | {problem: string};

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value);

function textProblem(name: string, value: unknown, length: number): string | null {
  if (!isObject(value) || typeof value.text !== "string" || !(value.offsets instanceof Uint32Array))
    return `column ${name} is not a text column (${excerptValue(value)})`;
  const {text, offsets} = value as unknown as TextColumn;
  if (offsets.length !== length + 1) return `column ${name} has ${offsets.length - 1} values, not ${length}`;
  if (offsets[0] !== 0 || offsets[length] !== text.length) return `column ${name}'s offsets do not span its text`;
  for (let i = 0; i < length; ++i) if (offsets[i + 1]! < offsets[i]!) return `column ${name}'s offsets decrease`;
  return null;
}

/**
 * Checks a value read back from storage or received from another thread as {@link AccountColumns},
 * with the checks `validateAccounts` makes on records: the shape (a count, a text column or a
 * `Float64Array` of that many values per field), required values present (non-empty text, a
 * number that is not NaN), whole years, every value within its field's bounds, exitYear not
 * before firstYear, foundedYear not after firstYear, and ids unique. The first problem is named
 * with its 1-based account and the number of accounts that fail; values are quoted in short
 * excerpts only. Linear in the accounts and builds no string per account: a first pass reads the
 * columns one at a time and compares ids through a hash of their characters; only when it finds
 * a problem does a second pass, account by account, name the first one and count them.
 *
 * @example
 * checkAccountColumns(accountColumns(accounts)); // {columns: …}
 * checkAccountColumns({length: 1}); // {problem: "column id is not a text column (undefined)"}
 */
export function checkAccountColumns(value: unknown): CheckedAccountColumns {
  if (!isObject(value)) return {problem: `the columns are not an object (${excerptValue(value)})`};
  const length = value.length;
  if (!(Number.isSafeInteger(length) && (length as number) >= 0))
    return {problem: `the number of accounts is not a count (${excerptValue(length)})`};
  const n = length as number;
  for (const name of accountTextFields) {
    const problem = textProblem(name, value[name], n);
    if (problem) return {problem};
  }
  for (const name of accountNumberFields) {
    const column = value[name];
    if (!(column instanceof Float64Array)) return {problem: `column ${name} is not numbers (${excerptValue(column)})`};
    if (column.length !== n) return {problem: `column ${name} has ${column.length} values, not ${n}`};
  }
  const columns = value as unknown as AccountColumns;
  if (columnsPass(columns)) return {columns};
  let first: string | null = null;
  let failing = 0;
  const ids = new Map<string, number>();
  for (let i = 0; i < n; ++i) {
    const problem = accountProblem(columns, i, ids);
    if (problem === null) continue;
    first ??= `account ${i + 1}: ${problem}`;
    ++failing;
  }
  if (first !== null)
    return {
      problem: `${first} (${failing.toLocaleString("en-US")} of ${n.toLocaleString("en-US")} accounts fail the check)`
    };
  return {columns};
}

const numberFields = accountFields.filter((field) => field.type !== "string");

function accountProblem(columns: AccountColumns, i: number, ids: Map<string, number>): string | null {
  for (const name of accountTextFields) {
    const text = textAt(columns[name], i);
    if (text.trim() === "") return `${name} is missing`;
  }
  for (const field of numberFields) {
    const v = columns[field.name as keyof AccountColumns & string] as Float64Array;
    const value = v[i]!;
    if (Number.isNaN(value)) {
      if (field.required) return `${field.name} is missing`;
      continue;
    }
    if (!Number.isFinite(value)) return `${field.name} ${value} is not a number`;
    if (field.type === "integer" && !Number.isInteger(value)) return `${field.name} ${value} is not a whole number`;
    if ((field.min !== undefined && value < field.min) || (field.max !== undefined && value > field.max))
      return `${field.name} ${value} is outside ${field.min ?? "-∞"} to ${field.max ?? "∞"}`;
  }
  const firstYear = columns.firstYear[i]!;
  const exitYear = columns.exitYear[i]!;
  const foundedYear = columns.foundedYear[i]!;
  if (exitYear < firstYear) return `exitYear ${exitYear} is before firstYear ${firstYear}`;
  if (foundedYear > firstYear) return `foundedYear ${foundedYear} is after firstYear ${firstYear}`;
  const id = textAt(columns.id, i);
  const seen = ids.get(id);
  if (seen !== undefined) return `duplicate id ${quote(id)} (first at account ${seen})`;
  ids.set(id, i + 1);
  return null;
}

/**
 * Whether every account passes the checks of {@link accountProblem}, read column by column. A
 * false answer is always checked again by accountProblem, so this pass may be cautious (a text
 * starting with a character other than printable ASCII is sliced and trimmed), never lenient.
 */
function columnsPass(columns: AccountColumns): boolean {
  const n = columns.length;
  for (const name of accountTextFields) {
    const {text, offsets} = columns[name];
    for (let i = 0; i < n; ++i) {
      const start = offsets[i]!;
      const end = offsets[i + 1]!;
      if (start === end) return false;
      const c = text.charCodeAt(start);
      if (!(c > 0x20 && c < 0x7f) && text.slice(start, end).trim() === "") return false;
    }
  }
  for (const field of numberFields) {
    const v = columns[field.name as keyof AccountColumns & string] as Float64Array;
    const integer = field.type === "integer";
    const min = field.min ?? -Infinity;
    const max = field.max ?? Infinity;
    for (let i = 0; i < n; ++i) {
      const value = v[i]!;
      if (Number.isNaN(value)) {
        if (field.required) return false;
        continue;
      }
      if (!Number.isFinite(value) || (integer && !Number.isInteger(value)) || value < min || value > max) return false;
    }
  }
  const {firstYear, exitYear, foundedYear} = columns;
  for (let i = 0; i < n; ++i) if (exitYear[i]! < firstYear[i]! || foundedYear[i]! > firstYear[i]!) return false;
  return uniqueTexts(columns.id);
}

/** Whether every value of a text column differs from the others, by an open-addressing hash table of row numbers. */
function uniqueTexts({text, offsets}: TextColumn): boolean {
  const n = offsets.length - 1;
  let size = 1;
  while (size < 2 * n) size *= 2;
  const mask = size - 1;
  const slots = new Int32Array(size).fill(-1);
  for (let i = 0; i < n; ++i) {
    const start = offsets[i]!;
    const end = offsets[i + 1]!;
    // FNV-1a over the UTF-16 code units.
    let hash = 0x811c9dc5;
    for (let k = start; k < end; ++k) hash = Math.imul(hash ^ text.charCodeAt(k), 0x01000193);
    let slot = hash & mask;
    for (let j = slots[slot]!; j !== -1; j = slots[slot]!) {
      if (sameText(text, offsets[j]!, offsets[j + 1]!, start, end)) return false;
      slot = (slot + 1) & mask;
    }
    slots[slot] = i;
  }
  return true;
}

function sameText(text: string, a: number, aEnd: number, b: number, bEnd: number): boolean {
  if (aEnd - a !== bEnd - b) return false;
  for (; a < aEnd; ++a, ++b) if (text.charCodeAt(a) !== text.charCodeAt(b)) return false;
  return true;
}
