import {afterAll, beforeAll, expect, it} from "vitest";
import type {Page} from "playwright-core";
import {linkWritten, openSite, settled, visit, type Site} from "./site.js";

let site: Site;
beforeAll(async () => void (site = await openSite()));
afterAll(async () => await site?.close());

/** Writes `record` as the stored portfolio, as a damaged or older version would have left it. */
const store = (page: Page, record: unknown) =>
  page.evaluate(
    (value) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open("tierwise", 1);
        open.onupgradeneeded = () => open.result.createObjectStore("portfolio");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction("portfolio", "readwrite");
          tx.objectStore("portfolio").put(value, "current");
          tx.oncomplete = () => (open.result.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
      }),
    record
  );

it("says on every page that a stored portfolio could not be read, and the data page clears it", async () => {
  const {page, context, problems} = await visit(site, "/data");
  // A record in the format an older version wrote (no format field), with a 1 MB name.
  await store(page, {accounts: [{id: "x"}], rejected: [], source: {kind: "upload", name: "n".repeat(1_000_000)}});
  await page.goto(site.origin + "/");
  await settled(page);
  const note = page.locator(".tw-storage-problem");
  expect(await note.innerText()).toBe(
    "Your saved portfolio could not be read: it was saved by an older version of Tierwise; showing the sample."
  );
  expect(await page.locator(".tw-portfolio").innerText()).toMatch(
    /Portfolio: Sample portfolio: 2,000 invented accounts/
  );

  await store(page, {
    format: 3,
    columns: "b".repeat(1_000_000),
    rejected: [],
    source: {kind: "upload", name: "book.csv", rows: 1, rejectedRows: 0, savedAt: null}
  });
  await page.goto(site.origin + "/data");
  await settled(page);
  const text = await note.innerText();
  expect(text).toMatch(
    /^Your saved portfolio could not be read: it holds no accounts \("b+… \(1,000,002 characters\)\); showing the sample\.$/
  );
  expect(text.length).toBeLessThan(150);
  await Promise.all([
    page.waitForEvent("load"),
    page.getByRole("button", {name: "Return to the sample portfolio"}).click()
  ]);
  await settled(page);
  expect(await note.count()).toBe(0);
  await page.getByText("Portfolio: Sample portfolio").waitFor();
  expect(problems).toEqual([]);
  await context.close();
});

it("tells the user when an upload cannot be saved, and every page keeps the portfolio it showed", async () => {
  // Storage that loses a column without an error (window.storageFault = "drop"), then storage that
  // is full: every write fails as a browser over its quota fails it ("quota").
  const init = `{
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (value, key) {
      if (window.storageFault === "quota") throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      if (window.storageFault === "drop" && key === "current/name") return put.call(this, value, "elsewhere");
      return put.call(this, value, key);
    };
  }`;
  const csv =
    "id,name,industry,region,foundedYear,firstYear,exitYear,annualWallet,walletGrowth,annualRevenue,grossMargin,health,strategicFit,salesHeads\n" +
    "C1,Alpha,Telecom,Europe,1990,2015,,1000000,0.05,250000,0.3,0.8,4,1.5\n";
  // A fresh page for each fault, so that the button clicked is the one for this file, never the last one's.
  for (const [fault, file, reason] of [
    ["drop", "lost.csv", "the saved copy does not read back as written (its part current/name is missing)"],
    ["quota", "book.csv", "the browser's storage for this site is full (quota exceeded)"]
  ] as const) {
    const {page, context, problems} = await visit(site, "/data", {init});
    await page.evaluate((fault) => ((window as unknown as {storageFault: string}).storageFault = fault), fault);
    await page.locator("input[type=file]").setInputFiles({name: file, mimeType: "text/csv", buffer: Buffer.from(csv)});
    await page.getByRole("button", {name: "Load 1 row"}).click();
    await page
      .getByText(
        `${file} was read but could not be saved in this browser: ${reason}. Every page still uses Sample portfolio.`
      )
      .waitFor();
    expect(await page.getByText(`Every page now uses ${file}`).count()).toBe(0);
    expect(await page.locator(".tw-portfolio").innerText()).toMatch(/^Portfolio: Sample portfolio/);
    expect(problems).toEqual([]);
    await context.close();
  }
});

it("keeps a link that cannot be restored as it was opened until a setting changes", async () => {
  const {page, context, problems} = await visit(site, "/simulator#s=not-json");
  await page
    .getByText(
      "This link's settings could not be restored (the link's settings are damaged (not readable JSON)); showing the defaults. The address stays as you opened it until you change a setting."
    )
    .waitFor();
  expect(await page.evaluate(() => document.documentElement.dataset.link)).toBe("kept");
  expect(new URL(page.url()).hash).toBe("#s=not-json");
  const ramp = page.getByLabel("Ramp years before the first order").first();
  await ramp.fill("4");
  await ramp.dispatchEvent("input");
  await linkWritten(page);
  expect(new URL(page.url()).hash).toMatch(/^#s=[A-Za-z0-9_-]+$/);
  expect(problems).toEqual([]);
  await context.close();
});

it("refuses a scenario that names no hazard for an industry of the book, listing the industries", async () => {
  const {page, context, problems} = await visit(site, "/simulator");
  const scenario = {version: 1, name: "Telecom only", attrition: {hazard: {Telecom: [0.1]}}};
  await page
    .getByLabel("Import a scenario (JSON)")
    .setInputFiles({name: "telecom.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(scenario))});
  await page
    .getByText(/^telecom\.json was not imported: it does not fit this portfolio: no hazard path for the industries "/)
    .waitFor();
  expect(await page.locator(".tw-error", {hasText: "telecom.json"}).innerText()).toMatch(/and no "\*" default\.$/);
  expect(problems).toEqual([]);
  await context.close();
});

it("says when the chosen scenarios are too large for a link, and keeps the last link that fitted", async () => {
  const {page, context, problems} = await visit(site, "/compare");
  await linkWritten(page);
  const fitted = page.url();
  // A scenario with paths for 600 industries besides its "*" default: far more than 8 KB.
  const hazard = Object.fromEntries(
    Array.from({length: 600}, (_, i) => [`Industry ${i}`, [0.123456, 0.098765, 0.087654]])
  );
  const scenario = {version: 1, name: "Wide", attrition: {hazard: {...hazard, "*": [0.1]}}};
  await page
    .getByLabel("Add scenario files (JSON)")
    .setInputFiles({name: "wide.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(scenario))});
  await page.locator(".tw-link-note").waitFor();
  expect(await page.locator(".tw-link-note").innerText()).toMatch(
    /^The scenarios chosen are too large for a link \(\d+ KB of the 8 KB a link may carry\), so the address keeps the last settings that fitted\. Share them as a scenario file instead\.$/
  );
  expect(await page.evaluate(() => document.documentElement.dataset.link)).toBe("too-long");
  expect(page.url()).toBe(fitted);
  expect(problems).toEqual([]);
  await context.close();
});
