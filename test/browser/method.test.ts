import {readFileSync} from "node:fs";
import {accountFields} from "tierwise";
import {afterAll, beforeAll, expect, it} from "vitest";
import {openSite, visit, type Site} from "./site.js";

let site: Site;
beforeAll(async () => void (site = await openSite()));
afterAll(async () => await site?.close());

it("method shows the glossary, the data dictionary and the method notes from docs/, with their references", async () => {
  const {page, context, problems} = await visit(site, "/method");
  expect(await page.locator("h2").allInnerTexts()).toEqual([
    "Glossary",
    "Data dictionary",
    "Tiers, relationship economics and the simulation",
    "Allocating sales heads under attrition",
    "Estimating attrition from account history",
    "Settings, links and saved choices"
  ]);
  // The Simulator's note on heads that respond to effort links to this section.
  expect(await page.locator("h2#allocating-sales-heads-under-attrition").count()).toBe(1);
  const text = await page.locator("#observablehq-main").innerText();
  for (const note of ["method-decision.md", "method-allocation.md", "method-attrition.md"]) {
    const references = readFileSync(new URL(`../../docs/${note}`, import.meta.url), "utf-8").split("## References")[1]!;
    const first = references.trim().split("\n")[0]!.replace(/^- /, "");
    expect(text).toContain(first.replace(/[*_`]/g, ""));
  }
  // Every column of the account record, in order, in the data dictionary.
  const dictionary = page.locator("h2#data-dictionary ~ table").first();
  expect(await dictionary.locator("tbody tr td:first-child").allInnerTexts()).toEqual(accountFields.map((f) => f.name));
  expect(problems).toEqual([]);
  await context.close();
});

it("method typesets its formulas with KaTeX, served with its fonts from the site itself", async () => {
  const {page, context, problems, requested} = await visit(site, "/method");
  // Every ```math block of docs/ is a display formula and every $`x`$ an inline one, none left as
  // source or as an error.
  const docs = ["method-glossary.md", "method-decision.md", "method-allocation.md", "method-attrition.md"]
    .map((note) => readFileSync(new URL(`../../docs/${note}`, import.meta.url), "utf-8"))
    .join("\n");
  const blocks = docs.match(/^```math$/gm)!.length;
  const inline = docs.match(/\$`[^`]+`\$/g)!.length;
  expect(blocks).toBeGreaterThanOrEqual(9);
  expect(await page.locator(".katex-display").count()).toBe(blocks);
  expect(await page.locator(".katex").count()).toBe(blocks + inline);
  expect(await page.locator(".katex-error").count()).toBe(0);
  const text = await page.locator("#observablehq-main").innerText();
  expect(text).not.toContain("$`");
  expect(text).not.toContain("\\frac");
  // The Kaplan-Meier estimator is a product over event times, drawn as a large operator.
  await page.locator(".katex-display .mop.op-symbol.large-op", {hasText: "∏"}).first().waitFor();
  const fonts = await page.evaluate(async () => {
    await document.fonts.ready;
    return [...document.fonts].filter((f) => f.status === "loaded").map((f) => f.family.replace(/"/g, ""));
  });
  expect(fonts).toEqual(expect.arrayContaining(["KaTeX_Main", "KaTeX_Math"]));
  const katex = requested.filter((url) => url.includes("/_npm/katex@"));
  expect(katex.some((url) => /\/_npm\/katex@[\d.]+\/dist\/katex\.min\.css$/.test(url))).toBe(true);
  expect(katex.some((url) => /\/dist\/fonts\/KaTeX_Main-Regular\.woff2$/.test(url))).toBe(true);
  // Chinese text (人效 in the notes) falls to CJK system fonts named after the Latin ones.
  const stacks = await page.evaluate(() => [
    getComputedStyle(document.body).fontFamily,
    getComputedStyle(document.querySelector("table")!).fontFamily
  ]);
  for (const stack of stacks)
    expect(stack).toMatch(
      /(arial|Times), ("Noto Serif CJK SC", "Source Han Serif SC", )?"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", (sans-)?serif/i
    );
  // A failed or outside request (a font from a CDN, say) is a problem.
  expect(problems).toEqual([]);
  await context.close();
});
