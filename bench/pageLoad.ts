import {mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {chromium} from "playwright-core";
import {chromiumArgs, findChromium} from "../test/browser/chromium.js";
import {serveStatic} from "../test/browser/server.js";
import {dist, listPages, openSite, settled, visit} from "../test/browser/site.js";
import {portfolioCsv} from "./ingest.js";

export interface Measurement {
  name: string;
  value: number;
  unit: string;
}

// Records when the first chart (an SVG in a card or figure, drawn in the page or at build time)
// is on the page with a size, in ms since navigation began. Icons and legend swatches are skipped.
const firstChart = `window.__firstChart = undefined; new MutationObserver((records, observer) => {
  const chart = [...document.querySelectorAll("#observablehq-main figure svg, #observablehq-main .card svg")].find((svg) => {
    const {width, height} = svg.getBoundingClientRect();
    return width >= 100 && height >= 50;
  });
  if (chart) {
    window.__firstChart = performance.now();
    observer.disconnect();
  }
}).observe(document, {childList: true, subtree: true});`;

/**
 * For every built page, a first visit in a fresh browser context: bytes transferred, the time
 * from navigation until the first chart is on the page (for pages with charts), and until every
 * cell has settled; best of three.
 */
export async function pageLoad({runs = 3} = {}): Promise<Measurement[]> {
  const site = await openSite();
  const results: Measurement[] = [];
  try {
    for (const path of await listPages()) {
      let best = Infinity;
      let bestChart = Infinity;
      let bytes = 0;
      for (let i = 0; i < runs; ++i) {
        const started = performance.now();
        const v = await visit(site, path, {init: firstChart});
        best = Math.min(best, performance.now() - started);
        bestChart = Math.min(bestChart, (await v.page.evaluate("window.__firstChart")) ?? Infinity);
        bytes = await v.transferred();
        if (v.problems.length) throw new Error(`${path}: ${v.problems.join("; ")}`);
        await v.context.close();
      }
      results.push({name: `first visit ${path}: transferred`, value: bytes, unit: "bytes"});
      if (Number.isFinite(bestChart))
        results.push({name: `first visit ${path}: first chart`, value: Math.round(bestChart), unit: "ms"});
      results.push({name: `first visit ${path}: settled`, value: Math.round(best), unit: "ms"});
    }
  } finally {
    await site.close();
  }
  return results;
}

// On Explore, when DuckDB's own result of the first query is on the page (its status line carries
// the run's number), in ms since navigation began: the first chart may be drawn before, from the
// accounts in hand.
const firstQueryResult = `window.__firstQueryResult = undefined; new MutationObserver((records, observer) => {
  if (document.querySelector(".tw-query-status[data-run]")) {
    window.__firstQueryResult = performance.now();
    observer.disconnect();
  }
}).observe(document, {childList: true, subtree: true});`;

/**
 * For every built page on the sample, a second visit in one browser profile, as a returning user
 * makes it: its assets come from the browser's disk cache, and compiled WebAssembly from
 * Chromium's code cache. (A profile on disk, not a fresh context: an off-the-record context keeps
 * no code cache and, with its small memory cache, refetched DuckDB's 35 MB module on every visit.
 * No request is routed here: routing turns Chromium's cache off.) The time from navigation until
 * the first chart is on the page (for pages with charts), best of `runs`; on Explore also until
 * DuckDB's own first result is.
 */
export async function pageLoadWarm({runs = 3} = {}): Promise<Measurement[]> {
  const server = await serveStatic(dist);
  const profile = mkdtempSync(join(tmpdir(), "tierwise-profile-"));
  const results: Measurement[] = [];
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    args: chromiumArgs,
    headless: true,
    viewport: {width: 1280, height: 900}
  });
  try {
    await context.addInitScript(firstChart + firstQueryResult);
    const page = await context.newPage();
    for (const path of await listPages()) {
      await page.goto(server.origin + path);
      await settled(page, {timeout: 600_000});
      let best = Infinity;
      let bestResult = Infinity;
      for (let i = 0; i < runs; ++i) {
        await page.goto(server.origin + path);
        await settled(page, {timeout: 600_000});
        best = Math.min(best, ((await page.evaluate("window.__firstChart")) as number | undefined) ?? Infinity);
        // Explore is settled once it shows a result, which may be the one counted on the page.
        if (path === "/explore")
          await page.waitForFunction("window.__firstQueryResult !== undefined", undefined, {timeout: 600_000});
        bestResult = Math.min(
          bestResult,
          ((await page.evaluate("window.__firstQueryResult")) as number | undefined) ?? Infinity
        );
      }
      if (Number.isFinite(best))
        results.push({name: `warm cache ${path}: first chart`, value: Math.round(best), unit: "ms"});
      if (Number.isFinite(bestResult))
        results.push({name: `warm cache ${path}: DuckDB's first result`, value: Math.round(bestResult), unit: "ms"});
    }
  } finally {
    await context.close();
    await server.close();
    rmSync(profile, {recursive: true, force: true});
  }
  return results;
}

