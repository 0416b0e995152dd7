import {readFileSync, readdirSync} from "node:fs";
import type {Page} from "playwright-core";
import {afterAll, beforeAll, expect, it} from "vitest";
import {parseScenario} from "tierwise";
import {listPages, openSite, settle, visit, type Site} from "./site.js";

// Small portfolios of the kinds that break pages: no founding-year column, no exit, every account
// exited, one or two rows, one industry, 24 industries, one first year for all, zero wallets and
// revenues, optional columns empty in every row, industries and regions named like JavaScript
// object built-ins. Each is uploaded as a user would, then every page is opened.
const folder = new URL("../fixtures/awkward/", import.meta.url);
const fixtures = readdirSync(folder)
  .filter((name) => name.endsWith(".csv"))
  .sort();
const pages = await listPages();
let site: Site;
beforeAll(async () => void (site = await openSite()));
afterAll(async () => await site?.close());

/** Uploads a fixture on the Your-portfolio page; every page then reads it from IndexedDB. */
async function upload(page: Page, name: string): Promise<void> {
  const text = readFileSync(new URL(name, folder), "utf-8");
  const rows = text.trim().split("\n").length - 1;
  await page
    .locator("input[type=file]")
    .setInputFiles({name, mimeType: "text/csv", buffer: Buffer.from(text, "utf-8")});
  await page.getByRole("button", {name: `Load ${rows} ${rows === 1 ? "row" : "rows"}`}).click();
  await page.getByText(`Every page now uses ${name}`).waitFor();
}

const noActive = "No account in this portfolio is active";
const logRankSubtitle = (page: Page) =>
  page
    .locator(".card", {has: page.locator("h2", {hasText: "Industries compared"})})
    .locator("h3")
    .innerText();

/** What a page must say, in words, where it cannot show something, by fixture and page. */
const checks: Record<string, Record<string, (page: Page) => Promise<void>>> = {
  "no-founding-year.csv": {
    "/attrition": async (page) => {
      await page
        .getByText(
          "No account has a founding year, so ages are measured from the first year with us (relationship age), not from the firm's founding."
        )
        .waitFor();
      expect(await page.getByLabel("Firm age (founding year, with late entry)").isDisabled()).toBe(true);
      expect(await page.getByLabel("Relationship age (first year with us)").isChecked()).toBe(true);
      expect(await logRankSubtitle(page)).toMatch(/^Log-rank test across the 3 industries shown: χ² = [\d.]+ on 2 df/);
    }
  },
  "no-exits.csv": {
    "/attrition": async (page) => {
      expect(await logRankSubtitle(page)).toBe(
        "No log-rank test across the 2 industries shown: no exit in any group, so there is no difference to test"
      );
      await page.getByText("No account has exited yet, so every curve stays at 100%").waitFor();
      await page.getByText("No path for Telecom, Utilities: the simulator uses the baseline").waitFor();
    }
  },
  "two-rows.csv": {
    "/attrition": async (page) => {
      expect(await logRankSubtitle(page)).toBe(
        "No log-rank test across the 2 industries shown: every exit happened where no other group had anyone at risk, so the exits cannot tell the groups apart"
      );
    }
  },
  "one-industry.csv": {
    "/attrition": async (page) => {
      expect(await logRankSubtitle(page)).toBe("Only one industry, so there is no other to compare it with");
    }
  },
  "all-exited.csv": {
    "/": async (page) => {
      expect(await page.locator(".card .big").first().innerText()).toBe("12");
      await page.getByText("no account is active").waitFor();
    },
    "/tiers": async (page) => {
      await page.getByText(`${noActive}: all 12 have an exit year, so there is nothing to tier.`).waitFor();
    },
    "/simulator": async (page) => {
      await page.getByText(`${noActive}: all 12 have an exit year`).waitFor();
    },
    "/compare": async (page) => {
      await page.getByText(`${noActive}: all 12 have an exit year`).waitFor();
    },
    "/allocate": async (page) => {
      await page
        .getByText(`${noActive}: all 12 have an exit year, so there is no account to place heads on.`)
        .waitFor();
      expect(await page.locator(".tw-optimum").innerText()).toBe("$0");
    }
  },
  "empty-columns.csv": {
    "/": async (page) => {
      // Sixteen accounts, all active: the empty exitYear column is a column of nulls, not missing.
      expect(await page.locator(".card .big").allInnerTexts()).toEqual(expect.arrayContaining(["16", "16"]));
    }
  },
  "builtin-names.csv": {
    "/attrition": async (page) => {
      // valueOf has no exit, so no estimate: its row is empty, and the other four still save.
      const cell = (industry: string, year: number) => page.getByLabel(`${industry}, year ${year}`, {exact: true});
      for (let year = 1; year <= 15; ++year) expect(await cell("valueOf", year).inputValue()).toBe("");
      await page.getByText("No path for valueOf: the simulator uses the baseline").waitFor();
      await cell("constructor", 1).fill("20");
      await cell("constructor", 2).fill("10");
      for (let year = 3; year <= 15; ++year) await cell("constructor", year).fill("");
      await page.getByRole("button", {name: "Save for the simulator"}).click();
      await page.getByText("Saved the paths of 4 industries for the simulator.").waitFor();
      const stored = await page.evaluate(() => localStorage.getItem("tierwise-hazards") ?? "");
      const own = JSON.parse(stored) as Record<string, number[]>;
      expect(Object.keys(own).sort()).toEqual(["__proto__", "constructor", "hasOwnProperty", "toString"]);
      expect(own.constructor).toEqual([0.2, 0.1]);
      await page.reload();
      await settle(page);
      // Every cell has settled: the table shows the saved path.
      expect(await cell("constructor", 1).inputValue()).toBe("20.0");
      expect(await cell("constructor", 2).inputValue()).toBe("10.0");
      expect(await cell("constructor", 3).inputValue()).toBe("");
    },
    "/simulator": async (page) => {
      // The saved paths reach the simulated scenario under their own names; valueOf takes "*".
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", {name: "Download scenario (JSON)"}).click()
      ]);
      const {hazard} = parseScenario(readFileSync((await download.path())!, "utf-8")).attrition;
      expect(Object.keys(hazard).sort()).toEqual(["*", "__proto__", "constructor", "hasOwnProperty", "toString"]);
      expect(hazard.constructor).toEqual([0.2, 0.1]);
      expect(Object.hasOwn(hazard, "valueOf")).toBe(false);
    }
  }
};

it.each(fixtures)("%s: every page opens with no error and says what it cannot show", async (name) => {
  const {page, context, problems} = await visit(site, "/data");
  await upload(page, name);
  const byPage: Record<string, string[]> = {};
  for (const path of pages) {
    const before = problems.length;
    await page.goto(site.origin + path, {waitUntil: "load"});
    problems.push(...(await settle(page, {timeout: 120_000})));
    await checks[name]?.[path]?.(page);
    // The first line of each problem is enough to tell them apart.
    if (problems.length > before) byPage[path] = [...new Set(problems.slice(before).map((p) => p.split("\n")[0]!))];
  }
  expect(byPage).toEqual({});
  await context.close();
});

it("has a check for every fixture it names", () => {
  expect(Object.keys(checks).filter((name) => !fixtures.includes(name))).toEqual([]);
});
