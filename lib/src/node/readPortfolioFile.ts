// Node only: reads a portfolio file from disk for a data loader or the command line. Never imported
// by the package's main entry, which runs in browsers.
import {readFile} from "node:fs/promises";
import {basename} from "node:path";
import {DuckDBInstance, type DuckDBConnection} from "@duckdb/node-api";
import readExcelFile from "read-excel-file/node";
import {decodeText} from "../ingest/decodeText.js";
import {detectColumns} from "../ingest/detectColumns.js";
import {findTable, toCell, type Cell} from "../ingest/findTable.js";
import {ingestRows, type Ingested} from "../ingest/ingestRows.js";
import {parseDelimited} from "../ingest/parseDelimited.js";
import {sniffFormat} from "../ingest/sniffFormat.js";
import {uniqueHeaders} from "../ingest/uniqueHeaders.js";
import {accountFields} from "../portfolio/accountFields.js";
import {excerpt} from "../text/excerpt.js";
import {nodeDigest, portfolioCacheKey, readPortfolioCache, writePortfolioCache} from "./portfolioCache.js";

/** A portfolio file read and ingested: the accounts, every rejected row, and what was read. */
export interface PortfolioFile extends Ingested {
  /** The file's name, without its folder. */
  name: string;
  /** "text", "Parquet" or "Excel workbook", as the upload page names them. */
  format: string;
  /** SHA-256 of the loaded accounts (see portfolioDigest), when the read computed it (with `cache`). */
  sha256?: string;
}

/** Options of {@link readPortfolioFile}. */
export interface ReadPortfolioFileOptions {
  /** The current year, for validation (see validateAccounts); default the latest year in the file. */
  asOf?: number;
  /** Called with a short message at each step of a long read. */
  onProgress?: (message: string) => void;
  /**
   * A folder to keep the file's accounts in once read and checked (see portfolioCache): a later
   * read of the same file, unchanged, by the same reader, loads them from there, with their digest.
   * A stale or damaged cache file is ignored and written again.
   */
  cache?: string;
}

interface Table {
  header: string[];
  rows: Cell[][];
  lines: number[];
  format: string;
}

// Cells as the browser's Parquet reader (hyparquet) and toCell give them: 64-bit integers as exact
// text, decimals and floats as numbers, dates as ISO text, booleans as true/false, bytes as hex.
function cellSql(name: string, type: string): string {
  const column = `"${name.replace(/"/g, '""')}"`;
  if (/^(TINYINT|SMALLINT|INTEGER|UTINYINT|USMALLINT|FLOAT|DOUBLE|DECIMAL)/.test(type))
    return `CAST(${column} AS DOUBLE)`;
  if (/^(DATE|TIMESTAMP)/.test(type)) return `strftime(CAST(${column} AS TIMESTAMP), '%Y-%m-%dT%H:%M:%S.%gZ')`;
  if (type === "BLOB") return `lower(hex(${column}))`;
  return `CAST(${column} AS VARCHAR)`;
}

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Which 64-bit (and wider) integer columns can be read as numbers rather than as exact text, with
 * the same outcome for every cell: those whose values all fit a double exactly, and, for a column
 * that maps to a year field, all lie from 1000 to 99,999 (where a year's text and its number read
 * alike; see parseYear). Reading them as numbers saves making and parsing a string per cell.
 */
async function numbersInWideIntegers(
  connection: DuckDBConnection,
  path: string,
  names: string[],
  types: string[]
): Promise<boolean[]> {
  const wide = names.map((_, j) => /^(BIGINT|HUGEINT|UBIGINT|UHUGEINT|UINTEGER)$/.test(types[j]!));
  if (!wide.some(Boolean)) return wide;
  const header = uniqueHeaders(names);
  const mapping = detectColumns(header);
  const years = new Set(accountFields.filter((f) => f.type === "integer").map((f) => mapping[f.name]));
  const columns = names.flatMap((n, j) =>
    wide[j] ? [`CAST(min(${quoted(n)}) AS DOUBLE)`, `CAST(max(${quoted(n)}) AS DOUBLE)`] : []
  );
  const prepared = await connection.prepare(`SELECT ${columns.join(", ")} FROM read_parquet($1)`);
  prepared.bindVarchar(1, path);
  const [row] = (await prepared.runAndReadAll()).getRowsJS() as (number | null)[][];
  let k = 0;
  return wide.map((isWide, j) => {
    if (!isWide) return false;
    const [min, max] = [row![k++] ?? null, row![k++] ?? null];
    if (min === null || max === null) return true;
    return years.has(header[j]!)
      ? min >= 1000 && max <= 99_999
      : min >= -Number.MAX_SAFE_INTEGER && max <= Number.MAX_SAFE_INTEGER;
  });
}

