import {accountView, checkFileSize} from "tierwise";
import {compileDuckDB} from "./duckdb.js";
import type {
  Account,
  AccountColumns,
  ColumnMapping,
  DecimalDecisions,
  DecimalEvidence,
  DecimalSeparator,
  RejectedRow
} from "tierwise";

export interface Inspected {
  /** Distinct column names: a repeated header reads `revenue`, `revenue (2)`. */
  header: string[];
  mapping: ColumnMapping;
  rows: number;
  preview: (string | number | null)[][];
  delimiter: string | null;
  /** For text: the encoding it was read in and why, e.g. "GB18030 (not valid UTF-8 at byte 8; …)". */
  encoding: string | null;
  format: string;
  /** For a workbook: every sheet, with how many account fields its header names. */
  sheets: {name: string; score: number}[];
  sheet: string | null;
  /** The sheet row of the header (1 for text; 0 for Parquet, which has none). */
  headerLine: number;
  /** What each column's texts show about the decimal separator, by position in the header. */
  evidence: DecimalEvidence[];
  warning: string | null;
  /** Set when the file's content is not what its name says. */
  note: string | null;
  /** The ISO 4217 code its header and first rows name most by their signs and codes (¥, 元, EUR), or null (see detectCurrency). */
  currency: string | null;
}

export interface IngestResult {
  /** The loaded accounts as columns, moved from the worker without a copy. */
  columns: AccountColumns;
  /** The same accounts as rows that read the columns (see accountView), made when first read. */
  readonly accounts: Account[];
  rejected: RejectedRow[];
  rejectedRows: number;
  rows: number;
  decimals: DecimalDecisions;
}

type Message =
  | ({type: "inspected"} & Inspected)
  | ({type: "ingested"} & Omit<IngestResult, "accounts">)
  | {type: "progress"; message: string}
  | {type: "error"; message: string};

/**
 * Promises over the ingest worker (src/workers/ingest.js), one request at a time. A worker that
 * fails (an error it did not catch, a script that would not load) fails its request, and is
 * replaced by a fresh one for the next.
 */
export class IngestClient {
  #url: string;
  #worker: Worker;
  #started = false;
  #cancelIdle: () => void;
  constructor(url: string) {
    this.#url = url;
    this.#worker = new Worker(url, {type: "module"});
    // DuckDB (35 MB of WebAssembly to fetch and compile, then about a second to start) starts as
    // soon as the page is idle: this page is where files are loaded, and the time a user spends
    // reading it and in the file picker covers the start, even on a first visit's download. The
    // pages that only show the data never start it; a file chosen sooner starts it at once.
    this.#cancelIdle = whenIdle(() => this.#startDuckDB());
  }
  /**
   * Compiles DuckDB's WebAssembly on the page, where Chromium caches the compiled code for the next
   * visit (see compileDuckDB), hands it to the worker, and has the worker start DuckDB with it. Once.
   */
  #startDuckDB(): void {
    if (this.#started) return;
    this.#started = true;
    this.#cancelIdle();
    compileDuckDB()
      .then(({mainWorker, module}) => module.then((compiled) => ({mainWorker, module: compiled})))
      .then(
        (build) => this.#worker.postMessage({type: "duckdb", ...build}),
        (error: unknown) => this.#worker.postMessage({type: "duckdb", error: String(error)})
      );
    this.#worker.postMessage({type: "warm"});
  }
  #request<T>(
    message: object,
    expect: Message["type"],
    onProgress: (message: string) => void,
    transfer: Transferable[] = []
  ): Promise<T> {
    const worker = this.#worker;
    return new Promise((resolve, reject) => {
      worker.onmessage = ({data}: MessageEvent<Message>) => {
        if (data.type === "progress") onProgress(data.message);
        else if (data.type === "error") reject(new Error(data.message));
        else if (data.type === expect) resolve(data as T);
      };
      worker.onerror = (event) => {
        // A fresh worker for the next request, which starts DuckDB again.
        worker.terminate();
        this.#worker = new Worker(this.#url, {type: "module"});
        this.#started = false;
        reject(new Error(`the file reader stopped: ${event.message || "it failed (out of memory?)"}`));
      };
      worker.postMessage(message, transfer);
    });
  }
  /**
   * Reads and parses a file; returns its header, the detected mapping and a preview. A file larger
   * than this browser can hold (see `fileSizeLimit`) is refused before any byte is read.
   */
  async inspect(
    file: File | {name: string; size?: number; blob(): Promise<Blob>},
    onProgress: (message: string) => void = () => {}
  ): Promise<Inspected> {
    // Framework's Inputs.file gives a file attachment whose blob() is the File itself, and whose
    // size is the File's; a Blob knows its size without being read.
    const blob = file instanceof Blob ? file : await file.blob();
    const deviceMemory = (navigator as Navigator & {deviceMemory?: number}).deviceMemory;
    const tooLarge = checkFileSize(file.name, blob.size, {deviceMemory});
    if (tooLarge) throw new Error(tooLarge);
    onProgress(`Reading ${file.name}…`);
    // A file chosen before the page was idle starts DuckDB now, while its bytes are read.
    this.#startDuckDB();
    const start = performance.now();
    const bytes = await blob.arrayBuffer();
    performance.measure("ingest: read the file", {start});
    const inspected = await this.#request<Inspected>(
      {type: "inspect", name: file.name, bytes},
      "inspected",
      onProgress,
      [bytes]
    );
    performance.measure("ingest: inspect", {start});
    return inspected;
  }
  /** Reads another sheet of the workbook inspected last. */
  inspectSheet(sheet: string, onProgress: (message: string) => void = () => {}): Promise<Inspected> {
    return this.#request({type: "inspect", sheet}, "inspected", onProgress);
  }
  /** Converts and validates the inspected file's rows with a mapping and a decimal separator (null: detect). */
  async ingest(
    mapping: ColumnMapping,
    asOf: number,
    {
      decimal = null,
      onProgress = () => {}
    }: {decimal?: DecimalSeparator | null; onProgress?: (message: string) => void} = {}
  ): Promise<IngestResult> {
    const start = performance.now();
    const result = await this.#request<Omit<IngestResult, "accounts">>(
      {type: "ingest", mapping, asOf, decimal},
      "ingested",
      onProgress
    );
    performance.measure("ingest: check and receive", {start});
    let accounts: Account[] | undefined;
    return {
      ...result,
      get accounts() {
        return (accounts ??= accountView(result.columns));
      }
    };
  }
  terminate(): void {
    this.#cancelIdle();
    this.#worker.terminate();
  }
}

/**
 * Runs `task` when the browser is next idle (at the latest after a second), or after a short delay
 * where it cannot say; returns a function that cancels it.
 */
function whenIdle(task: () => void): () => void {
  if (typeof requestIdleCallback === "function") {
    const handle = requestIdleCallback(task, {timeout: 1000});
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(task, 200);
  return () => clearTimeout(handle);
}
