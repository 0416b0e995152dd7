// The command line: `tierwise report|simulate|allocate --portfolio FILE --scenario FILE [options]`, on the
// same reader and model as the site. Node only.
import {readFileSync} from "node:fs";
import {writeFile} from "node:fs/promises";
import {parseArgs} from "node:util";
import type {AllocationObjective} from "../allocation/allocateHeads.js";
import type {AllocationReport} from "../report/allocationReport.js";
import {renderAllocationReport} from "../report/renderAllocationReport.js";
import {renderReport, type ReportProvenance} from "../report/renderReport.js";
import type {ReportTier} from "../report/scenarioReport.js";
import type {Tier} from "../tiering/tiers.js";
import type {PortfolioFile} from "./readPortfolioFile.js";
import {publishAllocation, publishReport} from "./publishReport.js";
import {currencyProblem} from "../text/currency.js";

const usage = `usage: tierwise report|simulate|allocate --portfolio FILE --scenario FILE [--reference FILE|none] [--heads N] [--futures N] [--seed S] [--currency CODE] [--out FILE]

  report    writes the report as one standalone HTML file (to --out, else to standard output)
  simulate  writes the simulated outcome of each tier and of the total as JSON
  allocate  places --heads N sales heads where they earn most: the standalone HTML allocation
            report with --out FILE.html, else JSON
            --risk-weight W (0 to 5; default 0, expected NPV) maximises expected NPV less W times
            the shortfall of the worst --worst-share P percent of futures (1 to 50, default 10);
            --tier-heads T=MIN:MAX (repeatable) bounds the heads of each account of tier T,
            e.g. --tier-heads S=1:6 --tier-heads C=:0.5; --step H moves heads in steps of H
            (default the book's, as the Allocate page: 0.25, coarser on books of over about
            60,000 active accounts)
  --futures simulated futures, 1 to 100000 (default 5000; for allocate the book's, as the
            Allocate page: 1000, fewer on books of over 100,000 active accounts); --seed a positive
            integer (default 1)
  --reference the scenario to set against (default baseline.json beside the scenario, or
            shakeout.json for the baseline itself; "none" for no reference)
  --currency the ISO 4217 code of the book's money, such as CNY (default USD): amounts are named
            in it, never converted, and the scenario's costs are taken to be in it too
Bad input exits with status 2 and a one-line reason.`;

/** Bad input: the command exits with status 2 and this one-line message. */
class InputError extends Error {}

const integer = (text: string | undefined, name: string, fallback: number, max: number) => {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!(Number.isInteger(n) && n >= 1 && n <= max))
    throw new InputError(`--${name}: must be an integer from 1 to ${max}, got ${JSON.stringify(text)}`);
  return n;
};

/** The outcome of a tier as JSON: its draws summarised, no arrays of thousands of values. */
function tierJson(t: ReportTier) {
  return {
    accounts: t.accounts,
    heads: t.heads,
    npv: t.npv,
    standardError: t.standardError,
    probabilityPositive: t.probabilityPositive,
    probabilityPayback: t.probabilityPayback,
    investment: t.investment,
    wastedBeforeFirstOrder: t.wastedBeforeFirstOrder,
    wastedBeforePayback: t.wastedBeforePayback,
    breakEvenSurvival: t.breakEvenSurvival,
    equivalentSurvival: t.verdict.equivalentSurvival,
    verdict: t.verdict.rating
  };
}

const portfolioJson = ({portfolio}: ReportProvenance) => ({
  name: portfolio.name,
  rows: portfolio.rows,
  loaded: portfolio.rows - portfolio.rejectedRows,
  rejected: portfolio.rejectedRows,
  sha256: portfolio.sha256,
  currency: portfolio.currency ?? "USD"
});

/** An allocation as JSON: its figures, tiers, queue and frontier; not one row per account. */
function allocationJson(report: AllocationReport, provenance: ReportProvenance) {
  const a = report.allocation;
  return {
    scenario: report.scenario.name,
    portfolio: portfolioJson(provenance),
    heads: report.heads,
    futures: a.trials,
    step: a.step,
    seed: a.seed,
    asOf: a.asOf,
    horizon: report.horizon,
    model: provenance.model,
    method: a.method,
    gap: a.gap,
    allocated: a.total,
    today: a.baselines.current,
    equalPerTier: a.baselines.equalPerTier,
    proportionalToRevenue: a.baselines.proportionalToRevenue,
    leftOnTable: a.leftOnTable,
    bounds: a.bounds,
    risk: a.risk,
    tiers: a.tiers,
    nextHeads: a.nextHeads,
    fewerHeads: a.fewerHeads,
    frontier: a.frontier
  };
}

