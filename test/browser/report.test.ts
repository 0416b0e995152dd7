import {readFileSync} from "node:fs";
import {afterAll, beforeAll, expect, it} from "vitest";
import {
  formatMoney,
  ingestRows,
  pairedDifference,
  parseDelimited,
  parseScenario,
  simulatePortfolio,
  tierVerdict,
  tiers,
  verdictSummary,
  type Tier
} from "tierwise";
import {openSite, visit, type Site} from "./site.js";

let site: Site;
beforeAll(async () => void (site = await openSite()));
afterAll(async () => await site?.close());

const read = (path: string) => readFileSync(new URL(path, import.meta.url), "utf-8");

// The report as the model computes it in Node, independently of the loader: the portfolio through
// the upload path (parseDelimited + ingestRows), the scenario files, the seed and trials the page states.
const {header, rows: records} = parseDelimited(read("../../data/sample-portfolio.csv"));
const accounts = ingestRows(header, records).accounts;
const options = {trials: 5000, seed: 1};
const shakeout = simulatePortfolio(accounts, parseScenario(read("../../data/scenarios/shakeout.json")), options);
const baseline = simulatePortfolio(accounts, parseScenario(read("../../data/scenarios/baseline.json")), options);
const outcomes = (sim: typeof shakeout) => [...tiers.map((t: Tier) => sim.tiers[t]), sim.total];

it("report shows, computed at build time, the numbers and verdicts simulatePortfolio gives in Node", async () => {
  const {page, context, problems, requested} = await visit(site, "/reports/shakeout");
  await page
    .getByRole("heading", {name: "Shakeout: 100 → 50 → 20: which tiers deserve years of relationship building?"})
    .waitFor();
  await page.getByText("5,000 simulated futures over 10 years, seed 1", {exact: false}).waitFor();

  // The answer, and each tier's verdict with its reason, as the model words them.
  const answer = await page.locator(".tw-answer").innerText();
  const summary = (sim: typeof shakeout) =>
    verdictSummary(tiers.map((tier) => ({tier, verdict: tierVerdict(sim.tiers[tier])})));
  expect(answer).toContain(summary(shakeout));
  expect(answer).toContain(summary(baseline));
  const cards = await page.locator(".tw-verdict").allInnerTexts();
  tiers.forEach((tier, k) => {
    const verdict = tierVerdict(shakeout.tiers[tier]);
    expect(cards[k]).toContain(`Tier ${tier}: ${shakeout.tiers[tier].accounts.toLocaleString("en-US")} accounts`);
    expect(cards[k]).toContain(`${verdict.sentence} ${verdict.reason}`);
  });

  // The numbers behind the table, as its CSV download carries them.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", {name: "Download results by tier (CSV)"}).click()
  ]);
  expect(download.suggestedFilename()).toBe("report-by-tier.csv");
  const csv = parseDelimited(readFileSync((await download.path())!, "utf-8"));
  const column = (name: string) => csv.rows.map((r) => Number(r[csv.header.indexOf(name)]));
  expect(csv.rows.map((r) => r[0])).toEqual([...tiers, "total"]);
  expect(column("mean NPV")).toEqual(outcomes(shakeout).map((o) => o.npv.mean));
  expect(column("P(NPV > 0)")).toEqual(outcomes(shakeout).map((o) => o.probabilityPositive));
  expect(column("wasted before first order")).toEqual(outcomes(shakeout).map((o) => o.wastedBeforeFirstOrder));
  expect(column("reference mean NPV")).toEqual(outcomes(baseline).map((o) => o.npv.mean));
  // Each tier against the reference on the same futures, as its own CSV carries it.
  const [versus] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", {name: "Download the comparison with the reference (CSV)"}).click()
  ]);
  const against = parseDelimited(readFileSync((await versus.path())!, "utf-8"));
  expect(against.header).toEqual([
    "tier",
    "mean NPV",
    "mean NPV, reference",
    "difference",
    "standard error",
    "difference p5",
    "difference p95",
    "P(NPV > 0)",
    "P(NPV > 0), reference",
    "P(better than reference)"
  ]);
  const paired = outcomes(shakeout).map((o, k) => pairedDifference(outcomes(baseline)[k]!.npvDraws, o.npvDraws));
  expect(against.rows.map((r) => Number(r[9]))).toEqual(paired.map((d) => d.probabilityGreater));
  expect(against.rows.map((r) => Number(r[3]))).toEqual(paired.map((d) => d.summary.mean));
  expect(column("difference")).toEqual(paired.map((d) => d.summary.mean));

  // Tier S's mean NPV as the page shows it.
  const S = shakeout.tiers.S.npv.mean;
  expect(cards[0]).toContain(`Expected NPV ${formatMoney(S)}`);

  // Four charts drawn at build time, and nothing that draws or simulates in the page.
  const charts = page.locator(".card svg[role='img']");
  expect(await charts.count()).toBe(4);
  expect(await charts.nth(0).locator("rect").count()).toBeGreaterThanOrEqual(4 * 30);
  expect(await charts.nth(1).locator("[aria-label='area'] path").count()).toBe(8);
  for (let k = 0; k < 4; ++k) expect((await charts.nth(k).boundingBox())!.width).toBeGreaterThan(500);
  // Without Framework's content hashes: "index.7d340b23.js" is not d3.
  const paths = requested.map((url) => new URL(url).pathname.replace(/\.[0-9a-f]{8}(\.\w+)$/, "$1"));
  expect(paths.filter((p) => /duckdb|worker|plot|d3|arquero|apache-arrow|\.wasm/i.test(p))).toEqual([]);
  expect(paths.filter((p) => p.startsWith("/_file/")).length).toBe(1);
  expect(problems).toEqual([]);
  await context.close();
});

it("report saves its charts as SVG and PNG and every table as CSV, and prints without its controls", async () => {
  const {page, context, problems} = await visit(site, "/reports/shakeout");
  const chart = page.locator(".card svg[role='img']").first();
  const [svg] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", {name: "SVG"}).first().click()
  ]);
  expect(svg.suggestedFilename()).toBe("report-npv.svg");
  const text = readFileSync((await svg.path())!, "utf-8");
  expect(text).toMatch(/^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  expect(text.match(/<rect /g)!.length).toBeGreaterThanOrEqual(4 * 30);
  expect(text).toContain("Tier C");

  const [png] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", {name: "PNG"}).first().click()
  ]);
  expect(png.suggestedFilename()).toBe("report-npv.png");
  const bytes = readFileSync((await png.path())!);
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  // Twice the chart's size on the page: width is the big-endian integer at byte 16 of IHDR.
  expect(bytes.readUInt32BE(16)).toBe(Math.floor(2 * (await chart.boundingBox())!.width));

  const names: string[] = [];
  for (const button of await page.getByRole("button", {name: /^Download .+ \(CSV\)$/}).all()) {
    const [download] = await Promise.all([page.waitForEvent("download"), button.click()]);
    names.push(download.suggestedFilename());
    expect(readFileSync((await download.path())!, "utf-8").split("\n").length).toBeGreaterThan(2);
  }
  expect(names).toEqual([
    "report-by-tier.csv",
    "report-against-reference.csv",
    "report-tier-policies.csv",
    "report-hazards.csv"
  ]);

  await page.emulateMedia({media: "print"});
  for (const selector of ["#observablehq-sidebar", ".tw-downloads", "button.tw-no-print"])
    expect(await page.locator(selector).first().isVisible()).toBe(false);
  expect(await chart.isVisible()).toBe(true);
  expect(problems).toEqual([]);
  await context.close();
});