/**
 * Every page on a book of `rows` accounts (the sample's rows repeated), uploaded once on the data
 * page; then each page is opened in the same browser context (warm cache, the book read from
 * IndexedDB): the time until its first chart and, with `settle`, until every cell has settled
 * (without it, the page is left once its first chart is drawn: on a million accounts the full
 * simulations of Allocate and Compare take minutes). Reports are left out: they are built on the
 * sample. Also the time from choosing the file to the book saved and in use.
 */
export async function pageLoadWithBook(
  rows = 100_000,
  {settle = true, pages}: {settle?: boolean; pages?: string[]} = {}
): Promise<Measurement[]> {
  const site = await openSite();
  const folder = mkdtempSync(join(tmpdir(), "tierwise-bench-"));
  const results: Measurement[] = [];
  try {
    const path = join(folder, `book-${rows}.csv`);
    writeFileSync(path, portfolioCsv(rows));
    const v = await visit(site, "/data", {init: firstChart, timeout: 300_000});
    const label = `${rows.toLocaleString("en-US")}-row book`;
    const chosen = performance.now();
    await v.page.locator("input[type=file]").setInputFiles(path);
    await v.page.getByRole("button", {name: `Load ${rows.toLocaleString("en-US")} rows`}).click();
    await v.page.getByText("Every page now uses").waitFor({timeout: 600_000});
    results.push({
      name: `${label}: chosen to saved (mapping confirmed)`,
      value: Math.round(performance.now() - chosen),
      unit: "ms"
    });
    for (const page of pages ?? (await listPages())) {
      if (page === "/data" || page.startsWith("/reports")) continue;
      const started = performance.now();
      await v.page.goto(site.origin + page, {timeout: 600_000});
      if (settle) await settled(v.page, {timeout: 600_000});
      // A page with no chart (Method) counts as done when its cells have settled.
      else
        await v.page.waitForFunction(
          `window.__firstChart !== undefined || !document.querySelector("#observablehq-main observablehq-loading")`,
          undefined,
          {timeout: 600_000, polling: 100}
        );
      const done = performance.now() - started;
      const chart = (await v.page.evaluate("window.__firstChart")) as number | undefined;
      if (chart !== undefined)
        results.push({name: `${label} ${page}: first chart`, value: Math.round(chart), unit: "ms"});
      if (settle) results.push({name: `${label} ${page}: settled`, value: Math.round(done), unit: "ms"});
    }
    if (v.problems.length) throw new Error(v.problems.join("; "));
    await v.context.close();
  } finally {
    rmSync(folder, {recursive: true, force: true});
    await site.close();
  }
  return results;
}

/**
 * Choosing a file as a person does: the click that opens the file dialog (focus on the file input)
 * comes `dialog` ms before the choice, while the data page starts its database (once idle). The
 * time from the choice to the book saved and in use. `pageLoadWithBook` measures the cold case,
 * a file handed to the input with no click before it.
 */
export async function uploadAfterClick(rows = 100_000, {dialog = 2_000} = {}): Promise<Measurement> {
  const site = await openSite();
  const folder = mkdtempSync(join(tmpdir(), "tierwise-bench-"));
  try {
    const path = join(folder, `book-${rows}.csv`);
    writeFileSync(path, portfolioCsv(rows));
    const v = await visit(site, "/data", {timeout: 300_000});
    const input = v.page.locator("input[type=file]");
    await input.focus();
    await new Promise((resolve) => setTimeout(resolve, dialog));
    const chosen = performance.now();
    await input.setInputFiles(path);
    await v.page.getByRole("button", {name: `Load ${rows.toLocaleString("en-US")} rows`}).click();
    await v.page.getByText("Every page now uses").waitFor({timeout: 600_000});
    const value = Math.round(performance.now() - chosen);
    if (v.problems.length) throw new Error(v.problems.join("; "));
    await v.context.close();
    return {
      name: `${rows.toLocaleString("en-US")}-row book: chosen to saved, the file dialog opened ${dialog / 1000} s before`,
      value,
      unit: "ms"
    };
  } finally {
    rmSync(folder, {recursive: true, force: true});
    await site.close();
  }
}
