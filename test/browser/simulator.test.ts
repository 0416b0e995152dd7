import {readFileSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, expect, it} from "vitest";
import {defaultScenario, ingestRows, parseDelimited, parseScenario, simulatePortfolio, tiers} from "tierwise";
import {decodeLinkState, encodeLinkState} from "../../src/components/linkState.js";
import {simulatorDefaults} from "../../src/components/statePrecedence.js";
import {linkWritten, openSite, runFinished, runsDone, visit, type Site} from "./site.js";

let site: Site;
beforeAll(async () => void (site = await openSite()));
afterAll(async () => await site?.close());

it("simulator runs in a worker and matches simulatePortfolio in Node exactly for the same scenario and seed", async () => {
  const {page, context, problems} = await visit(site, "/simulator");
  // Seed 3: tier S pays back in 999 futures of 1,000 under the shakeout.
  let runs = await runsDone(page);
  await page.getByLabel("Seed").fill("3");
  await page.getByLabel("Seed").press("Enter");
  await runFinished(page, runs);
  runs = await runsDone(page);
  await page.getByLabel("Shakeout: 100 → 50 → 20").check();
  await runFinished(page, runs);
  await page
    .getByText(/1,000 futures, seed 3, 10 years from 2025, simulated in \d+ ms\. Attrition: Shakeout/)
    .waitFor();
  const sentenceS = await page.locator(".tw-sentence").first().innerText();
  // The results card, whose downloads read the latest results, has caught up with the new scenario.
  await page.getByText("Shakeout: 100 → 50 → 20, 1,000 futures, seed 3", {exact: true}).waitFor();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", {name: "Download scenario (JSON)"}).click()
  ]);
  const scenario = parseScenario(readFileSync((await download.path())!, "utf-8"));
  const [csvDownload] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", {name: "Download results by tier (CSV)"}).click()
  ]);
  const browserRows = parseDelimited(readFileSync((await csvDownload.path())!, "utf-8"));

  // The same scenario in Node: the shakeout preset's hazards with the page's defaults.
  const shakeout = parseScenario(readFileSync(new URL("../../data/scenarios/shakeout.json", import.meta.url), "utf-8"));
  expect(scenario.attrition.hazard).toEqual(shakeout.attrition.hazard);
  expect(scenario.tiers).toEqual(defaultScenario.tiers);
  const {header, rows} = parseDelimited(
    readFileSync(new URL("../../data/sample-portfolio.csv", import.meta.url), "utf-8")
  );
  const node = simulatePortfolio(ingestRows(header, rows).accounts, scenario, {trials: 1000, seed: 3, asOf: 2025});
  const column = (name: string) => browserRows.rows.map((r) => Number(r[browserRows.header.indexOf(name)]));
  expect(column("mean NPV")).toEqual(tiers.map((t) => node.tiers[t].npv.mean));
  expect(column("P(NPV > 0)")).toEqual(tiers.map((t) => node.tiers[t].probabilityPositive));
  expect(column("wasted before first order")).toEqual(tiers.map((t) => node.tiers[t].wastedBeforeFirstOrder));
  // The verdict sentence and the results table give tier S's P(NPV > 0) alike: 999 futures in 1,000
  // is 99.9% in both, never 100% in one.
  expect(node.tiers.S.probabilityPositive).toBe(0.999);
  expect(sentenceS).toBe("Multi-year relationship building pays back in 99.9% of simulated futures.");
  const results = page.locator(".card", {hasText: "Results by tier"}).locator("table");
  const headers = await results.locator("thead th").allInnerTexts();
  const rowS = await results.locator("tbody tr").first().locator("td").allInnerTexts();
  expect(rowS[headers.indexOf("P(NPV > 0)")]).toBe("99.9%");
  expect(await page.locator("svg [aria-label='area'] path").count()).toBeGreaterThan(8);
  // The payback year's distribution, cumulated: by the horizon it is P(payback).
  const [paybackDownload] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", {name: "Download payback by year (CSV)"}).click()
  ]);
  const payback = parseDelimited(readFileSync((await paybackDownload.path())!, "utf-8"));
  const lastYear = payback.rows.filter((r) => r[payback.header.indexOf("year")] === "10");
  expect(lastYear.map((r) => r[payback.header.indexOf("tier")])).toEqual([...tiers]);
  expect(lastYear.map((r) => Number(r[payback.header.indexOf("paid back by this year")]))).toEqual(
    tiers.map((t) => node.tiers[t].probabilityPayback)
  );
  expect(problems).toEqual([]);
  await context.close();
});

