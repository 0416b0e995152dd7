import {spawnSync} from "node:child_process";
import {existsSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {DuckDBInstance} from "@duckdb/node-api";
import {parseScenario, portfolioDigest, simulatePortfolio} from "tierwise";
import {nodeDigest, readPortfolioFile} from "tierwise/node";
import type {Measurement} from "./pageLoad.js";

const root = fileURLToPath(new URL("../", import.meta.url));

/**
 * A Parquet book of `rows` accounts in the temporary folder (made once, then reused): the sample
 * portfolio's rows repeated under new ids, written by DuckDB with the column types it infers.
 */
export async function parquetBook(rows: number): Promise<string> {
  const path = join(tmpdir(), `tierwise-bench-book-${rows}.parquet`);
  if (existsSync(path)) return path;
  const [header, ...lines] = readFileSync(join(root, "data/sample-portfolio.csv"), "utf-8").trim().split("\n");
  const csv = join(tmpdir(), `tierwise-bench-book-${rows}.csv`);
  const out = [header];
  for (let i = 0; i < rows; ++i) out.push(lines[i % lines.length]!.replace(/^ACC-\d+/, `ACC-${i + 1}`));
  writeFileSync(csv, out.join("\n") + "\n");
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  try {
    await connection.run(`COPY (SELECT * FROM read_csv('${csv}')) TO '${path}' (FORMAT parquet)`);
  } finally {
    connection.closeSync();
    instance.closeSync();
    rmSync(csv);
  }
  return path;
}

/**
 * Publishing on a big book: the stages of one report on a 1,000,000-row Parquet book (read,
 * check, hash, simulate 200 futures of one scenario on one thread), then the three report
 * loaders one after the other, as a build runs them: the first reads the book and fills the
 * build's cache, the others read it from there.
 */
export async function publishBench(rows = 1_000_000): Promise<Measurement[]> {
  const book = await parquetBook(rows);
  const results: Measurement[] = [];
  const label = rows.toLocaleString("en-US");
  let mark = performance.now();
  const stages: Record<string, number> = {};
  const portfolio = await readPortfolioFile(book, {
    onProgress: (message) => {
      const now = performance.now();
      if (message.startsWith("Checking")) stages.read = now - mark;
      mark = now;
    }
  });
  stages.check = performance.now() - mark;
  results.push({name: `${label}-row Parquet: read`, value: Math.round(stages.read ?? NaN), unit: "ms"});
  results.push({name: `${label}-row Parquet: check`, value: Math.round(stages.check), unit: "ms"});
  let started = performance.now();
  portfolioDigest(portfolio.accounts);
  results.push({
    name: `${label} accounts: hash, pure-JS SHA-256`,
    value: Math.round(performance.now() - started),
    unit: "ms"
  });
  started = performance.now();
  nodeDigest(portfolio.accounts);
  results.push({
    name: `${label} accounts: hash, node:crypto`,
    value: Math.round(performance.now() - started),
    unit: "ms"
  });
  const baseline = parseScenario(readFileSync(join(root, "data/scenarios/baseline.json"), "utf-8"));
  started = performance.now();
  simulatePortfolio(portfolio.accounts, baseline, {trials: 200, seed: 1});
  results.push({
    name: `${label} accounts: simulate 200 futures, 1 thread`,
    value: Math.round(performance.now() - started),
    unit: "ms"
  });
  // As a build runs them: one after the other, on a cache folder of their own, empty at first.
  const cache = join(tmpdir(), `tierwise-bench-cache-${process.pid}`);
  try {
    for (const scenario of ["baseline", "regulated", "shakeout"]) {
      started = performance.now();
      const run = spawnSync(
        process.execPath,
        ["--import", "tsx", join(root, "src/data/reports/[scenario].json.ts"), `--scenario=${scenario}`],
        {
          cwd: root,
          encoding: "utf-8",
          maxBuffer: 1 << 28,
          env: {...process.env, TIERWISE_PORTFOLIO: book, TIERWISE_CACHE: cache}
        }
      );
      if (run.status !== 0) throw new Error(`report ${scenario}: ${run.stderr}`);
      results.push({
        name: `${label}-row Parquet: report loader ${scenario}`,
        value: Math.round(performance.now() - started),
        unit: "ms"
      });
    }
  } finally {
    rmSync(cache, {recursive: true, force: true});
  }
  return results;
}
