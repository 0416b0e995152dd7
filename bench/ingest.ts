import {mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import type {Browser, Page} from "playwright-core";
import {openSite, visit} from "../test/browser/site.js";
import type {Measurement} from "./pageLoad.js";

/** A CSV of `rows` accounts: the sample portfolio's rows repeated under new ids. */
export function portfolioCsv(rows: number): string {
  const [header, ...lines] = readFileSync(new URL("../data/sample-portfolio.csv", import.meta.url), "utf-8")
    .trim()
    .split("\n");
  const out = [header];
  for (let i = 0; i < rows; ++i) out.push(lines[i % lines.length]!.replace(/^ACC-\d+/, `ACC-${i + 1}`));
  return out.join("\n") + "\n";
}

/**
 * The peak resident memory of the browser's renderer processes (the tab and its workers) while
 * `run` runs, sampled every 100 ms from /proc (Linux only; 0 elsewhere).
 */
async function peakRendererMemory<T>(browser: Browser, run: () => Promise<T>): Promise<[T, number, number]> {
  const cdp = await browser.newBrowserCDPSession();
  let peak = 0;
  let peakAt = 0;
  const start = performance.now();
  let stop = false;
  const sample = async () => {
    while (!stop) {
      try {
        const {processInfo} = (await cdp.send("SystemInfo.getProcessInfo")) as {
          processInfo: {type: string; id: number}[];
        };
        let total = 0;
        for (const p of processInfo.filter((p) => p.type === "renderer")) {
          const pages = Number(readFileSync(`/proc/${p.id}/statm`, "utf-8").split(" ")[1]);
          total += pages * 4096;
        }
        if (total > peak) [peak, peakAt] = [total, performance.now() - start];
      } catch {
        // A renderer that exited between the list and the read.
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  const sampling = sample();
  try {
    return [await run(), peak, peakAt];
  } finally {
    stop = true;
    await sampling;
    await cdp.detach();
  }
}

/** Options of {@link ingestBench}. */
export interface IngestBenchOptions {
  /**
   * Seconds between the file input taking the focus and the file being chosen: a user on the page
   * and in the file picker (the page starts DuckDB once idle). 0 for a cold start, the file chosen
   * as the page opens.
   */
  pickerSeconds?: number;
  /** Whether to report each step the ingest worker and the page measured (`ingest: …` measures). */
  steps?: boolean;
  /** Whether to open the overview afterwards and time its summary. */
  overview?: boolean;
}

/**
 * In headless Chromium: upload a CSV on the portfolio page until it is saved, then open the
 * overview until its summary has rendered; with the peak memory of the tab and its workers
 * during the upload. The file is chosen `pickerSeconds` after the file input took the focus. The
 * CSVs are written to a temporary folder and removed.
 */
export async function ingestBench(
  sizes = [100_000, 1_000_000],
  {pickerSeconds = 5, steps = false, overview = true}: IngestBenchOptions = {}
): Promise<Measurement[]> {
  const site = await openSite();
  const folder = mkdtempSync(join(tmpdir(), "tierwise-bench-"));
  const results: Measurement[] = [];
  try {
    for (const rows of sizes) {
      const path = join(folder, `book-${rows}.csv`);
      writeFileSync(path, portfolioCsv(rows));
      const {page, context} = await visit(site, "/data");
      // A user reaches for the file input and spends a few seconds in the file picker, while the
      // page starts DuckDB. The clock starts when the file is chosen.
      if (pickerSeconds > 0) {
        await page.locator("input[type=file]").focus();
        await new Promise((resolve) => setTimeout(resolve, pickerSeconds * 1000));
      }
      const started = performance.now();
      const [loaded, memory, memoryAt] = await peakRendererMemory(site.browser, async () => {
        await page.locator("input[type=file]").setInputFiles(path);
        await page.getByRole("button", {name: `Load ${rows.toLocaleString("en-US")} rows`}).click({timeout: 300_000});
        await page.getByText("Every page now uses").waitFor({timeout: 300_000});
        return performance.now();
      });
      const label = `upload ${rows.toLocaleString("en-US")}-row CSV${pickerSeconds > 0 ? "" : " (cold)"}`;
      results.push({name: `${label}: read, check, save`, value: Math.round(loaded - started), unit: "ms"});
      results.push({name: `${label}: peak tab memory`, value: Math.round(memory / 2 ** 20), unit: "MB"});
      if (steps) results.push({name: `  peak tab memory reached after`, value: Math.round(memoryAt), unit: "ms"});
      if (steps) {
        const measures = (scope: {evaluate: Page["evaluate"]}) =>
          scope.evaluate(() =>
            performance
              .getEntriesByType("measure")
              .filter((m) => m.name.startsWith("ingest: "))
              .map((m) => ({name: m.name, duration: m.duration}))
          );
        const worker = page.workers().find((w) => w.url().includes("ingest"));
        const all = [...(worker ? await measures(worker) : []), ...(await measures(page))];
        for (const {name, duration} of all)
          results.push({name: `  ${name.replace(/^ingest: /, "")}`, value: Math.round(duration), unit: "ms"});
      }
      if (overview) {
        await page.goto(site.origin + "/", {timeout: 300_000});
        await page.locator("form table tbody tr").first().waitFor({timeout: 300_000});
        results.push({name: `then overview summary`, value: Math.round(performance.now() - loaded), unit: "ms"});
      }
      await context.close();
    }
  } finally {
    rmSync(folder, {recursive: true, force: true});
    await site.close();
  }
  return results;
}
