import {describe, expect, it} from "vitest";
import {
  applySegment,
  deleteSegment,
  parseStoredSegments,
  portfolioKey,
  readSegments,
  saveSegment,
  segmentFromResult,
  segmentName,
  segmentsKey,
  useSegment,
  type Segment,
  type SegmentStorage
} from "../src/components/segments.js";

/** A localStorage stand-in: a map, or one that refuses writes as a full browser store does. */
function memory({full = false} = {}): SegmentStorage & {items: Map<string, string>} {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => {
      if (full) throw Object.assign(new Error("full"), {name: "QuotaExceededError"});
      items.set(key, value);
    }
  };
}

const accounts = ["ACC-1", "ACC-2", "ACC-3", "ACC-4"].map((id, i) => ({id, revenue: i}));
const key = portfolioKey("Sample portfolio", accounts);
const segment: Segment = {
  name: "APAC telecom operators",
  query: "SELECT id FROM accounts WHERE industry = 'Telecom operators'",
  ids: ["ACC-3", "ACC-1"],
  portfolio: key,
  savedAt: "2026-01-02T03:04:05.000Z"
};

describe("portfolioKey()", () => {
  it("names the portfolio by name, size and a hash of its ids in order", () => {
    expect(key).toEqual({name: "Sample portfolio", accounts: 4, hash: expect.stringMatching(/^[0-9a-f]{8}$/)});
    expect(portfolioKey("x", [{id: "ab"}, {id: "c"}]).hash).not.toBe(portfolioKey("x", [{id: "a"}, {id: "bc"}]).hash);
    // FNV-1a 32-bit of "a\n" (of "a" alone it is the published e40c292c), and of nothing: the offset basis.
    expect(portfolioKey("x", [{id: "a"}]).hash).toBe("2524c6d2");
    expect(portfolioKey("x", []).hash).toBe("811c9dc5");
  });
});

describe("segment store", () => {
  it("saves a segment, puts it in use, and reads it back", () => {
    const storage = memory();
    expect(readSegments(storage)).toEqual({segments: [], inUse: null, problems: []});
    saveSegment(segment, {storage});
    expect(readSegments(storage)).toEqual({segments: [segment], inUse: "APAC telecom operators", problems: []});
    expect(JSON.parse(storage.items.get(segmentsKey)!)).toMatchObject({format: 1, inUse: "APAC telecom operators"});
    // Same name: replaced, not duplicated; without `use`, the one in use stays.
    const other = {...segment, name: "Top wallets", ids: ["ACC-4"]};
    saveSegment(other, {storage, use: false});
    saveSegment({...segment, ids: ["ACC-2"]}, {storage, use: false});
    const state = readSegments(storage);
    expect(state.segments.map((s) => [s.name, s.ids])).toEqual([
      ["Top wallets", ["ACC-4"]],
      ["APAC telecom operators", ["ACC-2"]]
    ]);
    expect(state.inUse).toBe("APAC telecom operators");
    useSegment("Top wallets", {storage});
    expect(readSegments(storage).inUse).toBe("Top wallets");
    useSegment(null, {storage});
    expect(readSegments(storage).inUse).toBeNull();
    expect(() => useSegment("Nope", {storage})).toThrow("there is no segment named Nope");
    useSegment("Top wallets", {storage});
    deleteSegment("Top wallets", {storage});
    expect(readSegments(storage)).toMatchObject({inUse: null, segments: [{name: "APAC telecom operators"}]});
  });

  it("refuses an invalid segment, and says when the browser's storage is full", () => {
    expect(() => saveSegment({...segment, ids: [1 as unknown as string]}, {storage: memory()})).toThrow(
      "the segment is invalid: its list of account ids is damaged ([1])"
    );
    expect(() => saveSegment(segment, {storage: memory({full: true})})).toThrow(
      "the browser's storage for this site is full (1 KB of segments)"
    );
  });

  it("reports a corrupt record and never throws", () => {
    expect(parseStoredSegments("{not json")).toEqual({
      segments: [],
      inUse: null,
      problems: ['The segments saved in this browser are damaged (not readable JSON: "{not json") and were not used.']
    });
    expect(parseStoredSegments("[1,2]").problems).toEqual([
      "The segments saved in this browser are damaged ([1,2]) and were not used."
    ]);
    expect(parseStoredSegments(JSON.stringify({format: 9, segments: []})).problems).toEqual([
      "The segments saved in this browser are in format 9, and this version reads format 1; they were not used."
    ]);
    const broken = {...segment, name: "Broken", portfolio: {name: "x", accounts: -1, hash: "zz"}};
    const state = parseStoredSegments(JSON.stringify({format: 1, segments: [segment, broken, 7], inUse: "Broken"}));
    expect(state.segments).toEqual([segment]);
    expect(state.inUse).toBeNull();
    expect(state.problems).toEqual([
      'Saved segment 2 was left out: its description of the portfolio it was made on is damaged ({"name":"x","accounts":-1,"hash":"zz"}).',
      "Saved segment 3 was left out: it is not a record (7).",
      'The segment in use, "Broken", is not among the saved segments; pages show the whole portfolio.'
    ]);
    const unreadable: SegmentStorage = {
      getItem: () => {
        throw Object.assign(new Error("denied"), {name: "SecurityError"});
      },
      setItem: () => undefined
    };
    expect(readSegments(unreadable).problems).toEqual(["This browser's storage cannot be read (SecurityError)."]);
  });

  it("checks a segment's name", () => {
    expect(segmentName("  APAC  ")).toEqual({name: "APAC"});
    expect(segmentName(" ")).toEqual({problem: "Give the segment a name."});
    expect(segmentName("x".repeat(101))).toEqual({
      problem: "A segment's name has at most 100 characters; this one has 101."
    });
  });
});

