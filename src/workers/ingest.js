// Reads a portfolio file in the browser, off the main thread: text (CSV/TSV in UTF-8, UTF-16,
// GB18030 or Windows-1252, transcoded to UTF-8) with DuckDB-wasm's CSV reader (in a worker of its
// own, from the WebAssembly module the page compiles and posts, {type: "duckdb", mainWorker, module};
// started once the page is idle, {type: "warm"}, or when a file is chosen first; no other page
// waits for its 35 MB of WebAssembly to compile), Parquet with hyparquet (column by column),
// Excel with read-excel-file; nothing leaves the browser. The format comes from the file's content, not its
// name. Two steps, so the user can correct the column mapping, the sheet and the decimal separator
// in between:
//   {type: "inspect", name, bytes} or {type: "inspect", sheet} (another sheet of the same workbook)
//     → {type: "inspected", header, mapping, rows, preview, delimiter, encoding, format, sheets, sheet, headerLine, evidence, warning, note, currency}
//   {type: "ingest", mapping, asOf, decimal} → {type: "ingested", columns, rejected, rejectedRows, rows, decimals}
//     (columns: the loaded accounts as AccountColumns, their typed arrays transferred)
// and {type: "progress", message} along the way, {type: "error", message} on failure.
import {parquetMetadata, parquetRead, parquetSchema} from "hyparquet";
import readExcelFile from "read-excel-file/web-worker";
import {startDuckDB} from "../components/duckdb.js";
import {
  accountColumnBuffers,
  arrowCells,
  columnEvidence,
  decodeText,
  detectCurrency,
  detectColumns,
  detectEncoding,
  excerpt,
  findTable,
  ingestColumns,
  ingestRowsAsColumns,
  readDelimited,
  sniffFormat,
  toCell,
  uniqueHeaders
} from "tierwise";

/**
 * @typedef {import("tierwise").DelimitedDatabase} DelimitedDatabase
 * @typedef {{header: string[], rows: (string | number | null)[][], columns?: import("tierwise").CellColumn[], skip?: number, lines: number[], delimiter: string | null,
 *   unterminatedQuote?: boolean, encoding: string | null, format: string, sheets: {name: string, score: number}[],
 *   sheet: string | null, headerLine: number, rejected?: import("tierwise").RejectedRow[],
 *   evidence?: import("tierwise").DecimalEvidence[]}} Table
 */

/** DuckDB, once started: the database the CSV reader runs in. @type {Promise<DelimitedDatabase> | null} */
let database = null;
/** The running DuckDB, to stop it after a large file. @type {import("@duckdb/duckdb-wasm").AsyncDuckDB | null} */
let running = null;
// WebAssembly memory never shrinks: after reading a file this large, DuckDB is stopped so that
// checking and saving its rows does not share the tab with the memory the read took; the next
// text file starts it again (a few seconds).
const stopAfter = 32 * 1024 * 1024;

// DuckDB's WebAssembly, compiled by the page (where Chromium caches the compiled code, see
// compileDuckDB) and posted here: {type: "duckdb", mainWorker, module} or {type: "duckdb", error}.
/** @type {(build: {mainWorker: string, module: Promise<WebAssembly.Module>}) => void} */
let receiveBuild = () => undefined;
/** @type {(error: Error) => void} */
let failBuild = () => undefined;
/** @type {Promise<{mainWorker: string, module: Promise<WebAssembly.Module>}>} */
const build = new Promise((resolve, reject) => ((receiveBuild = resolve), (failBuild = reject)));
// A failure to compile is reported when a text file is read.
build.catch(() => undefined);

