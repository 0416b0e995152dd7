import {readFileSync} from "node:fs";
import fc from "fast-check";
import {beforeAll, describe, expect, it} from "vitest";
import {
  accountFields,
  arrowColumnValues,
  csvRecords,
  decodeText,
  ingestRows,
  parseDelimited,
  readDelimited,
  type DelimitedDatabase
} from "tierwise";
import {blockingDuckDB} from "./fixtures/blockingDuckDB.js";

// DuckDB-wasm in its blocking Node form (blockingDuckDB): the same CSV reader the ingest worker
// uses in the browser, so these tests check the reader itself, not a stand-in.
let database: DelimitedDatabase;
beforeAll(async () => {
  const db = await blockingDuckDB();
  const connection = db.connect();
  database = {
    async registerFile(name, bytes) {
      db.registerFileBuffer(name, bytes);
    },
    async dropFile(name) {
      db.dropFile(name);
    },
    async query(sql) {
      const table = connection.query(sql);
      return Array.from({length: table.numCols}, (_, j) => arrowColumnValues(table.getChildAt(j)!));
    }
  };
});

const utf8 = (text: string) => new TextEncoder().encode(text);
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`fixtures/files/${name}`, import.meta.url)));
const columns = accountFields.map((field) => field.name);

describe("csvRecords()", () => {
  it("finds each record's line and byte offset, past quoted line breaks, CRLF and blank lines", () => {
    const records = csvRecords(utf8('id;name\r\n\r\nA1;"two\r\nlines; ""q"""\r\nA2;x\r\n"A3";y'));
    expect(records.delimiter).toBe(";");
    expect(records.count).toBe(4);
    expect([...records.lines]).toEqual([1, 3, 5, 6]);
    expect([...records.offsets]).toEqual([0, 11, 35, 41]);
    expect(records.longest).toBe(24);
    expect(records.headerCells).toBe(2);
    expect(records.unterminatedQuote).toBe(false);
    expect(csvRecords(utf8('id,name\nA1,"open\nA2,x\n')).unterminatedQuote).toBe(true);
    expect(csvRecords(utf8("a\tb|c\n")).delimiter).toBe("\t");
    expect(() => csvRecords(utf8("a"), {delimiter: '"'})).toThrow('invalid delimiter: "\\""');
  });
});

// The record scan as it was, byte by byte: csvRecords, which skips through lines without a quote
// or a lone carriage return, must find the same records.
function formerRecords(bytes: Uint8Array, d: number) {
  const [QUOTE, LF, CR] = [0x22, 0x0a, 0x0d];
  const lines: number[] = [];
  const offsets: number[] = [];
  let [line, i, headerCells, unterminatedQuote] = [1, 0, 0, false];
  while (i < bytes.length) {
    if (bytes[i] === LF || bytes[i] === CR) {
      if (bytes[i] === CR && bytes[i + 1] === LF) ++i;
      ++i;
      ++line;
      continue;
    }
    lines.push(line);
    offsets.push(i);
    let [cells, fieldStart] = [1, true];
    while (i < bytes.length) {
      const b = bytes[i]!;
      if (fieldStart && b === QUOTE) {
        for (++i; ;) {
          if (i >= bytes.length) {
            unterminatedQuote = true;
            break;
          }
          const c = bytes[i]!;
          if (c === QUOTE) {
            if (bytes[i + 1] === QUOTE) i += 2;
            else {
              ++i;
              break;
            }
          } else {
            if (c === LF || (c === CR && bytes[i + 1] !== LF)) ++line;
            ++i;
          }
        }
        fieldStart = false;
      } else if (b === d) {
        ++cells;
        fieldStart = true;
        ++i;
      } else if (b === LF || b === CR) break;
      else {
        fieldStart = false;
        ++i;
      }
    }
    if (lines.length === 1) headerCells = cells;
    if (i < bytes.length) {
      if (bytes[i] === CR && bytes[i + 1] === LF) ++i;
      ++i;
      ++line;
    }
  }
  return {lines, offsets, headerCells, unterminatedQuote};
}

describe("csvRecords() against the former byte-by-byte scan", () => {
  it("finds the same records, lines and offsets in any text of quotes, delimiters and line breaks (property)", () => {
    const piece = fc.constantFrom("a", "b1", ",", '"', '""', "\n", "\r", "\r\n", " ", "华");
    fc.assert(
      fc.property(fc.array(piece, {maxLength: 40}), (pieces) => {
        const bytes = utf8(pieces.join(""));
        const found = csvRecords(bytes, {delimiter: ","});
        const former = formerRecords(bytes, 0x2c);
        expect({
          lines: [...found.lines],
          offsets: [...found.offsets],
          headerCells: found.headerCells,
          unterminatedQuote: found.unterminatedQuote
        }).toEqual(former);
      }),
      {seed: 13, numRuns: 1000}
    );
  });
});

