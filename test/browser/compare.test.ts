import {readFileSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, expect, it} from "vitest";
import {
  defaultScenario,
  ingestRows,
  pairedDifference,
  parseDelimited,
  parseScenario,
  sensitivity,
  simulatePortfolio,
  tierVerdict,
  tiers
} from "tierwise";
import {money} from "../../src/components/format.js";
import {linkWritten, openSite, runFinished, runsDone, visit, type Site} from "./site.js";

let site: Site;
beforeAll(async () => void (site = await openSite()));
afterAll(async () => await site?.close());

const read = (path: string) => readFileSync(new URL(path, import.meta.url), "utf-8");
const sample = parseDelimited(read("../../data/sample-portfolio.csv"));
const accounts = ingestRows(sample.header, sample.rows).accounts;
const baseline = parseScenario(read("../../data/scenarios/baseline.json"));
const shakeout = parseScenario(read("../../data/scenarios/shakeout.json"));
const regulated = parseScenario(read("../../data/scenarios/regulated.json"));

async function csv(page: import("playwright-core").Page, button: string, nth = 0) {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", {name: button}).nth(nth).click()
  ]);
  const {header, rows} = parseDelimited(readFileSync((await download.path())!, "utf-8"));
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]!])));
}

it("compares the baseline and the shakeout with common random numbers, exactly as simulatePortfolio does in Node", async () => {
  const {page, context, problems} = await visit(site, "/compare");
  await page
    .getByText("1,000 futures per scenario, seed 1, 10 years from 2025; the same futures for every scenario.")
    .waitFor();
  const side = await csv(page, "Download side by side (CSV)");
  const node = [baseline, shakeout].map((s) => simulatePortfolio(accounts, s, {trials: 1000, seed: 1, asOf: 2025}));
  expect(side.map((r) => [r["scenario"], r["tier"]])).toEqual(
    [baseline.name, shakeout.name].flatMap((name) => [...tiers, "total"].map((t) => [name, t]))
  );
  expect(side.map((r) => Number(r["mean NPV"]))).toEqual(
    node.flatMap((n) => [...tiers.map((t) => n.tiers[t].npv.mean), n.total.npv.mean])
  );
  expect(side.map((r) => Number(r["P(NPV > 0)"]))).toEqual(
    node.flatMap((n) => [...tiers.map((t) => n.tiers[t].probabilityPositive), n.total.probabilityPositive])
  );
  // The verdict on each tier under both scenarios, in the model's words (tierVerdict).
  const verdict = (o: (typeof node)[0]["tiers"]["S"]) => {
    const v = tierVerdict(o);
    return `${v.sentence} Expected NPV ${money(o.npv.mean)}. ${v.reason}`;
  };
  await runFinished(page, 0);
  expect(await page.locator(".tw-compare-tier").first().innerText()).toBe(
    `Tier S\n\n${baseline.name} (reference): ${verdict(node[0]!.tiers.S)}\n\n${shakeout.name}: ${verdict(node[1]!.tiers.S)}`
  );

  const differences = await csv(page, "Download paired differences (CSV)");
  const paired = tiers.map((t) => pairedDifference(node[0]!.tiers[t].npvDraws, node[1]!.tiers[t].npvDraws));
  expect(differences.slice(0, 4).map((r) => Number(r["mean difference"]))).toEqual(paired.map((d) => d.summary.mean));
  expect(differences.slice(0, 4).map((r) => Number(r["P(better than reference)"]))).toEqual(
    paired.map((d) => d.probabilityGreater)
  );
  expect(await page.locator(".card svg [aria-label='rect']").count()).toBeGreaterThanOrEqual(4 + 4);

  // More scenarios than the pool has workers: each still gets its own results.
  const before = await runsDone(page);
  await page.getByLabel(regulated.name, {exact: true}).check();
  await runFinished(page, before);
  const three = await csv(page, "Download side by side (CSV)");
  const third = simulatePortfolio(accounts, regulated, {trials: 1000, seed: 1, asOf: 2025});
  // In the order of the list of scenarios: the presets as listed.
  const expected = [node[0]!, third, node[1]!];
  expect(three.map((r) => r["scenario"])).toEqual(
    [baseline.name, regulated.name, shakeout.name].flatMap((name) => new Array(5).fill(name))
  );
  expect(three.map((r) => Number(r["mean NPV"]))).toEqual(
    expected.flatMap((n) => [...tiers.map((t) => n.tiers[t].npv.mean), n.total.npv.mean])
  );
  expect(problems).toEqual([]);
  await context.close();
});

