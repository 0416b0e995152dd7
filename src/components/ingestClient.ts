import type {Account, ColumnMapping, RejectedRow} from "tierwise";

export interface Inspected {
  header: string[];
  mapping: ColumnMapping;
  rows: number;
  preview: (string | number | null)[][];
  delimiter: string | null;
  warning: string | null;
}

export interface IngestResult {
  accounts: Account[];
  rejected: RejectedRow[];
  rejectedRows: number;
  rows: number;
}

type Message =
  | ({type: "inspected"} & Inspected)
  | ({type: "ingested"} & IngestResult)
  | {type: "progress"; message: string}
  | {type: "error"; message: string};

/** Promises over the ingest worker (src/workers/ingest.js), one request at a time. */
export class IngestClient {
  #worker: Worker;
  constructor(url: string) {
    this.#worker = new Worker(url, {type: "module"});
  }
  #request<T>(
    message: object,
    expect: Message["type"],
    onProgress: (message: string) => void,
    transfer: Transferable[] = []
  ): Promise<T> {
    return new Promise((resolve, reject) => {
      this.#worker.onmessage = ({data}: MessageEvent<Message>) => {
        if (data.type === "progress") onProgress(data.message);
        else if (data.type === "error") reject(new Error(data.message));
        else if (data.type === expect) resolve(data as T);
      };
      this.#worker.postMessage(message, transfer);
    });
  }
  /** Reads and parses a file; returns its header, the detected mapping and a preview. */
  async inspect(
    file: File | {name: string; blob(): Promise<Blob>},
    onProgress: (message: string) => void = () => {}
  ): Promise<Inspected> {
    onProgress(`Reading ${file.name}…`);
    // Framework's Inputs.file gives a file attachment whose blob() is the File itself.
    const blob = file instanceof Blob ? file : await file.blob();
    const bytes = await blob.arrayBuffer();
    return this.#request({type: "inspect", name: file.name, bytes}, "inspected", onProgress, [bytes]);
  }
  /** Converts and validates the inspected file's rows with a mapping. */
  ingest(
    mapping: ColumnMapping,
    asOf: number,
    onProgress: (message: string) => void = () => {}
  ): Promise<IngestResult> {
    return this.#request({type: "ingest", mapping, asOf}, "ingested", onProgress);
  }
  terminate(): void {
    this.#worker.terminate();
  }
}