it("simulator follows its inputs: a longer ramp lowers tier S's expected NPV", async () => {
  const {page, context, problems} = await visit(site, "/simulator");
  const npvS = page.locator(".tw-verdict .big").first();
  await page.locator(".tw-verdict").first().waitFor();
  const before = await npvS.innerText();
  // A redraw replaces the chart inside its card and keeps the card.
  const card = page.locator(".card", {has: page.getByRole("heading", {name: "NPV across simulated futures"})});
  await card.evaluate((c) => {
    c.dataset.mark = "kept";
    c.querySelector("svg.plot, figure svg:not(.plot-swatch svg)")!.setAttribute("data-mark", "old");
  });
  // Survival does not depend on a tier's policy: the survivors' fan is the same and is not drawn again.
  const survivors = page.locator(".card", {has: page.getByRole("heading", {name: "Surviving accounts"})});
  await survivors.evaluate((c) =>
    c.querySelector("svg.plot, figure svg:not(.plot-swatch svg)")!.setAttribute("data-mark", "same")
  );
  const runs = await runsDone(page);
  const ramp = page.getByLabel("Ramp years before the first order").first();
  await ramp.fill("5");
  await ramp.dispatchEvent("input");
  await runFinished(page, runs);
  expect(parseFloat((await npvS.innerText()).replace(/[$,M]/g, ""))).toBeLessThan(
    parseFloat(before.replace(/[$,M]/g, ""))
  );
  await page.locator("svg[data-mark=old]").waitFor({state: "detached"});
  expect(await page.locator(".card[data-mark=kept]").count()).toBe(1);
  expect(await survivors.locator("svg[data-mark=same]").count()).toBe(1);
  // The new histogram has its bars, in every tier's colour.
  const fills = await card
    .locator("svg [aria-label=rect] rect")
    .evaluateAll((rects) => rects.map((r) => r.getAttribute("fill")));
  expect(new Set(fills)).toEqual(new Set(["#0072B2", "#56B4E9", "#E69F00", "#999999"]));
  expect(problems).toEqual([]);
  await context.close();
});