/** Starts DuckDB-wasm (the build this browser runs, self-hosted with the site) on first use. */
function startDatabase() {
  return (database ??= (async () => {
    const db = (running = await timed("instantiate DuckDB", async () => startDuckDB(await build)));
    const connection = await db.connect();
    return {
      registerFile: (name, bytes) => timed("register file", () => db.registerFileBuffer(name, bytes)),
      dropFile: async (name) => void (await db.dropFile(name)),
      // DuckDB's Arrow vectors as they are: they are made cells (arrowCells) after the read, once a
      // large file's DuckDB has been stopped, so that its memory and the cells are not held together.
      // A SELECT streams its result, batch by batch, so DuckDB never holds the whole result in its
      // WebAssembly memory as well as here: a million-row file's read peaked 250-330 MB lower
      // (`npm run bench`). Other statements (several at once, which streaming refuses) run whole.
      async query(sql) {
        return timed("query", async () => {
          if (!/^\s*SELECT\b/i.test(sql)) {
            const table = await connection.query(sql);
            return Array.from({length: table.numCols}, (_, j) => table.getChildAt(j) ?? []);
          }
          const reader = await connection.send(sql);
          /** @type {import("apache-arrow").RecordBatch[]} */
          const batches = [];
          for await (const batch of reader) batches.push(batch);
          // A result with no rows has no batch, and so no column: read as no rows.
          return Array.from({length: batches[0]?.schema.fields.length ?? 0}, (_, j) => {
            const [first, ...rest] = batches.flatMap((b) => b.getChildAt(j) ?? []);
            return first ? first.concat(...rest) : [];
          });
        });
      }
    };
  })());
}

/**
 * A Parquet file's top-level columns, each as one array of cells (see `toCell`).
 * @param {ArrayBuffer} file
 * @returns {Promise<{header: string[], columns: import("tierwise").Cell[][], rows: number}>}
 */
async function parquetColumns(file) {
  const metadata = parquetMetadata(file);
  const names = parquetSchema(metadata).children.map((c) => c.element.name);
  const rows = Number(metadata.num_rows);
  const columns = names.map(() => new Array(rows).fill(null));
  const index = new Map(names.map((name, j) => [name, j]));
  await parquetRead({
    file,
    metadata,
    onChunk({columnName, columnData, rowStart}) {
      const column = columns[index.get(columnName) ?? -1];
      if (!column) return;
      for (let i = 0; i < columnData.length; ++i) column[rowStart + i] = toCell(columnData[i]);
    }
  });
  return {header: uniqueHeaders(names), columns, rows};
}

/** @type {Table | null} */
let table = null;
/** The sheets of the last workbook read, so another sheet can be chosen without reading the file again. @type {{name: string, file: string, data: unknown[][]}[] | null} */
let workbook = null;

/**
 * Column `j` of a table: DuckDB's cells (the header's first), or a view over a workbook's or
 * Parquet file's rows.
 * @param {Table} table
 * @param {number} j
 * @returns {import("tierwise").CellColumn}
 */
function columnOf(table, j) {
  if (table.columns) return table.columns[j] ?? [];
  const {rows} = table;
  return {length: rows.length, at: (i) => rows[i]?.[j]};
}

/**
 * The first rows of a table, for the preview.
 * @param {Table} table
 * @param {number} count
 * @returns {(string | number | null)[][]}
 */
function firstRows(table, count) {
  const {columns} = table;
  if (!columns) return table.rows.slice(0, count);
  const skip = table.skip ?? 0;
  return Array.from({length: Math.min(count, table.lines.length)}, (_, i) =>
    columns.map((c) => /** @type {string | number | null | undefined} */ (c.at(i + skip)) ?? null)
  );
}

/** @param {string} message */
const progress = (message) => postMessage({type: "progress", message});

/**
 * Runs `step` and records how long it took as a performance measure named `ingest: NAME`, so that
 * a benchmark (or the browser's profiler) sees where a file's time goes.
 * @template T
 * @param {string} name
 * @param {() => T} step
 * @returns {T}
 */
function timed(name, step) {
  const start = performance.now();
  const result = step();
  if (result instanceof Promise)
    return /** @type {T} */ (result.finally(() => performance.measure(`ingest: ${name}`, {start})));
  performance.measure(`ingest: ${name}`, {start});
  return result;
}

/**
 * @param {{sheet: string, data: unknown[][]}[]} sheets
 * @param {string} file
 * @param {string | null} wanted the sheet the user chose; null for the one that looks most like a portfolio
 * @returns {Table}
 */
