/** A text encoding that {@link detectEncoding} can name, as the WHATWG Encoding standard labels it. */
export type TextEncodingName = "UTF-8" | "UTF-16LE" | "UTF-16BE" | "GB18030" | "windows-1252";

/** The result of {@link detectEncoding}. */
export interface DetectedEncoding {
  encoding: TextEncodingName;
  /** Bytes of byte-order mark to skip. */
  bom: number;
  /** Why, in words, for the page: "byte-order mark", "valid UTF-8", … */
  reason: string;
}

/**
 * Says how a text file's bytes are encoded, from the bytes alone:
 *
 * 1. a byte-order mark: UTF-8 (EF BB BF), UTF-16LE (FF FE), UTF-16BE (FE FF);
 * 2. otherwise, bytes that are valid UTF-8 throughout are UTF-8 (ASCII is valid UTF-8);
 * 3. otherwise GB18030 (Chinese Excel's CSV, a superset of GBK and GB2312) or Windows-1252
 *    (Western Excel's CSV). Chinese text in GB18030 is a run of two-byte characters whose bytes
 *    both lie in A1–FE (the GB2312 hanzi and symbol area); Western text in Windows-1252 has
 *    single accented letters between ASCII ones (`Zürich` is 5A FC 72 69 63 68), and bytes such
 *    as 80 (€) that cannot start a GB18030 character. The bytes are read as GB18030 when every
 *    non-ASCII byte forms a valid GB18030 character and at least half of those characters lie in
 *    the GB2312 area; otherwise as Windows-1252.
 *
 * Other legacy encodings (Shift_JIS, Big5, ISO-8859-2, …) are not told apart: they read as one
 * of the two, which the page names so that mangled text can be recognised.
 *
 * @example
 * detectEncoding(new Uint8Array([0xff, 0xfe, 0x61, 0x00])); // {encoding: "UTF-16LE", bom: 2, reason: "byte-order mark"}
 */
export function detectEncoding(bytes: Uint8Array): DetectedEncoding {
  const [b0, b1, b2] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return {encoding: "UTF-8", bom: 3, reason: "byte-order mark"};
  if (b0 === 0xff && b1 === 0xfe) return {encoding: "UTF-16LE", bom: 2, reason: "byte-order mark"};
  if (b0 === 0xfe && b1 === 0xff) return {encoding: "UTF-16BE", bom: 2, reason: "byte-order mark"};
  const invalid = invalidUtf8(bytes);
  if (invalid < 0) return {encoding: "UTF-8", bom: 0, reason: "valid UTF-8"};
  const at = `not valid UTF-8 at byte ${invalid.toLocaleString("en-US")}`;
  return looksGb18030(bytes)
    ? {encoding: "GB18030", bom: 0, reason: `${at}; Chinese two-byte characters`}
    : {encoding: "windows-1252", bom: 0, reason: `${at}; single accented letters`};
}

/** The offset of the first byte that breaks UTF-8 (RFC 3629: no overlongs, surrogates or > U+10FFFF), or -1. */
function invalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      ++i;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      else if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      else if (b === 0xf4) hi = 0x8f;
    } else return i;
    // A sequence cut by the end of the bytes is invalid too.
    for (let k = 1; k <= need; ++k) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return i;
    }
    i += need + 1;
  }
  return -1;
}

function looksGb18030(bytes: Uint8Array): boolean {
  const n = bytes.length;
  let gb2312 = 0;
  let other = 0;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      ++i;
      continue;
    }
    if (b < 0x81 || b > 0xfe) return false;
    const c = bytes[i + 1];
    if (c === undefined) return false;
    if (c >= 0x30 && c <= 0x39) {
      // Four-byte sequence: 81–FE, 30–39, 81–FE, 30–39.
      const d = bytes[i + 2];
      const e = bytes[i + 3];
      if (d === undefined || d < 0x81 || d > 0xfe || e === undefined || e < 0x30 || e > 0x39) return false;
      ++other;
      i += 4;
    } else if ((c >= 0x40 && c <= 0x7e) || (c >= 0x80 && c <= 0xfe)) {
      if (b >= 0xa1 && c >= 0xa1) ++gb2312;
      else ++other;
      i += 2;
    } else return false;
  }
  return gb2312 > 0 && gb2312 >= other;
}

// TextDecoder is in every browser, web worker and Node.js, but not in the ES library this package
// compiles against (it has no DOM). Both support the labels above.
declare const TextDecoder: new (label: string) => {decode(input: Uint8Array): string};

/** The result of {@link decodeText}. */
export interface DecodedText extends DetectedEncoding {
  text: string;
}

/**
 * Decodes a text file's bytes in the encoding {@link detectEncoding} finds, without its
 * byte-order mark. Bytes that do not fit the encoding become U+FFFD.
 *
 * @example
 * decodeText(new Uint8Array([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72])); // {text: "Müller", encoding: "windows-1252", …}
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  const detected = detectEncoding(bytes);
  const body = bytes.subarray(detected.bom);
  const text =
    detected.encoding === "windows-1252" ? decodeWindows1252(body) : new TextDecoder(detected.encoding).decode(body);
  return {...detected, text};
}

// Bytes 80–9F of Windows-1252 (WHATWG's index-windows-1252; its five unassigned bytes map to the
// C1 controls of the same value). Decoded here because Node.js 20's TextDecoder reads
// "windows-1252" as ISO-8859-1, turning € (80) into U+0080; bytes A0–FF are Latin-1 in both.
const c1 = "€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8DŽ\x8F\x90‘’“”•–—˜™š›œ\x9DžŸ";

function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const chunk = 8192;
  for (let i = 0; i < bytes.length; i += chunk) {
    const codes = Array.from(bytes.subarray(i, i + chunk), (b) =>
      b >= 0x80 && b < 0xa0 ? c1.charCodeAt(b - 0x80) : b
    );
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join("");
}