/** The objective and per-tier bounds of `tierwise allocate`, from its options. */
function allocationOptions(values: {"risk-weight"?: string; "worst-share"?: string; "tier-heads"?: string[]}): {
  objective?: AllocationObjective;
  perTier?: Partial<Record<Tier, {min?: number; max?: number}>>;
} {
  const number = (text: string, name: string, min: number, max: number) => {
    const n = Number(text);
    if (!(text.trim() !== "" && Number.isFinite(n) && n >= min && n <= max))
      throw new InputError(`--${name}: must be a number from ${min} to ${max}, got ${JSON.stringify(text)}`);
    return n;
  };
  const weight = values["risk-weight"] === undefined ? 0 : number(values["risk-weight"], "risk-weight", 0, 5);
  const share = values["worst-share"] === undefined ? 10 : number(values["worst-share"], "worst-share", 1, 50);
  if (weight === 0 && values["worst-share"] !== undefined)
    throw new InputError("--worst-share: applies only with a --risk-weight above 0");
  const perTier: Partial<Record<Tier, {min?: number; max?: number}>> = {};
  for (const text of values["tier-heads"] ?? []) {
    const match = /^([SABC])=([^:]*):([^:]*)$/.exec(text.trim());
    if (!match)
      throw new InputError(
        `--tier-heads: expected TIER=MIN:MAX with TIER one of S, A, B, C, got ${JSON.stringify(text)}`
      );
    const tier = match[1] as Tier;
    if (perTier[tier]) throw new InputError(`--tier-heads: tier ${tier} is given twice`);
    const bound = (part: string, name: string) =>
      part.trim() === "" ? {} : {[name]: number(part, "tier-heads", 0, 1000)};
    const bounds: {min?: number; max?: number} = {...bound(match[2]!, "min"), ...bound(match[3]!, "max")};
    if (bounds.min !== undefined && bounds.max !== undefined && bounds.min > bounds.max)
      throw new InputError(`--tier-heads: tier ${tier}'s least heads, ${bounds.min}, is above its most, ${bounds.max}`);
    perTier[tier] = bounds;
  }
  return {
    ...(weight > 0 ? {objective: {cvar: {alpha: share / 100, weight}}} : {}),
    ...(Object.keys(perTier).length > 0 ? {perTier} : {})
  };
}

function listRejected(portfolio: PortfolioFile, stderr: NodeJS.WritableStream) {
  for (const r of portfolio.rejected.slice(0, 5))
    stderr.write(`${portfolio.name}: row ${r.row}: ${r.reason} (rejected)\n`);
  if (portfolio.rejectedRows > 5) stderr.write(`${portfolio.name}: ${portfolio.rejectedRows - 5} more rows rejected\n`);
}

