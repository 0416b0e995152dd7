import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {listPages, openSite, visit, type Site} from "./site.js";

const pages = await listPages();
let site: Site;
beforeAll(async () => void (site = await openSite()));
afterAll(async () => await site?.close());

describe("every page", () => {
  it("includes the overview", () => {
    expect(pages).toContain("/");
  });

  it.each(pages)("%s renders with no error and no request leaving 127.0.0.1", async (path) => {
    const {page, context, problems} = await visit(site, path);
    expect(problems).toEqual([]);
    const text = await page.locator("#observablehq-main").innerText();
    expect(text.trim().length).toBeGreaterThan(200);
    await context.close();
  });
});
