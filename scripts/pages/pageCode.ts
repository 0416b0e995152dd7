/**
 * The code of a Framework page, for checking it like any other source: its ```js cells in order,
 * then its inline ${…} expressions, as one JavaScript module with a map from each of its lines back
 * to the page's. Framework runs cells in the order their references demand, not as written, so
 * the checks leave out only "used before its declaration".
 */
import {parseExpressionAt} from "acorn";

/** A ```js cell: its code and the page line of its first line (1-based). */
export interface Cell {
  code: string;
  line: number;
  /** The offsets of its code in the page, for writing a formatted cell back. */
  start: number;
  end: number;
}

/** A page's code as one module, and each of its lines' page line (1-based). */
export interface PageCode {
  cells: Cell[];
  /** The names ```sql id=… cells declare (`[name]` for the first row), with their page lines. */
  sql: {id: string; line: number}[];
  expressions: {code: string; line: number}[];
  text: string;
  lines: number[];
}

const lineAt = (text: string, offset: number) => text.slice(0, offset).split("\n").length;

/** The page's ```js cells (not `run=false` ones) and its inline expressions outside code. */
export function pageCode(page: string): PageCode {
  const cells: Cell[] = [];
  const sql: {id: string; line: number}[] = [];
  // Blank out what holds no inline expression (front matter, fenced code, code spans, comments),
  // keeping offsets, so that ${…} is looked for only where Framework evaluates it.
  let prose = page.replace(/^---\n[\s\S]*?\n---\n/, (m) => m.replace(/[^\n]/g, " "));
  const fence = /^(```+|~~~+)([^\n]*)\n([\s\S]*?)^\1[ \t]*$/gm;
  for (const match of page.matchAll(fence)) {
    const [whole, , info, code] = match;
    const [language, ...flags] = info!.trim().split(/\s+/);
    const start = match.index + whole.indexOf("\n") + 1;
    if (language === "js" && !flags.includes("run=false"))
      cells.push({code: code!, line: lineAt(page, start), start, end: start + code!.length});
    const id = language === "sql" ? flags.find((f) => f.startsWith("id="))?.slice(3) : undefined;
    if (id) sql.push({id, line: lineAt(page, match.index)});
    prose = prose.slice(0, match.index) + whole.replace(/[^\n]/g, " ") + prose.slice(match.index + whole.length);
  }
  prose = prose.replace(/<!--[\s\S]*?-->|`[^`\n]*`/g, (m) => m.replace(/[^\n]/g, " "));
  const expressions: {code: string; line: number}[] = [];
  for (let i = prose.indexOf("${"); i >= 0; i = prose.indexOf("${", i + 2)) {
    // As Framework does: an expression parsed from just after "${", then a closing brace.
    const node = parseExpressionAt(page, i + 2, {ecmaVersion: "latest", sourceType: "module"});
    const close = /^\s*\}/.exec(page.slice(node.end));
    if (!close) throw new SyntaxError(`line ${lineAt(page, i)}: an inline expression is not closed by "}"`);
    expressions.push({code: page.slice(i + 2, node.end), line: lineAt(page, i + 2)});
    i = node.end + close[0].length - 2;
  }
  const parts: string[] = [];
  const lines: number[] = [];
  const add = (code: string, line: number) => {
    const codeLines = code.replace(/\n$/, "").split("\n");
    parts.push(...codeLines);
    codeLines.forEach((_, k) => lines.push(line + k));
  };
  // A SQL cell's result: rows of any shape (`id=[name]` names the first row).
  for (const {id, line} of sql) add(`const ${id} = /** @type {any} */ (sql);`, line);
  for (const cell of cells) add(cell.code, cell.line);
  // Inline expressions are displayed: a call keeps the linter from calling them unused.
  for (const {code, line} of expressions) add(`display(${code});`, line);
  // A page without imports is still a module (top-level await).
  parts.push("export {};");
  lines.push(lines.at(-1) ?? 1);
  return {cells, sql, expressions, text: parts.join("\n") + "\n", lines};
}
