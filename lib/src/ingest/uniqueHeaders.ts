/**
 * Makes a header's column names distinct and non-empty, so a preview, a mapping and a load all
 * mean the same column: names are trimmed, an empty one becomes `column 3` (its 1-based
 * position), and a repeated one gets its occurrence number, `revenue`, `revenue (2)`, skipping
 * any name the header already has.
 *
 * @example
 * uniqueHeaders(["id", "revenue", "", "revenue"]); // ["id", "revenue", "column 3", "revenue (2)"]
 */
export function uniqueHeaders(header: readonly (string | number | null | undefined)[]): string[] {
  const names = header.map((h, i) => String(h ?? "").trim() || `column ${i + 1}`);
  const taken = new Set(names);
  const seen = new Map<string, number>();
  return names.map((name) => {
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    if (count === 1) return name;
    let k = count;
    while (taken.has(`${name} (${k})`)) ++k;
    const unique = `${name} (${k})`;
    taken.add(unique);
    return unique;
  });
}