describe("arrowColumnValues()", () => {
  it("decodes a text column as toArray() does, nulls and characters of every width included", async () => {
    const texts = ["", "a", "Müller", "华为技术", "😀 x", null, "é😀华", "last"];
    const list = texts.map((t) => (t === null ? "NULL" : `'${t}'`)).join(", ");
    const [values] = await database.query(`SELECT unnest([${list}]) AS t`);
    expect(Array.from(values!)).toEqual(texts);
  });
});

describe("readDelimited() with DuckDB's CSV reader", () => {
  it("reads every cell as text, numbers each row by its line, and keeps the reader's rejections", async () => {
    const text = [
      "id;name;revenue",
      'A1;"Smith; Sons";1.234,5',
      "",
      'A2;"two',
      'lines";(1.200)',
      "A3;short",
      "A4;y;1;extra",
      'A5;"x"y;2',
      "A6;¥12，000;3.5万"
    ].join("\n");
    const read = await readDelimited(utf8(text), database);
    expect(read.delimiter).toBe(";");
    expect(read.header).toEqual(["id", "name", "revenue"]);
    expect(read.rows).toEqual([
      ["A1", "Smith; Sons", "1.234,5"],
      ["A2", "two\nlines", "(1.200)"],
      ["A3", "short", null],
      ["A6", "¥12，000", "3.5万"]
    ]);
    expect(read.lines).toEqual([2, 4, 6, 9]);
    expect(read.rejected).toEqual([
      {row: 7, column: "", value: "A4;y;1;extra", reason: "row has 4 cells, the header 3"},
      {
        row: 8,
        column: "",
        value: 'A5;"x"y;2',
        reason: "a quoted value is not closed where it should be (a stray quote)"
      }
    ]);
    expect(read.unterminatedQuote).toBe(false);
  });

  it("rejects the record a quote left open at the end of the file, and says the file may be truncated", async () => {
    const read = await readDelimited(utf8('id,name\nA1,x\nA2,"open\nA3,y\n'), database);
    expect(read.rows).toEqual([["A1", "x"]]);
    expect(read.lines).toEqual([2]);
    expect(read.rejected).toMatchObject([{row: 3, column: ""}]);
    expect(read.unterminatedQuote).toBe(true);
  });

  it("makes repeated and empty header names distinct, and reads an empty file as no header", async () => {
    const read = await readDelimited(utf8("id,revenue,,revenue\n1,2,3,4\n"), database);
    expect(read.header).toEqual(["id", "revenue", "column 3", "revenue (2)"]);
    expect(read.rows).toEqual([["1", "2", "3", "4"]]);
    expect((await readDelimited(utf8("\n\n"), database)).header).toEqual([]);
  });

  it("gives ingestRows the same rows, lines and rejections as the former parser on the teams' exports", async () => {
    for (const name of ["crm-gb18030.csv", "crm-windows-1252.csv"]) {
      const {text} = decodeText(fixture(name));
      const read = await readDelimited(utf8(text), database);
      const old = parseDelimited(text);
      expect(read.header).toEqual(old.header);
      expect(read.lines).toEqual(old.lines);
      const a = ingestRows(read.header, read.rows, {rowNumbers: read.lines, asOf: 2024});
      const b = ingestRows(old.header, old.rows, {rowNumbers: old.lines, asOf: 2024});
      expect(a.accounts).toEqual(b.accounts);
      expect(a.rejected).toEqual(b.rejected);
    }
  });

  it("reads a cell longer than DuckDB's default line (2 MB) and leaves its rejection, quoted briefly, to the model", async () => {
    const huge = "x".repeat(3 * 1024 * 1024);
    const csv = `${columns.join(",")}\nH1,Huge,Retail,Europe,,2015,,5000,,${huge},30%,0.5,3,2\n`;
    const read = await readDelimited(utf8(csv), database);
    const {rejected} = ingestRows(read.header, read.rows, {rowNumbers: read.lines});
    expect(rejected).toEqual([
      {
        row: 2,
        column: "annualRevenue",
        value: `${"x".repeat(40)}…`,
        reason: `annualRevenue: "${"x".repeat(40)}…" is not a number`
      }
    ]);
  });
});
