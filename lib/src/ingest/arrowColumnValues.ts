/** The parts of an Apache Arrow vector that {@link arrowColumnValues} reads (any Arrow JS version). */
export interface ArrowVectorLike {
  length: number;
  type: {typeId: number};
  data: readonly {
    offset: number;
    length: number;
    nullCount: number;
    /** A Uint8Array, one bit per value (Arrow JS types it loosely). */
    nullBitmap?: unknown;
    /** For text, an Int32Array of length + 1 byte offsets into `values`. */
    valueOffsets?: unknown;
    values?: unknown;
  }[];
  toArray(): unknown;
}

// Arrow's type id of Utf8 (apache-arrow's Type.Utf8), stable across versions.
const UTF8 = 5;

// TextDecoder is in every browser, web worker and Node.js, but not in the ES library this package
// compiles against (it has no DOM).
declare const TextDecoder: new (label?: string) => {decode(input: Uint8Array): string};

/**
 * The values of an Arrow column as JavaScript values, null for null. A text (Utf8) column is
 * decoded with one `TextDecoder` call per chunk and cut at its offsets, instead of one call per
 * value as `Vector.toArray()` makes: a million short texts decode in a fraction of the time.
 * Other types are returned as `toArray()` gives them.
 *
 * @example
 * const names = arrowColumnValues(table.getChild("name"));
 */
export function arrowColumnValues(vector: ArrowVectorLike): ArrayLike<unknown> & {at(index: number): unknown} {
  if (
    vector.type.typeId !== UTF8 ||
    vector.data.some(
      (d) => d.offset !== 0 || !(d.valueOffsets instanceof Int32Array) || !(d.values instanceof Uint8Array)
    )
  )
    return vector.toArray() as unknown[];
  const out = new Array<string | null>(vector.length);
  const decoder = new TextDecoder();
  let k = 0;
  for (const data of vector.data) {
    const offsets = data.valueOffsets as Int32Array;
    const bytes = data.values as Uint8Array;
    const start = offsets[0]!;
    const text = decoder.decode(bytes.subarray(start, offsets[data.length]!));
    // Byte offsets to UTF-16 offsets: a byte that starts a character adds one code unit, or two
    // for a four-byte character (outside the Basic Multilingual Plane).
    let at = start;
    let units = 0;
    const unitsAt = (target: number) => {
      while (at < target) {
        const b = bytes[at++]!;
        if ((b & 0xc0) !== 0x80) units += b >= 0xf0 ? 2 : 1;
      }
      return units;
    };
    const bitmap = data.nullCount > 0 ? (data.nullBitmap as Uint8Array) : null;
    let from = 0;
    // ASCII text (as many bytes as code units): the byte offsets are the code-unit offsets.
    if (text.length === offsets[data.length]! - start) {
      for (let i = 0; i < data.length; ++i) {
        const to = offsets[i + 1]! - start;
        out[k++] = bitmap && !(bitmap[i >> 3]! & (1 << (i & 7))) ? null : text.slice(from, to);
        from = to;
      }
      continue;
    }
    for (let i = 0; i < data.length; ++i) {
      const to = unitsAt(offsets[i + 1]!);
      out[k++] = bitmap && !(bitmap[i >> 3]! & (1 << (i & 7))) ? null : text.slice(from, to);
      from = to;
    }
  }
  return out;
}

/**
 * A text column as one string and the UTF-16 offset of each value in it, with `at(i)` cutting
 * value `i` out when it is read: a million cells are two objects, not a million strings, until
 * each is read (and then dropped). Reads as an array does through `length` and `at`.
 */
export class TextCells {
  readonly length: number;
  /** Every value, one after the other. */
  readonly text: string;
  /** `length + 1` UTF-16 offsets into `text`: value `i` is `text.slice(offsets[i], offsets[i + 1])`. */
  readonly offsets: Uint32Array;
  /** 0 where the value is null, else 1; null when no value is. */
  readonly valid: Uint8Array | null;
  constructor(text: string, offsets: Uint32Array, valid: Uint8Array | null) {
    this.length = offsets.length - 1;
    this.text = text;
    this.offsets = offsets;
    this.valid = valid;
  }
  /** Value `i`, null for null (undefined past the end, as an array has it). */
  at(i: number): string | null | undefined {
    if (!(i >= 0 && i < this.length)) return undefined;
    if (this.valid !== null && this.valid[i] === 0) return null;
    return this.text.slice(this.offsets[i], this.offsets[i + 1]);
  }
}

/**
 * The values of an Arrow text (Utf8) column as {@link TextCells}: decoded once per chunk as
 * {@link arrowColumnValues} does, but not cut into a string per value. Other columns (and chunks
 * Arrow has sliced) as `arrowColumnValues` gives them.
 *
 * @example
 * const names = arrowTextCells(table.getChild("name"));
 * names.at(0); // "Acme"
 */
export function arrowTextCells(
  vector: ArrowVectorLike
): TextCells | (ArrayLike<unknown> & {at(index: number): unknown}) {
  if (
    vector.type.typeId !== UTF8 ||
    vector.data.some(
      (d) => d.offset !== 0 || !(d.valueOffsets instanceof Int32Array) || !(d.values instanceof Uint8Array)
    )
  )
    return arrowColumnValues(vector);
  const n = vector.length;
  const out = new Uint32Array(n + 1);
  const valid = vector.data.some((d) => d.nullCount > 0) ? new Uint8Array(n).fill(1) : null;
  const decoder = new TextDecoder();
  let text = "";
  let k = 0;
  for (const data of vector.data) {
    const offsets = data.valueOffsets as Int32Array;
    const bytes = data.values as Uint8Array;
    const start = offsets[0]!;
    const chunk = decoder.decode(bytes.subarray(start, offsets[data.length]!));
    const base = text.length;
    const bitmap = data.nullCount > 0 ? (data.nullBitmap as Uint8Array) : null;
    const ascii = chunk.length === offsets[data.length]! - start;
    let at = start;
    let units = 0;
    for (let i = 0; i < data.length; ++i) {
      const end = offsets[i + 1]!;
      if (ascii) units = end - start;
      else
        while (at < end) {
          const b = bytes[at++]!;
          if ((b & 0xc0) !== 0x80) units += b >= 0xf0 ? 2 : 1;
        }
      if (valid !== null && bitmap && !(bitmap[i >> 3]! & (1 << (i & 7)))) valid[k] = 0;
      out[++k] = base + units;
    }
    text += chunk;
    if (text.length > 0xffffffff) throw new RangeError("text column too long");
  }
  return new TextCells(text, out, valid);
}
