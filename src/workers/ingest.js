// Reads a portfolio file in the browser, off the main thread: CSV/TSV as text, Parquet with
// hyparquet, Excel with read-excel-file; nothing leaves the browser. Two steps, so the user can
// correct the column mapping in between:
//   {type: "inspect", name, bytes} → {type: "inspected", header, mapping, rows, preview, delimiter, warning}
//   {type: "ingest", mapping, asOf} → {type: "ingested", accounts, rejected, rejectedRows, rows}
// and {type: "progress", message} along the way, {type: "error", message} on failure.
import {parquetReadObjects} from "hyparquet";
import {readSheet} from "read-excel-file/web-worker";
import {detectColumns, ingestRows, parseDelimited} from "tierwise";

/**
 * @typedef {{header: string[], rows: (string | number | null)[][], lines: number[], delimiter: string | null, unterminatedQuote?: boolean}} Table
 */

/** @type {Table | null} */
let table = null;

/** @param {string} message */
const progress = (message) => postMessage({type: "progress", message});

/**
 * Cell values from Parquet and Excel as text or numbers: BigInt to number, dates to ISO text.
 * @param {unknown} value
 * @returns {string | number | null}
 */
function cell(value) {
  if (value == null) return null;
  if (typeof value === "bigint") return Number(value);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "number" || typeof value === "string") return value;
  return String(value);
}

/**
 * @param {{name: string, bytes: ArrayBuffer}} file
 * @returns {Promise<Table>}
 */
async function read(file) {
  const name = file.name.toLowerCase();
  const bytes = new Uint8Array(file.bytes);
  if (bytes.length === 0) throw new Error(`${file.name} is empty`);
  const magic = String.fromCharCode(...bytes.subarray(0, 4));
  if (name.endsWith(".parquet") || magic === "PAR1") {
    if (String.fromCharCode(...bytes.subarray(bytes.length - 4)) !== "PAR1") {
      throw new Error(`${file.name} is not a complete Parquet file (it may be truncated)`);
    }
    progress("Reading Parquet…");
    const objects = await parquetReadObjects({file: bytes.buffer});
    const header = objects[0] ? Object.keys(objects[0]) : [];
    return {
      header,
      rows: objects.map((o) => header.map((h) => cell(o[h]))),
      lines: objects.map((_, i) => i + 2),
      delimiter: null
    };
  }
  if (name.endsWith(".xlsx") || (magic.startsWith("PK") && !name.endsWith(".csv"))) {
    progress("Reading Excel…");
    const sheet = await readSheet(new Blob([bytes]));
    const [first = [], ...rest] = sheet;
    return {
      header: first.map((h) => String(h ?? "").trim()),
      rows: rest.map((row) => row.map(cell)),
      lines: rest.map((_, i) => i + 2),
      delimiter: null
    };
  }
  if (name.endsWith(".xls")) throw new Error(`${file.name} is an old Excel 97-2003 file: save it as .xlsx or CSV`);
  // Text: a NUL byte in the first 64 KiB means binary, not CSV.
  if (bytes.subarray(0, 65536).includes(0)) throw new Error(`${file.name} looks binary, not CSV, Parquet or Excel`);
  progress("Parsing text…");
  const text = new TextDecoder("utf-8").decode(bytes);
  const parsed = parseDelimited(text);
  return {...parsed};
}

onmessage = async ({data}) => {
  try {
    if (data.type === "inspect") {
      table = null;
      const result = await read(data);
      if (result.header.length === 0) throw new Error(`${data.name} has no header row`);
      table = result;
      postMessage({
        type: "inspected",
        header: result.header,
        mapping: detectColumns(result.header),
        rows: result.rows.length,
        preview: result.rows.slice(0, 5),
        delimiter: result.delimiter ?? null,
        warning: result.unterminatedQuote ? "The file ends inside a quoted field: it may be truncated." : null
      });
    } else if (data.type === "ingest") {
      if (!table) throw new Error("no file inspected");
      progress(`Checking ${table.rows.length.toLocaleString("en-US")} rows…`);
      const result = ingestRows(table.header, table.rows, {
        mapping: data.mapping,
        rowNumbers: table.lines,
        asOf: data.asOf
      });
      postMessage({
        type: "ingested",
        accounts: result.accounts,
        rejected: result.rejected,
        rejectedRows: result.rejectedRows,
        rows: result.rows
      });
    }
  } catch (error) {
    postMessage({type: "error", message: error instanceof Error ? error.message : String(error)});
  }
};
