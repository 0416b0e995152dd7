/** Options of {@link excerpt}. */
export interface ExcerptOptions {
  /** Most characters kept: before the ellipsis for {@link excerpt} (default 40); in all for {@link excerptValue} (default 60, at least 20). */
  max?: number;
}

/**
 * The start of a text from a user's file, for a message: at most `max` characters, then `…` when
 * cut. A message quotes the value it rejects, and a field can be megabytes long (a stray quote
 * swallows the rest of a file into one cell): the message must stay short whatever the input.
 * A cut never splits a surrogate pair.
 *
 * @example
 * excerpt("x".repeat(1e7)); // "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…"
 */
export function excerpt(text: string, {max = 40}: ExcerptOptions = {}): string {
  if (!(max >= 1)) throw new RangeError(`invalid excerpt length: ${max}`);
  if (text.length <= max) return text;
  let end = max;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) --end;
  return text.slice(0, end) + "…";
}

/**
 * An {@link excerpt} in double quotes with JSON escapes, so line breaks and quotes inside it show.
 *
 * @example
 * quote('say "hi"\n'); // "\"say \\\"hi\\\"\\n\""
 */
export function quote(text: string, options: ExcerptOptions = {}): string {
  return JSON.stringify(excerpt(text, options));
}

/**
 * A short quotation of any value (a stored record, an imported scenario's field) for an error message: JSON for anything but text (which is quoted
 * as JSON too, so control characters and quotes show), cut to `max` characters with an ellipsis
 * and the full length, so a 10 MB field in a stored record or an imported file never becomes a
 * 10 MB message. A value JSON cannot write (undefined, a function, a cycle, a bigint) is shown
 * with `String`.
 *
 * @example
 * excerptValue("x".repeat(1e6), {max: 20}); // '"xxxxx… (1,000,002 characters)'
 */
export function excerptValue(value: unknown, {max = 60}: ExcerptOptions = {}): string {
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
