import {readdirSync, readFileSync} from "node:fs";
import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {
  accountColumns,
  accountFields,
  arrowColumnValues,
  arrowTextCells,
  decideDecimalSeparators,
  decimalEvidence,
  decodeText,
  detectColumns,
  excerpt,
  ingestColumns,
  ingestRows,
  missingAccountColumns,
  numberFieldEvidence,
  parseDelimited,
  parseNumber,
  parseYear,
  plainNumber,
  readNumber,
  uniqueHeaders,
  validateAccounts,
  type Account,
  type DecimalDecisions,
  type IngestRowsOptions,
  type RejectedRow
} from "tierwise";
import {utf8Chunk} from "./fixtures/arrowText.js";

// The row-wise ingest as it was before accounts were built column by column: every row to a
// record object, then validateAccounts. ingestColumns (and ingestRows, which goes through it) must
// load and reject exactly the same rows for the same reasons.
function rowWise(
  header: readonly string[],
  rows: readonly (readonly (string | number | null)[])[],
  {
    mapping: given,
    firstRow = 2,
    rowNumbers: lineNumbers,
    asOf,
    decimal = null,
    evidence: givenEvidence
  }: IngestRowsOptions = {}
): {accounts: Account[]; rejected: RejectedRow[]; rejectedRows: number; rows: number; decimals: DecimalDecisions} {
  const columns = uniqueHeaders(header);
  const mapping = given ?? detectColumns(columns);
  const mapped = Object.keys(mapping).filter((k) => mapping[k as keyof Account] != null);
  const missing = missingAccountColumns(mapped);
  if (missing.length > 0) throw new RangeError(`no column for required fields: ${missing.join(", ")}`);
  for (const [field, column] of Object.entries(mapping)) {
    if (column != null && !columns.includes(column))
      throw new RangeError(`${field} is mapped to ${JSON.stringify(excerpt(column))}, which is not a column`);
  }
  const index = accountFields.map(
    (f) => [f, mapping[f.name] == null ? -1 : columns.indexOf(mapping[f.name]!)] as const
  );
  const numberColumns = new Set(index.filter(([f, j]) => f.type === "number" && j >= 0).map(([, j]) => j));
  if (givenEvidence !== undefined && givenEvidence.length !== columns.length)
    throw new RangeError(`evidence for ${givenEvidence.length} columns, but the header has ${columns.length}`);
  const evidence =
    givenEvidence ??
    columns.map((_, j) =>
      numberColumns.has(j) ? decimalEvidence(rows.map((cells) => cells[j])) : decimalEvidence([])
    );
  const decimals = decideDecimalSeparators(numberFieldEvidence(columns, evidence, mapping), {chosen: decimal});
  const rejected: RejectedRow[] = [];
  const records: Record<string, string | number | null>[] = [];
  const rowNumbers: number[] = [];
  let conversionRejects = 0;
  rows.forEach((cells, i) => {
    const row = lineNumbers?.[i] ?? firstRow + i;
    if (cells.length > columns.length) {
      rejected.push({
        row,
        column: "",
        value: "",
        reason: `row has ${cells.length} cells, the header ${columns.length}`
      });
      ++conversionRejects;
      return;
    }
    const record: Record<string, string | number | null> = {};
    let ok = true;
    for (const [field, j] of index) {
      const raw = j < 0 ? null : (cells[j] ?? null);
      if (field.type === "string") {
        record[field.name] = raw == null ? null : String(raw);
        continue;
      }
      const parsed =
        field.type === "integer"
          ? parseYear(raw)
          : parseNumber(raw, {
              decimal: decimals.columns[field.name]?.decimal ?? null,
              // A percentage means one thing only where the field is a share (at most 1).
              percent: field.max !== undefined && field.max <= 1
            });
      if ("error" in parsed) {
        const source =
          mapping[field.name] !== field.name ? ` (column ${JSON.stringify(excerpt(mapping[field.name]!))})` : "";
        rejected.push({
          row,
          column: field.name,
          value: raw == null ? "" : excerpt(String(raw)),
          reason: `${field.name}${source}: ${parsed.error}`
        });
        ok = false;
      } else {
        record[field.name] = parsed.value;
      }
    }
    if (ok) {
      records.push(record);
      rowNumbers.push(row);
    } else {
      ++conversionRejects;
    }
  });
  const validated = validateAccounts(records, {rowNumbers, asOf});
  rejected.push(...validated.rejected);
  rejected.sort((a, b) => a.row - b.row);
  return {
    accounts: validated.accounts,
    rejected,
    rejectedRows: conversionRejects + validated.rejectedRows,
    rows: rows.length,
    decimals
  };
}

const files = [
  ...["files/crm-windows-1252.csv", "files/crm-gb18030.csv"],
  ...readdirSync(new URL("fixtures/awkward", import.meta.url)).map((f) => `awkward/${f}`),
  ...readdirSync(new URL("fixtures/cli", import.meta.url)).map((f) => `cli/${f}`),
  "../../data/sample-portfolio.csv"
];
const read = (name: string) =>
  parseDelimited(decodeText(new Uint8Array(readFileSync(new URL(`fixtures/${name}`, import.meta.url)))).text);
const columnsOf = (header: readonly string[], rows: readonly (readonly (string | number | null)[])[]) =>
  header.map((_, j) => rows.map((r) => r[j] ?? null));

