import {readFileSync} from "node:fs";
import {afterAll, beforeAll, expect, it} from "vitest";
import {parseDelimited, parseScenario, scenarioReport, tiers, validateAccounts} from "tierwise";
import {csvParse} from "d3";
import {openSite, visit, type Site} from "./site.js";

let site: Site;
beforeAll(async () => void (site = await openSite()));
afterAll(async () => await site?.close());

const read = (path: string) => readFileSync(new URL(path, import.meta.url), "utf-8");

it("report shows the shakeout against the baseline, computed at build time exactly as scenarioReport in Node", async () => {
  const requests: string[] = [];
  const {page, context, problems} = await visit(site, "/report");
  page.on("request", (r) => requests.push(r.url()));
  await page
    .getByRole("heading", {name: "Shakeout: 100 → 50 → 20: which tiers deserve years of relationship building?"})
    .waitFor();

  const {accounts} = validateAccounts(csvParse(read("../../data/sample-portfolio.csv")), {firstRow: 2});
  const node = scenarioReport(accounts, parseScenario(read("../../data/scenarios/shakeout.json")), {
    trials: 5000,
    seed: 1,
    reference: parseScenario(read("../../data/scenarios/baseline.json"))
  });
  // Each tier's verdict and reason, as the model words them.
  const cards = await page.locator(".tw-verdict").allInnerTexts();
  tiers.forEach((tier, k) => {
    const t = node.tiers[k]!;
    expect(cards[k]).toContain(`Tier ${tier}: ${t.accounts.toLocaleString("en-US")} accounts`);
    expect(cards[k]).toContain(`${t.verdict.sentence} ${t.verdict.reason}`);
  });
  expect(cards[0]).toMatch(/^Tier S: 100 accounts\s+Justified/);

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", {name: "Download CSV"}).first().click()
  ]);
  const {header, rows} = parseDelimited(readFileSync((await download.path())!, "utf-8"));
  const column = (name: string) => rows.map((r) => Number(r[header.indexOf(name)]));
  expect(column("mean NPV")).toEqual([...node.tiers.map((t) => t.npv.mean), node.total.npv.mean]);
  expect(column("P(NPV > 0)")).toEqual([
    ...node.tiers.map((t) => t.probabilityPositive),
    node.total.probabilityPositive
  ]);
  expect(column("difference")).toEqual([
    ...node.tiers.map((t) => t.reference!.difference.mean),
    node.total.reference!.difference.mean
  ]);

  await page.getByRole("heading", {name: "Against “Baseline: establishment survival”"}).waitFor();
  const [against] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", {name: "Download CSV"}).nth(1).click()
  ]);
  const versus = parseDelimited(readFileSync((await against.path())!, "utf-8"));
  expect(versus.header).toEqual([
    "tier",
    "mean NPV, Baseline: establishment survival",
    "mean NPV, this scenario",
    "difference",
    "standard error",
    "difference p5",
    "difference p95",
    "P(better than reference)"
  ]);
  expect(versus.rows.map((r) => Number(r[7]))).toEqual([
    ...node.tiers.map((t) => t.reference!.difference.probabilityGreater),
    node.total.reference!.difference.probabilityGreater
  ]);

  // Charts drawn from the published bins and fans; no DuckDB and no worker in the page.
  expect(await page.locator(".card svg [aria-label='rect']").count()).toBeGreaterThanOrEqual(1);
  expect(await page.locator(".card svg [aria-label='area']").count()).toBe(4);
  const loaded = await page.evaluate(() => performance.getEntriesByType("resource").map((e) => e.name));
  expect(loaded.filter((url) => /duckdb|workers\//.test(url))).toEqual([]);
  expect(requests).toEqual([]);
  expect(problems).toEqual([]);
  await context.close();
});