/** Runs the command line on `argv` (without node and the script); resolves to the exit status. */
export async function main(argv: string[], {stdout = process.stdout, stderr = process.stderr} = {}): Promise<number> {
  try {
    let parsed;
    try {
      parsed = parseArgs({
        args: argv,
        allowPositionals: true,
        options: {
          portfolio: {type: "string"},
          scenario: {type: "string"},
          reference: {type: "string"},
          futures: {type: "string"},
          seed: {type: "string"},
          heads: {type: "string"},
          step: {type: "string"},
          "risk-weight": {type: "string"},
          "worst-share": {type: "string"},
          "tier-heads": {type: "string", multiple: true},
          out: {type: "string"},
          currency: {type: "string"},
          help: {type: "boolean", short: "h"}
        }
      });
    } catch (error) {
      throw new InputError((error as Error).message.split("\n")[0]!);
    }
    const {values, positionals} = parsed;
    if (values.help) {
      stdout.write(`${usage}\n`);
      return 0;
    }
    const command = positionals[0];
    if (command !== "report" && command !== "simulate" && command !== "allocate")
      throw new InputError(
        command === undefined
          ? "no command: report, simulate or allocate"
          : `unknown command ${JSON.stringify(command)}: report, simulate or allocate`
      );
    if (positionals.length > 1) throw new InputError(`unexpected argument ${JSON.stringify(positionals[1])}`);
    if (!values.portfolio) throw new InputError("--portfolio FILE is required");
    if (!values.scenario) throw new InputError("--scenario FILE is required");
    if (command === "allocate" && values.reference !== undefined)
      throw new InputError("--reference: allocate sets no scenario against another");
    for (const option of ["heads", "step", "risk-weight", "worst-share", "tier-heads"] as const)
      if (command !== "allocate" && values[option] !== undefined)
        throw new InputError(`--${option}: only allocate places heads`);
    let heads = 0;
    if (command === "allocate") {
      if (values.heads === undefined) throw new InputError("--heads N is required");
      heads = Number(values.heads);
      if (!(values.heads.trim() !== "" && Number.isFinite(heads) && heads >= 0 && heads <= 10_000_000))
        throw new InputError(`--heads: must be a number from 0 to 10000000, got ${JSON.stringify(values.heads)}`);
    }
    let step: number | undefined;
    if (values.step !== undefined) {
      step = Number(values.step);
      if (!(values.step.trim() !== "" && Number.isFinite(step) && step > 0 && step <= 100))
        throw new InputError(`--step: must be a number above 0 and at most 100, got ${JSON.stringify(values.step)}`);
    }
    const currencyIssue = values.currency === undefined ? null : currencyProblem(values.currency);
    if (currencyIssue) throw new InputError(`--currency: ${currencyIssue}`);
    const currency = values.currency === undefined ? {} : {currency: values.currency};
    const futures = integer(values.futures, "futures", 5000, 100_000);
    const seed = integer(values.seed, "seed", 1, 2147483647);
    const {version} = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf-8")) as {
      version: string;
    };
    const epoch = process.env.SOURCE_DATE_EPOCH;
    const date = (epoch ? new Date(Number(epoch) * 1000) : new Date()).toISOString().slice(0, 10);
    const started = Date.now();
    let shown = -1;
    // A line every tenth, after the first second: short runs stay quiet.
    const progress = (verb: string) => (done: number) => {
      const tenth = Math.floor(done * 10);
      if (tenth > shown && Date.now() - started > 1000) {
        shown = tenth;
        stderr.write(`${verb} ${tenth * 10}%\n`);
      }
    };
    const onProgress = (message: string) => void stderr.write(`${message}\n`);
    let text: string;
    if (command === "allocate") {
      const {report, provenance, portfolio} = await publishAllocation(values.portfolio, values.scenario, {
        heads,
        // Unless given, the book's futures and step, as the Allocate page chooses them.
        ...(values.futures === undefined ? {} : {futures}),
        ...(step === undefined ? {} : {step}),
        seed,
        ...allocationOptions(values),
        ...currency,
        model: `tierwise ${version}`,
        date,
        onProgress,
        onAllocation: progress("allocated")
      });
      listRejected(portfolio, stderr);
      text = values.out?.toLowerCase().endsWith(".html")
        ? renderAllocationReport(report, provenance)
        : `${JSON.stringify(allocationJson(report, provenance), null, 2)}\n`;
    } else {
      const {report, provenance, portfolio} = await publishReport(values.portfolio, values.scenario, {
        ...(values.reference === undefined
          ? {}
          : {referencePath: values.reference === "none" ? null : values.reference}),
        futures,
        seed,
        ...currency,
        model: `tierwise ${version}`,
        date,
        onProgress,
        onSimulation: progress("simulated")
      });
      // Without a cache the book is always read.
      if (portfolio) listRejected(portfolio, stderr);
      text =
        command === "report"
          ? renderReport(report, provenance)
          : `${JSON.stringify(
              {
                scenario: report.scenario.name,
                reference: report.reference?.name ?? null,
                portfolio: portfolioJson(provenance),
                futures: report.trials,
                seed: report.seed,
                asOf: report.asOf,
                horizon: report.horizon,
                model: provenance.model,
                tiers: Object.fromEntries(report.tiers.map((t) => [t.tier, tierJson(t)])),
                total: tierJson(report.total)
              },
              null,
              2
            )}\n`;
    }
    if (values.out) {
      await writeFile(values.out, text);
      stderr.write(`wrote ${values.out}\n`);
    } else stdout.write(text);
    return 0;
  } catch (error) {
    // One line: the reason names the file and, where there is one, the row and field.
    const message = (error instanceof Error ? error.message : String(error)).split("\n")[0];
    stderr.write(`tierwise: ${message}\n`);
    if (error instanceof InputError) stderr.write(`${usage.split("\n")[0]}\n`);
    return 2;
  }
}
