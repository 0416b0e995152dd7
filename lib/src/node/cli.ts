// The command line: `tierwise report|simulate --portfolio FILE --scenario FILE [options]`, on the
// same reader and model as the site. Node only.
import {readFileSync} from "node:fs";
import {writeFile} from "node:fs/promises";
import {parseArgs} from "node:util";
import {renderReport} from "../report/renderReport.js";
import type {ReportTier} from "../report/scenarioReport.js";
import {publishReport} from "./publishReport.js";

const usage = `usage: tierwise report|simulate --portfolio FILE --scenario FILE [--reference FILE|none] [--futures N] [--seed S] [--out FILE]

  report    writes the report as one standalone HTML file (to --out, else to standard output)
  simulate  writes the simulated outcome of each tier and of the total as JSON
  --futures simulated futures, 1 to 100000 (default 5000); --seed a positive integer (default 1)
  --reference the scenario to set against (default baseline.json beside the scenario, or
            shakeout.json for the baseline itself; "none" for no reference)
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
          out: {type: "string"},
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
    if (command !== "report" && command !== "simulate")
      throw new InputError(
        command === undefined
          ? "no command: report or simulate"
          : `unknown command ${JSON.stringify(command)}: report or simulate`
      );
    if (positionals.length > 1) throw new InputError(`unexpected argument ${JSON.stringify(positionals[1])}`);
    if (!values.portfolio) throw new InputError("--portfolio FILE is required");
    if (!values.scenario) throw new InputError("--scenario FILE is required");
    const futures = integer(values.futures, "futures", 5000, 100_000);
    const seed = integer(values.seed, "seed", 1, 2147483647);
    const {version} = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf-8")) as {
      version: string;
    };
    const epoch = process.env.SOURCE_DATE_EPOCH;
    const date = (epoch ? new Date(Number(epoch) * 1000) : new Date()).toISOString().slice(0, 10);
    const started = Date.now();
    let shown = -1;
    const {report, provenance, portfolio} = await publishReport(values.portfolio, values.scenario, {
      ...(values.reference === undefined ? {} : {referencePath: values.reference === "none" ? null : values.reference}),
      futures,
      seed,
      model: `tierwise ${version}`,
      date,
      onProgress: (message) => stderr.write(`${message}\n`),
      onSimulation: (done) => {
        // A line every tenth, after the first second: short runs stay quiet.
        const tenth = Math.floor(done * 10);
        if (tenth > shown && Date.now() - started > 1000) {
          shown = tenth;
          stderr.write(`simulated ${tenth * 10}%\n`);
        }
      }
    });
    for (const r of portfolio.rejected.slice(0, 5))
      stderr.write(`${portfolio.name}: row ${r.row}: ${r.reason} (rejected)\n`);
    if (portfolio.rejectedRows > 5)
      stderr.write(`${portfolio.name}: ${portfolio.rejectedRows - 5} more rows rejected\n`);
    const text =
      command === "report"
        ? renderReport(report, provenance)
        : `${JSON.stringify(
            {
              scenario: report.scenario.name,
              reference: report.reference?.name ?? null,
              portfolio: {
                name: provenance.portfolio.name,
                rows: provenance.portfolio.rows,
                loaded: provenance.portfolio.rows - provenance.portfolio.rejectedRows,
                rejected: provenance.portfolio.rejectedRows,
                sha256: provenance.portfolio.sha256
              },
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
