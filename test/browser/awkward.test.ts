import {readFileSync, readdirSync} from "node:fs";
import type {Page} from "playwright-core";
import {afterAll, beforeAll, expect, it} from "vitest";
import {listPages, openSite, settle, visit, type Site} from "./site.js";

const folder = new URL("../fixtures/awkward/", import.meta.url);
const fixtures = readdirSync(folder)
  .filter((name) => name.endsWith(".csv"))
  .sort();
const pages = await listPages();
let site: Site;
beforeAll(async () => void (site = await openSite()));
afterAll(async () => await site?.close());

/** Uploads a fixture on the Your-portfolio page; every page then reads it from IndexedDB. */
async function upload(page: Page, name: string): Promise<void> {
  const text = readFileSync(new URL(name, folder), "utf-8");
  const rows = text.trim().split("\n").length - 1;
  await page
    .locator("input[type=file]")
    .setInputFiles({name, mimeType: "text/csv", buffer: Buffer.from(text, "utf-8")});
  await page.getByRole("button", {name: `Load ${rows} rows`}).click();
  await page.getByText(`Every page now uses ${name}`).waitFor();
}

it.each(fixtures)("%s: every page loads it with no error", async (name) => {
  const {page, context, problems} = await visit(site, "/data");
  await upload(page, name);
  const byPage: Record<string, string[]> = {};
  for (const path of pages) {
    const before = problems.length;
    await page.goto(site.origin + path, {waitUntil: "load"});
    problems.push(...(await settle(page, {timeout: 120_000})));
    if (problems.length > before) byPage[path] = [...new Set(problems.slice(before).map((p) => p.split("\n")[0]!))];
  }
  expect(byPage).toEqual({});
  await context.close();
});
