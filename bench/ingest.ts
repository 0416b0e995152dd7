import {readFileSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {openSite, visit} from "../test/browser/site.js";
import type {Measurement} from "./pageLoad.js";

/** A CSV of `rows` accounts: the sample portfolio's rows repeated under new ids. */
function portfolioCsv(rows: number): string {
  const [header, ...lines] = readFileSync(new URL("../data/sample-portfolio.csv", import.meta.url), "utf-8")
    .trim()
    .split("\n");
  const out = [header];
  for (let i = 0; i < rows; ++i) out.push(lines[i % lines.length]!.replace(/^ACC-\d+/, `ACC-${i + 1}`));
  return out.join("\n") + "\n";
}

/**
 * In headless Chromium: upload a CSV on the portfolio page until it is saved, then open the
 * overview until its DuckDB summary has rendered.
 */
export async function ingestBench(sizes = [100_000, 1_000_000]): Promise<Measurement[]> {
  const site = await openSite();
  const results: Measurement[] = [];
  try {
    for (const rows of sizes) {
      const path = join(tmpdir(), `tierwise-bench-${rows}.csv`);
      writeFileSync(path, portfolioCsv(rows));
      const {page, context} = await visit(site, "/data");
      const started = performance.now();
      await page.locator("input[type=file]").setInputFiles(path);
      await page.getByRole("button", {name: `Load ${rows.toLocaleString("en-US")} rows`}).click({timeout: 120_000});
      await page.getByText("Every page now uses").waitFor({timeout: 300_000});
      const loaded = performance.now();
      await page.goto(site.origin + "/", {timeout: 300_000});
      await page.locator("form table tbody tr").first().waitFor({timeout: 300_000});
      const summarised = performance.now();
      results.push({
        name: `upload ${rows.toLocaleString("en-US")}-row CSV: read, check, save`,
        value: Math.round(loaded - started),
        unit: "ms"
      });
      results.push({name: `then overview summary in DuckDB`, value: Math.round(summarised - loaded), unit: "ms"});
      await context.close();
    }
  } finally {
    await site.close();
  }
  return results;
}