/** A Parquet file through native DuckDB: fast on a book of millions of rows. */
async function readParquet(path: string): Promise<Table> {
  // read_parquet takes its argument as a glob: a name with a wildcard could read other files.
  if (/[*?[]/.test(path))
    throw new Error(`a path with *, ? or [ is read as a pattern of several files: rename the file or its folder`);
  const instance = await DuckDBInstance.create(":memory:");
  let connection: Awaited<ReturnType<DuckDBInstance["connect"]>> | undefined;
  try {
    connection = await instance.connect();
    // The path is a bound parameter, never SQL text.
    const prepared = await connection.prepare("SELECT * FROM read_parquet($1) LIMIT 0");
    prepared.bindVarchar(1, path);
    const shape = await prepared.runAndReadAll();
    const names = shape.columnNames();
    const types = shape.columnTypes().map((t) => t.toString());
    const wide = await numbersInWideIntegers(connection, path, names, types);
    const select = await connection.prepare(
      `SELECT ${names.map((n, j) => (wide[j] ? `CAST(${quoted(n)} AS DOUBLE)` : cellSql(n, types[j]!))).join(", ") || "NULL"} FROM read_parquet($1)`
    );
    select.bindVarchar(1, path);
    const result = await select.runAndReadAll();
    const columns = result.getColumnsJS() as unknown[][];
    const n = result.currentRowCount;
    const rows: Cell[][] = new Array(n);
    for (let i = 0; i < n; ++i) rows[i] = columns.map((c) => toCell(c[i]));
    return {header: uniqueHeaders(names), rows, lines: rows.map((_, i) => i + 1), format: "Parquet"};
  } finally {
    connection?.closeSync();
    instance.closeSync();
  }
}

/** An Excel workbook: the sheet whose header names the most account fields, as the upload page picks it. */
async function readWorkbook(bytes: Buffer, name: string): Promise<Table> {
  let sheets: {sheet: string; data: unknown[][]}[];
  try {
    sheets = (await readExcelFile(bytes)) as unknown as {sheet: string; data: unknown[][]}[];
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `${name} is a zip archive but not an Excel workbook that can be read (${excerpt(reason, {max: 80})})`
    );
  }
  let best: ReturnType<typeof findTable> | undefined;
  for (const s of sheets) {
    const t = findTable(s.data.map((row) => row.map(toCell)));
    if (!best || t.score > best.score) best = t;
  }
  if (!best) throw new Error(`${name} has no sheet`);
  return {header: best.header, rows: best.rows, lines: best.lines, format: "Excel workbook"};
}

/**
 * Reads a portfolio file (CSV or TSV in any encoding the upload page reads, Parquet, or an Excel
 * workbook) and ingests it with the same column mapping, number reading and validation as an
 * upload in the browser (`ingestRows`), so every row is either loaded or rejected with its row
 * number, column and reason, exactly as there. The format comes from the content, not the name.
 * Parquet is read by native DuckDB; text by the same decoder and parser as the browser, so
 * encodings, delimiters and line numbers agree; Excel by read-excel-file. Throws, naming the file,
 * on a file that cannot be read or whose columns do not cover the required fields.
 *
 * @example
 * const {accounts, rejected, rows} = await readPortfolioFile("data/sample-portfolio.csv");
 */
export async function readPortfolioFile(
  path: string,
  {asOf, onProgress = () => {}, cache}: ReadPortfolioFileOptions = {}
): Promise<PortfolioFile> {
  if (cache === undefined) return readAndCheck(path, {asOf, onProgress});
  // A file that cannot be stat'ed is reported by the read below, in its own words.
  const key = await portfolioCacheKey(path, asOf).catch(() => null);
  if (key) {
    const cached = await readPortfolioCache(cache, key);
    if (cached) {
      onProgress(
        `Read ${cached.name} from the build's cache (${cached.accounts.length.toLocaleString("en-US")} accounts)`
      );
      return cached;
    }
  }
  const read = await readAndCheck(path, {asOf, onProgress});
  onProgress(`Hashing ${read.accounts.length.toLocaleString("en-US")} accounts…`);
  const digested = {...read, sha256: nodeDigest(read.accounts)};
  if (key)
    await writePortfolioCache(cache, key, digested).catch((error: Error) =>
      onProgress(`${read.name} could not be cached (${error.message}); it is read again next time`)
    );
  return digested;
}

async function readAndCheck(
  path: string,
  {asOf, onProgress}: {asOf: number | undefined; onProgress: (message: string) => void}
): Promise<PortfolioFile> {
  const name = basename(path);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new Error(`${name}: cannot be read (${(error as NodeJS.ErrnoException).code ?? "error"})`);
  }
  if (bytes.length === 0) throw new Error(`${name} is empty`);
  const {format} = sniffFormat(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length), name);
  let table: Table;
  if (format === "parquet") {
    if (bytes.subarray(bytes.length - 4).toString("latin1") !== "PAR1")
      throw new Error(`${name} is not a complete Parquet file (it may be truncated)`);
    onProgress(`Reading ${name} (Parquet)…`);
    try {
      table = await readParquet(path);
    } catch (error) {
      throw new Error(`${name}: ${excerpt(error instanceof Error ? error.message : String(error), {max: 200})}`);
    }
  } else if (format === "xlsx") {
    onProgress(`Reading ${name} (Excel)…`);
    table = await readWorkbook(bytes, name);
  } else if (format === "xls") {
    throw new Error(`${name} is an old Excel 97-2003 workbook: save it as .xlsx or CSV`);
  } else if (format === "binary") {
    throw new Error(`${name} looks binary, not CSV, Parquet or Excel`);
  } else {
    onProgress(`Reading ${name} (text)…`);
    const parsed = parseDelimited(decodeText(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length)).text);
    table = {header: uniqueHeaders(parsed.header), rows: parsed.rows, lines: parsed.lines, format: "text"};
  }
  if (table.header.length === 0) throw new Error(`${name} has no header row`);
  onProgress(`Checking ${table.rows.length.toLocaleString("en-US")} rows…`);
  let ingested: Ingested;
  try {
    ingested = ingestRows(table.header, table.rows, {rowNumbers: table.lines, ...(asOf === undefined ? {} : {asOf})});
  } catch (error) {
    throw new Error(`${name}: ${(error as Error).message}`);
  }
  return {...ingested, name, format: table.format};
}
