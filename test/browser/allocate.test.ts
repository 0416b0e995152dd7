import {readFileSync} from "node:fs";
import type {Page} from "playwright-core";
import {afterAll, beforeAll, expect, it} from "vitest";
import {
  allocateHeads,
  defaultScenario,
  formatMoney,
  formatNumber,
  ingestRows,
  parseDelimited,
  parseScenario,
  tiers,
  type Account,
  type HeadsAllocation
} from "tierwise";
import {decodeLinkState} from "../../src/components/linkState.js";
import {linkWritten, openSite, runFinished, runsDone, visit, type Site} from "./site.js";

let site: Site;
beforeAll(async () => void (site = await openSite()));
afterAll(async () => await site?.close());

const baselineName = "Baseline: establishment survival";
const baseline = parseScenario(readFileSync(new URL("../../data/scenarios/baseline.json", import.meta.url), "utf-8"));

/** The page's scenario with the baseline's attrition: the Simulator's defaults on the sample's year. */
function allocateInNode(accounts: Account[], options: {heads: number; trials: number; seed: number}): HeadsAllocation {
  const asOf = Math.max(...accounts.map((a) => Math.max(a.firstYear, a.exitYear ?? -Infinity)));
  const scenario = {
    ...defaultScenario,
    asOf,
    attrition: {...defaultScenario.attrition, hazard: baseline.attrition.hazard}
  };
  return allocateHeads(accounts, scenario, options);
}

function readAccounts(url: URL): Account[] {
  const {header, rows} = parseDelimited(readFileSync(url, "utf-8"));
  return ingestRows(header, rows).accounts;
}

async function download(page: Page, button: string) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", {name: button}).click()]);
  return parseDelimited(readFileSync((await file.path())!, "utf-8"));
}

/** The "Optimum" rows of the table by tier: tier → heads shown. */
async function optimumHeads(page: Page): Promise<Record<string, string>> {
  const table = page.locator(".tw-tiers table");
  const header = await table.locator("thead th").allInnerTexts();
  const rows = await table.locator("tbody tr").all();
  const shown: Record<string, string> = {};
  for (const row of rows) {
    const cells = await row.locator("td").allInnerTexts();
    if (cells[header.indexOf("allocation")] === "Optimum")
      shown[cells[header.indexOf("tier")]!] = cells[header.indexOf("heads")]!;
  }
  return shown;
}

// When the optimum's expected NPV first shows, from the start of navigation (reported, never
// asserted), and what the first result (drawn before the futures are simulated) shows: read once
// the page has drawn it, while its note that the futures are still being simulated is on screen.
const firstResult = `new MutationObserver(() => {
  if (!window.__firstResult && document.querySelector(".tw-optimum")) window.__firstResult = performance.now();
  if (!window.__pending && document.querySelector(".tw-pending")) {
    window.__pending = {};
    setTimeout(() => {
      const text = (selector) => document.querySelector(selector)?.textContent ?? null;
      Object.assign(window.__pending, {
        at: performance.now(),
        stillPending: document.querySelector(".tw-pending") !== null,
        headline: text(".tw-headline"),
        optimum: text(".tw-optimum"),
        today: text(".tw-today"),
        left: text(".tw-left"),
        gap: text(".tw-gap"),
        queue: text(".tw-next tbody tr")
      });
    });
  }
}).observe(document, {subtree: true, childList: true});`;

type Pending = Record<"headline" | "optimum" | "today" | "left" | "gap" | "queue", string> & {
  at: number;
  stillPending: boolean;
};