it("runs the tornado in a worker and the heat maps from the closed form", async () => {
  const {page, context, problems} = await visit(site, "/compare");
  await page.getByText("Sensitivity of tier S's expected NPV").waitFor();
  await page
    .getByText(/^Baseline: establishment survival: \$[\d.,]+M expected, pays back in \d+% of 200 futures$/)
    .waitFor();
  const rows = await csv(page, "Download the sensitivity table (CSV)");
  const node = sensitivity(accounts, {...baseline}, "S", {trials: 200, seed: 1, asOf: 2025});
  expect(rows.map((r) => r["parameter"])).toEqual(node.rows.map((r) => r.label));
  expect(rows.map((r) => Number(r["NPV at high"]))).toEqual(node.rows.map((r) => r.high));
  // Tier S is the top 100 by rank: the share of accounts in tier A does not touch it.
  expect(rows.find((r) => r["parameter"] === "Share of accounts in tier A")!["swing"]).toBe("0");

  await page.getByLabel("Outcome").selectOption("Whole portfolio");
  await page.getByText("Sensitivity of the whole portfolio's expected NPV").waitFor();
  await page.getByText("Ramp years, every tier").first().waitFor();

  // The default S policy's two-year ramp breaks even at the survival the closed form gives.
  await page
    .locator("h3", {hasText: /^Needs 68% annual survival with a 2-year ramp; simulated attrition equivalent to \d+%$/})
    .first()
    .waitFor();
  const heat = await csv(page, "Download the heat maps (CSV)");
  expect(heat).toHaveLength(4 * 7 * 36);
  expect(heat[0]).toMatchObject({tier: "S", "ramp years": "0", "annual survival": "0.3"});
  expect(problems).toEqual([]);
  await context.close();
});

