import {describe, expect, it} from "vitest";
import {readOnlySql} from "tierwise";

const refused = (sql: string) => {
  const result = readOnlySql(sql);
  if (result.ok) throw new Error(`accepted: ${sql}`);
  return result.reason;
};

describe("readOnlySql()", () => {
  it("accepts one query of each read-only form, as written", () => {
    for (const sql of [
      "SELECT industry, count(*) AS accounts FROM accounts GROUP BY industry ORDER BY accounts DESC",
      "select * from accounts limit 5",
      "WITH big AS (SELECT * FROM accounts WHERE annualWallet > 1e7) SELECT count(*) FROM big",
      "FROM accounts",
      "FROM accounts SELECT id, name WHERE region = 'Asia Pacific'",
      "VALUES (1, 'a'), (2, 'b')",
      "DESCRIBE accounts",
      "SUMMARIZE accounts",
      "SUMMARIZE SELECT annualWallet FROM accounts",
      "SHOW TABLES",
      "(SELECT 1) UNION ALL (SELECT 2)",
      "SELECT * FROM accounts USING SAMPLE 10 ROWS",
      "SELECT a.id FROM accounts a JOIN accounts b ON a.id = b.id, range(3) r",
      "SELECT name FROM accounts WHERE name GLOB 'A*'",
      "SELECT id, 'x.csv' AS file FROM accounts",
      "SELECT 行业 FROM (SELECT industry AS 行业 FROM accounts)",
      "PIVOT accounts ON region USING count(*)"
    ])
      expect(readOnlySql(sql)).toEqual({ok: true, sql});
  });

  it("allows a trailing semicolon, with spaces and comments after it", () => {
    expect(readOnlySql("SELECT 1;")).toEqual({ok: true, sql: "SELECT 1;"});
    expect(readOnlySql("SELECT 1 ;  -- done\n /* really */ ")).toMatchObject({ok: true});
  });

  it("ignores keywords and semicolons inside strings, quoted names and comments", () => {
    for (const sql of [
      "SELECT 'DROP TABLE accounts; DELETE FROM accounts' AS note",
      "SELECT 'it''s; DROP' AS note",
      'SELECT industry AS "drop; delete", "set" FROM accounts',
      "SELECT 1 -- ; DROP TABLE accounts",
      "SELECT /* ; INSERT INTO x */ 1",
      "SELECT $$; DROP TABLE accounts; $$ AS t",
      "SELECT $tag$ it's $$ ; $tag$ AS t",
      "SELECT 'read_csv(''http://example.com/x.csv'')' AS t",
      "SELECT E'no backslash; here' AS t"
    ])
      expect(readOnlySql(sql)).toMatchObject({ok: true});
  });

  it("refuses statements that write, configure or load, naming the word", () => {
    expect(refused("DROP TABLE accounts")).toBe(
      "DROP is not allowed (character 1): Explore runs only read-only queries (SELECT, WITH … SELECT, FROM …, VALUES, DESCRIBE, SUMMARIZE)"
    );
    for (const [sql, word] of [
      ["insert into accounts values (1)", "INSERT"],
      ["UPDATE accounts SET health = 1", "UPDATE"],
      ["DELETE FROM accounts", "DELETE"],
      ["CREATE TABLE x AS SELECT 1", "CREATE"],
      ["ALTER TABLE accounts RENAME TO x", "ALTER"],
      ["COPY accounts TO 'out.csv'", "COPY"],
      ["ATTACH 'x.db'", "ATTACH"],
      ["DETACH x", "DETACH"],
      ["INSTALL httpfs", "INSTALL"],
      ["LOAD httpfs", "LOAD"],
      ["PRAGMA version", "PRAGMA"],
      ["SET enable_external_access = true", "SET"],
      ["RESET enable_external_access", "RESET"],
      ["EXPORT DATABASE 'x'", "EXPORT"],
      ["IMPORT DATABASE 'x'", "IMPORT"],
      ["CALL pragma_version()", "CALL"],
      ["CHECKPOINT", "CHECKPOINT"],
      ["USE memory", "USE"],
      ["/* hello */ drop table accounts", "DROP"]
    ])
      expect(refused(sql!)).toMatch(new RegExp(`^${word} is not allowed \\(character \\d+\\)`));
    // Inside a query too: DuckDB has no data-modifying query, so the word is never needed there.
    expect(refused("WITH x AS (DELETE FROM accounts RETURNING *) SELECT * FROM x")).toMatch(
      /^DELETE is not allowed \(character 12\)/
    );
  });

  it("refuses anything but a query, saying what the text starts with", () => {
    expect(refused("EXPLAIN SELECT 1")).toBe(
      "Explore runs only read-only queries (SELECT, WITH … SELECT, FROM …, VALUES, DESCRIBE, SUMMARIZE), and this text starts with EXPLAIN"
    );
    expect(refused("   ")).toBe("the query is empty");
    expect(refused("-- just a comment")).toBe("the query is empty");
    expect(refused(";")).toBe("the query is empty");
  });

  it("refuses more than one statement, but not a semicolon inside a string", () => {
    expect(refused("SELECT 1; SELECT 2")).toBe(
      'Explore runs one query at a time, and this text holds more than one statement (a ";" at character 9)'
    );
    expect(refused("SELECT ';'; DROP TABLE accounts")).toMatch(/a ";" at character 11\)$/);
    expect(refused("SELECT 1;;")).toMatch(/more than one statement/);
  });

  it("refuses table functions that read files or URLs, and queries held in strings", () => {
    for (const sql of [
      "SELECT * FROM read_csv('http://example.com/x.csv')",
      "SELECT * FROM READ_CSV_AUTO('x.csv')",
      "SELECT * FROM read_parquet('x.parquet')",
      "FROM read_json_auto('x.json')",
      "SELECT * FROM parquet_scan('x.parquet')",
      "SELECT * FROM glob('*')",
      "SELECT * FROM read_text('/etc/passwd')",
      "SELECT * FROM read_blob('x')",
      "SELECT * FROM sqlite_scan('x.db', 'y')",
      "SELECT * FROM query('SELECT * FROM read_csv(''x'')')",
      "SELECT * FROM \"read_csv\"('x.csv')",
      "SELECT * FROM accounts WHERE id IN (SELECT column0 FROM read_csv ('ids.csv'))"
    ])
      expect(refused(sql)).toMatch(/\(\) is not allowed \(character \d+\): Explore reads only the accounts table/);
    expect(refused("SELECT * FROM read_csv('http://example.com/x.csv')")).toBe(
      "read_csv() is not allowed (character 15): Explore reads only the accounts table, never files, URLs or other databases"
    );
  });

  it("refuses a string where a table goes, which DuckDB would read as a file", () => {
    expect(refused("SELECT * FROM 'https://example.com/book.csv'")).toBe(
      "'https://example.com/book.csv' stands where a table goes (character 15), and DuckDB would read it as a file: Explore reads only the accounts table"
    );
    expect(refused("FROM accounts, 'other.parquet'")).toMatch(/stands where a table goes \(character 16\)/);
    expect(refused("SELECT * FROM accounts a JOIN 'x.csv' b ON a.id = b.id")).toMatch(/stands where a table goes/);
    expect(refused("DESCRIBE 'x.csv'")).toMatch(/stands where a table goes/);
    expect(refused("SUMMARIZE 'x.csv'")).toMatch(/stands where a table goes/);
  });

  it("refuses text it could read differently from DuckDB instead of guessing", () => {
    expect(refused("SELECT 'unclosed; DROP TABLE accounts")).toBe("the string opened at character 8 is not closed");
    expect(refused('SELECT "unclosed')).toBe("the quoted name opened at character 8 is not closed");
    expect(refused("SELECT 1 /* unclosed")).toBe("the comment opened at character 10 is not closed");
    expect(refused("SELECT $$ unclosed")).toBe("the dollar-quoted string opened at character 8 is not closed");
    expect(refused("SELECT E'\\' ; DROP TABLE accounts; --'")).toBe(
      "escape strings with a backslash (E'…', at character 8) are not accepted"
    );
    expect(refused("SELECT x$$ -- $$; DROP TABLE accounts")).toBe(
      'a "$" right after a name (at character 9) is not accepted'
    );
    // A line comment ends at a carriage return too, so the DROP after one is code.
    expect(refused("SELECT 1 -- note\rDROP TABLE accounts")).toMatch(/^DROP is not allowed/);
    // Whether DuckDB nests block comments or not, a comment inside a comment is refused, so what
    // is code after it can never be read two ways.
    expect(refused("/* /* */ SELECT ' */ DROP TABLE accounts -- '")).toBe(
      "a comment inside a comment (at character 4) is not accepted"
    );
    expect(refused("/* /* */ DROP TABLE accounts; SELECT 1 -- */ SELECT 1")).toBe(
      "a comment inside a comment (at character 4) is not accepted"
    );
    expect(readOnlySql("/* a comment */ SELECT 1 /* another */")).toEqual({
      ok: true,
      sql: "/* a comment */ SELECT 1 /* another */"
    });
    // Only ASCII white space separates: a no-break space is part of a name, as DuckDB reads it,
    // so "$$" right after it is refused, not taken for the start of a string.
    expect(refused("SELECT a\u00a0$$ FROM accounts --$$")).toBe(
      'a "$" right after a name (at character 10) is not accepted'
    );
  });

  it("refuses a quoted name that looks like a file or URL where a table goes", () => {
    expect(refused('SELECT * FROM "data.csv"')).toBe(
      '"data.csv" stands where a table goes (character 15), and DuckDB would read it as a file: Explore reads only the accounts table'
    );
    expect(refused('FROM accounts, "https://example.com/x.parquet"')).toMatch(/stands where a table goes/);
    expect(readOnlySql('SELECT * FROM "accounts"').ok).toBe(true);
    expect(readOnlySql('SELECT "annual.wallet" FROM accounts').ok).toBe(true);
  });

  it("refuses a text longer than the limit, and rejects an invalid limit", () => {
    expect(readOnlySql("SELECT 1", {maxLength: 5})).toEqual({
      ok: false,
      reason: "the query is 8 characters long, more than the 5 allowed"
    });
    expect(() => readOnlySql("SELECT 1", {maxLength: 0})).toThrow("invalid maximum query length: 0");
  });
});
