/** Options of {@link readOnlySql}. */
export interface ReadOnlySqlOptions {
  /** Longest query text accepted, in characters (default 100,000). */
  maxLength?: number;
}

/** What {@link readOnlySql} decided: the query to run, or why it is refused, in words for the user. */
export type ReadOnlySql = {ok: true; sql: string} | {ok: false; reason: string};

// The statements a query may start with: all of them read and none of them writes.
const starts = new Set([
  "select",
  "with",
  "from",
  "values",
  "describe",
  "summarize",
  "show",
  "table",
  "pivot",
  "unpivot"
]);

// Words that make a statement write, configure, load or leave the database. None is needed by a
// query, so one is refused wherever it stands outside strings, quoted names and comments (a column
// named like one can be written in double quotes).
const refusedWords = new Set([
  "insert",
  "update",
  "delete",
  "create",
  "drop",
  "alter",
  "copy",
  "attach",
  "detach",
  "install",
  "load",
  "pragma",
  "set",
  "reset",
  "export",
  "import",
  "call",
  "checkpoint",
  "use",
  "truncate",
  "vacuum",
  "prepare",
  "execute",
  "begin",
  "commit",
  "rollback",
  "merge"
]);

// Table functions that read files, URLs or other databases, and `query`/`query_table`, which run
// a statement written inside a string (where the words above are not looked for).
const refusedFunctionPrefixes = [
  "read_",
  "parquet_",
  "iceberg_",
  "delta_",
  "sqlite_",
  "postgres_",
  "mysql_",
  "json_scan"
];
const refusedFunctions = new Set([
  "glob",
  "sniff_csv",
  "query",
  "query_table",
  "csv_scan",
  "httpfs",
  "load_aws_credentials"
]);

// Positions where a string names a table: DuckDB then reads the file or URL it names.
const tablePositions = new Set(["from", "join", "describe", "summarize", "pivot", "unpivot", "table"]);

// Words that begin a clause, to know whether a comma separates tables (in FROM) or values. JOIN,
// ON and USING stay in the FROM clause.
const clauseWords = new Set([
  "select",
  "from",
  "where",
  "group",
  "having",
  "order",
  "limit",
  "offset",
  "qualify",
  "window",
  "union",
  "except",
  "intersect",
  "values",
  "returning"
]);

type Token =
  | {kind: "word"; text: string; at: number}
  | {kind: "quoted"; text: string; at: number}
  | {kind: "string"; text: string; at: number}
  | {kind: "symbol"; text: string; at: number};

const wordStart = /[A-Za-z_\u0080-\uffff]/;
const wordPart = /[A-Za-z0-9_\u0080-\uffff]/;