it("simulator keeps the scenario in the link: the same numbers after this browser's saved edits change, in another browser, and from an old link", async () => {
  const estimated = "Attrition estimated from this portfolio, 1,000 futures, seed 1";
  const saveEdits = (hazard: Record<string, number[]>) =>
    first.page.evaluate((text) => localStorage.setItem("tierwise-hazards", text), JSON.stringify(hazard));
  const first = await visit(site, "/simulator");
  await first.page.getByText(estimated, {exact: true}).waitFor();
  await saveEdits({"Telecom operators": [0.4, 0.3, 0.2]});
  // Opened afresh: a reload would keep the link written before, which carries no edits and wins.
  await first.page.goto("about:blank");
  await first.page.goto(`${site.origin}/simulator`);
  await first.page.getByText(estimated, {exact: true}).waitFor();
  const runs = await runsDone(first.page);
  const ramp = first.page.getByLabel("Ramp years before the first order").first();
  await ramp.fill("4");
  await ramp.dispatchEvent("input");
  await runFinished(first.page, runs);
  await linkWritten(first.page);
  const url = first.page.url();
  const hash = url.slice(url.indexOf("#"));
  // The scenario (ramp 4 on tier S, the saved Telecom edit) and the run, in a short link.
  expect(decodeLinkState(hash)).toEqual({
    value: {
      v: 2,
      a: "estimated",
      s: {tiers: {S: {rampYears: 4}}},
      h: {"Telecom operators": [0.4, 0.3, 0.2]},
      n: 1000,
      r: 1
    }
  });
  expect(hash.length).toBe(155);
  const shown = await first.page.locator(".tw-verdict .big").allInnerTexts();

  // This browser's edits change: the link still simulates its own, and says the saved ones are set aside.
  await saveEdits({"Telecom operators": [0.05], Banking: [0.6]});
  await first.page.goto("about:blank");
  await first.page.goto(url);
  await first.page.getByText(estimated, {exact: true}).waitFor();
  await first.page
    .getByText(
      "This link carries its own hazard edits (1 industry), so the 2 industries' edits saved on the Attrition page are not used while you follow it."
    )
    .waitFor();
  expect(await first.page.locator(".tw-verdict .big").allInnerTexts()).toEqual(shown);
  expect(first.problems).toEqual([]);
  await first.context.close();

  // Another browser, with nothing saved.
  const second = await visit(site, url.replace(site.origin, ""));
  await second.page.getByText(estimated, {exact: true}).waitFor();
  expect(await second.page.getByLabel("Ramp years before the first order").first().inputValue()).toBe("4");
  expect(await second.page.locator(".tw-verdict .big").allInnerTexts()).toEqual(shown);
  expect(second.problems).toEqual([]);
  await second.context.close();

  // A link in the format written before (every input), then a damaged one.
  const old = {
    ...simulatorDefaults,
    attrition: "shakeout",
    tiers: {...simulatorDefaults.tiers, S: {...simulatorDefaults.tiers.S, rampYears: 4}},
    tierRules: defaultScenario.tierRules
  };
  const third = await visit(site, `/simulator#s=${encodeLinkState(old)}`);
  await third.page.getByText("Shakeout: 100 → 50 → 20, 1,000 futures, seed 1", {exact: true}).waitFor();
  expect(await third.page.getByLabel("Ramp years before the first order").first().inputValue()).toBe("4");
  await linkWritten(third.page);
  expect(decodeLinkState(new URL(third.page.url()).hash)).toEqual({
    value: {v: 2, a: "shakeout", s: {tiers: {S: {rampYears: 4}}}, n: 1000, r: 1}
  });
  await third.page.goto("about:blank");
  await third.page.goto(`${site.origin}/simulator#s=not-json`);
  await third.page
    .getByText(
      "This link's settings could not be restored (the link's settings are damaged (not readable JSON)); showing the defaults."
    )
    .waitFor();
  expect(await third.page.getByLabel("Ramp years before the first order").first().inputValue()).toBe("2");
  expect(third.problems).toEqual([]);
  await third.context.close();
});

it("simulator imports a scenario file, refuses one that does not fit, and saves scenarios for Compare", async () => {
  const {page, context, problems} = await visit(site, "/simulator");
  await page.locator(".tw-verdict").first().waitFor();
  const own = {
    ...defaultScenario,
    name: "Two-year bet, cheaper heads",
    costPerHead: 120_000,
    attrition: {...defaultScenario.attrition, hazard: {"*": [0.3, 0.2, 0.1]}},
    tiers: {...defaultScenario.tiers, S: {...defaultScenario.tiers.S, rampYears: 3, presalesCost: 400_000}}
  };
  const offGrid = join(tmpdir(), "off-grid.json");
  writeFileSync(offGrid, JSON.stringify({...own, tiers: {A: {firstShare: 0.125}}}));
  await page.getByLabel("Import a scenario (JSON)").setInputFiles(offGrid);
  await page
    .getByText(
      "off-grid.json was not imported: tiers.A.firstShare is 0.125; the simulator's slider takes 0 to 1 in steps of 0.01."
    )
    .waitFor();
  const good = join(tmpdir(), "two-year-bet.json");
  writeFileSync(good, JSON.stringify(own));
  await Promise.all([page.waitForEvent("load"), page.getByLabel("Import a scenario (JSON)").setInputFiles(good)]);
  await page.getByText("Two-year bet, cheaper heads, 1,000 futures, seed 1", {exact: true}).waitFor();
  expect(await page.getByLabel("Imported: Two-year bet, cheaper heads").isChecked()).toBe(true);
  expect(await page.getByLabel("Ramp years before the first order").first().inputValue()).toBe("3");
  expect(await page.getByLabel("Loaded cost per sales head (USD/yr)").inputValue()).toBe("120000");

  // The page's results are those of the imported scenario itself.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", {name: "Download scenario (JSON)"}).click()
  ]);
  const exported = parseScenario(readFileSync((await download.path())!, "utf-8"));
  expect(exported).toEqual({...parseScenario(own), asOf: 2025});

  await page.getByLabel("Scenario name").fill("My imported bet");
  await page.getByRole("button", {name: "Save for comparison"}).click();
  await page.getByText('Saved "My imported bet" in this browser; open Compare to set it against others.').waitFor();
  await page.goto(site.origin + "/compare");
  // The page's own signal that its first comparison is done and its inputs are settled.
  await runFinished(page, 0);
  await page.getByLabel(/^My imported bet \(saved \d{4}-\d\d-\d\d\)$/).check();
  await page
    .getByText(
      /^My imported bet \(saved \d{4}-\d\d-\d\d\): Multi-year relationship building pays back in \d+% of simulated futures\./
    )
    .first()
    .waitFor();
  expect(problems).toEqual([]);
  await context.close();
});

