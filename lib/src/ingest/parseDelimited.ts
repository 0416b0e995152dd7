/** Options of {@link parseDelimited}. */
export interface ParseDelimitedOptions {
  /** The field delimiter; default detected from the first line among `,` `;` tab and `|`. */
  delimiter?: string;
}

/** A parsed delimited text file. */
export interface Delimited {
  delimiter: string;
  header: string[];
  /** Data rows, blank lines skipped. */
  rows: string[][];
  /** The 1-based line on which each data row starts, for messages. */
  lines: number[];
  /** Set when the text ends inside a quoted field: the file is probably truncated. */
  unterminatedQuote: boolean;
}

/**
 * Parses CSV/TSV text as RFC 4180 describes it and spreadsheets write it: a byte-order mark is
 * dropped, fields may be quoted (with `""` for a quote, and line breaks inside), lines end with
 * LF or CRLF, blank lines are skipped. The delimiter is the most frequent of `,` `;` tab `|`
 * outside quotes on the first line, unless given.
 *
 * Uploads in the browser are read by DuckDB's CSV reader instead (see `readDelimited`). This one
 * stays where DuckDB would cost more than it earns: the sample portfolio, a 2,000-row file the
 * site writes itself, read on the page's own thread so that a page that only summarises never
 * waits for DuckDB to start; the sample's data loader; and Node's `readPortfolioFile`, which
 * reads text without starting a database.
 *
 * @example
 * parseDelimited('id;name\n1;"Smith; Sons"').rows; // [["1", "Smith; Sons"]]
 */
export function parseDelimited(text: string, {delimiter}: ParseDelimitedOptions = {}): Delimited {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const sep = delimiter ?? detectDelimiter(text);
  if (sep.length !== 1 || sep === '"' || sep === "\n" || sep === "\r")
    throw new RangeError(`invalid delimiter: ${JSON.stringify(sep)}`);
  const records: string[][] = [];
  const lines: number[] = [];
  const n = text.length;
  let i = 0;
  let line = 1;
  let unterminatedQuote = false;
  while (i < n) {
    const startLine = line;
    const fields: string[] = [];
    for (;;) {
      let field = "";
      if (text[i] === '"') {
        ++i;
        let start = i;
        for (;;) {
          const q = text.indexOf('"', i);
          if (q < 0) {
            field += text.slice(start);
            i = n;
            unterminatedQuote = true;
            break;
          }
          field += text.slice(start, q);
          if (text[q + 1] === '"') {
            field += '"';
            i = q + 2;
            start = i;
          } else {
            i = q + 1;
            break;
          }
        }
        for (const c of field) if (c === "\n") ++line;
        // Text after a closing quote up to the delimiter is kept, as spreadsheets do.
        while (i < n && text[i] !== sep && text[i] !== "\n" && text[i] !== "\r") field += text[i++];
      } else {
        let j = i;
        while (j < n && text[j] !== sep && text[j] !== "\n" && text[j] !== "\r") ++j;
        field = text.slice(i, j);
        i = j;
      }
      fields.push(field);
      if (i < n && text[i] === sep) {
        ++i;
        continue;
      }
      break;
    }
    if (text[i] === "\r") ++i;
    if (text[i] === "\n") ++i;
    ++line;
    if (fields.length === 1 && fields[0] === "") continue;
    records.push(fields);
    lines.push(startLine);
  }
  const [header = [], ...rows] = records;
  return {delimiter: sep, header: header.map((h) => h.trim()), rows, lines: lines.slice(1), unterminatedQuote};
}

function detectDelimiter(text: string): string {
  const candidates = [",", ";", "\t", "|"];
  const counts = new Map(candidates.map((c) => [c, 0]));
  let quoted = false;
  for (let i = 0; i < text.length && i < 65_536; ++i) {
    const c = text[i]!;
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === "\n" || c === "\r")) break;
    else if (!quoted && counts.has(c)) counts.set(c, counts.get(c)! + 1);
  }
  let best = ",";
  for (const c of candidates) if (counts.get(c)! > counts.get(best)!) best = c;
  return best;
}
