/**
 * Type-checks, lints and formats the code in Framework pages (src/**\/*.md), which neither tsc,
 * ESLint nor Prettier reads: each page's cells and inline expressions become one virtual
 * JavaScript module beside the page (`src/name.md.js`, so its imports resolve as the page's do),
 * checked with the project's compiler options plus checkJs and the declarations of Framework's
 * globals (framework.d.ts), and linted with the project's ESLint config. Problems are reported at
 * the page's own line.
 */
import {readFile, readdir} from "node:fs/promises";
import {fileURLToPath} from "node:url";
import path from "node:path";
import {ESLint} from "eslint";
import * as prettier from "prettier";
import ts from "typescript";
import {pageCode, type PageCode} from "./pageCode.js";

export const root = fileURLToPath(new URL("../../", import.meta.url));

/** One problem in a page: the page's path (from the root), its line, and what is wrong. */
export interface PageProblem {
  file: string;
  line: number;
  message: string;
}

// Framework orders cells by their references, so a cell may use what a later one declares.
const cellOrderCodes = new Set([2448, 2454, 2450]);

/**
 * A property read on a union some of whose members have it (`result.error` on `Result | {error}`):
 * how JavaScript tells a result's kind, which TypeScript narrows only with `in`. A property that no
 * member has is still reported.
 */
function unionProbe(d: ts.Diagnostic, source: ts.SourceFile, checker: ts.TypeChecker): boolean {
  if (d.code !== 2339 || d.start === undefined) return false;
  let node: ts.Node | undefined = findToken(source, d.start);
  while (node && !ts.isPropertyAccessExpression(node)) node = node.parent;
  if (!node || !ts.isPropertyAccessExpression(node)) return false;
  const type = checker.getTypeAtLocation(node.expression);
  if (!type.isUnion()) return false;
  const name = node.name.text;
  return type.types.some((t) => checker.getPropertyOfType(checker.getApparentType(t), name) !== undefined);
}

/** The innermost node of `source` that starts at `position`. */
function findToken(source: ts.SourceFile, position: number): ts.Node | undefined {
  let found: ts.Node | undefined;
  const visit = (node: ts.Node): void => {
    if (position < node.getStart(source) || position >= node.getEnd()) return;
    found = node;
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(source, visit);
  return found;
}

/** The pages under src/, as paths from the root, sorted. */
export async function listPages(): Promise<string[]> {
  const entries = await readdir(path.join(root, "src"), {recursive: true, withFileTypes: true});
  return entries
    .filter((e) => e.isFile() && e.name.endsWith(".md"))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)))
    .filter((file) => !file.split(path.sep).includes(".observablehq"))
    .sort();
}

/** Reads pages, as a map from path (from the root) to text. */
export async function readPages(files: readonly string[]): Promise<Map<string, string>> {
  return new Map(await Promise.all(files.map(async (f) => [f, await readFile(path.join(root, f), "utf-8")] as const)));
}

function codeOf(pages: ReadonlyMap<string, string>): Map<string, PageCode> {
  return new Map([...pages].map(([file, text]) => [file, pageCode(text)]));
}

/** Type-checks the pages' code; a page whose inline expressions cannot be parsed is reported as such. */
export function checkPageTypes(pages: ReadonlyMap<string, string>): PageProblem[] {
  const codes = codeOf(pages);
  const config = ts.getParsedCommandLineOfConfigFile(
    path.join(root, "tsconfig.json"),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
      }
    }
  )!;
  // Pages run in the browser: no Node globals. Cells are JavaScript, whose values TypeScript infers
  // but whose parameters and null checks carry no annotations: they are checked as TypeScript checks
  // JavaScript without `strict` (unknown names and properties, wrong arguments, imports that do not
  // resolve or do not export what is imported), while components and the model, written in
  // TypeScript, keep every strict option.
  const options: ts.CompilerOptions = {
    ...config.options,
    allowJs: true,
    checkJs: true,
    noEmit: true,
    types: [],
    strict: false,
    noImplicitAny: false,
    strictNullChecks: false,
    noUncheckedIndexedAccess: false,
    exactOptionalPropertyTypes: false,
    useUnknownInCatchVariables: false
  };
  const virtual = new Map([...codes].map(([file, code]) => [path.join(root, `${file}.js`), {file, code}]));
  const host = ts.createCompilerHost(options);
  const {fileExists, readFile: read, getSourceFile} = host;
  host.fileExists = (name) => virtual.has(name) || fileExists.call(host, name);
  host.readFile = (name) => virtual.get(name)?.code.text ?? read.call(host, name);
  host.getSourceFile = (name, languageVersion, ...rest) => {
    const page = virtual.get(name);
    return page
      ? ts.createSourceFile(name, page.code.text, languageVersion, true, ts.ScriptKind.JS)
      : getSourceFile.call(host, name, languageVersion, ...rest);
  };
  const program = ts.createProgram({
    rootNames: [
      ...virtual.keys(),
      path.join(root, "scripts/pages/framework.d.ts"),
      path.join(root, "src/components/npm.d.ts")
    ],
    options,
    host
  });
  const problems: PageProblem[] = [];
  for (const [name, {file, code}] of virtual) {
    const source = program.getSourceFile(name)!;
    const checker = program.getTypeChecker();
    for (const d of [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)]) {
      if (cellOrderCodes.has(d.code) || unionProbe(d, source, checker)) continue;
      const line = d.start === undefined ? 0 : source.getLineAndCharacterOfPosition(d.start).line;
      problems.push({
        file,
        line: code.lines[line] ?? 1,
        message: `TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`
      });
    }
  }
  return problems;
}

/** Lints the pages' code with the project's ESLint config, as `src/name.md.js`. */
export async function lintPages(pages: ReadonlyMap<string, string>): Promise<PageProblem[]> {
  const eslint = new ESLint({cwd: root});
  const problems: PageProblem[] = [];
  for (const [file, code] of codeOf(pages)) {
    const [result] = await eslint.lintText(code.text, {filePath: path.join(root, `${file}.js`)});
    for (const m of result?.messages ?? [])
      problems.push({file, line: code.lines[m.line - 1] ?? 1, message: `${m.message} (${m.ruleId ?? "syntax"})`});
  }
  return problems;
}

async function prettierOptions(): Promise<prettier.Options> {
  const config = await prettier.resolveConfig(path.join(root, "src/index.md.js"));
  // html`…` and md`…` hold the page's markup: leave it as written.
  return {...config, parser: "babel", embeddedLanguageFormatting: "off"};
}

/** Each page formatted: its ```js cells as Prettier formats them, everything else as it is. */
export async function formatPages(pages: ReadonlyMap<string, string>): Promise<Map<string, string>> {
  const options = await prettierOptions();
  const formatted = new Map<string, string>();
  for (const [file, text] of pages) {
    let out = "";
    let at = 0;
    for (const cell of pageCode(text).cells) {
      // Prettier may break a member chain on one pass and join it on the next: format to a fixed point.
      let code = cell.code;
      for (let pass = 0, before = ""; pass < 3 && code !== before; ++pass)
        [before, code] = [code, await prettier.format(code, options)];
      out += text.slice(at, cell.start) + code;
      at = cell.end;
    }
    formatted.set(file, out + text.slice(at));
  }
  return formatted;
}
