/**
 * Checks the code in Framework pages like the rest of the project's:
 *   tsx scripts/check-pages.ts types    type-check (run by `npm run typecheck`)
 *   tsx scripts/check-pages.ts lint     lint, and check that cells are formatted (run by `npm run lint`)
 *   tsx scripts/check-pages.ts format   format the pages' cells in place (run by `npm run format`)
 * Exits 1 and lists each problem as `src/page.md:line: message`.
 */
import {writeFile} from "node:fs/promises";
import path from "node:path";
import {
  checkPageTypes,
  formatPages,
  lintPages,
  listPages,
  readPages,
  root,
  type PageProblem
} from "./pages/checkPages.js";

const command = process.argv[2];
const pages = await readPages(await listPages());
let problems: PageProblem[] = [];
if (command === "types") problems = checkPageTypes(pages);
else if (command === "lint" || command === "format") {
  const formatted = await formatPages(pages);
  for (const [file, text] of formatted) {
    if (text === pages.get(file)) continue;
    if (command === "format") await writeFile(path.join(root, file), text);
    else problems.push({file, line: 1, message: "cells are not formatted (run npm run format)"});
  }
  if (command === "lint") problems.push(...(await lintPages(pages)));
} else {
  console.error("usage: tsx scripts/check-pages.ts types | lint | format");
  process.exit(2);
}
for (const {file, line, message} of problems) console.error(`${file}:${line}: ${message}`);
if (problems.length > 0) {
  console.error(`${problems.length} problem${problems.length === 1 ? "" : "s"} in the pages' code`);
  process.exit(1);
}
console.warn(
  `${pages.size} pages: ${command === "types" ? "types" : command === "lint" ? "lint and format" : "formatted"} ok`
);
