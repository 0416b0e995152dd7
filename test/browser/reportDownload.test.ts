import {spawnSync} from "node:child_process";
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {afterAll, beforeAll, expect, it} from "vitest";
import {tempFolder} from "../tempFolder.js";
import {openSite, runFinished, runsDone, visit, type Site} from "./site.js";

let site: Site;
beforeAll(async () => void (site = await openSite()));
afterAll(async () => await site?.close());

const root = fileURLToPath(new URL("../../", import.meta.url));
// A report's tables and verdicts, which must agree wherever it is made; the provenance says where.
const tables = (html: string) => html.match(/<table>.*?<\/table>/gs) ?? [];
const answer = (html: string) =>
  html.slice(html.indexOf('<h2 id="the-answer">'), html.indexOf('<h2 id="results-by-tier">'));

// The command line on the same portfolio (the sample), scenario and seed as the browser below.
const cli = spawnSync(
  process.execPath,
  [
    `${root}lib/bin/tierwise.js`,
    "report",
    "--portfolio",
    `${root}data/sample-portfolio.csv`,
    "--scenario",
    `${root}data/scenarios/shakeout.json`,
    "--futures",
    "5000",
    "--seed",
    "1"
  ],
  {encoding: "utf-8"}
);

it("the reports index and /report list a report per scenario file, and each page saves itself as the file the command line writes", async () => {
  expect(cli.status).toBe(0);
  const {page, context, problems} = await visit(site, "/reports/");
  const links = page.locator(".tw-report-list a");
  expect(await links.allInnerTexts()).toEqual([
    "Baseline: establishment survival",
    "Stable regulated industry",
    "Shakeout: 100 → 50 → 20"
  ]);
  expect(await links.evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname))).toEqual([
    "/reports/baseline",
    "/reports/regulated",
    "/reports/shakeout"
  ]);
  await page.goto(`${site.origin}/report`);
  await page.locator(".tw-report-list a").first().waitFor();
  expect(await page.locator(".tw-report-list a").count()).toBe(3);
  await page.goto(`${site.origin}/reports/shakeout`);
  await page.getByText("Provenance", {exact: true}).waitFor();
  const provenance = await page.locator(".tw-provenance").innerText();
  expect(provenance).toContain(
    "sample-portfolio.csv (the sample): 2,000 rows, 2,000 loaded and 0 rejected; 1,358 active accounts simulated"
  );
  expect(provenance).toMatch(/Content hash\s+3022e05ac05a \(SHA-256 of the loaded accounts\)/);
  expect(provenance).toContain("5,000 futures, seed 1, 10 years from 2025");
  const [saved] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", {name: "Download this report (HTML)"}).click()
  ]);
  expect(saved.suggestedFilename()).toBe("tierwise-report-shakeout.html");
  const html = readFileSync((await saved.path())!, "utf-8");
  expect(tables(html).length).toBe(4);
  expect(tables(html)).toEqual(tables(cli.stdout));
  expect(answer(html)).toEqual(answer(cli.stdout));
  expect(html).not.toMatch(/<script/i);
  expect(problems).toEqual([]);
  await context.close();
});

it("the Simulator's Download report makes, in the browser, the report the command line makes on the same portfolio, scenario and seed", async () => {
  const {page, context, problems} = await visit(site, "/simulator");
  await runFinished(page, 0);
  await Promise.all([
    page.waitForEvent("load"),
    page.getByLabel("Import a scenario (JSON)").setInputFiles(`${root}data/scenarios/shakeout.json`)
  ]);
  await runFinished(page, 0);
  const before = await runsDone(page);
  await page.getByLabel("Simulated futures").selectOption({label: "5,000"});
  await runFinished(page, before);
  const [download] = await Promise.all([
    page.waitForEvent("download", {timeout: 180_000}),
    page.getByRole("button", {name: "Download report (HTML)"}).click()
  ]);
  await page.waitForFunction(
    () => document.querySelector<HTMLElement>(".tw-report-download")?.dataset.state === "done"
  );
  const html = readFileSync((await download.path())!, "utf-8");
  expect(tables(html).length).toBe(4);
  expect(tables(html)).toEqual(tables(cli.stdout));
  expect(answer(html)).toEqual(answer(cli.stdout));
  expect(html).toContain("Sample portfolio (the sample): 2,000 rows, 2,000 loaded and 0 rejected");
  expect(html).toContain("from the Simulator&#39;s settings");
  expect(problems).toEqual([]);
  await context.close();
});

it("Allocate's Download report makes, in the browser, the allocation report the command line makes on the same portfolio, scenario, heads, futures and seed", async () => {
  const {page, context, problems} = await visit(site, "/allocate");
  await runFinished(page, 0);
  const runs = await runsDone(page);
  await page.getByLabel("Baseline: establishment survival").check();
  await runFinished(page, runs);
  const heads = await page.getByLabel("Total sales heads to place").inputValue();
  expect(heads).toBe("776");
  const [download] = await Promise.all([
    page.waitForEvent("download", {timeout: 180_000}),
    page.getByRole("button", {name: "Download report (HTML)"}).click()
  ]);
  await page.waitForFunction(
    () => document.querySelector<HTMLElement>(".tw-allocation-download")?.dataset.state === "done"
  );
  expect(download.suggestedFilename()).toBe("tierwise-allocation.html");
  const html = readFileSync((await download.path())!, "utf-8");
  // The command line on the page's portfolio (the sample), scenario (its attrition is the
  // baseline's and its policies the defaults, which baseline.json holds), heads, futures and seed.
  const out = join(tempFolder("tierwise-allocate-"), "allocation.html");
  const allocated = spawnSync(
    process.execPath,
    [
      `${root}lib/bin/tierwise.js`,
      "allocate",
      "--portfolio",
      `${root}data/sample-portfolio.csv`,
      "--scenario",
      `${root}data/scenarios/baseline.json`,
      "--heads",
      heads,
      "--futures",
      "1000",
      "--seed",
      "1",
      "--out",
      out
    ],
    {encoding: "utf-8"}
  );
  expect(allocated.status).toBe(0);
  const fromCli = readFileSync(out, "utf-8");
  expect(tables(html).length).toBe(6);
  expect(tables(html)).toEqual(tables(fromCli));
  const chart = (text: string) => text.match(/<svg .*?<\/svg>/s)?.[0];
  expect(chart(html)).toEqual(chart(fromCli));
  expect(html).not.toMatch(/<script/i);
  expect(html).toContain(
    "Sample portfolio (the sample): 2,000 rows, 2,000 loaded and 0 rejected; 1,358 active accounts"
  );
  expect(html).toMatch(/from the Allocate page&#39;s settings \(SHA-256 of its JSON [0-9a-f]{12}\)/);
  expect(html).toContain("1,000 futures, seed 1, 10 years from 2025");
  expect(problems).toEqual([]);
  await context.close();
});
