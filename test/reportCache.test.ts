import {
  appendFileSync,
  copyFileSync,
  readdirSync,
  readFileSync,
  truncateSync,
  utimesSync,
  writeFileSync
} from "node:fs";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {DuckDBInstance} from "@duckdb/node-api";
import {describe, expect, it, vi} from "vitest";
import {tempFolder} from "./tempFolder.js";
import {
  ingestRows,
  parseDelimited,
  parseScenario,
  portfolioDigest,
  renderReport,
  scenarioReport,
  simulatePortfolio
} from "tierwise";
import {
  bookSummary,
  nodeDigest,
  portfolioCacheKey,
  readBookSummary,
  writeBookSummary,
  publishReport,
  readPortfolioFile,
  readSimulationCache,
  simulationCacheKey,
  writePortfolioCache,
  writeSimulationCache
} from "tierwise/node";

const root = fileURLToPath(new URL("../", import.meta.url));
const samplePath = join(root, "data/sample-portfolio.csv");
const sample = (() => {
  const {header, rows} = parseDelimited(readFileSync(samplePath, "utf-8"));
  return ingestRows(header, rows);
})();
const shakeoutPath = join(root, "data/scenarios/shakeout.json");
const shakeout = parseScenario(readFileSync(shakeoutPath, "utf-8"));
const baseline = parseScenario(readFileSync(join(root, "data/scenarios/baseline.json"), "utf-8"));
const folder = () => tempFolder("tierwise-cache-");

/** The sample with one row whose wallet cannot be read, in a folder of its own. */
function book(): string {
  const path = join(folder(), "book.csv");
  copyFileSync(samplePath, path);
  const first = readFileSync(samplePath, "utf-8").split("\n")[1]!.split(",");
  first[0] = "ACC-BAD";
  first[7] = "lots";
  appendFileSync(path, `${first.join(",")}\n`);
  return path;
}

const read = async (path: string, cache: string) => {
  const messages: string[] = [];
  const portfolio = await readPortfolioFile(path, {cache, onProgress: (m) => messages.push(m)});
  return {portfolio, messages};
};

