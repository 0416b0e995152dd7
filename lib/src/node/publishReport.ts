// Node only: a report on a portfolio file and a scenario file, as the site's report pages and the
// command line make it.
import {createHash} from "node:crypto";
import {existsSync} from "node:fs";
import {readFile} from "node:fs/promises";
import {basename, dirname, join} from "node:path";
import type {AllocationObjective} from "../allocation/allocateHeads.js";
import {allocationScale} from "../allocation/allocationScale.js";
import {defaultEffortResponse} from "../allocation/effortResponse.js";
import {allocationReport, type AllocationReport} from "../report/allocationReport.js";
import type {ReportProvenance} from "../report/renderReport.js";
import {scenarioReportOf, type ScenarioReport} from "../report/scenarioReport.js";
import {simulatePortfolio} from "../simulation/simulatePortfolio.js";
import {parseScenario} from "../scenario/parseScenario.js";
import type {Scenario} from "../scenario/scenario.js";
import type {Tier} from "../tiering/tiers.js";
import {
  bookSummary,
  nodeDigest,
  portfolioCacheKey,
  readBookSummary,
  writeBookSummary,
  type BookSummary
} from "./portfolioCache.js";
import {readPortfolioFile, type PortfolioFile} from "./readPortfolioFile.js";
import {currencyProblem} from "../text/currency.js";
import {SimulationPool} from "./simulationPool.js";
import {
  readSimulationCache,
  simulationCacheKey,
  writeSimulationCache,
  type CachedSimulation
} from "./simulationCache.js";

/** A scenario file read and validated. */
export interface ScenarioFile {
  name: string;
  sha256: string;
  scenario: Scenario;
}

/**
 * Reads and validates a scenario file; every failure names the file and, for a scenario that does
 * not validate, the field (`baseline.json: tiers.S.rampYears: must be an integer from 0 to 15, got -1`).
 */
export async function readScenarioFile(path: string): Promise<ScenarioFile> {
  const name = basename(path);
  let text: string;
  try {
    text = await readFile(path, "utf-8");
  } catch (error) {
    throw new Error(`${name}: cannot be read (${(error as NodeJS.ErrnoException).code ?? "error"})`);
  }
  try {
    return {name, sha256: createHash("sha256").update(text).digest("hex"), scenario: parseScenario(text)};
  } catch (error) {
    throw new Error(`${name}: ${(error as Error).message}`);
  }
}

/**
 * The reference a report sets a scenario against when none is named: the baseline beside its file,
 * or the shakeout beside it when the scenario is the baseline itself (as the site's report pages
 * do with data/scenarios/); null when there is none.
 */
export function defaultReferencePath(scenarioPath: string): string | null {
  const folder = dirname(scenarioPath);
  const path = join(folder, basename(scenarioPath) === "baseline.json" ? "shakeout.json" : "baseline.json");
  return existsSync(path) ? path : null;
}

/** What every report made in Node names about itself. */
export interface PublishOptions {
  seed?: number;
  /** The portfolio's name in the report; default the file's name. */
  portfolioName?: string;
  /** True for the sample portfolio that ships with Tierwise. */
  sample?: boolean;
  /**
   * The ISO 4217 code of the book's money, which the report names every amount in (Tierwise never
   * converts: the scenario's costs are taken to be in it too); default "USD".
   */
  currency?: string;
  /** The model's name and version, "tierwise 0.1.0". */
  model: string;
  /** YYYY-MM-DD. */
  date: string;
  onProgress?: (message: string) => void;
}

/** Options of {@link publishReport}. */
export interface PublishReportOptions extends PublishOptions {
  /** The reference scenario's file; default {@link defaultReferencePath}; null for none. */
  referencePath?: string | null;
  futures?: number;
  /** Called with the share of the simulation done, 0 to 1. */
  onSimulation?: (done: number) => void;
  /**
   * A folder for the build's cache: the portfolio read and checked once (see readPortfolioFile),
   * and each scenario simulated once, for every report of the build that uses it. Default none.
   */
  cache?: string;
  /**
   * The most accounts × futures simulated per scenario: a book whose active accounts need fewer
   * futures to stay within it gets them (in blocks of 50, at least 100), and the report says so.
   * Default no limit.
   */
  accountFutures?: number;
  /** Worker threads to simulate on (see SimulationPool); default 1, in this thread. */
  workers?: number;
}

/** A report made in Node, with what it was made from. */
export interface PublishedReport {
  report: ScenarioReport;
  provenance: ReportProvenance;
  /** The book as read; null when every simulation was cached and only its summary was read. */
  portfolio: PortfolioFile | null;
  /** What the report took from the book. */
  book: BookSummary;
}

/**
 * Reads a portfolio file and a scenario file, simulates the scenario (and its reference, on the
 * same futures), and returns the report with its provenance: what `renderReport` turns into the
 * standalone file and the site's report pages show. Throws with a one-line reason naming the
 * file, row or field on bad input, and when no row of the portfolio loads.
 *
 * @example
 * const {report, provenance} = await publishReport("book.csv", "data/scenarios/shakeout.json", {model: "tierwise 0.1.0", date: "2025-01-31"});
 */
