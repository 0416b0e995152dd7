import {readdirSync, readFileSync} from "node:fs";
import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {
  accountFields,
  arrowCells,
  cellKind,
  columnEvidence,
  decimalEvidence,
  decodeText,
  ingestColumns,
  isTrimSpace,
  NumberCells,
  parseDelimited,
  plainNumber,
  TextCells,
  type CellColumn,
  type IngestColumnsOptions
} from "tierwise";
import {utf8Chunk} from "./fixtures/arrowText.js";

/** A text vector of `values`, cut into chunks of `size` values, as DuckDB sends a long column. */
const vector = (values: readonly (string | null)[], size = 3) => {
  const chunks = [];
  for (let i = 0; i < values.length; i += size) chunks.push(utf8Chunk(values.slice(i, i + size)));
  if (chunks.length === 0) chunks.push(utf8Chunk([]));
  return {length: values.length, type: {typeId: 5}, data: chunks, toArray: () => [...values]};
};
const cellsOf = (column: CellColumn) => Array.from({length: column.length}, (_, i) => column.at(i));

describe("arrowCells()", () => {
  it("reads the plain numbers of a column from their bytes, each kind told, and keeps every cell's text", () => {
    const values = ["revenue", "2015", "-12", "0.180", "1234.5", null, "1.234", "1,5", "", " 7", "35%", "0015"];
    const cells = arrowCells(vector(values));
    expect(cells).toBeInstanceOf(NumberCells);
    const numbers = cells as NumberCells;
    expect(Array.from(numbers.kinds)).toEqual([4, 1, 2, 3, 3, 0, 4, 4, 4, 4, 4, 1]);
    expect(Array.from(numbers.values).slice(1, 5)).toEqual([2015, -12, 0.18, 1234.5]);
    expect(numbers.values[11]).toBe(15);
    expect(cellsOf(numbers)).toEqual(values);
    // A column with no plain number is text, as arrowTextCells gives it.
    expect(arrowCells(vector(["name", "Acme", null, "华为"]))).toBeInstanceOf(TextCells);
  });

  it("gives a plain number the kind and the value plainNumber gives it, and any other text the kind text (property)", () => {
    const digits = (min: number, max: number) => fc.stringMatching(new RegExp(`^\\d{${min},${max}}$`));
    const text = fc.oneof(
      fc.tuple(fc.constantFrom("", "-"), digits(1, 17)).map(([s, d]) => s + d),
      fc.tuple(fc.constantFrom("", "-"), digits(1, 17), digits(0, 17)).map(([s, a, b]) => `${s}${a}.${b}`),
      fc.constantFrom("", "-", ".5", "1.", "+1", "1e6", "1,5", " 1", "1 ", "١٢", "12万", "-0", "-0.0", "0.000"),
      fc.constant(null)
    );
    fc.assert(
      fc.property(fc.array(text, {maxLength: 20}), fc.integer({min: 1, max: 7}), (values, size) => {
        const cells = arrowCells(vector(["x", ...values], size));
        const kinds = cells instanceof NumberCells ? cells.kinds : null;
        values.forEach((v, i) => {
          const kind = kinds?.[i + 1] ?? (v === null ? cellKind.null : cellKind.text);
          const value = v !== null && v.length <= 31 ? plainNumber(v) : NaN;
          if (v === null) expect(kind).toBe(cellKind.null);
          else if (Number.isNaN(value)) expect(kind).toBe(cellKind.text);
          else {
            expect(kind).toBe(
              /^\d{4}$/.test(v) ? cellKind.fourDigits : v.includes(".") ? cellKind.point : cellKind.whole
            );
            expect(Object.is((cells as NumberCells).values[i + 1], value)).toBe(true);
          }
        });
        expect(cellsOf(cells as CellColumn)).toEqual(["x", ...values]);
      }),
      {seed: 5, numRuns: 1000}
    );
  });
});

describe("isTrimSpace()", () => {
  it("holds for exactly the code units String.prototype.trim removes", () => {
    const differ = [];
    for (let c = 0; c <= 0xffff; ++c) if (isTrimSpace(c) !== (String.fromCharCode(c).trim() === "")) differ.push(c);
    expect(differ).toEqual([]);
  });
});

describe("columnEvidence()", () => {
  it("counts what decimalEvidence counts, from arrays, text cells and number cells alike (property)", () => {
    const cell = fc.oneof(
      fc.constantFrom("1,234", "1.234,5", "0,18", "12.5", "0.180", "1234", "2015", "ACC-1", "usd 1,5", "EUR 1.5"),
      fc.constantFrom(" 12.5", "Acme", "华为 2", "(1,200)", "3.5万", "n/a", "", "1.234", "12,50 €", "Hk$1,234.5"),
      fc.constant(null)
    );
    fc.assert(
      fc.property(fc.array(cell, {maxLength: 15}), (values) => {
        const expected = decimalEvidence(values);
        const cells = arrowCells(vector(["header 1,5", ...values])) as CellColumn;
        expect(columnEvidence(cells, {skip: 1})).toEqual(expected);
        expect(columnEvidence(["header 1,5", ...values], {skip: 1})).toEqual(expected);
      }),
      {seed: 3, numRuns: 500}
    );
  });
});