it("simulator shows progress on a long run and hides it when the run ends", async () => {
  // However fast the machine, the bar shows at once (its delay set to 0 through runThresholds), and
  // every text it shows is recorded as it appears.
  const init = `window.tierwiseThresholds = {progressDelay: 0};
window.__progress = [];
new MutationObserver(() => {
  const bar = document.querySelector(".tw-progress");
  if (bar && !bar.hidden && window.__progress.at(-1) !== bar.textContent) window.__progress.push(bar.textContent);
}).observe(document, {childList: true, subtree: true, characterData: true, attributes: true});`;
  const {page, context, problems} = await visit(site, "/simulator", {init});
  await page.locator(".tw-verdict").first().waitFor();
  await page.getByLabel("Simulated futures").selectOption({label: "20,000"});
  await page.getByText(/^20,000 futures, seed 1, 10 years from 2025, simulated in \d+ ms/).waitFor({timeout: 120_000});
  const shown = (await page.evaluate("window.__progress")) as string[];
  expect(shown.some((text) => /^Simulating 20,000 futures: \d+% after \d+\.\d s$/.test(text))).toBe(true);
  expect(await page.locator(".tw-progress").isHidden()).toBe(true);
  expect(problems).toEqual([]);
  await context.close();
});

it("simulator on a big book says how many futures its first result has, and its run status is done only for the full run", async () => {
  // The big book's path on the sample (thresholds lowered through runThresholds): a block of 50
  // futures per worker first. The first result's note is recorded as it appears.
  const init = `window.tierwiseThresholds = {threshold: 0, budget: 1};
window.__firstNote = null;
new MutationObserver(() => {
  const note = [...document.querySelectorAll("#observablehq-main p.muted")].find((p) => p.textContent.includes("A first result"));
  if (note && window.__firstNote === null) window.__firstNote = note.textContent;
}).observe(document, {childList: true, subtree: true, characterData: true});`;
  const {page, context, problems} = await visit(site, "/simulator", {init});
  await runFinished(page, 0);
  const workers = (await page.evaluate("navigator.hardwareConcurrency")) as number;
  const first = Math.min(200, 50 * Math.max(1, Math.min(8, workers)));
  expect(await page.evaluate("window.__firstNote")).toMatch(
    new RegExp(
      `^${first} futures, seed 1, 10 years from 2025, simulated in \\d+ ms\\. Attrition: estimated from this portfolio\\. A first result on the first ${first} futures: the full 1,000 are on their way and will replace it\\.$`
    )
  );
  await page
    .getByText(
      /^1,000 futures, seed 1, 10 years from 2025, simulated in \d+ ms\. Attrition: estimated from this portfolio\.$/
    )
    .waitFor();
  expect(await runsDone(page)).toBe(1);
  expect(problems).toEqual([]);
  await context.close();
});