it("keeps the comparison in the link; imports scenario files and names the problems of bad ones", async () => {
  const first = await visit(site, "/compare");
  await first.page.getByText("1,000 futures per scenario").waitFor();
  const own = {
    ...defaultScenario,
    name: "Faster certification",
    tiers: {...defaultScenario.tiers, S: {...defaultScenario.tiers.S, rampYears: 1}}
  };
  const good = join(tmpdir(), "faster-certification.json");
  const bad = join(tmpdir(), "broken-scenario.json");
  writeFileSync(good, JSON.stringify(own));
  writeFileSync(bad, JSON.stringify({...own, tiers: {S: {rampYears: -1}}}));
  await first.page.getByLabel("Add scenario files (JSON)").setInputFiles([good, bad]);
  await first.page
    .getByText("broken-scenario.json: tiers.S.rampYears: must be an integer from 0 to 15, got -1")
    .waitFor();
  await first.page.getByLabel("Faster certification (faster-certification.json)").waitFor();
  expect(await first.page.getByLabel("Faster certification (faster-certification.json)").isChecked()).toBe(true);
  await first.page.getByLabel("Reference").selectOption("Faster certification (faster-certification.json)");
  await first.page.getByText("Faster certification (faster-certification.json) (reference)").first().waitFor();
  await linkWritten(first.page);
  expect(first.page.url()).toMatch(/#s=[A-Za-z0-9_-]+$/);
  const url = first.page.url();
  const shown = await first.page.locator(".tw-compare-tier").allInnerTexts();
  expect(first.problems).toEqual([]);
  await first.context.close();

  const second = await visit(site, url.replace(site.origin, ""));
  await second.page.getByText("Faster certification (from the link) (reference)").first().waitFor();
  expect(
    (await second.page.locator(".tw-compare-tier").allInnerTexts()).map((t) =>
      t.replace(/ \(faster-certification\.json\)| \(from the link\)/g, "")
    )
  ).toEqual(shown.map((t) => t.replace(/ \(faster-certification\.json\)| \(from the link\)/g, "")));
  expect(second.problems).toEqual([]);
  await second.context.close();

  const outdated = await visit(site, "/compare#s=" + Buffer.from(JSON.stringify({version: 2})).toString("base64url"));
  await outdated.page
    .getByText(
      "This link's comparison could not be restored (the link is from another version (2)); showing the defaults."
    )
    .waitFor();
  await outdated.page.getByText("1,000 futures per scenario").waitFor();
  expect(outdated.problems).toEqual([]);
  await outdated.context.close();
});

// The big book's path on the sample: thresholds lowered through the page's test hook
// (runThresholds). Records the first result's note, and whether it was on the page when the heat
// maps were done (they start once it is in).
const bigBook = `window.tierwiseThresholds = {threshold: 0, budget: 1, tornadoBudget: 1};
window.__firstNote = null;
window.__heatAfterFirst = null;
new MutationObserver(() => {
  const main = document.querySelector("#observablehq-main");
  if (!main) return;
  const note = [...main.querySelectorAll("p.muted")].find((p) => p.textContent.includes("A first result"));
  if (note && window.__firstNote === null) window.__firstNote = note.textContent;
  const heat = main.querySelectorAll(".tw-progress")[2];
  if (heat && heat.dataset.runs === "1" && window.__heatAfterFirst === null) window.__heatAfterFirst = window.__firstNote !== null;
}).observe(document, {childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ["data-runs"]});`;

it("on a big book shows a first result on one block of futures, then the final one; the heat maps after it; the tornado on a click", async () => {
  const {page, context, problems} = await visit(site, "/compare", {init: bigBook});
  await runFinished(page, 0);
  expect(await page.evaluate("window.__firstNote")).toBe(
    "50 futures per scenario, seed 1, 10 years from 2025; the same futures for every scenario. A first result: the full 1,000 futures are on their way and will replace it."
  );
  await page
    .getByText("1,000 futures per scenario, seed 1, 10 years from 2025; the same futures for every scenario.", {
      exact: true
    })
    .waitFor();
  // The final comparison is the full run's, as on a small book.
  const side = await csv(page, "Download side by side (CSV)");
  const node = simulatePortfolio(accounts, baseline, {trials: 1000, seed: 1, asOf: 2025});
  expect(side.slice(0, 4).map((r) => Number(r["mean NPV"]))).toEqual(tiers.map((t) => node.tiers[t].npv.mean));
  // The heat maps waited for the first result, then ran once with their own progress.
  await runFinished(page, 0, {index: 2});
  expect(await page.evaluate("window.__heatAfterFirst")).toBe(true);
  expect(await runsDone(page, {index: 2})).toBe(1);
  await page.getByRole("heading", {name: /^Tier S: \d+ accounts$/}).waitFor();
  // Past its budget the tornado waits for a click.
  await page
    .getByText(
      /^The tornado runs \d+ simulations of [\d,]+ accounts × 200 futures: on this book that takes minutes, so it starts when you ask\./
    )
    .waitFor();
  expect(await runsDone(page, {index: 1})).toBe(0);
  await page.getByRole("button", {name: "Run the tornado"}).click();
  await runFinished(page, 0, {index: 1});
  await page
    .getByText(/^Baseline: establishment survival: \$[\d.,]+M expected, pays back in \d+% of 200 futures$/)
    .waitFor();
  expect(problems).toEqual([]);
  await context.close();
});
