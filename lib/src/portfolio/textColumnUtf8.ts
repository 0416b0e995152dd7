import type {TextColumn} from "./accountColumns.js";

// TextEncoder is in every browser, web worker and Node.js, but not in the ES library this package
// is compiled against.
declare const TextEncoder: new () => {encode(input: string): Uint8Array};

/** A text column in UTF-8: the bytes of every value one after another, and `length + 1` byte offsets. */
export interface Utf8Column {
  data: Uint8Array;
  offsets: Int32Array;
}

/**
 * A {@link TextColumn} in UTF-8, as Arrow's Utf8 vectors and DuckDB hold text: the whole text
 * encoded at once, and its offsets (UTF-16 code units) turned into byte offsets in one pass. Value
 * `i` is `data.subarray(offsets[i], offsets[i + 1])`, the bytes `TextEncoder` writes for it (a
 * lone surrogate as U+FFFD). Text of plain ASCII keeps its offsets as they are.
 *
 * @example
 * textColumnUtf8(textColumn(["é", "a"])); // {data: [0xc3, 0xa9, 0x61], offsets: [0, 2, 3]}
 */
export function textColumnUtf8({text, offsets}: TextColumn): Utf8Column {
  const n = offsets.length - 1;
  const data = new TextEncoder().encode(text);
  if (data.length > 0x7fffffff) throw new RangeError(`text column too long for UTF-8 offsets: ${data.length} bytes`);
  const byteOffsets = new Int32Array(n + 1);
  if (data.length === text.length) {
    byteOffsets.set(offsets);
    return {data, offsets: byteOffsets};
  }
  let bytes = 0;
  let row = 1;
  for (let k = 0; k < text.length; ++k) {
    while (row <= n && offsets[row] === k) byteOffsets[row++] = bytes;
    const c = text.charCodeAt(k);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c < 0xdc00 && k + 1 < text.length && (text.charCodeAt(k + 1) & 0xfc00) === 0xdc00) {
      // A surrogate pair split between two values is two lone surrogates, which the whole text's
      // encoding would have joined: encode value by value instead.
      if (row <= n && offsets[row] === k + 1) return valueByValue(text, offsets);
      bytes += 4;
      ++k;
    } else bytes += 3;
  }
  while (row <= n) byteOffsets[row++] = bytes;
  return {data, offsets: byteOffsets};
}

function valueByValue(text: string, offsets: Uint32Array): Utf8Column {
  const n = offsets.length - 1;
  const encoder = new TextEncoder();
  const parts = new Array<Uint8Array>(n);
  const byteOffsets = new Int32Array(n + 1);
  for (let i = 0; i < n; ++i) {
    parts[i] = encoder.encode(text.slice(offsets[i], offsets[i + 1]));
    byteOffsets[i + 1] = byteOffsets[i]! + parts[i]!.length;
  }
  const data = new Uint8Array(byteOffsets[n]!);
  for (let i = 0; i < n; ++i) data.set(parts[i]!, byteOffsets[i]!);
  return {data, offsets: byteOffsets};
}
