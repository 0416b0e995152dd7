// Node only: a report on a portfolio file and a scenario file, as the site's report pages and the
// command line make it.
import {createHash} from "node:crypto";
import {existsSync} from "node:fs";
import {readFile} from "node:fs/promises";
import {basename, dirname, join} from "node:path";
import {portfolioDigest} from "../report/portfolioDigest.js";
import type {ReportProvenance} from "../report/renderReport.js";
import {scenarioReport, type ScenarioReport} from "../report/scenarioReport.js";
import {parseScenario} from "../scenario/parseScenario.js";
import type {Scenario} from "../scenario/scenario.js";
import {readPortfolioFile, type PortfolioFile} from "./readPortfolioFile.js";

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

/** Options of {@link publishReport}. */
export interface PublishReportOptions {
  /** The reference scenario's file; default {@link defaultReferencePath}; null for none. */
  referencePath?: string | null;
  futures?: number;
  seed?: number;
  /** The portfolio's name in the report; default the file's name. */
  portfolioName?: string;
  /** True for the sample portfolio that ships with Tierwise. */
  sample?: boolean;
  /** The model's name and version, "tierwise 0.1.0". */
  model: string;
  /** YYYY-MM-DD. */
  date: string;
  onProgress?: (message: string) => void;
  /** Called with the share of the simulation done, 0 to 1. */
  onSimulation?: (done: number) => void;
}

/** A report made in Node, with what it was made from. */
export interface PublishedReport {
  report: ScenarioReport;
  provenance: ReportProvenance;
  portfolio: PortfolioFile;
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
    model,
    date,
    onProgress = () => {},
    onSimulation
  }: PublishReportOptions
): Promise<PublishedReport> {
  const main = await readScenarioFile(scenarioPath);
  const reference = referencePath === null ? null : await readScenarioFile(referencePath);
  const portfolio = await readPortfolioFile(portfolioPath, {onProgress});
  if (portfolio.accounts.length === 0) {
    const first = portfolio.rejected[0];
    throw new Error(
      first ? `${portfolio.name}: no row loads; row ${first.row}: ${first.reason}` : `${portfolio.name}: no data rows`
    );
  }
  onProgress(
    `Simulating ${futures.toLocaleString("en-US")} futures of ${portfolio.accounts.length.toLocaleString("en-US")} accounts…`
  );
  const report = scenarioReport(portfolio.accounts, main.scenario, {
    trials: futures,
    seed,
    ...(reference ? {reference: reference.scenario} : {}),
    ...(onSimulation ? {onProgress: onSimulation} : {})
  });
  const provenance: ReportProvenance = {
    portfolio: {
      name: portfolioName ?? portfolio.name,
      sample,
      rows: portfolio.rows,
      rejectedRows: portfolio.rejectedRows,
      sha256: portfolioDigest(portfolio.accounts)
    },
    scenarioSource: `${main.name} (SHA-256 ${main.sha256.slice(0, 12)})`,
    model,
    date
  };
  return {report, provenance, portfolio};
}