describe("ingestColumns() over Arrow cells", () => {
  // The same header and rows, as arrays and as DuckDB's columns (the header line first, skip 1).
  const both = (header: readonly string[], rows: readonly (readonly (string | null)[])[], size = 4) => {
    const arrays = header.map((_, j) => rows.map((r) => r[j] ?? null));
    const arrow = header.map((h, j) => arrowCells(vector([h, ...arrays[j]!], size)) as CellColumn);
    return {arrays, arrow};
  };
  const agree = (
    header: readonly string[],
    rows: readonly (readonly (string | null)[])[],
    options: IngestColumnsOptions,
    size?: number
  ) => {
    const {arrays, arrow} = both(header, rows, size);
    let expected;
    try {
      expected = ingestColumns(header, arrays, options);
    } catch (error) {
      expect(() => ingestColumns(header, arrow, {...options, skip: 1})).toThrow((error as Error).message);
      return;
    }
    const result = ingestColumns(header, arrow, {...options, skip: 1});
    expect(result.columns).toEqual(expected.columns);
    expect(result.rejected).toEqual(expected.rejected);
    expect([result.rows, result.rejectedRows]).toEqual([expected.rows, expected.rejectedRows]);
    expect(result.decimals).toEqual(expected.decimals);
  };

  const files = [
    ...["files/crm-windows-1252.csv", "files/crm-gb18030.csv"],
    ...readdirSync(new URL("fixtures/awkward", import.meta.url)).map((f) => `awkward/${f}`),
    ...readdirSync(new URL("fixtures/cli", import.meta.url)).map((f) => `cli/${f}`),
    "../../data/sample-portfolio.csv"
  ];
  it.each(files)("loads and rejects the same rows of %s as from arrays", (name) => {
    const {header, rows, lines} = parseDelimited(
      decodeText(new Uint8Array(readFileSync(new URL(`fixtures/${name}`, import.meta.url)))).text
    );
    const kept = rows.filter((r) => r.length <= header.length);
    agree(header, kept, {rowNumbers: lines.filter((_, i) => rows[i]!.length <= header.length), asOf: 2020}, 97);
  });

  it("agrees with the arrays on any rows: padded and repeated ids, years, plain and localised numbers (property)", () => {
    const header = accountFields.map((f) => f.name);
    const cell = fc.oneof(
      fc.constantFrom("", " ", "A1", " A1", "A1\u3000", "A2", "B 7", "Acme", "n/a", "2015", "2031", "1799", "0999"),
      fc.constantFrom("2015-03-31", "42005", "2015.5", "2015.0", "-2015", "001999", "12.5", "0.180", "7", "-1"),
      fc.constantFrom("1,234", "1.234,5", "35%", "0,18", "(1,200)", "3.5万", "$1,000", "0.5", "1e6", "abc", "1.234"),
      fc.constant(null)
    );
    const row = fc.array(cell, {minLength: 14, maxLength: 14});
    fc.assert(
      fc.property(
        fc.array(row, {maxLength: 12}),
        fc.constantFrom(null, ".", ","),
        fc.integer({min: 1, max: 5}),
        (rows, decimal, size) => agree(header, rows, {asOf: 2024, decimal: decimal as "." | "," | null}, size)
      ),
      {seed: 9, numRuns: 400}
    );
  });

  it("tells a repeated id among a thousand distinct ones, naming its first row", () => {
    const header = ["id", "name", "industry", "region", "firstYear", "annualWallet", "annualRevenue"];
    const more = ["grossMargin", "health", "strategicFit", "salesHeads"];
    const n = 1000;
    const ids = Array.from({length: n}, (_, i) => `ACC-${i}`);
    ids[700] = " ACC-12 ";
    const rows = ids.map((id) => [id, "Acme", "Retail", "EU", "2015", "10", "5", "0.3", "0.5", "3", "1"]);
    const {arrow} = both([...header, ...more], rows, 256);
    const result = ingestColumns([...header, ...more], arrow, {skip: 1});
    expect(result.rejected).toEqual([
      {row: 702, column: "id", value: "ACC-12", reason: 'duplicate id "ACC-12" (first at row 14)'}
    ]);
    expect(result.columns.length).toBe(n - 1);
  });
});
