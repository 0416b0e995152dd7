/** Options of {@link excerpt}. */
export interface ExcerptOptions {
  /** Most characters kept before the ellipsis; default 40. */
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
