import {mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {openSite, visit} from "../test/browser/site.js";
import {portfolioCsv} from "./ingest.js";
import type {Measurement} from "./pageLoad.js";

// Records, in ms since navigation began, when the Compare page first shows each of its stages:
// a chart with a size, the comparison's first result (a verdict card filled), its final result (the
// first run status done), the tornado (the second run status done) and the four heat maps.
const stages = `window.__stages = {}; (() => {
  const mark = (name) => (window.__stages[name] ??= performance.now());
  const check = () => {
    const main = document.querySelector("#observablehq-main");
    if (!main) return;
    if ([...main.querySelectorAll(".card svg")].some((svg) => { const {width, height} = svg.getBoundingClientRect(); return width >= 100 && height >= 50; })) mark("first chart");
    if ([...main.querySelectorAll(".tw-compare-tier")].some((card) => card.querySelector("p"))) mark("first result");
    const status = main.querySelectorAll(".tw-progress");
    if (status[0] && status[0].dataset.state === "done" && Number(status[0].dataset.runs) > 0) mark("final result");
    if (status[1] && status[1].dataset.state === "done" && Number(status[1].dataset.runs) > 0) mark("tornado");
    if ([...main.querySelectorAll(".card")].filter((card) => /^Tier [SABC]: /.test(card.querySelector("h2")?.textContent ?? "") && card.querySelector("svg")).length >= 4) mark("heat maps");
  };
  setInterval(check, 50);
})();`;

/**
 * The Compare page on a book of `rows` accounts (the sample's rows repeated; the sample itself
 * when `rows` is 0), uploaded once on the data page: ms from navigation to each stage, and the
 * longest main-thread task seen meanwhile. Waits at most `timeout` ms for the last stage.
 */
export async function compareBench(rows = 100_000, {timeout = 600_000} = {}): Promise<Measurement[]> {
  const site = await openSite();
  const folder = mkdtempSync(join(tmpdir(), "tierwise-bench-"));
  const results: Measurement[] = [];
  const label = rows ? `${rows.toLocaleString("en-US")}-row book` : "sample";
  try {
    const v = await visit(site, "/data", {init: stages, timeout: 300_000});
    if (rows) {
      const path = join(folder, `book-${rows}.csv`);
      writeFileSync(path, portfolioCsv(rows));
      await v.page.locator("input[type=file]").setInputFiles(path);
      await v.page.getByRole("button", {name: `Load ${rows.toLocaleString("en-US")} rows`}).click();
      await v.page.getByText("Every page now uses").waitFor({timeout: 600_000});
    }
    await v.page.goto(site.origin + "/compare", {timeout: 600_000});
    await v.page.evaluate(
      `window.__longest = 0; new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration); }).observe({type: "longtask", buffered: true});`
    );
    const names = ["first chart", "first result", "final result", "heat maps", "tornado"];
    await v.page
      .waitForFunction(`Object.keys(window.__stages).length >= ${names.length}`, undefined, {timeout, polling: 500})
      .catch(() => undefined);
    const seen = (await v.page.evaluate("window.__stages")) as Record<string, number>;
    for (const name of names)
      results.push({name: `Compare, ${label}: ${name}`, value: Math.round(seen[name] ?? Infinity), unit: "ms"});
    results.push({
      name: `Compare, ${label}: longest main-thread task`,
      value: Math.round((await v.page.evaluate("window.__longest")) as number),
      unit: "ms"
    });
    if (v.problems.length) throw new Error(v.problems.join("; "));
    await v.context.close();
  } finally {
    rmSync(folder, {recursive: true, force: true});
    await site.close();
  }
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = Number(process.argv[2] ?? 100_000);
  const timeout = Number(process.argv[3] ?? 600_000);
  for (const {name, value, unit} of await compareBench(rows, {timeout})) console.log(name.padEnd(52), value, unit);
}
