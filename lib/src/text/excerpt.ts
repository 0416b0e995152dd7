/** Options of {@link excerpt}. */
export interface ExcerptOptions {
  /** The most characters to keep, the ellipsis and the note of the length included. Default 60. */
  max?: number;
}

/**
 * A short quotation of a value for an error message: JSON for anything but text (which is quoted
 * as JSON too, so control characters and quotes show), cut to `max` characters with an ellipsis
 * and the full length, so a 10 MB field in a stored record or an imported file never becomes a
 * 10 MB message. A value JSON cannot write (undefined, a function, a cycle, a bigint) is shown
 * with `String`.
 *
 * @example
 * excerpt("x".repeat(1e6), {max: 20}); // '"xxxxx… (1,000,002 characters)'
 */
export function excerpt(value: unknown, {max = 60}: ExcerptOptions = {}): string {
  if (!(Number.isInteger(max) && max >= 20)) throw new RangeError(`invalid excerpt length: ${max}`);
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = Object.prototype.toString.call(value);
  }
  if (text.length <= max) return text;
  const note = `… (${text.length.toLocaleString("en-US")} characters)`;
  return text.slice(0, Math.max(1, max - note.length)) + note;
}