describe("applySegment()", () => {
  it("keeps every account when no segment is in use", () => {
    expect(applySegment(accounts, key, {segments: [segment], inUse: null})).toEqual({
      accounts,
      segment: null,
      notApplied: null
    });
  });

  it("keeps the segment's accounts, in the portfolio's order, on the portfolio it was made on", () => {
    const applied = applySegment(accounts, key, {segments: [segment], inUse: segment.name});
    expect(applied.accounts.map((a) => a.id)).toEqual(["ACC-1", "ACC-3"]);
    expect(applied.segment).toEqual({name: "APAC telecom operators", accounts: 2, of: 4});
  });

  it("does not apply a segment made on another portfolio, and says why", () => {
    const state = {segments: [segment], inUse: segment.name};
    const renamed = applySegment(accounts, portfolioKey("book.csv", accounts), state);
    const otherIds = accounts.map((a, i) => ({...a, id: i === 0 ? "ACC-9" : a.id}));
    const sameSizeOtherIds = applySegment(otherIds, portfolioKey("Sample portfolio", otherIds), state);
    for (const applied of [renamed, sameSizeOtherIds]) {
      expect(applied.segment).toBeNull();
      expect(applied.accounts).toHaveLength(4);
      expect(applied.notApplied).toEqual({
        name: "APAC telecom operators",
        reason: "it was made on another portfolio (Sample portfolio, 4 accounts)"
      });
    }
  });
});

describe("segmentFromResult()", () => {
  const options = {name: " Top ", query: "SELECT id FROM accounts", portfolio: key, savedAt: segment.savedAt};
  it("keeps the distinct ids that are accounts of the portfolio, and counts the others", () => {
    expect(segmentFromResult(["ACC-2", "ACC-9", "ACC-2", "ACC-4"], accounts, options)).toEqual({
      segment: {
        name: "Top",
        query: "SELECT id FROM accounts",
        ids: ["ACC-2", "ACC-4"],
        portfolio: key,
        savedAt: segment.savedAt
      },
      leftOut: 1
    });
  });

  it("says plainly why a result cannot be a segment", () => {
    expect(segmentFromResult(null, accounts, options)).toEqual({
      problem:
        "The result has no id column. A segment is the set of accounts a query returns: select their id, for example SELECT id, name FROM accounts WHERE …"
    });
    expect(segmentFromResult([], accounts, options)).toEqual({
      problem: "The query returned no accounts, so there is nothing to save."
    });
    expect(segmentFromResult(["x", "y", "x"], accounts, options)).toEqual({
      problem: "None of the 2 ids the query returned is an account of this portfolio."
    });
    expect(segmentFromResult(["ACC-1"], accounts, {...options, name: ""})).toEqual({
      problem: "Give the segment a name."
    });
  });
});
