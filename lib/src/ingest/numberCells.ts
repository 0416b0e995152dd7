import {arrowTextCells, TextCells, type ArrowVectorLike} from "./arrowColumnValues.js";

/**
 * What a cell of {@link NumberCells} holds, told from its bytes: null (no value); a plain number
 * (as `plainNumber` reads it) of exactly four digits and no sign, which also reads as a year; any
 * other plain number without a decimal point; a plain number with one; or text that only the
 * model's general rules can read (万/亿, currency signs, percentages, grouped digits, dates, `""`).
 */
export const cellKind = {null: 0, fourDigits: 1, whole: 2, point: 3, text: 4} as const;

/**
 * A text column of which some cells are plain numbers, read once from their bytes: `kinds[i]` says
 * what cell `i` holds ({@link cellKind}), `values[i]` is the number of a plain cell (exactly
 * `Number(text)`, as `plainNumber` gives it), and `at(i)` gives the cell's text, as `TextCells`
 * does, for the cells the general rules must read. A column of a million plain numbers is then
 * checked without a string made per cell.
 */
export class NumberCells {
  readonly length: number;
  readonly kinds: Uint8Array;
  readonly values: Float64Array;
  readonly cells: TextCells;
  constructor(cells: TextCells, kinds: Uint8Array, values: Float64Array) {
    if (kinds.length !== cells.length || values.length !== cells.length)
      throw new RangeError(`${cells.length} cells, ${kinds.length} kinds and ${values.length} values`);
    this.length = cells.length;
    this.cells = cells;
    this.kinds = kinds;
    this.values = values;
  }
  /** Cell `i` as text, null for null (undefined past the end, as an array has it). */
  at(i: number): string | null | undefined {
    return this.cells.at(i);
  }
}

const MINUS = 45;
const POINT = 46;
const ZERO = 48;
const NINE = 57;

// Powers of ten up to 1e15 are exact doubles: a mantissa below 1e15 divided by one is the
// correctly rounded value of the decimal text, as Number() reads it (Clinger's fast path).
const exactPowers = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * The kind and value of the plain number in `bytes[start, end)`, mirroring `plainNumber`:
 * `-?\d{1,15}` or `-?\d{1,15}.\d{1,15}`, at most 31 bytes (the length up to which the model's
 * readers take a plain number without its general rules), `1.234` (a thousands group) excluded.
 * Returns the kind; the value is written to `values[index]`.
 */
function classify(bytes: Uint8Array, start: number, end: number, values: Float64Array, index: number): number {
  if (end - start > 31 || end === start) return cellKind.text;
  let i = start;
  const negative = bytes[i] === MINUS;
  if (negative) ++i;
  const first = i;
  let mantissa = 0;
  while (i < end && bytes[i]! >= ZERO && bytes[i]! <= NINE) mantissa = mantissa * 10 + (bytes[i++]! - ZERO);
  const whole = i - first;
  if (whole < 1 || whole > 15) return cellKind.text;
  if (i === end) {
    values[index] = negative ? -mantissa : mantissa;
    return !negative && whole === 4 ? cellKind.fourDigits : cellKind.whole;
  }
  if (bytes[i] !== POINT) return cellKind.text;
  const point = ++i;
  while (i < end && bytes[i]! >= ZERO && bytes[i]! <= NINE) mantissa = mantissa * 10 + (bytes[i++]! - ZERO);
  const fraction = i - point;
  if (i !== end || fraction < 1 || fraction > 15) return cellKind.text;
  if (whole <= 3 && bytes[first] !== ZERO && fraction === 3) return cellKind.text;
  if (whole + fraction <= 15) {
    const value = mantissa / exactPowers[fraction]!;
    values[index] = negative ? -value : value;
  } else {
    values[index] = Number(String.fromCharCode(...bytes.subarray(start, end)));
  }
  return cellKind.point;
}

/**
 * The cells of an Arrow text (Utf8) column, as DuckDB's CSV reader returns them: as
 * {@link NumberCells} when a plain number is among its first chunks' cells (DuckDB sends 2,048 a
 * chunk), each such cell read from its bytes with no string made; else as `TextCells` (see
 * `arrowTextCells`), whose cells `ingestColumns` reads by the same rules; other columns as
 * `arrowTextCells` gives them. Nothing of the vector is kept: its text is decoded into one string.
 *
 * @example
 * const revenue = arrowCells(table.getChild("revenue"));
 * revenue.at(1); // "1234.5", and revenue.values[1] is 1234.5
 */
export function arrowCells(
  vector: ArrowVectorLike
): NumberCells | TextCells | (ArrayLike<unknown> & {at(index: number): unknown}) {
  const cells = arrowTextCells(vector);
  if (!(cells instanceof TextCells)) return cells;
  const n = vector.length;
  const kinds = new Uint8Array(n);
  const values = new Float64Array(n);
  let plain = 0;
  let k = 0;
  for (const data of vector.data) {
    const offsets = data.valueOffsets as Int32Array;
    const bytes = data.values as Uint8Array;
    const bitmap = data.nullCount > 0 ? (data.nullBitmap as Uint8Array) : null;
    for (let i = 0; i < data.length; ++i, ++k) {
      if (bitmap && !(bitmap[i >> 3]! & (1 << (i & 7)))) continue;
      const kind = classify(bytes, offsets[i]!, offsets[i + 1]!, values, k);
      kinds[k] = kind;
      if (kind !== cellKind.text) ++plain;
    }
    // A column whose first thousand cells hold no plain number (names, ids, industries) is text:
    // its cells are not all classified. (Text cells are read by the same rules either way.)
    if (plain === 0 && k >= 1000) return cells;
  }
  return plain === 0 ? cells : new NumberCells(cells, kinds, values);
}