function fromWorkbook(sheets, file, wanted) {
  const found = sheets.map((s) => ({name: s.sheet, ...findTable(s.data.map((row) => row.map(toCell)))}));
  // The sheet the user chose, else the first whose header names the most account fields.
  let t = wanted === null ? undefined : found.find((s) => s.name === wanted);
  if (wanted !== null && !t) throw new Error(`${file} has no sheet ${JSON.stringify(excerpt(wanted))}`);
  if (wanted === null) for (const s of found) if (!t || s.score > t.score) t = s;
  if (!t) throw new Error(`${file} has no sheet`);
  return {
    header: t.header,
    rows: t.rows,
    lines: t.lines,
    delimiter: null,
    encoding: null,
    format: "Excel workbook",
    sheets: found.map((s) => ({name: s.name, score: s.score})),
    sheet: t.name,
    headerLine: t.headerLine
  };
}

/**
 * @param {{name: string, bytes: ArrayBuffer}} file
 * @returns {Promise<Table & {note: string | null}>}
 */
async function read(file) {
  const bytes = new Uint8Array(file.bytes);
  if (bytes.length === 0) throw new Error(`${file.name} is empty`);
  const {format, note} = sniffFormat(bytes, file.name);
  if (format === "parquet") {
    if (String.fromCharCode(...bytes.subarray(bytes.length - 4)) !== "PAR1") {
      throw new Error(`${file.name} is not a complete Parquet file (it may be truncated)`);
    }
    progress("Reading Parquet…");
    // DuckDB-wasm 1.29 has no Parquet reader of its own: read_parquet loads DuckDB's parquet
    // extension from its extension host (duckdb_extensions() lists parquet neither installed nor
    // loaded), which this site never reaches. hyparquet reads the file here, column by column,
    // into the same column-wise check as text, with no object or array per row.
    const {header, columns, rows} = await timed("read Parquet", () => parquetColumns(bytes.buffer));
    return {
      header,
      rows: [],
      columns,
      skip: 0,
      lines: Array.from({length: rows}, (_, i) => i + 1),
      delimiter: null,
      encoding: null,
      format: "Parquet",
      sheets: [],
      sheet: null,
      headerLine: 0,
      note
    };
  }
  if (format === "xlsx") {
    progress("Reading Excel…");
    // Not through DuckDB: a sheet must be searched row by row for its header (a title or notes may
    // sit above it, see findTable), so read-excel-file's rows are needed as they are, and making
    // them Arrow for DuckDB would copy every cell twice more for no reading DuckDB does better; the
    // cells go through the same column-wise check as text and Parquet.
    let sheets;
    try {
      sheets = await readExcelFile(new Blob([bytes]));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(
        `${file.name} is a zip archive but not an Excel workbook that can be read (${excerpt(reason, {max: 80})})`
      );
    }
    workbook = sheets.map((s) => ({name: s.sheet, file: file.name, data: s.data}));
    return {...fromWorkbook(sheets, file.name, null), note};
  }
  if (format === "xls") throw new Error(`${file.name} is an old Excel 97-2003 workbook: save it as .xlsx or CSV`);
  if (format === "binary") throw new Error(`${file.name} looks binary, not CSV, Parquet or Excel`);
  // DuckDB starts now, if the page did not start it before the file was chosen: it starts in its
  // own worker while this one decodes the text and finds its records.
  const db = startDatabase();
  // A failure to start is reported by the read below.
  db.catch(() => undefined);
  progress("Decoding text…");
  const detected = timed("detect encoding", () => detectEncoding(bytes));
  // DuckDB reads UTF-8: other encodings are transcoded first, a byte-order mark is dropped.
  const utf8 =
    detected.encoding === "UTF-8" ? bytes.subarray(detected.bom) : new TextEncoder().encode(decodeText(bytes).text);
  progress("Reading with DuckDB…");
  const size = utf8.length;
  const parsed = await timed("read with DuckDB", () => readDelimited(utf8, db));
  if (size > stopAfter && running) {
    await running.terminate();
    running = null;
    database = null;
  }
  const columns = timed("Arrow to cells", () =>
    parsed.columns.map(
      (vector) =>
        /** @type {import("tierwise").CellColumn} */ (
          arrowCells(/** @type {import("tierwise").ArrowVectorLike} */ (/** @type {unknown} */ (vector)))
        )
    )
  );
  // The cells stay in DuckDB's columns (the header line's first): no array per row.
  return {
    header: parsed.header,
    rows: [],
    // The header line is the first cell of each column.
    columns,
    skip: 1,
    lines: parsed.lines,
    rejected: parsed.rejected,
    delimiter: parsed.delimiter,
    unterminatedQuote: parsed.unterminatedQuote,
    encoding: `${detected.encoding} (${detected.reason})`,
    format: "text",
    sheets: [],
    sheet: null,
    headerLine: 1,
    note
  };
}