/** Splits SQL into words, quoted names, strings and symbols, dropping comments; or says why it cannot. */
function tokenize(sql: string): Token[] | string {
  const tokens: Token[] = [];
  let i = 0;
  const n = sql.length;
  const where = (at: number) => `at character ${at + 1}`;
  while (i < n) {
    const c = sql[i]!;
    if (c === " " || c === "\t" || c === "\n" || c === "\r" || c === "\f" || c === "\v") {
      // Only ASCII white space: DuckDB reads any other character at or above U+0080 (a no-break
      // space, say) as part of a name, and so does this lexer.
      ++i;
    } else if (c === "-" && sql[i + 1] === "-") {
      // A line comment ends at the first line break of either kind, as in DuckDB's lexer.
      while (i < n && sql[i] !== "\n" && sql[i] !== "\r") ++i;
    } else if (c === "/" && sql[i + 1] === "*") {
      // Whether block comments nest (PostgreSQL's lexer) or end at the first "*/" decides what
      // is code after "/* /* */"; rather than guess DuckDB's reading, a comment inside a comment
      // is refused, and then both readings agree.
      const start = i;
      const end = sql.indexOf("*/", i + 2);
      if (end < 0) return `the comment opened ${where(start)} is not closed`;
      const inner = sql.indexOf("/*", i + 2);
      if (inner >= 0 && inner < end) return `a comment inside a comment (${where(inner)}) is not accepted`;
      i = end + 2;
    } else if (c === "'" || c === '"') {
      const start = i;
      let text = "";
      ++i;
      for (;;) {
        if (i >= n) return `the ${c === "'" ? "string" : "quoted name"} opened ${where(start)} is not closed`;
        if (sql[i] === c) {
          if (sql[i + 1] === c) {
            text += c;
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        text += sql[i++];
      }
      // In an escape string (E'…') a backslash can escape the quote; such strings are not accepted,
      // rather than risk reading their end differently from DuckDB.
      const previous = tokens.at(-1);
      if (
        c === "'" &&
        previous?.kind === "word" &&
        previous.text.toLowerCase() === "e" &&
        previous.at + 1 === start &&
        text.includes("\\")
      )
        return `escape strings with a backslash (E'…', ${where(previous.at)}) are not accepted`;
      tokens.push({kind: c === "'" ? "string" : "quoted", text, at: start});
    } else if (c === "$") {
      const tag = /^\$(?:[A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(i, i + 200));
      if (tag) {
        const end = sql.indexOf(tag[0], i + tag[0].length);
        if (end < 0) return `the dollar-quoted string opened ${where(i)} is not closed`;
        tokens.push({kind: "string", text: sql.slice(i + tag[0].length, end), at: i});
        i = end + tag[0].length;
      } else {
        tokens.push({kind: "symbol", text: c, at: i++});
      }
    } else if (wordStart.test(c)) {
      const start = i;
      while (i < n && wordPart.test(sql[i]!)) ++i;
      // "a$$…": DuckDB may read the "$" as part of the name or as the start of a string; either
      // reading could hide code from the other, so the text is refused.
      if (sql[i] === "$") return `a "$" right after a name (${where(i)}) is not accepted`;
      tokens.push({kind: "word", text: sql.slice(start, i), at: start});
    } else if (/[0-9]/.test(c)) {
      const start = i;
      while (i < n && /[0-9._eE]/.test(sql[i]!)) ++i;
      tokens.push({kind: "symbol", text: sql.slice(start, i), at: start});
    } else {
      tokens.push({kind: "symbol", text: c, at: i++});
    }
  }
  return tokens;
}

/** A short quotation of a user's text in a message. */
function cite(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/**
 * Whether a text is one read-only query that may run over the in-browser database: a single
 * SELECT (also WITH … SELECT, FROM-first, VALUES, TABLE, PIVOT) or a DESCRIBE, SUMMARIZE or SHOW,
 * with at most a trailing semicolon. Refused, with a reason naming the word and where it stands:
 * several statements; any word that writes, configures, loads or leaves the database (INSERT, DROP,
 * COPY, ATTACH, INSTALL, SET, PRAGMA, …); table functions that read files, URLs or other databases
 * (read_csv, read_parquet, read_json, parquet_scan, glob, read_text, read_blob, …) or run a query
 * held in a string (`query`); a string where a table goes (`FROM 'data.csv'`), which DuckDB reads
 * as a file. Words inside strings, quoted names and comments are text, not code: they are not looked
 * at. Where the lexing could differ from DuckDB's (an unclosed string, an escape string with a
 * backslash, a `$` right after a name), the text is refused rather than guessed. This is a guard in
 * front of the database, not a replacement for running it with external access disabled.
 *
 * @example
 * readOnlySql("SELECT industry, count(*) FROM accounts GROUP BY 1;"); // {ok: true, sql: "SELECT industry, count(*) FROM accounts GROUP BY 1;"}
 * readOnlySql("DROP TABLE accounts"); // {ok: false, reason: "DROP is not allowed: Explore runs read-only queries (…)"}
 */
export function readOnlySql(text: string, {maxLength = 100_000}: ReadOnlySqlOptions = {}): ReadOnlySql {
  if (!(maxLength >= 1)) throw new RangeError(`invalid maximum query length: ${maxLength}`);
  const only = "Explore runs only read-only queries (SELECT, WITH … SELECT, FROM …, VALUES, DESCRIBE, SUMMARIZE)";
  if (text.length > maxLength)
    return {
      ok: false,
      reason: `the query is ${text.length.toLocaleString("en-US")} characters long, more than the ${maxLength.toLocaleString("en-US")} allowed`
    };
  const tokens = tokenize(text);
  if (typeof tokens === "string") return {ok: false, reason: tokens};
  if (tokens.length === 0) return {ok: false, reason: "the query is empty"};

  // One statement: a semicolon may only end the text.
  const semicolon = tokens.findIndex((t) => t.kind === "symbol" && t.text === ";");
  if (semicolon >= 0 && semicolon < tokens.length - 1)
    return {
      ok: false,
      reason: `Explore runs one query at a time, and this text holds more than one statement (a ";" at character ${tokens[semicolon]!.at + 1})`
    };
  const body = semicolon >= 0 ? tokens.slice(0, semicolon) : tokens;
  if (body.length === 0) return {ok: false, reason: "the query is empty"};

  const first = body.find((t) => !(t.kind === "symbol" && t.text === "("));
  const start = first?.kind === "word" ? first.text.toLowerCase() : null;
  if (start !== null && refusedWords.has(start))
    return {ok: false, reason: `${first!.text.toUpperCase()} is not allowed (character ${first!.at + 1}): ${only}`};
  if (start === null || !starts.has(start))
    return {ok: false, reason: `${only}, and this text starts with ${first ? cite(first.text) : "a parenthesis"}`};

  // The clause each open parenthesis is in, to tell a list of tables from a list of values.
  const clauses: (string | null)[] = [null];
  for (const [index, token] of body.entries()) {
    const previous = body[index - 1];
    const next = body[index + 1];
    if (token.kind === "symbol") {
      if (token.text === "(") clauses.push(null);
      else if (token.text === ")" && clauses.length > 1) clauses.pop();
      continue;
    }
    const lower = token.text.toLowerCase();
    if (token.kind === "word" && refusedWords.has(lower))
      return {ok: false, reason: `${token.text.toUpperCase()} is not allowed (character ${token.at + 1}): ${only}`};
    if ((token.kind === "word" || token.kind === "quoted") && next?.kind === "symbol" && next.text === "(") {
      if (refusedFunctions.has(lower) || refusedFunctionPrefixes.some((prefix) => lower.startsWith(prefix)))
        return {
          ok: false,
          reason: `${cite(token.text)}() is not allowed (character ${token.at + 1}): Explore reads only the accounts table, never files, URLs or other databases`
        };
    }
    if (token.kind === "word" && clauseWords.has(lower)) clauses[clauses.length - 1] = lower;
    if ((token.kind === "string" || token.kind === "quoted") && previous) {
      const afterTableWord = previous.kind === "word" && tablePositions.has(previous.text.toLowerCase());
      const afterTableComma = previous.kind === "symbol" && previous.text === "," && clauses.at(-1) === "from";
      // A string where a table goes is a file to DuckDB; so is a quoted name that looks like a
      // path or URL ("data.csv", "https://…"), when no table of that name exists.
      if ((afterTableWord || afterTableComma) && (token.kind === "string" || /[./:\\]/.test(token.text)))
        return {
          ok: false,
          reason: `${token.kind === "string" ? `'${cite(token.text)}'` : `"${cite(token.text)}"`} stands where a table goes (character ${token.at + 1}), and DuckDB would read it as a file: Explore reads only the accounts table`
        };
    }
  }
  return {ok: true, sql: text};
}
