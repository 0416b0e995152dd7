import {describe, expect, it} from "vitest";
import {checkPageTypes, lintPages} from "../scripts/pages/checkPages.js";
import {pageCode} from "../scripts/pages/pageCode.js";

// A page as Framework reads it: front matter, a cell of imports, a cell, an SQL cell and inline expressions.
const page = [
  "---",
  "title: Check",
  "---",
  "",
  "# A page with ${'{'}1} in a heading",
  "",
  "```js",
  'import {portfolioAsOf} from "tierwise";',
  "```",
  "",
  "```js",
  "const years = portfolioAsOf([{firstYear: 2020, exitYear: null}]);",
  "const wrong = portfolioAsOf([{firstYear: 2020, exitYear: null}]).toFixd(2);",
  "```",
  "",
  "```sql id=rows",
  "SELECT 1",
  "```",
  "",
  "The year is ${years.toFixed(0)}, `${not.code}`, and ${rows.length} rows ${wrong}.",
  ""
].join("\n");

describe("pageCode()", () => {
  it("pageCode() takes the js cells, the SQL cells' names and the inline expressions outside code, at their lines", () => {
    const code = pageCode(page);
    expect(code.cells.map((c) => c.line)).toEqual([8, 12]);
    expect(code.sql).toEqual([{id: "rows", line: 16}]);
    expect(code.expressions).toEqual([
      {code: "'{'", line: 5},
      {code: "years.toFixed(0)", line: 20},
      {code: "rows.length", line: 20},
      {code: "wrong", line: 20}
    ]);
  });
});

describe("checkPageTypes() and lintPages()", () => {
  it("report a type error and an unused name in a page cell at the page's line", async () => {
    const pages = new Map([["src/check.md", page]]);
    expect(checkPageTypes(pages)).toEqual([
      {
        file: "src/check.md",
        line: 13,
        message: "TS2551: Property 'toFixd' does not exist on type 'number'. Did you mean 'toFixed'?"
      }
    ]);
    const unused = new Map([["src/check.md", page.replace("${wrong}", "")]]);
    expect(await lintPages(unused)).toEqual([
      {
        file: "src/check.md",
        line: 13,
        message:
          "'wrong' is assigned a value but never used. Allowed unused vars must match /^_/u. (@typescript-eslint/no-unused-vars)"
      }
    ]);
  });

  it("let a property read on a union pass when a member has it, and report one that no member has", () => {
    const union = [
      "```js",
      'const result = /** @type {{ok: number} | {error: string}} */ (JSON.parse("{}"));',
      "const told = result.error;",
      "const typo = result.erorr;",
      "display([told, typo]);",
      "```",
      ""
    ].join("\n");
    expect(checkPageTypes(new Map([["src/union.md", union]]))).toEqual([
      {
        file: "src/union.md",
        line: 4,
        message:
          "TS2339: Property 'erorr' does not exist on type '{ ok: number; } | { error: string; }'.   Property 'erorr' does not exist on type '{ ok: number; }'."
      }
    ]);
  });
});
