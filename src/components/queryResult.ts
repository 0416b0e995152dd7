/**
 * A query's Arrow result as plain rows for a table, a chart and a CSV file. Structural types only
 * (no `npm:` import), so it runs in Node on tables built with the same apache-arrow.
 */

interface ArrowType {
  typeId: number;
  scale?: number;
  dictionary?: ArrowType;
}
interface ArrowVector {
  length: number;
  get(index: number): unknown;
}
/** The parts of an Arrow table this module reads. */
export interface ArrowLike {
  numRows: number;
  schema: {fields: {name: string; type: ArrowType}[]};
  getChildAt(index: number): ArrowVector | null;
}

/** One column of a result: its name and whether it holds numbers or text. */
export interface ResultColumn {
  name: string;
  kind: "number" | "text" | "other";
}

/** A query's result, ready to show. */
export interface QueryResult {
  columns: ResultColumn[];
  /** At most `maxRows` rows, as objects keyed by column name (a repeated name is kept once, its last value). */
  rows: Record<string, unknown>[];
  /** Rows the query returned, shown or not. */
  totalRows: number;
  /** The `id` column's values as text, every row (for a segment), or null when the result has none. */
  ids: string[] | null;
}

// apache-arrow's Type enum.
const Type = {Int: 2, Float: 3, Utf8: 5, Bool: 6, Decimal: 7, Date: 8, Timestamp: 10, LargeUtf8: 20, Dictionary: -1};

function valueType(type: ArrowType): ArrowType {
  return type.typeId === Type.Dictionary && type.dictionary ? type.dictionary : type;
}

function kindOf(type: ArrowType): ResultColumn["kind"] {
  const {typeId} = valueType(type);
  if (typeId === Type.Int || typeId === Type.Float || typeId === Type.Decimal) return "number";
  if (typeId === Type.Utf8 || typeId === Type.LargeUtf8) return "text";
  return "other";
}

/** A cell as a table, a chart and a CSV writer take it: numbers, text, booleans, dates or null. */
function plain(value: unknown, type: ArrowType): unknown {
  if (value === null || value === undefined) return null;
  const {typeId, scale = 0} = valueType(type);
  if (typeof value === "bigint")
    return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER)
      ? Number(value)
      : String(value);
  // A decimal (HUGEINT sums arrive as DECIMAL(38, 0)): Arrow gives its unscaled digits.
  // Parsing "digitsE-scale" rounds once, where dividing by a power of ten would round twice.
  if (typeId === Type.Decimal) return Number(`${String(value)}e-${scale}`);
  // Dates and times arrive as milliseconds since 1970.
  if ((typeId === Type.Date || typeId === Type.Timestamp) && typeof value === "number") return new Date(value);
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean" || value instanceof Date)
    return value;
  // Lists, structs, maps: their JSON text, so a table and a CSV file show them as written.
  try {
    return JSON.stringify(value, (_, v: unknown) => (typeof v === "bigint" ? String(v) : v));
  } catch {
    return String(value);
  }
}

/**
 * The result as columns and rows, keeping at most `maxRows` rows (default 100,000) for the table,
 * chart and download, and the `id` column of every row for a segment.
 */
export function queryResult(table: ArrowLike, {maxRows = 100_000}: {maxRows?: number} = {}): QueryResult {
  const fields = table.schema.fields;
  const columns = fields.map((f) => ({name: f.name, kind: kindOf(f.type)}));
  const vectors = fields.map((_, i) => table.getChildAt(i));
  const shown = Math.min(table.numRows, maxRows);
  const rows: Record<string, unknown>[] = [];
  for (let r = 0; r < shown; ++r) {
    // No prototype: a column named "__proto__" is a column like any other.
    const row = Object.create(null) as Record<string, unknown>;
    fields.forEach((f, i) => (row[f.name] = plain(vectors[i]?.get(r), f.type)));
    rows.push(row);
  }
  const idIndex = fields.findIndex((f) => f.name.toLowerCase() === "id");
  let ids: string[] | null = null;
  if (idIndex >= 0) {
    const vector = vectors[idIndex]!;
    ids = [];
    for (let r = 0; r < table.numRows; ++r) {
      const value = plain(vector.get(r), fields[idIndex]!.type);
      if (value !== null) ids.push(String(value));
    }
  }
  return {columns, rows, totalRows: table.numRows, ids};
}

/**
 * Which chart a result gets: bars of the first number by the first text column (one other than `id`
 * when there is one, since a name reads better than a code), a histogram of the number when there is
 * no text, or none and why.
 */
export function quickChartPlan(
  result: Pick<QueryResult, "columns">
): {kind: "bars"; label: string; value: string} | {kind: "histogram"; value: string} | {kind: "none"; reason: string} {
  const value = result.columns.find((c) => c.kind === "number");
  const texts = result.columns.filter((c) => c.kind === "text");
  const label = texts.find((c) => c.name.toLowerCase() !== "id") ?? texts[0];
  if (!value) return {kind: "none", reason: "No chart: the result has no numeric column."};
  return label ? {kind: "bars", label: label.name, value: value.name} : {kind: "histogram", value: value.name};
}
