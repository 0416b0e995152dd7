import {existsSync} from "node:fs";
import {readdir} from "node:fs/promises";
import {fileURLToPath} from "node:url";
import {chromium, type Browser, type BrowserContext, type Page} from "playwright-core";
import {chromiumArgs, findChromium} from "./chromium.js";
import {serveStatic, type StaticServer} from "./server.js";

export const dist = fileURLToPath(new URL("../../dist/", import.meta.url));

/** The clean URL of every page in dist/, `/` first. */
export async function listPages(): Promise<string[]> {
  if (!existsSync(dist)) throw new Error(`no ${dist}: run npm run build first`);
  const files = await readdir(dist, {recursive: true});
  return files
    .filter((file) => file.endsWith(".html") && !file.startsWith("_") && file !== "404.html")
    .map(
      (file) =>
        "/" +
        file
          .replace(/\\/g, "/")
          .replace(/(^|\/)index\.html$/, "$1")
          .replace(/\.html$/, "")
    )
    .sort((a, b) => (a === "/" ? -1 : b === "/" ? 1 : a.localeCompare(b)));
}

export interface Site {
  origin: string;
  browser: Browser;
  close(): Promise<void>;
}

/** Serves dist/ on 127.0.0.1 and launches headless Chromium. */
export async function openSite(): Promise<Site> {
  const server: StaticServer = await serveStatic(dist);
  const browser = await chromium.launch({executablePath: findChromium(), args: chromiumArgs, headless: true});
  return {
    origin: server.origin,
    browser,
    async close() {
      await browser.close();
      await server.close();
    }
  };
}

export interface Visit {
  page: Page;
  context: BrowserContext;
  /** Everything that went wrong: console errors, exceptions, failed or off-origin requests. */
  problems: string[];
  /** Console warnings (Chromium reports invalid SVG attributes, such as a negative width, here). */
  warnings: string[];
  /** Every URL the page and its workers requested, from the first. */
  requested: string[];
  /** Bytes received over the network (bodies as sent, plus headers). */
  transferred(): Promise<number>;
}

/**
 * Opens `path` in a fresh context that blocks and reports any request leaving 127.0.0.1, and waits
 * until every cell has settled (no loading indicator left in the main column).
 */
export async function visit(
  site: Site,
  path: string,
  {
    timeout = 60_000,
    init,
    colorScheme = "light",
    width = 1280
  }: {timeout?: number; init?: string; colorScheme?: "light" | "dark"; width?: number} = {}
): Promise<Visit> {
  const context = await site.browser.newContext({viewport: {width, height: 900}, colorScheme});
  // A script to run in the page before its own (a benchmark's observer, say).
  if (init) await context.addInitScript(init);
  // Every wait of a test (waitFor, click, waitForEvent) is bounded generously: a loaded machine
  // is slow, and a test waits on what the page shows, never on a short clock.
  // (Below the test's own 120 s, so a wait that fails says what it waited for.)
  context.setDefaultTimeout(timeout * 1.5);
  const page = await context.newPage();
  const problems: string[] = [];
  const warnings: string[] = [];
  const requested: string[] = [];
  const requests: Promise<number>[] = [];
  await context.route("**/*", async (route) => {
    const url = new URL(route.request().url());
    requested.push(url.href);
    if (url.protocol === "data:" || url.protocol === "blob:" || url.hostname === "127.0.0.1") return route.continue();
    problems.push(`request outside 127.0.0.1: ${url.href}`);
    return route.abort("blockedbyclient");
  });
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()}`);
    else if (message.type() === "warning") warnings.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(`uncaught exception: ${error.message}`));
  // A request of the old document (or of its workers) that a navigation cancels (ERR_ABORTED) is
  // not a failure. The old document runs until the new one commits, so such a request started
  // before the latest commit, or fails while a navigation is pending; the new document's own
  // requests start after its commit and are never excused.
  let lastNavigation = 0;
  let lastCommit = 0;
  let pending = false;
  page.on("request", (request) => {
    if (request.isNavigationRequest() && request.frame() === page.mainFrame()) {
      lastNavigation = Date.now();
      pending = true;
    }
  });
  page.on("framenavigated", (frame) => {
    if (frame !== page.mainFrame()) return;
    lastCommit = Date.now();
    pending = false;
  });
  page.on("requestfailed", (request) => {
    const error = request.failure()?.errorText ?? "unknown";
    const start = request.timing().startTime;
    if (error === "net::ERR_ABORTED" && lastNavigation > 0 && (pending || start < lastNavigation || start < lastCommit))
      return;
    problems.push(`failed request: ${request.url()} (${error})`);
  });
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  page.on("requestfinished", (request) => {
    // A test may close its context before every size is read; nothing then awaits them, and an
    // unread size must not become an unhandled rejection. Benchmarks read them before closing.
    requests.push(
      request.sizes().then(
        (sizes) => sizes.responseBodySize + sizes.responseHeadersSize,
        () => 0
      )
    );
  });
  await page.goto(site.origin + path, {waitUntil: "load", timeout});
  problems.push(...(await settle(page, {timeout})));
  return {
    page,
    context,
    problems,
    warnings,
    requested,
    transferred: async () => (await Promise.all(requests)).reduce((sum, bytes) => sum + bytes, 0)
  };
}

/**
 * Waits until every cell of the page has settled (no loading indicator left in the main column,
 * no request in flight) and returns the cells that show an error, as problems.
 */
export async function settle(page: Page, {timeout = 120_000}: {timeout?: number} = {}): Promise<string[]> {
  await settled(page, {timeout});
  const errors = await page.$$eval(".observablehq--error", (nodes) => nodes.map((node) => node.textContent ?? ""));
  return errors.map((error) => `cell error: ${error}`);
}

/** Waits until every cell of a freshly loaded page has settled (no loading indicator left). */
export async function settled(page: Page, {timeout = 120_000}: {timeout?: number} = {}): Promise<void> {
  await page.waitForFunction(
    () => {
      const main = document.querySelector("#observablehq-main");
      return main !== null && main.querySelector("observablehq-loading") === null;
    },
    undefined,
    {timeout}
  );
  await page.waitForLoadState("networkidle", {timeout});
}

/** What a page's run status (a Progress) says: how many runs have finished. */
export async function runsDone(page: Page, {index = 0}: {index?: number} = {}): Promise<number> {
  return Number(await page.locator(".tw-progress").nth(index).getAttribute("data-runs"));
}

/**
 * Waits until the page's run status says more than `before` runs have finished and none is
 * running: the page's own signal that the results on screen are those of the latest inputs.
 */
export async function runFinished(
  page: Page,
  before: number,
  {index = 0, timeout = 120_000}: {index?: number; timeout?: number} = {}
): Promise<void> {
  await page.waitForFunction(
    ([i, n]) => {
      const status = document.querySelectorAll<HTMLElement>(".tw-progress")[i!];
      return status?.dataset.state === "done" && Number(status.dataset.runs) > n!;
    },
    [index, before],
    {timeout}
  );
}

/** Waits until the page has written its settings into the link (its own signal, on <html data-link>). */
export async function linkWritten(page: Page, {timeout = 120_000}: {timeout?: number} = {}): Promise<void> {
  await page.waitForFunction(() => document.documentElement.dataset.link === "written", undefined, {timeout});
}
