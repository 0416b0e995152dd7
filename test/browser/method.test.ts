import {readFileSync} from "node:fs";
import {afterAll, beforeAll, expect, it} from "vitest";
import {openSite, visit, type Site} from "./site.js";

let site: Site;
beforeAll(async () => void (site = await openSite()));
afterAll(async () => await site?.close());

it("method shows both method notes from docs/, with their references", async () => {
  const {page, context, problems} = await visit(site, "/method");
  expect(await page.locator("h2").allInnerTexts()).toEqual([
    "Tiers, relationship economics and the simulation",
    "Estimating attrition from account history"
  ]);
  const text = await page.locator("#observablehq-main").innerText();
  for (const note of ["method-decision.md", "method-attrition.md"]) {
    const references = readFileSync(new URL(`../../docs/${note}`, import.meta.url), "utf-8").split("## References")[1]!;
    const first = references.trim().split("\n")[0]!.replace(/^- /, "");
    expect(text).toContain(first.replace(/[*_`]/g, ""));
  }
  expect(problems).toEqual([]);
  await context.close();
});
