/**
 * A plain table for a static page (no input widgets to load, and it prints whole): the given
 * columns, or the first row's keys, each cell formatted by `format[column]` if given and set as
 * text. Numbers are right-aligned.
 */
export function StaticTable<T extends Record<string, unknown>>(
  rows: readonly T[],
  {
    columns = Object.keys(rows[0] ?? {}),
    format = {}
  }: {columns?: string[]; format?: Record<string, (value: never) => string>} = {}
): HTMLDivElement {
  const div = document.createElement("div");
  div.className = "tw-table";
  const table = div.appendChild(document.createElement("table"));
  const header = table.createTHead().insertRow();
  for (const column of columns) header.appendChild(document.createElement("th")).textContent = column;
  const body = table.createTBody();
  for (const row of rows) {
    const tr = body.insertRow();
    for (const column of columns) {
      const value = row[column];
      const td = tr.insertCell();
      if (typeof value === "number") td.className = "tw-number";
      const f = format[column] as ((value: unknown) => string) | undefined;
      td.textContent = f ? f(value) : value == null ? "" : String(value);
    }
  }
  return div;
}
