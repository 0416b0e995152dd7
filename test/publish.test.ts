import {copyFileSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {parquetWriteFile} from "hyparquet-writer";
import {describe, expect, it} from "vitest";
import {runCli} from "./runCli.js";
import {tempFolder} from "./tempFolder.js";
import {
  accountFields,
  escapeMarkup,
  formatMoney,
  formatNumber,
  ingestRows,
  niceTicks,
  parseDelimited,
  parseScenario,
  portfolioDigest,
  renderReport,
  reportTables,
  scenarioReport,
  sha256,
  version,
  type ReportProvenance
} from "tierwise";
import {readPortfolioFile} from "tierwise/node";

const root = fileURLToPath(new URL("../", import.meta.url));
const read = (path: string) => readFileSync(join(root, path), "utf-8");
const samplePath = join(root, "data/sample-portfolio.csv");
const {header, rows} = parseDelimited(read("data/sample-portfolio.csv"));
const sample = ingestRows(header, rows);
const shakeout = parseScenario(read("data/scenarios/shakeout.json"));
const baseline = parseScenario(read("data/scenarios/baseline.json"));

describe("report building blocks", () => {
  it("sha256() gives FIPS 180-4's digests, across blocks and for text beyond ASCII", () => {
    expect(sha256().update("abc").hex()).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(sha256().update("").hex()).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(sha256().update("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq").hex()).toBe(
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
    );
    // `printf '人效 ✓' | sha256sum`, in two updates
    expect(sha256().update("人效").update(" ✓").hex()).toBe(
      "2cdbd9a341f7de3a42c22e4d47912999c70f1276e5e033a984ad3f4326f7f2ae"
    );
  });

  it("niceTicks() steps by 1, 2 or 5 times a power of ten and escapeMarkup() leaves no markup", () => {
    expect(niceTicks(-3.2, 11, 5)).toEqual([-2, 0, 2, 4, 6, 8, 10]);
    expect(niceTicks(0, 1, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(0, 450, 3)).toEqual([0, 200, 400]);
    expect(escapeMarkup(`<img src=x onerror="a()">&'`)).toBe("&lt;img src=x onerror=&quot;a()&quot;&gt;&amp;&#39;");
  });

  it("portfolioDigest() hashes the accounts' CSV, the same in slices as whole", () => {
    const names = accountFields.map((f) => f.name);
    const csv = [names.join(","), ...sample.accounts.map((a) => names.map((n) => a[n] ?? "").join(","))].join("\n");
    expect(sample.accounts.length).toBe(2000);
    expect(portfolioDigest(sample.accounts)).toBe(sha256().update(`${csv}\n`).hex());
  });
});

const provenance: ReportProvenance = {
  portfolio: {name: "<b>book</b>.csv", sample: false, rows: 2001, rejectedRows: 1, sha256: "0123456789abcdef"},
  scenarioSource: "shakeout.json",
  model: `tierwise ${version}`,
  date: "2025-01-31"
};

describe("renderReport()", () => {
  const report = scenarioReport(
    sample.accounts,
    {...shakeout, name: `Shakeout <script>alert(1)</script>`},
    {
      trials: 200,
      seed: 1,
      reference: baseline
    }
  );
  const html = renderReport(report, provenance);

  it("writes one file with no script, nothing to fetch, and the user's text escaped", () => {
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\bsrc=|\bhref=|url\(/i);
    expect(html).toContain("<h1>Shakeout &lt;script&gt;alert(1)&lt;/script&gt;: which tiers deserve");
    expect(html).toContain("&lt;b&gt;book&lt;/b&gt;.csv: 2,001 rows, 2,000 loaded and 1 rejected");
    expect(html.match(/<svg /g)!.length).toBe(4);
    expect(html).toContain("@media print");
    expect(renderReport(report, provenance)).toBe(html);
  });

  it("states its provenance: file, rows, hash, scenario, futures, seed, version and date", () => {
    const section = html.slice(html.indexOf('<h2 id="provenance">'), html.indexOf('<h2 id="caveats">'));
    const text = section.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
    expect(text).toContain("Content hash 0123456789ab (SHA-256 of the loaded accounts)");
    expect(text).toContain("from shakeout.json; reference “Baseline: establishment survival”");
    expect(text).toContain("Simulation 200 futures, seed 1, 10 years from 2025");
    expect(text).toContain(`Model tierwise ${version}`);
    expect(text).toContain("Computed 2025-01-31");
  });

  it("shows every table's cells as reportTables() formats them", () => {
    const {byTier} = reportTables(report);
    const S = byTier.rows[0]!;
    expect(S.tier).toBe("S");
    expect(S["mean NPV"]).toBe(report.tiers[0]!.npv.mean);
    const cells = byTier.columns.map(
      (c) =>
        `<td${typeof S[c] === "number" ? ' class="tw-number"' : ""}>${escapeMarkup(byTier.format[c] ? byTier.format[c](S[c] ?? null) : String(S[c]))}</td>`
    );
    expect(html).toContain(`<tr>${cells.join("")}</tr>`);
  });

  it("version is lib/package.json's", () => {
    expect(version).toBe(JSON.parse(read("lib/package.json")).version);
  });

  it("names every amount in the book's currency, and says so in its provenance", () => {
    const inYuan = renderReport(report, {...provenance, portfolio: {...provenance.portfolio, currency: "CNY"}});
    const text = inYuan.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
    expect(text).toContain(`Expected NPV ${formatMoney(report.tiers[0]!.npv.mean, {currency: "CNY"})}`);
    expect(text).toContain(`a sales head costs CNY ${formatNumber(shakeout.costPerHead)} a year`);
    expect(text).toContain("Currency CNY: every amount, the scenario's costs included, is in it (never converted)");
    expect(inYuan).toContain("NPV over the horizon (CNY millions) →");
    expect(inYuan).toContain("CNY millions");
    // No amount is left in dollars.
    expect(text).not.toMatch(/\$|USD/);
    expect(html).toContain("<dt>Currency</dt><dd>USD: every amount");
    const {byTier} = reportTables(report, {currency: "CNY"});
    expect(byTier.format["mean NPV"]!(byTier.rows[0]!["mean NPV"] ?? null)).toBe(
      formatMoney(report.tiers[0]!.npv.mean, {currency: "CNY"})
    );
  });
});

describe("readPortfolioFile()", () => {
  const folder = tempFolder("tierwise-publish-");

  it("reads a CSV by the upload's rules: every row loaded or rejected", async () => {
    const file = await readPortfolioFile(samplePath);
    expect(file.name).toBe("sample-portfolio.csv");
    expect(file.format).toBe("text");
    expect(file.rows).toBe(2000);
    expect(file.rejectedRows).toBe(0);
    expect(file.accounts).toEqual(sample.accounts);
  });

  it("reads the same book as Parquet through DuckDB into the same accounts", async () => {
    const path = join(folder, "book.parquet");
    const numeric = new Set(accountFields.filter((f) => f.type !== "string").map((f) => f.name));
    parquetWriteFile({
      filename: path,
      columnData: header.map((name, j) => ({
        name,
        data: rows.map((r) => (numeric.has(name as never) ? (r[j] === "" ? null : Number(r[j])) : r[j]!)),
        type: numeric.has(name as never) ? "DOUBLE" : "STRING"
      }))
    });
    const file = await readPortfolioFile(path);
    expect(file.format).toBe("Parquet");
    expect(file.rows).toBe(2000);
    expect(file.accounts).toEqual(sample.accounts);
    expect(portfolioDigest(file.accounts)).toBe(portfolioDigest(sample.accounts));
  });

  it("refuses a Parquet path that DuckDB would read as a pattern of several files", async () => {
    const path = join(folder, "book[1].parquet");
    copyFileSync(join(folder, "book.parquet"), path);
    await expect(readPortfolioFile(path)).rejects.toThrow(
      "book[1].parquet: a path with *, ? or [ is read as a pattern of several files: rename the file or its folder"
    );
  });

  it("fails naming the file and the fields it lacks", async () => {
    await expect(readPortfolioFile(join(root, "test/fixtures/cli/no-industry.csv"))).rejects.toThrow(
      /^no-industry\.csv: no column for required fields: industry/
    );
  });
});

describe("the tierwise command line", () => {
  const run = runCli;

  it("simulate prints each tier and the total as JSON; report writes the standalone file the model renders", async () => {
    const scenario = join(root, "data/scenarios/shakeout.json");
    const simulated = run(
      "simulate",
      "--portfolio",
      samplePath,
      "--scenario",
      scenario,
      "--futures",
      "300",
      "--seed",
      "7"
    );
    expect(simulated.status).toBe(0);
    const json = JSON.parse(simulated.stdout);
    const expected = scenarioReport(sample.accounts, shakeout, {trials: 300, seed: 7, reference: baseline});
    expect(Object.keys(json.tiers)).toEqual(["S", "A", "B", "C"]);
    expect(json.tiers.S.npv.mean).toBe(expected.tiers[0]!.npv.mean);
    expect(json.total.probabilityPositive).toBe(expected.total.probabilityPositive);
    expect(json.portfolio).toEqual({
      name: "sample-portfolio.csv",
      rows: 2000,
      loaded: 2000,
      rejected: 0,
      sha256: portfolioDigest(sample.accounts),
      currency: "USD"
    });
    expect(simulated.stderr).toContain("Checking 2,000 rows…");

    const out = join(tempFolder("tierwise-cli-"), "report.html");
    const reported = run(
      "report",
      "--portfolio",
      samplePath,
      "--scenario",
      scenario,
      "--futures",
      "300",
      "--seed",
      "7",
      "--out",
      out
    );
    expect(reported.status).toBe(0);
    expect(readFileSync(out, "utf-8")).toBe(
      renderReport(expected, {
        portfolio: {
          name: "sample-portfolio.csv",
          sample: false,
          rows: 2000,
          rejectedRows: 0,
          sha256: portfolioDigest(sample.accounts)
        },
        scenarioSource: `shakeout.json (SHA-256 ${sha256().update(read("data/scenarios/shakeout.json")).hex().slice(0, 12)})`,
        model: `tierwise ${version}`,
        date: "2025-01-01"
      })
    );
  });

  it("exits with status 2 and one line naming the file, row or field on bad input", () => {
    const bad = run(
      "report",
      "--portfolio",
      join(root, "test/fixtures/cli/no-industry.csv"),
      "--scenario",
      join(root, "data/scenarios/shakeout.json")
    );
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe("");
    expect(bad.stderr.trim().split("\n").at(-1)).toBe(
      "tierwise: no-industry.csv: no column for required fields: industry, firstYear, annualWallet, annualRevenue, grossMargin, health, strategicFit, salesHeads"
    );
    const wallet = run(
      "simulate",
      "--portfolio",
      join(root, "test/fixtures/cli/bad-wallet.csv"),
      "--scenario",
      join(root, "data/scenarios/shakeout.json")
    );
    expect(wallet.status).toBe(2);
    expect(wallet.stderr.trim().split("\n").at(-1)).toMatch(
      /^tierwise: bad-wallet\.csv: no row loads; row 2: annualWallet: /
    );
    const futures = run(
      "simulate",
      "--portfolio",
      samplePath,
      "--scenario",
      join(root, "data/scenarios/shakeout.json"),
      "--futures",
      "0"
    );
    expect(futures.status).toBe(2);
    expect(futures.stderr.split("\n")[0]).toBe('tierwise: --futures: must be an integer from 1 to 100000, got "0"');
    const scenario = run(
      "simulate",
      "--portfolio",
      samplePath,
      "--scenario",
      join(root, "test/fixtures/cli/no-industry.csv")
    );
    expect(scenario.status).toBe(2);
    expect(scenario.stderr).toMatch(/^tierwise: no-industry\.csv: \(document\): not valid JSON/);
    const currency = run(
      "simulate",
      "--portfolio",
      samplePath,
      "--scenario",
      join(root, "data/scenarios/shakeout.json"),
      "--currency",
      "yuan"
    );
    expect(currency.status).toBe(2);
    expect(currency.stderr.split("\n")[0]).toBe(
      'tierwise: --currency: must be an ISO 4217 code of three capital letters, such as CNY, got "yuan"'
    );
  });

  it("names the book's currency given by --currency in the JSON and in the report", () => {
    const simulated = run(
      "simulate",
      "--portfolio",
      samplePath,
      "--scenario",
      join(root, "data/scenarios/shakeout.json"),
      "--futures",
      "100",
      "--currency",
      "CNY"
    );
    expect(simulated.status).toBe(0);
    expect(JSON.parse(simulated.stdout).portfolio.currency).toBe("CNY");
  });
});