it("allocate shows allocateHeads' numbers for the sample, downloads them, and hands the optimum's heads to the Simulator", async () => {
  const {page, context, problems} = await visit(site, "/allocate", {init: firstResult});
  await runFinished(page, 0);
  const first = await page.evaluate(() => (window as unknown as {__firstResult: number}).__firstResult);
  console.log(
    `allocate: first result ${Math.round(first)} ms after navigation; ${await page.locator(".tw-run").innerText()}`
  );
  // The first result was drawn before the futures, with a note; its numbers are the final ones.
  const pending = await page.evaluate(() => (window as unknown as {__pending: Pending}).__pending);
  expect(pending.stillPending).toBe(true);
  expect(pending.headline).toMatch(/NPV in 90% of futures: … to …\s*P\(NPV > 0\): …/);
  expect(await page.locator(".tw-pending").count()).toBe(0);
  const text = async (selector: string) => await page.locator(selector).first().textContent();
  expect(pending.optimum).toBe(await text(".tw-optimum"));
  expect(pending.today).toBe(await text(".tw-today"));
  expect(pending.left).toBe(await text(".tw-left"));
  expect(pending.gap).toBe(await text(".tw-gap"));
  expect(pending.queue).toBe(await text(".tw-next tbody tr"));
  // Today's total heads on the sample, in quarter steps, is the default budget; the page says why that step.
  expect(await page.getByLabel("Total sales heads to place").inputValue()).toBe("776");
  expect(await page.getByLabel("Heads move in steps of").locator("option:checked").innerText()).toBe("0.25 heads");
  expect(await page.locator(".tw-step").innerText()).toBe("Default step for this book: 0.25 heads, the finest.");

  const runs = await runsDone(page);
  await page.getByLabel(baselineName).check();
  await runFinished(page, runs);
  await page
    .getByText(
      /^1,358 active accounts, 1,000 futures, seed 1, 10 years from 2025, allocated in \d+ ms by hull greedy\. Attrition: Baseline/
    )
    .waitFor();

  const accounts = readAccounts(new URL("../../data/sample-portfolio.csv", import.meta.url));
  const node = allocateInNode(accounts, {heads: 776, trials: 1000, seed: 1});
  expect(await page.locator(".tw-optimum").innerText()).toBe(formatMoney(node.total.expectedNpv));
  expect(await page.locator(".tw-today").innerText()).toBe(formatMoney(node.baselines.current.expectedNpv));
  expect(await page.locator(".tw-left").innerText()).toBe(
    formatMoney(node.leftOnTable.reallocation + node.leftOnTable.sizing)
  );
  expect(await page.locator(".tw-gap").innerText()).toBe(
    node.gap === 0 ? "Optimal" : `Within ${formatMoney(node.gap)}`
  );
  expect(await optimumHeads(page)).toEqual(
    Object.fromEntries(tiers.map((t) => [t, formatNumber(node.tiers[t].heads, {digits: 2})]))
  );
  // Names from the user's file are text: the queue shows the first account's name as it is.
  const queue = page.locator(".tw-next table");
  const queueHeader = await queue.locator("thead th").allInnerTexts();
  const queueFirst = await queue.locator("tbody tr").first().locator("td").allInnerTexts();
  expect(queueFirst[queueHeader.indexOf("account")]).toBe(node.nextHeads[0]!.name);

  const allocation = await download(page, "Download the allocation (CSV)");
  expect(allocation.header).toEqual([
    "id",
    "name",
    "tier",
    "current heads",
    "allocated heads",
    "expected NPV",
    "marginal"
  ]);
  expect(allocation.rows.length).toBe(1358);
  const column = (name: string) => allocation.rows.map((r) => r[allocation.header.indexOf(name)]);
  expect(column("id")).toEqual(node.allocation.map((d) => d.id));
  expect(column("allocated heads").map(Number)).toEqual(node.allocation.map((d) => d.heads));
  expect(column("expected NPV").map(Number)).toEqual(node.allocation.map((d) => d.expectedNpv));
  const frontier = await download(page, "Download the frontier (CSV)");
  expect(frontier.rows.length).toBe(node.frontier.length);
  expect(Number(frontier.rows.at(-1)![frontier.header.indexOf("expected NPV")])).toBe(
    node.frontier.at(-1)!.expectedNpv
  );
  expect(problems).toEqual([]);

  // The Simulator opens with the optimum's heads per account in each tier, on the same attrition,
  // from a link that carries the scenario (version 2), so any browser restores the same numbers.
  await Promise.all([page.waitForURL(/\/simulator#s=/), page.getByRole("button", {name: "Use in Simulator"}).click()]);
  expect(decodeLinkState(new URL(page.url()).hash)).toMatchObject({value: {v: 2, a: "baseline", b: 1, n: 1000, r: 1}});
  await page.locator(".tw-verdict").first().waitFor();
  expect(await page.getByLabel(baselineName).isChecked()).toBe(true);
  const boxes = page.getByLabel("Sales heads per account");
  const sent = await Promise.all(tiers.map(async (_, k) => Number(await boxes.nth(k).inputValue())));
  expect(sent).toEqual(
    tiers.map((t) => Number((Math.round(node.tiers[t].heads / node.tiers[t].accounts / 0.05) * 0.05).toFixed(2)))
  );
  expect(problems).toEqual([]);
  await context.close();
});

it("allocate keeps its settings in the link, and a pasted link shows the same numbers", async () => {
  const first = await visit(site, "/allocate");
  await runFinished(first.page, 0);
  const runs = await runsDone(first.page);
  await first.page.getByLabel("Simulated futures").selectOption({label: "200"});
  const heads = first.page.getByLabel("Total sales heads to place");
  await heads.fill("500");
  await heads.dispatchEvent("input");
  await first.page.getByLabel("Risk-averse: expected NPV less a penalty on the worst futures").check();
  await first.page.getByText(/^1,358 active accounts, 200 futures, seed 1/).waitFor();
  await runFinished(first.page, runs);
  await first.page.getByRole("heading", {name: "Risk-averse allocation with 500 heads"}).waitFor();
  await linkWritten(first.page);
  const shown = await first.page.locator(".tw-headline").allInnerTexts();
  const url = first.page.url();
  expect(url).toMatch(/#s=[A-Za-z0-9_-]+$/);
  // The link names the tier rules it tiered by, so a browser with other saved rules gets the same numbers.
  expect(decodeLinkState(new URL(url).hash)).toMatchObject({
    value: {heads: 500, step: 0.25, tierRules: defaultScenario.tierRules}
  });
  expect(first.problems).toEqual([]);
  await first.context.close();

  const second = await visit(site, url.replace(site.origin, ""));
  await runFinished(second.page, 0);
  expect(await second.page.getByLabel("Total sales heads to place").inputValue()).toBe("500");
  expect(await second.page.getByLabel("Simulated futures").locator("option:checked").innerText()).toBe("200");
  expect(
    await second.page.getByLabel("Risk-averse: expected NPV less a penalty on the worst futures").isChecked()
  ).toBe(true);
  expect(await second.page.locator(".tw-headline").allInnerTexts()).toEqual(shown);
  expect(second.problems).toEqual([]);
  await second.context.close();

  // A link whose tier minimums take more heads than it places is refused before any run, by name.
  const perTier = Object.fromEntries(tiers.map((t) => [t, {min: t === "S" ? 10 : 0, max: 10}]));
  const state = {
    version: 1,
    attrition: "estimated",
    heads: 500,
    objective: "mean",
    weight: 1,
    alpha: 0.1,
    perTier,
    trials: 200,
    seed: 1
  };
  const refused = await visit(site, `/allocate#s=${Buffer.from(JSON.stringify(state)).toString("base64url")}`);
  await refused.page
    .getByText(
      "This link's settings could not be restored (the tiers' least heads per account take 1,000 heads, more than the 500 to place); showing the defaults."
    )
    .waitFor();
  expect(await refused.page.getByLabel("Total sales heads to place").inputValue()).toBe("776");
  expect(refused.problems).toEqual([]);
  await refused.context.close();
});

it("allocate works on an uploaded portfolio: one row per active account, the numbers of allocateHeads", async () => {
  const name = "many-industries.csv";
  const url = new URL(`../fixtures/awkward/${name}`, import.meta.url);
  const text = readFileSync(url, "utf-8");
  const {page, context, problems} = await visit(site, "/data");
  await page
    .locator("input[type=file]")
    .setInputFiles({name, mimeType: "text/csv", buffer: Buffer.from(text, "utf-8")});
  await page.getByRole("button", {name: `Load ${text.trim().split("\n").length - 1} rows`}).click();
  await page.getByText(`Every page now uses ${name}`).waitFor();
  await page.goto(site.origin + "/allocate");
  await page.locator(".tw-progress").waitFor({state: "attached"});
  await runFinished(page, 0);
  const runs = await runsDone(page);
  await page.getByLabel(baselineName).check();
  await runFinished(page, runs);
  await page.getByText(/Attrition: Baseline/).waitFor();

  const accounts = readAccounts(url);
  const active = accounts.filter((a) => a.exitYear === null);
  const today = active.reduce((sum, a) => sum + a.salesHeads, 0);
  const budget = Math.round(today / 0.25) * 0.25;
  expect(await page.getByLabel("Total sales heads to place").inputValue()).toBe(String(budget));
  const node = allocateInNode(accounts, {heads: budget, trials: 1000, seed: 1});
  expect(await page.locator(".tw-optimum").innerText()).toBe(formatMoney(node.total.expectedNpv));
  const allocation = await download(page, "Download the allocation (CSV)");
  expect(allocation.rows.length).toBe(active.length);
  expect(allocation.rows.map((r) => Number(r[allocation.header.indexOf("allocated heads")]))).toEqual(
    node.allocation.map((d) => d.heads)
  );
  expect(problems).toEqual([]);
  await context.close();
});
