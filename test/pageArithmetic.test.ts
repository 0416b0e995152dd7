import {readdirSync, readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";

// ESLint holds lib/ and src/components/ to the deterministic exp, log and pow (eslint.config.js);
// it does not read the pages' Markdown, so this does: no JavaScript on a page may compute with a
// function that differs in the last bit between Node and a browser.
const pages = new URL("../src/", import.meta.url);
const restricted =
  /\bMath\.(?:exp|expm1|log|log1p|log2|log10|pow|sin|cos|tan|asin|acos|atan|atan2|sinh|cosh|tanh|cbrt|hypot)\b|\*\*(?!\*)/;

/** The JavaScript of a page: its ```js fences and its inline ${…} expressions. */
function scripts(markdown: string): string[] {
  const fences = [...markdown.matchAll(/^```js[^\n]*\n([\s\S]*?)^```/gm)].map((m) => m[1]!);
  const prose = markdown.replace(/^```js[^\n]*\n[\s\S]*?^```/gm, "");
  const inline = [...prose.matchAll(/\$\{([^`]*?)\}/g)].map((m) => m[1]!);
  return [...fences, ...inline];
}

describe("pages", () => {
  const files = readdirSync(pages).filter((f) => f.endsWith(".md"));
  it("are found", () => expect(files.length).toBeGreaterThan(5));
  it.each(files)("%s computes with no engine-dependent Math function or **", (file) => {
    const offending = scripts(readFileSync(new URL(file, pages), "utf-8"))
      .flatMap((code) => code.split("\n"))
      .filter((line) => restricted.test(line.replace(/\/\*\*[\s\S]*?\*\/|\/\/.*$/g, "")));
    expect(offending).toEqual([]);
  });
  it("would catch one", () => {
    expect(scripts("```js\nconst x = Math.exp(1);\n```").some((c) => restricted.test(c))).toBe(true);
    expect(scripts("text ${2 ** 3} more").some((c) => restricted.test(c))).toBe(true);
    expect(scripts("**bold** text").some((c) => restricted.test(c))).toBe(false);
  });
});
