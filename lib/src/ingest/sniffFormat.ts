/** What a file holds, by its content. */
export type FileFormat = "parquet" | "xlsx" | "xls" | "text" | "binary";

/** The result of {@link sniffFormat}. */
export interface SniffedFormat {
  format: FileFormat;
  /** Set when the file's name says otherwise (`book.csv` holding a workbook): a note for the user. */
  note: string | null;
}

const described: Record<FileFormat, string> = {
  parquet: "a Parquet file",
  xlsx: "an Excel workbook",
  xls: "an old Excel 97-2003 workbook",
  text: "text",
  binary: "binary"
};

const byExtension: Record<string, FileFormat> = {
  parquet: "parquet",
  xlsx: "xlsx",
  xlsm: "xlsx",
  xls: "xls",
  csv: "text",
  tsv: "text",
  txt: "text",
  tab: "text"
};

/**
 * Tells what a file is from its first bytes, whatever its name says: Parquet starts with `PAR1`,
 * an Excel workbook (.xlsx, a zip archive) with `PK\x03\x04`, an Excel 97-2003 workbook with the
 * OLE2 signature `D0 CF 11 E0`; text starts with a UTF-16 byte-order mark or has no NUL byte in
 * its first 64 KiB; anything else is binary. Spreadsheet users rename files freely, so a workbook
 * saved as `.csv` is read as a workbook, and the note says so.
 *
 * @example
 * sniffFormat(new TextEncoder().encode("PK\x03\x04..."), "book.csv"); // {format: "xlsx", note: "book.csv is an Excel workbook, not text as its name says: read as an Excel workbook"}
 */
export function sniffFormat(bytes: Uint8Array, name = ""): SniffedFormat {
  const [b0, b1, b2, b3] = bytes;
  let format: FileFormat;
  if (b0 === 0x50 && b1 === 0x41 && b2 === 0x52 && b3 === 0x31) format = "parquet";
  else if (b0 === 0x50 && b1 === 0x4b && b2 === 0x03 && b3 === 0x04) format = "xlsx";
  else if (b0 === 0xd0 && b1 === 0xcf && b2 === 0x11 && b3 === 0xe0) format = "xls";
  else if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) format = "text";
  else format = bytes.subarray(0, 65_536).includes(0) ? "binary" : "text";
  const extension = /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase();
  const claimed = extension === undefined ? undefined : byExtension[extension];
  const note =
    claimed !== undefined && claimed !== format && format !== "binary"
      ? `${name} is ${described[format]}, not ${described[claimed]} as its name says: read as ${described[format]}`
      : null;
  return {format, note};
}