describe("ingestColumns() against the row-wise ingest", () => {
  it.each(files)("loads and rejects the same rows of %s, row-wise and column-wise", (name) => {
    const {header, rows, lines} = read(name);
    const options = {rowNumbers: lines, asOf: 2020};
    let reference;
    try {
      reference = rowWise(header, rows, options);
    } catch (error) {
      // A file that cannot be loaded at all fails alike both ways.
      expect(() => ingestRows(header, rows, options)).toThrow((error as Error).message);
      expect(() => ingestColumns(header, columnsOf(header, rows), options)).toThrow((error as Error).message);
      return;
    }
    const byRows = ingestRows(header, rows, options);
    const byColumns = ingestColumns(header, columnsOf(header, rows), options);
    expect(byRows.accounts).toEqual(reference.accounts);
    expect(byRows.rejected).toEqual(reference.rejected);
    expect(byColumns.columns).toEqual(accountColumns(reference.accounts));
    expect(byColumns.rejected).toEqual(reference.rejected);
    expect([byColumns.rows, byColumns.rejectedRows]).toEqual([reference.rows, reference.rejectedRows]);
    expect(byColumns.decimals).toEqual(reference.decimals);
  });

  it("agrees with the row-wise ingest on any rows, awkward values, short and long rows included", () => {
    const header = accountFields.map((f) => f.name);
    const cell = fc.oneof(
      fc.constantFrom("", " ", "A1", "A2", "Acme", "n/a", "2015", "2031", "1799", "2015-03-31", "42005", "2015.5"),
      fc.constantFrom("1,234", "1.234,5", "35%", "0,18", "(1,200)", "3.5万", "$1,000", "0.5", "-1", "1e6", "abc"),
      fc.constant(null)
    );
    const row = fc.array(cell, {minLength: 10, maxLength: 16});
    fc.assert(
      fc.property(fc.array(row, {maxLength: 12}), fc.constantFrom(null, ".", ","), (rows, decimal) => {
        const options: IngestRowsOptions = {asOf: 2024, decimal: decimal as "." | "," | null};
        const reference = rowWise(header, rows, options);
        const result = ingestRows(header, rows, options);
        expect(result.accounts).toEqual(reference.accounts);
        expect(result.rejected).toEqual(reference.rejected);
        expect([result.rows, result.rejectedRows]).toEqual([reference.rows, reference.rejectedRows]);
      }),
      {seed: 7, numRuns: 300}
    );
  });

  it("names the row of a rejected value by the row number given, with nothing built for it", () => {
    const header = [
      "id",
      "name",
      "industry",
      "region",
      "firstYear",
      "annualWallet",
      "annualRevenue",
      "grossMargin",
      "health",
      "strategicFit",
      "salesHeads"
    ];
    const cells = [
      ["A1", "A1"],
      ["x", "y"],
      ["Retail", "Retail"],
      ["EU", "EU"],
      ["2015", "2016"],
      ["10", "10"],
      ["5", "5"],
      ["0.3", "0.3"],
      ["0.5", "0.5"],
      ["3", "3"],
      ["1", "1"]
    ];
    const result = ingestColumns(header, cells, {rowNumbers: [4, 9]});
    expect(result.columns.length).toBe(1);
    expect(result.rejected).toEqual([
      {row: 9, column: "id", value: "A1", reason: 'duplicate id "A1" (first at row 4)'}
    ]);
    expect(() => ingestColumns(header, cells.slice(1), {})).toThrow("10 columns of cells, but the header has 11");
  });
});

describe("plainNumber()", () => {
  it("reads a plain number to the value of the general rules, and nothing else (property)", () => {
    const digits = (min: number, max: number) => fc.stringMatching(new RegExp(`^\\d{${min},${max}}$`));
    const plain = fc.oneof(
      fc.tuple(fc.constantFrom("", "-"), digits(1, 17)).map(([s, d]) => s + d),
      fc.tuple(fc.constantFrom("", "-"), digits(1, 17), digits(0, 17)).map(([s, a, b]) => `${s}${a}.${b}`),
      fc.constantFrom("", "-", ".5", "1.", "+1", "1e6", "1,5", " 1")
    );
    fc.assert(
      fc.property(plain, (text) => {
        const value = plainNumber(text);
        // The general rules, as a leading space makes readNumber take them.
        const general = readNumber(` ${text}`);
        if (Number.isNaN(value))
          expect(general.kind !== "value" || !/^-?\d{1,15}(?:\.\d{1,15})?$/.test(text)).toBe(true);
        else expect(general).toEqual({kind: "value", value, decimal: text.includes(".") ? "." : null});
      }),
      {seed: 11, numRuns: 2000}
    );
    expect([plainNumber("1234.5"), plainNumber("-0.180"), plainNumber("1.234"), plainNumber("12.500")]).toEqual([
      1234.5,
      -0.18,
      NaN,
      NaN
    ]);
  });
});

describe("arrowTextCells()", () => {
  it("reads each value as arrowColumnValues does, across chunks, ASCII or not, nulls included", () => {
    const values = [
      ["id", "A1", null, "plain"],
      ["华为 Ærø 😀", "", null, "x😀y", "Beta"]
    ];
    const vector = {
      length: 9,
      type: {typeId: 5},
      data: values.map((v) => utf8Chunk(v)),
      toArray: () => values.flat()
    };
    const cells = arrowTextCells(vector);
    expect(Array.from({length: cells.length}, (_, i) => cells.at(i))).toEqual(values.flat());
    expect(Array.from(arrowColumnValues(vector))).toEqual(values.flat());
    expect(cells.at(9)).toBeUndefined();
  });
});
