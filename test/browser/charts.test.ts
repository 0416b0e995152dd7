import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {checkChartRules} from "./chartRules.js";
import {listPages, openSite, visit, type Site} from "./site.js";

let site: Site;
let pages: string[] = [];
beforeAll(async () => {
  site = await openSite();
  pages = await listPages();
});
afterAll(async () => await site?.close());

// Every chart and table on every page, in both themes, held to the rules in chartRules.ts; and
// no console warning or error about invalid SVG attributes (visit() reports console errors).
// Both themes at 1280 px, and a laptop's 1024 px, where cards and tables have the least room.
describe.each([
  ["light", 1280],
  ["dark", 1280],
  ["light", 1024]
] as const)("charts in the %s theme at %i px", (colorScheme, width) => {
  it("draw data, keep tick labels apart, have legible text and tables that fit their cards", async () => {
    expect(pages.length).toBeGreaterThan(6);
    const failures: string[] = [];
    for (const path of pages) {
      const {page, context, problems, warnings} = await visit(site, path, {colorScheme, width, timeout: 120_000});
      // A page that runs simulations says when they are done: every progress indicator idle.
      await page.waitForFunction(
        () => [...document.querySelectorAll<HTMLElement>(".tw-progress")].every((p) => p.dataset.state !== "running"),
        undefined,
        {timeout: 120_000}
      );
      const charts = await page.locator("#observablehq-main svg").count();
      const findings = await checkChartRules(page);
      for (const f of findings) failures.push(`${path} ${colorScheme} ${width}: ${f.figure}: ${f.rule}: ${f.detail}`);
      for (const p of [...problems, ...warnings.filter((w) => /attribute/i.test(w))])
        failures.push(`${path} ${colorScheme}: ${p}`);
      if (path === "/simulator" || path === "/compare" || path === "/tiers") expect(charts).toBeGreaterThan(4);
      // The frontier, heads by tier and NPV by tier, and the frontier legend's swatches.
      if (path === "/allocate") expect(charts).toBeGreaterThan(7);
      await context.close();
    }
    expect(failures, failures.join("\n")).toEqual([]);
  });
});