onmessage = async ({data}) => {
  try {
    if (data.type === "duckdb") {
      if (data.module instanceof WebAssembly.Module)
        receiveBuild({mainWorker: data.mainWorker, module: Promise.resolve(data.module)});
      else failBuild(new Error(`DuckDB cannot start in this browser: ${data.error}`));
    } else if (data.type === "warm") {
      // A failure to start is reported when a text file is read.
      startDatabase().catch(() => undefined);
    } else if (data.type === "inspect") {
      table = null;
      let result;
      if (data.bytes) {
        workbook = null;
        result = await read(data);
      } else {
        if (!workbook) throw new Error("no workbook read");
        const file = workbook[0]?.file ?? "";
        result = {
          ...fromWorkbook(
            workbook.map((s) => ({sheet: s.name, data: s.data})),
            file,
            data.sheet
          ),
          note: null
        };
      }
      if (result.header.length === 0) throw new Error(`${data.name ?? "the sheet"} has no header row`);
      table = result;
      progress("Looking at the numbers…");
      postMessage({
        type: "inspected",
        header: result.header,
        mapping: detectColumns(result.header),
        // Data rows: those read, and those the reader rejected.
        rows: result.lines.length + (result.rejected?.length ?? 0),
        preview: firstRows(result, 5).map((row) => row.map((c) => (typeof c === "string" ? excerpt(c, {max: 80}) : c))),
        delimiter: result.delimiter ?? null,
        encoding: result.encoding,
        format: result.format,
        sheets: result.sheets,
        sheet: result.sheet,
        headerLine: result.headerLine,
        evidence: (table.evidence = timed("decimal evidence", () =>
          result.header.map((_, j) => columnEvidence(columnOf(result, j), {skip: result.skip ?? 0}))
        )),
        warning: result.unterminatedQuote ? "The file ends inside a quoted field: it may be truncated." : null,
        note: result.note,
        // The currency its header and first rows name by their signs and codes, if any.
        currency: detectCurrency(
          [result.header, ...firstRows(result, 500)]
            .map((row) => row.filter((c) => typeof c === "string").join(","))
            .join("\n")
        )
      });
    } else if (data.type === "ingest") {
      if (!table) throw new Error("no file inspected");
      progress(`Checking ${table.lines.length.toLocaleString("en-US")} rows…`);
      const unread = table.rejected ?? [];
      const options = {
        mapping: data.mapping,
        rowNumbers: table.lines,
        asOf: data.asOf,
        decimal: data.decimal ?? null,
        evidence: table.evidence
      };
      // Text comes as DuckDB's columns, read straight into the accounts' columns; a workbook or
      // Parquet file as rows.
      const {header, columns: cells, rows, skip = 0} = table;
      const result = timed("check accounts", () =>
        cells ? ingestColumns(header, cells, {...options, skip}) : ingestRowsAsColumns(header, rows, options)
      );
      const {columns} = result;
      // The columns' typed arrays move to the page without a copy.
      postMessage(
        {
          type: "ingested",
          columns,
          rejected: unread.length > 0 ? [...unread, ...result.rejected].sort((a, b) => a.row - b.row) : result.rejected,
          rejectedRows: result.rejectedRows + unread.length,
          rows: result.rows + unread.length,
          decimals: result.decimals
        },
        {transfer: accountColumnBuffers(columns)}
      );
    }
  } catch (error) {
    postMessage({type: "error", message: excerpt(error instanceof Error ? error.message : String(error), {max: 300})});
  }
};
