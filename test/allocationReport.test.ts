import {readFileSync} from "node:fs";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {describe, expect, it} from "vitest";
import {runCli} from "./runCli.js";
import {tempFolder} from "./tempFolder.js";
import {
  allocateHeads,
  allocationReport,
  allocationTables,
  frontierChart,
  ingestRows,
  parseDelimited,
  parseScenario,
  portfolioDigest,
  renderAllocationReport,
  sha256,
  version,
  type FrontierRow,
  type ReportProvenance
} from "tierwise";

const root = fileURLToPath(new URL("../", import.meta.url));
const read = (path: string) => readFileSync(join(root, path), "utf-8");
const samplePath = join(root, "data/sample-portfolio.csv");
const {header, rows} = parseDelimited(read("data/sample-portfolio.csv"));
const sample = ingestRows(header, rows);
const baseline = parseScenario(read("data/scenarios/baseline.json"));
const provenance: ReportProvenance = {
  portfolio: {name: "<b>book</b>.csv", sample: false, rows: 2001, rejectedRows: 1, sha256: "0123456789abcdef"},
  scenarioSource: "baseline.json",
  model: `tierwise ${version}`,
  date: "2025-01-31"
};

describe("allocationReport() and renderAllocationReport()", () => {
  const report = allocationReport(sample.accounts, baseline, {heads: 776, trials: 200, seed: 1});
  const html = renderAllocationReport(report, provenance);

  it("reports allocateHeads' own figures, whether it allocates or is handed the allocation", () => {
    const result = allocateHeads(sample.accounts, baseline, {heads: 776, trials: 200, seed: 1});
    expect(report.allocation.total).toEqual(result.total);
    expect(report.allocation.frontier).toEqual(result.frontier);
    expect(report).not.toHaveProperty("allocation.allocation");
    expect(report.heads).toBe(776);
    expect(report.accounts).toBe(1358);
    expect(allocationReport(sample.accounts, baseline, {allocation: result})).toEqual(report);
  });

  it("tables the answer, the tiers, the value left, the queue and the hazards, formatted as the page formats them", () => {
    const t = allocationTables(report);
    expect(t.answer.rows.map((r) => r.allocation)).toEqual([
      "Today",
      "Optimum",
      "Equal heads per tier",
      "Heads in proportion to revenue"
    ]);
    const [today, optimum] = t.answer.rows;
    expect(today!.heads).toBe(776.01);
    expect(optimum!.heads).toBe(679);
    expect(t.answer.format.heads!(optimum!.heads!)).toBe("679");
    expect(t.answer.format["expected NPV"]!(optimum!["expected NPV"]!)).toBe("$1.2B");
    expect(t.byTier.rows.length).toBe(8);
    expect(t.byTier.rows.filter((r) => r.allocation === "Optimum").reduce((s, r) => s + Number(r.heads), 0)).toBe(679);
    const left = t.leftOnTable.rows;
    expect(left[2]!["expected NPV gained"]).toBe(
      Number(left[0]!["expected NPV gained"]) + Number(left[1]!["expected NPV gained"])
    );
    expect(left[1]!.heads).toBe(report.allocation.leftOnTable.bestHeads);
    expect(t.nextHeads.rows.length).toBe(20);
    expect(t.nextHeads.columns[5]).toBe("next 0.25 head");
    expect(t.fewerHeads.rows.length).toBe(20);
    expect(t.hazards.rows.map((r) => r["applies to"])).toEqual(["every industry (8)"]);
  });

  it("writes one file with no script and nothing to fetch, charting the frontier with today's point", () => {
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\bsrc=|\bhref=|url\(/i);
    expect(html.match(/<svg /g)!.length).toBe(1);
    expect(html.match(/<table>/g)!.length).toBe(6);
    expect(html).toContain("@media print");
    expect(html).toContain('<text x="60" y="350">1. Today: 776.01 heads</text>');
    expect(html).toContain("<h1>Where do 776 sales heads earn most?</h1>");
    expect(html).toContain("Optimal. The greedy on each account's concave hull reaches the bound");
    expect(renderAllocationReport(report, provenance)).toBe(html);
  });

  it("states its provenance: file, rows, hash, scenario, heads, futures, seed, version and date", () => {
    const section = html.slice(html.indexOf('<h2 id="provenance">'));
    const text = section.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
    expect(text).toContain(
      "Portfolio &lt;b&gt;book&lt;/b&gt;.csv: 2,001 rows, 2,000 loaded and 1 rejected; 1,358 active accounts allocated"
    );
    expect(text).toContain("Content hash 0123456789ab (SHA-256 of the loaded accounts)");
    expect(text).toContain("Scenario Baseline: establishment survival, from baseline.json");
    expect(text).toContain(
      "Allocation 776 heads in steps of 0.25, objective expected NPV, every account between 0–10 heads, by hull greedy"
    );
    expect(text).toContain("Simulation 200 futures, seed 1, 10 years from 2025");
    expect(text).toContain(`Model tierwise ${version}`);
    expect(text).toContain("Computed 2025-01-31");
  });

  it("escapes the user's text: an industry named <img onerror>, account names and the scenario's name", () => {
    const industry = `<img src=x onerror=alert(1)>`;
    const accounts = sample.accounts.map((a, i) => ({
      ...a,
      name: `<script>alert(${i})</script>`,
      industry: i % 2 ? industry : a.industry
    }));
    const scenario = {
      ...baseline,
      name: `Base "line" <i>`,
      attrition: {...baseline.attrition, hazard: {[industry]: [0.2], ...baseline.attrition.hazard}}
    };
    const hostile = renderAllocationReport(
      allocationReport(accounts, scenario, {heads: 100, trials: 50, seed: 1}),
      provenance
    );
    expect(hostile).not.toMatch(/<script|<img|<i>/i);
    expect(hostile).toContain("&lt;img src=x onerror=alert(1)&gt;</td>");
    expect(hostile).toMatch(/<td>&lt;script&gt;alert\(\d+\)&lt;\/script&gt;<\/td>/);
    expect(hostile).toContain("under “Base &quot;line&quot; &lt;i&gt;”");
  });

  it("frontierChart() moves apart the numbers of points that crowd, with a leader line to each point moved", () => {
    const frontier: FrontierRow[] = [0, 100, 200].map((i) => ({
      budget: i,
      heads: i,
      expectedNpv: 1e6 * i,
      revenuePerHead: null,
      gap: 0,
      p5: null,
      p95: null,
      probabilityPositive: null
    }));
    // Three points at the same heads and 1 million apart: a few pixels on a 0-200 million axis.
    const points = [0, 1, 2].map((k) => ({name: `rule ${k}`, heads: 200, expectedNpv: 1.5e8 + 1e6 * k}));
    const svg = frontierChart(frontier, points);
    const numbers = [
      ...svg.matchAll(/<text x="([\d.]+)" y="([\d.]+)"(?: text-anchor="end")? font-weight="bold">(\d)<\/text>/g)
    ];
    expect(numbers.map((m) => m[3])).toEqual(["1", "2", "3"]);
    const ys = numbers.map((m) => Number(m[2])).sort((a, b) => a - b);
    expect(ys[1]! - ys[0]!).toBeGreaterThanOrEqual(13);
    expect(ys[2]! - ys[1]!).toBeGreaterThanOrEqual(13);
    // The highest point keeps its number beside it; the two below are moved down, each with a leader line.
    expect(
      svg.match(/<line x1="[\d.]+" y1="[\d.]+" x2="[\d.]+" y2="[\d.]+" stroke="currentColor" stroke-opacity="0.5"\/>/g)
    ).toHaveLength(2);
  });

  it("frontierChart() thins a long frontier evenly and keeps its last point", () => {
    const frontier: FrontierRow[] = Array.from({length: 1001}, (_, i) => ({
      budget: i,
      heads: i,
      expectedNpv: 1e6 * Math.sqrt(i),
      revenuePerHead: null,
      gap: 0,
      p5: null,
      p95: null,
      probabilityPositive: null
    }));
    const svg = frontierChart(frontier, [{name: "Today", heads: 500, expectedNpv: 1e7}], {maxPoints: 100});
    const line = svg.match(/<g aria-label="line"><path d="M([^"]+)"/)![1]!.split("L");
    // Every 11th of 1,001 rows (0, 11, …, 990) and the last: 92 points.
    expect(line.length).toBe(92);
    // The last row, 1,000 heads, at the right end of the x axis (60 to 668 px).
    expect(line.at(-1)!.split(",")[0]).toBe("668");
    expect(svg).not.toContain('fill-opacity="0.12"');
  });
});

