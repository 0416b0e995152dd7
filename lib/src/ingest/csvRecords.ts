/** Where the records of a delimited text start, from {@link csvRecords}. */
export interface CsvRecords {
  /** The delimiter: the one given, else the most frequent of `,` `;` tab `|` outside quotes on the first line. */
  delimiter: string;
  /** Records, blank lines not counted; the first is the header. */
  count: number;
  /** The 1-based line on which each record starts. */
  lines: Uint32Array;
  /** The byte offset at which each record starts. */
  offsets: Float64Array;
  /** Bytes of the longest record, its line break included. */
  longest: number;
  /** Cells of the first record (the header): its delimiters outside quotes, plus one. */
  headerCells: number;
  /** Set when the text ends inside a quoted field: the file is probably truncated. */
  unterminatedQuote: boolean;
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/**
 * Finds where each record of UTF-8 delimited text starts, without reading any value: the line
 * (counting every line break, those inside quoted fields too, as an editor shows the file) and
 * the byte offset. A quote opens a quoted field only at the start of a field, as RFC 4180 and
 * DuckDB's CSV reader have it; inside one, a line break is part of the value; blank lines are no
 * record. DuckDB reads the values and reports a rejected line by its byte offset; this says on
 * which line of the file each row it returns starts, so every message names the line the user
 * sees. Linear in the bytes, and no string is made.
 *
 * @example
 * csvRecords(new TextEncoder().encode('id,name\n\nA1,"two\nlines"\nA2,x\n'));
 * // {delimiter: ",", count: 3, lines: [1, 3, 5], offsets: [0, 9, 23], longest: 14, headerCells: 2, …}
 */
export function csvRecords(bytes: Uint8Array, {delimiter}: {delimiter?: string} = {}): CsvRecords {
  const sep = delimiter ?? detectDelimiter(bytes);
  if (sep.length !== 1 || sep.charCodeAt(0) > 0x7f || sep === '"' || sep === "\n" || sep === "\r")
    throw new RangeError(`invalid delimiter: ${JSON.stringify(sep)}`);
  const d = sep.charCodeAt(0);
  const n = bytes.length;
  let lines = new Uint32Array(1024);
  let offsets = new Float64Array(1024);
  let count = 0;
  let headerCells = 0;
  let line = 1;
  let i = 0;
  let unterminatedQuote = false;
  // The next quote and carriage return at or after i (n for none), searched for again only once i
  // passes them: a record without either is its line, found by one search for the line feed.
  let nextQuote = -1;
  let nextCr = -1;
  while (i < n) {
    // A blank line (LF, CR LF or a lone CR) is no record.
    if (bytes[i] === LF || bytes[i] === CR) {
      if (bytes[i] === CR && bytes[i + 1] === LF) ++i;
      ++i;
      ++line;
      continue;
    }
    if (count === lines.length) {
      const l = new Uint32Array(count * 2);
      l.set(lines);
      lines = l;
      const o = new Float64Array(count * 2);
      o.set(offsets);
      offsets = o;
    }
    lines[count] = line;
    offsets[count] = i;
    if (count > 0) {
      let lf = bytes.indexOf(LF, i);
      if (lf < 0) lf = n;
      if (nextQuote < i) nextQuote = bytes.indexOf(QUOTE, i) >>> 0;
      if (nextCr < i) nextCr = bytes.indexOf(CR, i) >>> 0;
      if (nextQuote >= lf && (nextCr >= lf || nextCr === lf - 1)) {
        ++count;
        i = Math.min(lf + 1, n);
        ++line;
        continue;
      }
    }
    let cells = 1;
    let fieldStart = true;
    while (i < n) {
      const b = bytes[i]!;
      if (fieldStart && b === QUOTE) {
        // A quoted field: up to the quote not followed by another ("" is a quote inside it).
        ++i;
        for (;;) {
          if (i >= n) {
            unterminatedQuote = true;
            break;
          }
          const c = bytes[i]!;
          if (c === QUOTE) {
            if (bytes[i + 1] === QUOTE) i += 2;
            else {
              ++i;
              break;
            }
          } else {
            if (c === LF || (c === CR && bytes[i + 1] !== LF)) ++line;
            ++i;
          }
        }
        fieldStart = false;
        continue;
      }
      if (b === d) {
        ++cells;
        fieldStart = true;
        ++i;
        continue;
      }
      if (b === LF || b === CR) break;
      fieldStart = false;
      ++i;
    }
    if (count === 0) headerCells = cells;
    ++count;
    if (i < n) {
      if (bytes[i] === CR && bytes[i + 1] === LF) ++i;
      ++i;
      ++line;
    }
  }
  let longest = 0;
  for (let r = 0; r < count; ++r) longest = Math.max(longest, (r + 1 < count ? offsets[r + 1]! : n) - offsets[r]!);
  return {
    delimiter: sep,
    count,
    longest,
    lines: lines.slice(0, count),
    offsets: offsets.slice(0, count),
    headerCells,
    unterminatedQuote
  };
}

function detectDelimiter(bytes: Uint8Array): string {
  const candidates = [",", ";", "\t", "|"];
  const counts = new Map(candidates.map((c) => [c.charCodeAt(0), 0]));
  let quoted = false;
  for (let i = 0; i < bytes.length && i < 65_536; ++i) {
    const c = bytes[i]!;
    if (c === QUOTE) quoted = !quoted;
    else if (!quoted && (c === LF || c === CR)) break;
    else if (!quoted && counts.has(c)) counts.set(c, counts.get(c)! + 1);
  }
  let best = ",";
  for (const c of candidates) if (counts.get(c.charCodeAt(0))! > counts.get(best.charCodeAt(0))!) best = c;
  return best;
}