export async function publishReport(
  portfolioPath: string,
  scenarioPath: string,
  {
    referencePath = defaultReferencePath(scenarioPath),
    futures = 5000,
    seed = 1,
    portfolioName,
    sample = false,
    currency,
    model,
    date,
    onProgress = () => {},
    onSimulation,
    cache,
    accountFutures = Infinity,
    workers = 1
  }: PublishReportOptions
): Promise<PublishedReport> {
  checkCurrency(currency);
  const main = await readScenarioFile(scenarioPath);
  const reference = referencePath === null ? null : await readScenarioFile(referencePath);
  // A book whose every simulation this report needs is cached is not loaded again: its summary,
  // kept beside the cache, holds all the report takes from it.
  const key = cache ? await portfolioCacheKey(portfolioPath, undefined).catch(() => null) : null;
  let book = cache && key ? await readBookSummary(cache, key) : null;
  const trialsFor = (active: number) =>
    futures * active > accountFutures
      ? Math.min(futures, Math.max(100, Math.floor(accountFutures / active / 50) * 50))
      : futures;
  let portfolio: PortfolioFile | null = null;
  if (book && cache) {
    const active = book.industries.reduce((n, [, count]) => n + count, 0);
    const trials = trialsFor(active);
    const asOf = main.scenario.asOf ?? book.latest;
    const mainKey = await simulationCacheKey(book.sha256, main.scenario, {trials, seed, asOf});
    // The reference runs on the main scenario's year, which the main simulation returns as asOf.
    const first = await readSimulationCache(cache, mainKey);
    const second =
      first && reference
        ? await readSimulationCache(
            cache,
            await simulationCacheKey(book.sha256, reference.scenario, {trials, seed, asOf: first.asOf})
          )
        : null;
    if (!first || (reference && !second)) book = null;
  }
  if (!book) {
    portfolio = await readLoadedPortfolio(portfolioPath, onProgress, cache);
    book = bookSummary({...portfolio, sha256: portfolio.sha256 ?? nodeDigest(portfolio.accounts)});
    if (cache && key)
      await writeBookSummary(cache, key, book).catch((error: Error) =>
        onProgress(`${book!.name}: summary not cached (${error.message})`)
      );
  } else
    onProgress(`${book.name}: summary read from the build's cache (${book.loaded.toLocaleString("en-US")} accounts)`);
  const summary = book;
  const sha256 = summary.sha256;
  // Only each active account's industry is read from here on (see scenarioReportOf).
  const active: {industry: string}[] = portfolio
    ? portfolio.accounts.filter((a) => a.exitYear === null)
    : summary.industries.flatMap(([industry, count]) => new Array<{industry: string}>(count).fill({industry}));
  const trials = trialsFor(active.length);
  onProgress(
    `Simulating ${trials.toLocaleString("en-US")} futures of ${active.length.toLocaleString("en-US")} active accounts${workers > 1 ? ` on ${workers} threads` : ""}…`
  );
  const pool = workers > 1 ? new SimulationPool({workers}) : null;
  const runs = reference ? 2 : 1;
  const simulate = async (scenario: Scenario, k: number, asOf?: number): Promise<CachedSimulation> => {
    const key = cache ? await simulationCacheKey(sha256, scenario, {trials, seed, asOf}) : null;
    const cached = cache && key ? await readSimulationCache(cache, key) : null;
    if (cached) {
      onProgress(`${scenario.name}: simulation read from the build's cache`);
      onSimulation?.((k + 1) / runs);
      return cached;
    }
    const options = {
      trials,
      seed,
      ...(asOf === undefined ? {} : {asOf}),
      ...(onSimulation ? {onProgress: (done: number) => onSimulation((k + done) / runs)} : {})
    };
    // A cache miss always reads the book (see above).
    const accounts = portfolio?.accounts ?? [];
    const result = pool
      ? await pool.simulate(accounts, scenario, options)
      : simulatePortfolio(accounts, scenario, options);
    if (cache && key)
      await writeSimulationCache(cache, key, result).catch((error: Error) =>
        onProgress(`${scenario.name}: simulation not cached (${error.message})`)
      );
    return result;
  };
  let report: ScenarioReport;
  try {
    // The year as simulatePortfolio takes it by default, named, so the cache key of a scenario is
    // the same whether it is simulated first or as another's reference.
    const first = await simulate(main.scenario, 0, main.scenario.asOf ?? summary.latest);
    const second = reference ? await simulate(reference.scenario, 1, first.asOf) : null;
    report = scenarioReportOf(
      active,
      {scenario: main.scenario, simulation: first},
      reference && second ? {scenario: reference.scenario, simulation: second} : null
    );
  } finally {
    await pool?.close();
  }
  const provenance = provenanceOf(summary, main, {portfolioName, sample, currency, model, date});
  if (trials < futures)
    provenance.note = `This book has ${active.length.toLocaleString("en-US")} active accounts, so this report runs ${trials.toLocaleString("en-US")} simulated futures instead of ${futures.toLocaleString("en-US")}, to be built in about a minute: its Monte Carlo error is larger than a ${futures.toLocaleString("en-US")}-future report's (see the caveats). The command line runs as many as asked.`;
  return {report, provenance, portfolio, book: summary};
}

