import {Float64, Int32, Table, Utf8, vectorFromArray, type DataType} from "npm:apache-arrow";
import {accountFields, type Account, type AccountFieldType} from "tierwise";

// One Arrow type per kind of account column, so DuckDB never has to guess.
const arrowTypes: Record<AccountFieldType, () => DataType> = {
  string: () => new Utf8(),
  integer: () => new Int32(),
  number: () => new Float64()
};

/**
 * The accounts as an Arrow table with every column of the account record typed as the record
 * types it (text, 32-bit integer, double), for `DuckDBClient.sql({accounts: accountsTable(...)})`.
 * Registering plain objects instead lets DuckDB infer each column's type from its values, and a
 * column empty in every row (no exit yet, no founding year) then has no type and no column.
 */
export function accountsTable(accounts: readonly Account[]): Table {
  return new Table(
    Object.fromEntries(
      accountFields.map((field) => [
        field.name,
        vectorFromArray(
          accounts.map((a) => a[field.name]),
          arrowTypes[field.type]()
        )
      ])
    )
  );
}
