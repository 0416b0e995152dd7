import {mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {openSite, visit} from "../test/browser/site.js";
import {portfolioCsv} from "./ingest.js";
const rows = Number(process.argv[2] ?? 1_000_000);
const pages = process.argv.slice(3);
const site = await openSite();
const folder = mkdtempSync(join(tmpdir(), "tw-prof-"));
const path = join(folder, `book.csv`);
writeFileSync(path, portfolioCsv(rows));
const init = `window.__firstChart = undefined; new MutationObserver((records, observer) => {
  if (document.querySelector("#observablehq-main svg, #observablehq-main canvas")) { window.__firstChart = performance.now(); observer.disconnect(); }
}).observe(document, {childList: true, subtree: true});`;
const v = await visit(site, "/data", {init, timeout: 300_000});
await v.page.locator("input[type=file]").setInputFiles(path);
await v.page.getByRole("button", {name: `Load ${rows.toLocaleString("en-US")} rows`}).click();
await v.page.getByText("Every page now uses").waitFor({timeout: 600_000});
for (const p of pages) {
  const cdp = await v.page.context().newCDPSession(v.page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", {interval: 500});
  await cdp.send("Profiler.start");
  await v.page.goto(site.origin + p, {timeout: 600_000});
  await v.page.waitForFunction("window.__firstChart !== undefined", undefined, {timeout: 600_000, polling: 100});
  const chart = await v.page.evaluate("window.__firstChart");
  const {profile} = await cdp.send("Profiler.stop");
  writeFileSync(`/tmp/prof${p.replace(/\//g, "_")}.cpuprofile`, JSON.stringify(profile));
  const marks = await v.page.evaluate(() => performance.getEntriesByType("measure").map((m) => `${m.name} ${Math.round(m.startTime)}+${Math.round(m.duration)}`));
  console.log(p, "first chart", Math.round(chart as number), marks.join("; "));
}
await v.context.close();
await site.close();