/** A portfolio file read, failing with the first rejected row's reason when no row loads. */
async function readLoadedPortfolio(
  path: string,
  onProgress: (message: string) => void,
  cache?: string
): Promise<PortfolioFile> {
  const portfolio = await readPortfolioFile(path, {onProgress, ...(cache === undefined ? {} : {cache})});
  if (portfolio.accounts.length === 0) {
    const first = portfolio.rejected[0];
    throw new Error(
      first ? `${portfolio.name}: no row loads; row ${first.row}: ${first.reason}` : `${portfolio.name}: no data rows`
    );
  }
  return portfolio;
}

/** Refuses a currency that is not an ISO 4217 code before any work is done. */
function checkCurrency(currency: string | undefined): void {
  const problem = currency === undefined ? null : currencyProblem(currency);
  if (problem) throw new RangeError(`currency: ${problem}`);
}

function provenanceOf(
  portfolio: Pick<BookSummary, "name" | "rows" | "rejectedRows" | "sha256">,
  scenario: ScenarioFile,
  {
    portfolioName,
    sample,
    currency = "USD",
    model,
    date
  }: {portfolioName: string | undefined; sample: boolean; currency?: string | undefined; model: string; date: string}
): ReportProvenance {
  return {
    portfolio: {
      name: portfolioName ?? portfolio.name,
      sample,
      rows: portfolio.rows,
      rejectedRows: portfolio.rejectedRows,
      sha256: portfolio.sha256,
      currency
    },
    scenarioSource: `${scenario.name} (SHA-256 ${scenario.sha256.slice(0, 12)})`,
    model,
    date
  };
}

/** Options of {@link publishAllocation}. */
export interface PublishAllocationOptions extends PublishOptions {
  /** Heads to place. */
  heads: number;
  /** Futures for the risk figures; default the book's, as the Allocate page chooses them (see allocationScale). */
  futures?: number;
  /** Heads move in steps of this size; default the book's, as the Allocate page chooses it (see allocationScale). */
  step?: number;
  /** Expected NPV (the default) or the risk-averse objective, as on the Allocate page. */
  objective?: AllocationObjective;
  /** Least and most heads per account of a tier; default every account from 0 to the response's most heads. */
  perTier?: Partial<Record<Tier, {min?: number; max?: number}>>;
  /** Called with the share of the allocation done, 0 to 1. */
  onAllocation?: (done: number) => void;
}

/** An allocation report made in Node, with what it was made from. */
export interface PublishedAllocation {
  report: AllocationReport;
  provenance: ReportProvenance;
  portfolio: PortfolioFile;
}

/**
 * Reads a portfolio file and a scenario file and allocates `heads` sales heads over the active
 * accounts (allocateHeads with the Allocate page's defaults: the book's step and futures, expected
 * NPV, every account from 0 to the response's most heads), returning the report with its provenance: what
 * `renderAllocationReport` turns into the standalone file. Throws with a one-line reason naming
 * the file, row or field on bad input.
 *
 * @example
 * const {report} = await publishAllocation("book.csv", "data/scenarios/baseline.json", {heads: 800, model: "tierwise 0.1.0", date: "2025-01-31"});
 */
export async function publishAllocation(
  portfolioPath: string,
  scenarioPath: string,
  {
    heads,
    futures: futuresGiven,
    step: stepGiven,
    seed = 1,
    objective,
    perTier,
    portfolioName,
    sample = false,
    currency,
    model,
    date,
    onProgress = () => {},
    onAllocation
  }: PublishAllocationOptions
): Promise<PublishedAllocation> {
  checkCurrency(currency);
  const main = await readScenarioFile(scenarioPath);
  const portfolio = await readLoadedPortfolio(portfolioPath, onProgress);
  // The grid the Allocate page would choose for this book, unless told otherwise.
  const scale = allocationScale(
    portfolio.accounts.reduce((n, a) => n + (a.exitYear === null ? 1 : 0), 0),
    {
      maxHeads: (main.scenario.response ?? defaultEffortResponse).maxHeads
    }
  );
  const futures = futuresGiven ?? scale.trials;
  const step = stepGiven ?? scale.step;
  onProgress(
    `Allocating ${heads.toLocaleString("en-US")} heads over the active accounts of ${portfolio.accounts.length.toLocaleString("en-US")}, ${futures.toLocaleString("en-US")} futures, in steps of ${step} heads…`
  );
  const report = allocationReport(portfolio.accounts, main.scenario, {
    heads,
    trials: futures,
    step,
    seed,
    ...(objective === undefined ? {} : {objective}),
    ...(perTier === undefined ? {} : {perTier}),
    ...(onAllocation ? {onProgress: onAllocation} : {})
  });
  return {
    report,
    provenance: provenanceOf({...portfolio, sha256: portfolio.sha256 ?? nodeDigest(portfolio.accounts)}, main, {
      portfolioName,
      sample,
      currency,
      model,
      date
    }),
    portfolio
  };
}
