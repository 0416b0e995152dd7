import {Float64, Int32, makeData, makeVector, Table, Utf8, type Vector} from "npm:apache-arrow";
import {
  accountFields,
  columnsOfAccounts,
  textColumnUtf8,
  type Account,
  type AccountColumns,
  type AccountNumberField,
  type AccountTextField,
  type TextColumn
} from "tierwise";

/**
 * The accounts as an Arrow table with every column of the account record typed as the record
 * types it (text, 32-bit integer, double), for `tableDatabase("accounts", accountsTable(...))`.
 * Registering plain objects instead lets DuckDB infer each column's type from its values, and a
 * column empty in every row (no exit yet, no founding year) then has no type and no column.
 * The vectors are made from the accounts' columns (see `columnsOfAccounts`) in one pass each,
 * with no value read one by one through an Arrow builder: a missing number (NaN) is a null.
 */
export function accountsTable(accounts: readonly Account[]): Table {
  const columns = columnsOfAccounts(accounts);
  return new Table(
    Object.fromEntries(
      accountFields.map((field) => [
        field.name,
        field.type === "string"
          ? textVector(columns[field.name as AccountTextField])
          : numberVector(columns, field.name as AccountNumberField, field.type === "integer")
      ])
    )
  );
}

function numberVector(columns: AccountColumns, name: AccountNumberField, integer: boolean): Vector {
  const values = columns[name];
  const n = values.length;
  const valid = new Uint8Array((n + 7) >> 3);
  let nullCount = 0;
  for (let i = 0; i < n; ++i) {
    if (Number.isNaN(values[i]!)) ++nullCount;
    else valid[i >> 3]! |= 1 << (i & 7);
  }
  const nulls = nullCount > 0 ? {nullCount, nullBitmap: valid} : {nullCount: 0};
  if (!integer) return makeVector(makeData({type: new Float64(), length: n, data: values, ...nulls}));
  // Years are whole numbers within 1800 to 2200 (checkAccountColumns): an Int32 holds them exactly.
  const ints = new Int32Array(n);
  for (let i = 0; i < n; ++i) ints[i] = Number.isNaN(values[i]!) ? 0 : values[i]!;
  return makeVector(makeData({type: new Int32(), length: n, data: ints, ...nulls}));
}

/** A text column as an Arrow Utf8 vector, from its UTF-8 bytes and byte offsets. */
function textVector(column: TextColumn): Vector {
  const {data, offsets} = textColumnUtf8(column);
  return makeVector(
    makeData({type: new Utf8(), length: offsets.length - 1, nullCount: 0, valueOffsets: offsets, data})
  );
}
