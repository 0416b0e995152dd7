/**
 * Whether a UTF-16 code unit is one that `String.prototype.trim` removes (ECMAScript's WhiteSpace
 * and LineTerminator): tab, line feed, vertical tab, form feed, carriage return, space, U+00A0,
 * U+1680, U+2000 to U+200A, U+2028, U+2029, U+202F, U+205F, U+3000 and U+FEFF. Lets a cell be
 * trimmed by its offsets in a column's text, without cutting a string out first.
 *
 * @example
 * isTrimSpace(0x3000); // true (the ideographic space)
 * isTrimSpace(0x41);   // false
 */
export function isTrimSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}