describe("the build's cache", () => {
  it("nodeDigest() is portfolioDigest() on node:crypto: the same digest", () => {
    expect(nodeDigest(sample.accounts)).toBe(portfolioDigest(sample.accounts));
    expect(nodeDigest(sample.accounts).slice(0, 12)).toBe("3022e05ac05a");
    expect(nodeDigest([])).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  });

  it("readPortfolioFile() reads and checks a book once, then loads the same accounts, rejections and digest from the cache", async () => {
    const path = book();
    const cache = folder();
    const first = await read(path, cache);
    expect(first.messages).toEqual(["Reading book.csv (text)…", "Checking 2,001 rows…", "Hashing 2,000 accounts…"]);
    expect(first.portfolio.rejectedRows).toBe(1);
    expect(first.portfolio.rejected[0]!.row).toBe(2002);
    expect(first.portfolio.sha256).toBe(portfolioDigest(first.portfolio.accounts));
    expect(first.portfolio.accounts).toEqual(sample.accounts);
    expect(readdirSync(cache).filter((f) => f.startsWith("portfolio-")).length).toBe(1);
    const second = await read(path, cache);
    expect(second.messages).toEqual(["Read book.csv from the build's cache (2,000 accounts)"]);
    expect(second.portfolio).toEqual(first.portfolio);
  });

  it("ignores a damaged cache file and one of an edited book, and writes them again", async () => {
    const path = book();
    const cache = folder();
    await read(path, cache);
    const [file] = readdirSync(cache);
    truncateSync(join(cache, file!), 1000);
    const damaged = await read(path, cache);
    expect(damaged.messages.at(-1)).toBe("Hashing 2,000 accounts…");
    expect(damaged.portfolio.accounts.length).toBe(2000);
    expect((await read(path, cache)).messages).toEqual(["Read book.csv from the build's cache (2,000 accounts)"]);
    // The book edited: one row fewer rejected, one account more; the old cache file is removed.
    writeFileSync(path, readFileSync(path, "utf-8").replace(",lots,", ",1000000,"));
    const edited = await read(path, cache);
    expect(edited.messages.at(-1)).toBe("Hashing 2,001 accounts…");
    expect(edited.portfolio.rejectedRows).toBe(0);
    expect(edited.portfolio.accounts.at(-1)!.id).toBe("ACC-BAD");
    expect(readdirSync(cache).filter((f) => f.startsWith("portfolio-")).length).toBe(1);
    expect(readdirSync(cache).filter((f) => f.startsWith("summary-")).length).toBeLessThanOrEqual(1);
  });

  it("does not serve the old accounts of a book edited to the same size and modification time", async () => {
    const path = book();
    const cache = folder();
    // A copy that keeps the time (cp -p, an unpacked archive) or an edit within the file system's
    // time resolution: size and time alike, content not.
    utimesSync(path, 1_700_000_000, 1_700_000_000);
    await read(path, cache);
    writeFileSync(path, readFileSync(path, "utf-8").replace(",lots,", ",1234,"));
    utimesSync(path, 1_700_000_000, 1_700_000_000);
    const edited = await read(path, cache);
    expect(edited.messages.at(-1)).toBe("Hashing 2,001 accounts…");
    expect(edited.portfolio.rejectedRows).toBe(0);
    expect(edited.portfolio.accounts.at(-1)!.id).toBe("ACC-BAD");
    expect(edited.portfolio.accounts.at(-1)!.annualWallet).toBe(1234);
  });

  it("two loaders writing the same cache file in the same millisecond both succeed, and the file reads back whole", async () => {
    const path = book();
    const cache = folder();
    const portfolio = await readPortfolioFile(path);
    const digested = {...portfolio, sha256: nodeDigest(portfolio.accounts)};
    const key = await portfolioCacheKey(path, undefined);
    const simulation = simulatePortfolio(sample.accounts, shakeout, {trials: 20, seed: 3});
    const now = vi.spyOn(Date, "now").mockReturnValue(1_700_000_000_000);
    try {
      await Promise.all([
        writePortfolioCache(cache, key, digested),
        writePortfolioCache(cache, key, digested),
        writeSimulationCache(cache, "same", simulation),
        writeSimulationCache(cache, "same", simulation),
        writeBookSummary(cache, key, bookSummary(digested)),
        writeBookSummary(cache, key, bookSummary(digested))
      ]);
    } finally {
      now.mockRestore();
    }
    expect((await read(path, cache)).messages).toEqual(["Read book.csv from the build's cache (2,000 accounts)"]);
    expect((await readSimulationCache(cache, "same"))!.total).toEqual(simulation.total);
    expect(readdirSync(cache).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    expect(await readBookSummary(cache, key)).toEqual(bookSummary(digested));
  });

  it("keeps one summary per book: a newer key of the same path removes the older ones, not another book's", async () => {
    const cache = folder();
    const summary = {
      name: "book.csv",
      rows: 1,
      rejectedRows: 0,
      loaded: 1,
      sha256: "0".repeat(64),
      latest: 2025,
      industries: [["Telecom", 1]] as [string, number][]
    };
    await writeBookSummary(cache, "aaaa-old", summary);
    await writeBookSummary(cache, "bbbb-other", summary);
    await writeBookSummary(cache, "aaaa-new", summary);
    expect(readdirSync(cache).sort()).toEqual(["summary-aaaa-new.json", "summary-bbbb-other.json"]);
    expect(await readBookSummary(cache, "aaaa-new")).toEqual(summary);
    expect(await readBookSummary(cache, "aaaa-old")).toBeNull();
    // The same book validated against two years keeps both.
    const path = book();
    const [latest, year] = await Promise.all([portfolioCacheKey(path, undefined), portfolioCacheKey(path, 2024)]);
    await writeBookSummary(cache, latest, summary);
    await writeBookSummary(cache, year, summary);
    expect(await readBookSummary(cache, latest)).toEqual(summary);
    expect(await readBookSummary(cache, year)).toEqual(summary);
  });

  it("a simulation is cached exactly (typed arrays and all) under a key of the accounts, scenario, futures, seed and year", async () => {
    const cache = folder();
    const options = {trials: 50, seed: 3, asOf: 2025};
    const key = await simulationCacheKey("abc", shakeout, options);
    expect(await simulationCacheKey("abc", shakeout, {...options, seed: 4})).not.toBe(key);
    expect(await simulationCacheKey("abd", shakeout, options)).not.toBe(key);
    expect(await simulationCacheKey("abc", baseline, options)).not.toBe(key);
    expect(await readSimulationCache(cache, key)).toBeNull();
    const result = simulatePortfolio(sample.accounts, shakeout, {trials: 50, seed: 3});
    await writeSimulationCache(cache, key, result);
    const back = await readSimulationCache(cache, key);
    expect(back!.total.npvDraws).toBeInstanceOf(Float64Array);
    expect(back!.tiers).toEqual(result.tiers);
    expect(back!.total).toEqual(result.total);
    writeFileSync(join(cache, `simulation-${key}.bin`), "not v8");
    expect(await readSimulationCache(cache, key)).toBeNull();
  });
});

describe("readPortfolioFile() on Parquet's 64-bit integers", () => {
  /** The CSV as DuckDB writes it to Parquet, inferring BIGINT for its whole-number columns. */
  async function asParquet(csv: string): Promise<string> {
    const path = csv.replace(/\.csv$/, ".parquet");
    const instance = await DuckDBInstance.create(":memory:");
    const connection = await instance.connect();
    try {
      await connection.run(`COPY (SELECT * FROM read_csv('${csv}')) TO '${path}' (FORMAT parquet)`);
      const types = await connection.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet('${path}')`);
      expect(
        types
          .getRowsJS()
          .filter((r) => r[1] === "BIGINT")
          .map((r) => r[0])
      ).toEqual(["foundedYear", "firstYear", "exitYear", "annualWallet", "annualRevenue"]);
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
    return path;
  }

  it("reads them as numbers where every value reads alike, and loads and rejects the rows the CSV does", async () => {
    const csv = join(folder(), "book.csv");
    copyFileSync(samplePath, csv);
    const parquet = await readPortfolioFile(await asParquet(csv));
    expect(parquet.accounts).toEqual(sample.accounts);
    // A founding year of 999 and a wallet beyond a double's integers: those columns stay exact text,
    // so the rows load or are rejected, and for the same reasons, as in the CSV.
    const odd = join(folder(), "odd.csv");
    const [head, first, second, ...rest] = readFileSync(samplePath, "utf-8").trimEnd().split("\n");
    const a = first!.split(",");
    a[4] = "999";
    const b = second!.split(",");
    b[7] = "90071992547409930";
    writeFileSync(odd, [head, a.join(","), b.join(","), ...rest].join("\n") + "\n");
    const fromCsv = await readPortfolioFile(odd);
    const fromParquet = await readPortfolioFile(await asParquet(odd));
    expect(fromCsv.rejected.map((r) => r.column)).toEqual(["foundedYear"]);
    expect(fromCsv.accounts[0]!.annualWallet).toBe(Number("90071992547409930"));
    // Parquet numbers its data rows from 1, a CSV by its lines (the header is line 1).
    expect(fromParquet.rejected).toEqual(fromCsv.rejected.map((r) => ({...r, row: r.row - 1})));
    expect(fromParquet.accounts).toEqual(fromCsv.accounts);
  });
});

describe("publishReport() on a big book", () => {
  const options = {model: "tierwise test", date: "2025-01-01"};

  it("simulates each scenario once per cache, on threads or not, to the same report", async () => {
    const cache = folder();
    const messages: string[] = [];
    const first = await publishReport(samplePath, shakeoutPath, {...options, futures: 100, cache, workers: 2});
    const again = await publishReport(samplePath, shakeoutPath, {
      ...options,
      futures: 100,
      cache,
      onProgress: (m) => messages.push(m)
    });
    expect(messages.filter((m) => m.endsWith("simulation read from the build's cache"))).toEqual([
      "Shakeout: 100 → 50 → 20: simulation read from the build's cache",
      "Baseline: establishment survival: simulation read from the build's cache"
    ]);
    // Every simulation cached: the book itself is not loaded again, only its summary.
    expect(messages[0]).toBe("sample-portfolio.csv: summary read from the build's cache (2,000 accounts)");
    expect(messages.some((m) => m.startsWith("Read sample-portfolio.csv"))).toBe(false);
    expect(first.portfolio?.accounts.length).toBe(2000);
    expect(again.portfolio).toBeNull();
    expect(again.book).toEqual(first.book);
    expect(again.book.industries.reduce((n, [, count]) => n + count, 0)).toBe(1358);
    expect(again.provenance).toEqual(first.provenance);
    // A scenario not yet simulated reads the book again (from the portfolio cache).
    const other = await publishReport(samplePath, shakeoutPath, {...options, futures: 50, cache});
    expect(other.portfolio?.accounts.length).toBe(2000);
    const direct = scenarioReport(sample.accounts, shakeout, {trials: 100, seed: 1, reference: baseline});
    expect(first.report).toEqual(direct);
    expect(again.report).toEqual(direct);
    expect(first.provenance.portfolio.sha256).toBe(portfolioDigest(sample.accounts));
    expect(first.provenance.note).toBeUndefined();
  });

  it("runs fewer futures on a book too big for accountFutures, and the report says so plainly", async () => {
    // 1,358 active accounts × 5,000 futures is over 1,000,000: 700 futures (in blocks of 50) fit.
    const {report, provenance} = await publishReport(samplePath, shakeoutPath, {
      ...options,
      accountFutures: 1_000_000,
      referencePath: null
    });
    expect(report.trials).toBe(700);
    expect(provenance.note).toBe(
      "This book has 1,358 active accounts, so this report runs 700 simulated futures instead of 5,000, to be built in about a minute: its Monte Carlo error is larger than a 5,000-future report's (see the caveats). The command line runs as many as asked."
    );
    const html = renderReport(report, provenance);
    expect(html).toContain(`<p class="tw-note"><strong>Note:</strong> This book has 1,358 active accounts`);
    expect(html).toContain("<li>This book has 1,358 active accounts, so this report runs 700 simulated futures");
  });
});