describe("tierwise allocate", () => {
  const run = runCli;
  const scenarioPath = join(root, "data/scenarios/baseline.json");

  it("writes the standalone allocation report with --out FILE.html, else the allocation as JSON", () => {
    const out = join(tempFolder("tierwise-allocate-"), "allocation.html");
    const args = ["--portfolio", samplePath, "--scenario", scenarioPath, "--heads", "500", "--futures", "200"];
    const written = run("allocate", ...args, "--out", out);
    expect(written.status).toBe(0);
    const expected = allocationReport(sample.accounts, baseline, {heads: 500, trials: 200, seed: 1});
    expect(readFileSync(out, "utf-8")).toBe(
      renderAllocationReport(expected, {
        portfolio: {
          name: "sample-portfolio.csv",
          sample: false,
          rows: 2000,
          rejectedRows: 0,
          sha256: portfolioDigest(sample.accounts)
        },
        scenarioSource: `baseline.json (SHA-256 ${sha256().update(read("data/scenarios/baseline.json")).hex().slice(0, 12)})`,
        model: `tierwise ${version}`,
        date: "2025-01-01"
      })
    );
    const printed = run("allocate", ...args);
    expect(printed.status).toBe(0);
    const json = JSON.parse(printed.stdout);
    expect(json.heads).toBe(500);
    expect(json.futures).toBe(200);
    expect(json.seed).toBe(1);
    expect(json.allocated).toEqual(expected.allocation.total);
    expect(json.today).toEqual(expected.allocation.baselines.current);
    expect(json.nextHeads.length).toBe(20);
    expect(json.portfolio.loaded).toBe(2000);
    expect(json).not.toHaveProperty("allocation");
  });

  it("takes the risk-averse objective and per-tier bounds, and says them in the report", () => {
    const args = ["--portfolio", samplePath, "--scenario", scenarioPath, "--heads", "500", "--futures", "200"];
    const options = ["--risk-weight", "2", "--worst-share", "20", "--tier-heads", "S=1:4", "--tier-heads", "C=:0.5"];
    const printed = run("allocate", ...args, ...options);
    expect(printed.status).toBe(0);
    const json = JSON.parse(printed.stdout);
    const expected = allocationReport(sample.accounts, baseline, {
      heads: 500,
      trials: 200,
      seed: 1,
      objective: {cvar: {alpha: 0.2, weight: 2}},
      perTier: {S: {min: 1, max: 4}, C: {max: 0.5}}
    });
    expect(json.allocated).toEqual(expected.allocation.total);
    expect(json.risk).toEqual(expected.allocation.risk);
    expect(json.risk.weight).toBe(2);
    expect(json.risk.alpha).toBe(0.2);
    expect(json.bounds).toEqual({
      S: {min: 1, max: 4},
      A: {min: 0, max: 10},
      B: {min: 0, max: 10},
      C: {min: 0, max: 0.5}
    });
    // Every S account takes at least one head and at most four, every C account at most half of one.
    expect(json.tiers.S.allocated.heads).toBeGreaterThanOrEqual(json.tiers.S.accounts);
    expect(json.tiers.C.allocated.heads).toBeLessThanOrEqual(json.tiers.C.accounts * 0.5);
    const out = join(tempFolder("tierwise-allocate-risk-"), "allocation.html");
    expect(run("allocate", ...args, ...options, "--out", out).status).toBe(0);
    const text = readFileSync(out, "utf-8")
      .replace(/<[^>]+>/g, " ")
      .replace(/\s+/g, " ");
    expect(text).toContain(
      "objective risk-averse: expected NPV less 2 × the shortfall of the worst 20% of futures, heads per account S 1–4, A 0–10, B 0–10, C 0–0.5"
    );
  });

  it("moves heads in the book's steps unless --step says otherwise, and refuses a step too fine for the book", () => {
    const args = ["--portfolio", samplePath, "--scenario", scenarioPath, "--heads", "500", "--futures", "100"];
    // The sample's 1,358 active accounts keep quarter heads, as on the Allocate page.
    const byBook = JSON.parse(run("allocate", ...args).stdout);
    expect(byBook.step).toBe(0.25);
    expect(byBook.allocated).toEqual(
      allocationReport(sample.accounts, baseline, {heads: 500, trials: 100, seed: 1}).allocation.total
    );
    const whole = run("allocate", ...args, "--step", "1");
    expect(whole.status).toBe(0);
    const json = JSON.parse(whole.stdout);
    expect(json.step).toBe(1);
    expect(json.allocated).toEqual(
      allocationReport(sample.accounts, baseline, {heads: 500, trials: 100, step: 1, seed: 1}).allocation.total
    );
    expect(json.allocated.expectedNpv).toBeLessThanOrEqual(byBook.allocated.expectedNpv);
    const tooFine = run("allocate", ...args, "--step", "0.0001");
    expect(tooFine.status).toBe(2);
    expect(tooFine.stderr.split("\n").find((line) => line.startsWith("tierwise:"))).toBe(
      "tierwise: step: 1,358 accounts in steps of 0.0001 heads make 135,801,358 points, more than the 12,000,000 the model can hold: use a step of at least 0.25"
    );
    const notANumber = run("allocate", ...args, "--step", "none");
    expect(notANumber.status).toBe(2);
    expect(notANumber.stderr.split("\n")[0]).toBe(
      'tierwise: --step: must be a number above 0 and at most 100, got "none"'
    );
  });

  it("exits with status 2 and one line naming the option, file or field on bad input", () => {
    const last = (r: ReturnType<typeof run>) => r.stderr.trim().split("\n");
    const noHeads = run("allocate", "--portfolio", samplePath, "--scenario", scenarioPath);
    expect(noHeads.status).toBe(2);
    expect(last(noHeads)[0]).toBe("tierwise: --heads N is required");
    const badHeads = run("allocate", "--portfolio", samplePath, "--scenario", scenarioPath, "--heads=-3");
    expect(badHeads.status).toBe(2);
    expect(last(badHeads)[0]).toBe('tierwise: --heads: must be a number from 0 to 10000000, got "-3"');
    const reference = run(
      "allocate",
      "--portfolio",
      samplePath,
      "--scenario",
      scenarioPath,
      "--heads",
      "10",
      "--reference",
      "none"
    );
    expect(reference.status).toBe(2);
    expect(last(reference)[0]).toBe("tierwise: --reference: allocate sets no scenario against another");
    const headsElsewhere = run("simulate", "--portfolio", samplePath, "--scenario", scenarioPath, "--heads", "10");
    expect(headsElsewhere.status).toBe(2);
    expect(last(headsElsewhere)[0]).toBe("tierwise: --heads: only allocate places heads");
    const base = ["allocate", "--portfolio", samplePath, "--scenario", scenarioPath, "--heads", "10"];
    const bad = (...options: string[]) => {
      const r = run(...base, ...options);
      expect(r.status).toBe(2);
      return last(r)[0];
    };
    expect(bad("--risk-weight", "9")).toBe('tierwise: --risk-weight: must be a number from 0 to 5, got "9"');
    expect(bad("--risk-weight", "1", "--worst-share", "0.5")).toBe(
      'tierwise: --worst-share: must be a number from 1 to 50, got "0.5"'
    );
    expect(bad("--worst-share", "20")).toBe("tierwise: --worst-share: applies only with a --risk-weight above 0");
    expect(bad("--tier-heads", "D=1:2")).toBe(
      'tierwise: --tier-heads: expected TIER=MIN:MAX with TIER one of S, A, B, C, got "D=1:2"'
    );
    expect(bad("--tier-heads", "S=1:2", "--tier-heads", "S=0:1")).toBe("tierwise: --tier-heads: tier S is given twice");
    expect(bad("--tier-heads", "S=x:2")).toBe('tierwise: --tier-heads: must be a number from 0 to 1000, got "x"');
    expect(bad("--tier-heads", "S=3:1")).toBe("tierwise: --tier-heads: tier S's least heads, 3, is above its most, 1");
    const riskElsewhere = run("report", "--portfolio", samplePath, "--scenario", scenarioPath, "--risk-weight", "1");
    expect(last(riskElsewhere)[0]).toBe("tierwise: --risk-weight: only allocate places heads");
    const wallet = run(
      "allocate",
      "--portfolio",
      join(root, "test/fixtures/cli/bad-wallet.csv"),
      "--scenario",
      scenarioPath,
      "--heads",
      "10"
    );
    expect(wallet.status).toBe(2);
    expect(wallet.stdout).toBe("");
    expect(last(wallet).at(-1)).toMatch(/^tierwise: bad-wallet\.csv: no row loads; row 2: annualWallet: /);
    const scenario = run("allocate", "--portfolio", samplePath, "--scenario", samplePath, "--heads", "10");
    expect(scenario.status).toBe(2);
    expect(last(scenario).at(-1)).toMatch(/^tierwise: sample-portfolio\.csv: /);
  });
});
