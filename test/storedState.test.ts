import {afterEach, describe, expect, it, vi} from "vitest";
import {accountColumns, accountsFromColumns, ingestRows, parseDelimited, type Account} from "tierwise";
import {readFileSync} from "node:fs";
import {portfolioFormat, portfolioRecord, readPortfolioRecord} from "../src/components/portfolioRecord.js";
import {parseStoredHazards} from "../src/components/hazardsStore.js";
import {parseStoredRules, rulesProblem} from "../src/components/tierRulesStore.js";
import {parseStoredScenarios} from "../src/components/savedScenarios.js";
import {decodeLinkState, encodeLinkState} from "../src/components/linkState.js";

const {header, rows} = parseDelimited(readFileSync(new URL("../data/sample-portfolio.csv", import.meta.url), "utf-8"));
const accounts: Account[] = ingestRows(header, rows).accounts.slice(0, 5);
const source = {
  kind: "upload" as const,
  name: "book.csv",
  rows: 6,
  rejectedRows: 1,
  savedAt: "2025-01-02T03:04:05.000Z",
  currency: "CNY"
};
const rejected = [{row: 7, column: "id", value: "", reason: "id is missing"}];

describe("readPortfolioRecord()", () => {
  it("reads back the record portfolioRecord() writes, with its format, as columns", () => {
    const record = portfolioRecord({accounts, rejected, source});
    expect(record.format).toBe(portfolioFormat);
    expect(portfolioFormat).toBe(3);
    const read = readPortfolioRecord(structuredClone(record));
    expect(read).toEqual({portfolio: {columns: accountColumns(accounts), rejected, source}});
    expect("portfolio" in read && accountsFromColumns(read.portfolio.columns)).toEqual(accounts);
  });

  it("takes a book saved without a currency, or with a damaged one, as US dollars", () => {
    for (const currency of [undefined, "yuan", 156]) {
      const record = portfolioRecord({accounts, rejected, source: {...source, currency: currency as string}});
      const read = readPortfolioRecord(structuredClone(record));
      expect("portfolio" in read && read.portfolio.source.currency).toBe("USD");
    }
  });

  it("refuses an old-format record, another format, and a value that is no record", () => {
    expect(readPortfolioRecord({accounts, rejected, source})).toEqual({
      problem: "it was saved by an older version of Tierwise"
    });
    expect(readPortfolioRecord({format: 2, accounts, rejected, source})).toEqual({
      problem: "it is in format 2, and this version reads format 3"
    });
    expect(readPortfolioRecord("garbage")).toEqual({problem: 'the stored record is not an object ("garbage")'});
    expect(readPortfolioRecord(null)).toEqual({problem: "the stored record is not an object (null)"});
  });

  it("refuses damaged fields, naming the column or the account, and quotes a huge value in a short excerpt", () => {
    const record = portfolioRecord({accounts, rejected, source});
    const huge = "x".repeat(10_000_000);
    const damaged = {...record, columns: {...record.columns, industry: {huge}}};
    const read = readPortfolioRecord(damaged);
    expect("problem" in read && read.problem).toMatch(
      /^column industry is not a text column \(\{"huge":"x+… \(10,000,011 characters\)\)$/
    );
    expect(("problem" in read && read.problem.length) || 0).toBeLessThan(120);
    expect(readPortfolioRecord({...record, columns: accountColumns([{...accounts[0]!, health: 7}])})).toEqual({
      problem: "account 1: health 7 is outside 0 to 1 (1 of 1 accounts fail the check)"
    });
    expect(readPortfolioRecord({...record, columns: accountColumns([])})).toMatchObject({
      problem: expect.stringMatching(/^it holds no accounts/)
    });
    expect(readPortfolioRecord({...record, rejected: [{row: "x"}]})).toEqual({
      problem: "its list of rejected rows is damaged"
    });
    expect(readPortfolioRecord({...record, source: {...source, rows: -1}})).toMatchObject({
      problem: expect.stringMatching(/^its description of the file is damaged/)
    });
  });
});

describe("stored settings", () => {
  it("parseStoredHazards() keeps valid paths, names the rest, and keeps industries named __proto__ and constructor", () => {
    expect(parseStoredHazards(null)).toEqual({hazard: {}, problem: null});
    const read = parseStoredHazards('{"__proto__": [0.1], "constructor": [0.2, 0.3], "Retail": "fast", "Mining": [2]}');
    expect(Object.keys(read.hazard)).toEqual(["__proto__", "constructor"]);
    expect(Object.getPrototypeOf(read.hazard)).toBe(Object.prototype);
    expect(read.hazard["constructor"]).toEqual([0.2, 0.3]);
    expect(read.problem).toBe(
      'some hazard edits saved in this browser were not used: "Retail": must be a list of 1 to 30 hazards from 0 to 1, got "fast"; "Mining": must be a list of 1 to 30 hazards from 0 to 1, got [2]'
    );
    expect(parseStoredHazards("[1,2]").problem).toBe(
      "some hazard edits saved in this browser were not used: must be an object of hazard paths by industry, got [1,2]"
    );
    expect(parseStoredHazards("{not json").problem).toBe(
      'the hazard edits saved in this browser are not readable ("{not json") and were not used'
    );
  });

  it("rulesProblem() names what makes the tier form's rules inconsistent, in order", () => {
    const form = {
      weights: {wallet: 1, growth: 0, revenue: 0, margin: 0, health: 0, strategicFit: 0},
      by: "rank" as const,
      topN: 100,
      shareA: 0.15,
      shareB: 0.35,
      S: 0.8,
      A: 0.65,
      B: 0.45
    };
    expect(rulesProblem(form)).toBe(null);
    expect(rulesProblem({...form, shareA: 0.6, shareB: 0.5})).toBe(
      "The A and B shares add up to more than all accounts."
    );
    // The shares of a rank cut do not matter to a score cut, and the reverse.
    expect(rulesProblem({...form, by: "score", shareA: 0.6, shareB: 0.5})).toBe(null);
    expect(rulesProblem({...form, by: "score", A: 0.9})).toBe("Score thresholds must fall from S to A to B.");
    expect(rulesProblem({...form, A: 0.9, weights: {...form.weights, wallet: 0}})).toBe(
      "Give at least one criterion a weight above zero."
    );
  });

  it("parseStoredRules() uses valid rules and reports foreign ones briefly", () => {
    expect(parseStoredRules(null)).toEqual({rules: null, problem: null});
    const rules = {
      weights: {wallet: 1, growth: 0, revenue: 0, margin: 0, health: 0, strategicFit: 0},
      cut: {by: "score", S: 0.9, A: 0.5, B: 0.1}
    };
    expect(parseStoredRules(JSON.stringify(rules)).rules).toEqual(rules);
    const foreign = parseStoredRules(JSON.stringify({weights: {wallet: "y".repeat(1_000_000)}}));
    expect(foreign.rules).toBeNull();
    expect(foreign.problem).toMatch(
      /^the tier rules saved in this browser are invalid and were not used \(tierRules\.weights\.wallet: must be a number from 0 to 100, got "y+… \(1,000,002 characters\)\)$/
    );
    expect(foreign.problem!.length).toBeLessThan(200);
  });

  it("parseStoredScenarios() drops damaged entries and scenarios that name no hazard for the book's industries", () => {
    const good = {name: "Mine", savedAt: "2025-01-01T00:00:00.000Z", scenario: {version: 1}};
    const partial = {
      name: "Telecom only",
      savedAt: "2025-01-01T00:00:00.000Z",
      scenario: {version: 1, attrition: {hazard: {Telecom: [0.1]}}}
    };
    const text = JSON.stringify([good, partial, {name: 5}, "junk"]);
    const read = parseStoredScenarios(text, {industries: ["Telecom", "constructor", "__proto__"]});
    expect(read.saved.map((d) => d.name)).toEqual(["Mine"]);
    expect(read.invalid).toEqual([
      'Telecom only: it does not fit this portfolio: no hazard path for the industries "__proto__", "constructor" and no "*" default',
      'saved scenario 3: its name or date is damaged ({"name":5})',
      'saved scenario 4: its name or date is damaged ("junk")'
    ]);
    expect(parseStoredScenarios(text).saved.map((d) => d.name)).toEqual(["Mine", "Telecom only"]);
    expect(parseStoredScenarios("{").invalid).toEqual(['(the saved list is not readable: "{")']);
    expect(parseStoredScenarios('{"a": 1}').invalid).toEqual(['(the saved list is not a list: {"a":1})']);
  });
});

describe("link state", () => {
  it("encodeLinkState() round-trips through decodeLinkState(), past the size that overflowed the stack", () => {
    const big = {version: 1, industries: Array.from({length: 20_000}, (_, i) => `Industry ${i} 行业`)};
    const text = encodeLinkState(big);
    expect(text.length).toBeGreaterThan(400_000);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeLinkState(`#s=${text}`)).toEqual({value: big});
    expect(encodeLinkState({a: "é"})).toBe(Buffer.from(JSON.stringify({a: "é"})).toString("base64url"));
  });

  it("decodeLinkState() says why a hash cannot be read", () => {
    expect(decodeLinkState("")).toBeNull();
    expect(decodeLinkState("#s=not-json")).toEqual({error: "the link's settings are damaged (not readable JSON)"});
    expect(decodeLinkState("#other")).toEqual({error: "the link's settings are not in a form Tierwise writes"});
    // Bytes that are not UTF-8 are damage, not text with replacement characters.
    expect(decodeLinkState(`#s=${Buffer.from([0x22, 0xff, 0x22]).toString("base64url")}`)).toEqual({
      error: "the link's settings are damaged (not readable JSON)"
    });
  });
});

describe("the hazards the Attrition page shows and the simulator uses", () => {
  it("are one set of paths: each industry's estimate over 15 years on the portfolio's default age origin", async () => {
    const {estimatedHazards, portfolioHazards} = await import("../src/components/hazardsStore.js");
    const {estimateHazards} = await import("tierwise");
    const all = ingestRows(header, rows).accounts;
    const fallback = [0.1];
    const used = portfolioHazards(all, {asOf: 2025, fallback});
    const shown = estimatedHazards(all, {asOf: 2025});
    expect(used["*"]).toEqual(fallback);
    expect(shown.length).toBe(8);
    for (const e of shown) {
      expect(e.hazard).not.toBeNull();
      expect(e.hazard!.length).toBe(15);
      expect(used[e.industry]).toEqual(e.hazard);
    }
    // Firm age, the default with founding years, not relationship age.
    const relationship = estimateHazards(all, {asOf: 2025, horizon: 15, origin: "relationship"});
    expect(relationship[0]!.hazard).not.toEqual(shown[0]!.hazard);
    expect(estimateHazards(all, {asOf: 2025, horizon: 15, origin: "firm"})[0]!.hazard).toEqual(shown[0]!.hazard);
  });
});

describe("the estimates kept in this browser for an uploaded book", () => {
  afterEach(() => void vi.unstubAllGlobals());
  const all = ingestRows(header, rows).accounts;
  const storage = () => {
    const items = new Map<string, string>();
    const stub = {
      getItem: (key: string) => items.get(key) ?? null,
      setItem: (key: string, value: string) => void items.set(key, value),
      removeItem: (key: string) => void items.delete(key)
    };
    vi.stubGlobal("localStorage", stub);
    return items;
  };

  it("storedEstimatedHazards() makes a book's estimates once and reads them back to the bit; another book or year makes its own", async () => {
    const {estimatedHazards, forgetEstimates, storedEstimatedHazards} =
      await import("../src/components/hazardsStore.js");
    const items = storage();
    const made = estimatedHazards(all, {asOf: 2025});
    expect(storedEstimatedHazards(all, {asOf: 2025, book: "book.csv at 10:00"})).toEqual(made);
    expect([...items.keys()]).toEqual(["tierwise-estimates"]);
    // Read back, not made again: no accounts are given this time.
    const kept = storedEstimatedHazards([], {asOf: 2025, book: "book.csv at 10:00"});
    expect(kept.length).toBe(8);
    kept.forEach((e, i) => e.hazard!.forEach((h, t) => expect(Object.is(h, made[i]!.hazard![t])).toBe(true)));
    expect(storedEstimatedHazards([], {asOf: 2024, book: "book.csv at 10:00"})).toEqual([]);
    expect(storedEstimatedHazards([], {asOf: 2025, book: "book.csv at 11:00"})).toEqual([]);
    // Only the last book's are kept; the sample's (no book) are never stored.
    expect(storedEstimatedHazards([], {asOf: 2025, book: "book.csv at 10:00"})).toEqual([]);
    // A book replaced or cleared forgets them (they name its industries).
    forgetEstimates();
    expect(items.size).toBe(0);
    expect(storedEstimatedHazards(all, {asOf: 2025, book: null})).toEqual(made);
    expect(items.size).toBe(0);
  });

  it("storedEstimatedHazards() makes them again when storage cannot be read or written", async () => {
    const {estimatedHazards, storedEstimatedHazards} = await import("../src/components/hazardsStore.js");
    const refuse = () => {
      throw new DOMException("denied", "SecurityError");
    };
    vi.stubGlobal("localStorage", {getItem: refuse, setItem: refuse});
    expect(storedEstimatedHazards(all, {asOf: 2025, book: "b"})).toEqual(estimatedHazards(all, {asOf: 2025}));
  });

  it("parseStoredEstimates() uses only a record of this book and year, in the form estimates take", async () => {
    const {parseStoredEstimates} = await import("../src/components/hazardsStore.js");
    const path = Array.from({length: 15}, () => 0.1);
    const one = {industry: "Telecom", accounts: 3, events: 1, hazard: path, note: ""};
    const text = (estimates: unknown, id = "b") => JSON.stringify({id, estimates});
    expect(
      parseStoredEstimates(text([one, {...one, industry: "Banking", hazard: null, note: "no exit yet"}]), "b")
    ).toEqual([one, {...one, industry: "Banking", hazard: null, note: "no exit yet"}]);
    expect(parseStoredEstimates(null, "b")).toBeNull();
    expect(parseStoredEstimates("{not json", "b")).toBeNull();
    expect(parseStoredEstimates(text([one], "other"), "b")).toBeNull();
    expect(parseStoredEstimates(JSON.stringify({id: "b"}), "b")).toBeNull();
    expect(parseStoredEstimates(text([{...one, hazard: path.slice(1)}]), "b")).toBeNull();
    expect(parseStoredEstimates(text([{...one, hazard: [...path.slice(1), 1.5]}]), "b")).toBeNull();
    expect(parseStoredEstimates(text([{...one, accounts: -1}]), "b")).toBeNull();
    expect(parseStoredEstimates(text([{...one, note: undefined}]), "b")).toBeNull();
    expect(parseStoredEstimates(text([null]), "b")).toBeNull();
  });
});
