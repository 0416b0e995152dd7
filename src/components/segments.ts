import {excerptValue} from "tierwise";

/**
 * Segments: named sets of accounts, saved on the Explore page from a query, that every page can
 * show instead of the whole portfolio. This module owns the rules: what a stored segment must
 * hold, which one is in use, and when it applies (only to the portfolio it was made on). Pages
 * and the portfolio badge read its answers and never re-derive them.
 */

/** The portfolio a segment was made on: its name, its number of accounts and a hash of their ids. */
export interface PortfolioKey {
  name: string;
  accounts: number;
  /** FNV-1a (32-bit, hex) of the account ids in order, so two books of the same name and size differ. */
  hash: string;
}

/** A saved segment: the accounts a query returned, on the portfolio it ran on. */
export interface Segment {
  name: string;
  /** The query that selected the accounts, as typed. */
  query: string;
  /** The ids of the accounts in the segment. */
  ids: string[];
  portfolio: PortfolioKey;
  /** ISO time the segment was saved. */
  savedAt: string;
}

/** The segments saved in this browser, the one in use, and what could not be read. */
export interface SegmentState {
  segments: Segment[];
  /** The name of the segment in use, or null for the whole portfolio. */
  inUse: string | null;
  /** Why stored segments (or the whole record) were left out, one sentence each. Empty when all is well. */
  problems: string[];
}

/** What a page shows: the accounts, and which segment (if any) they are, or why it is not applied. */
export type SegmentApplied<T> =
  | {accounts: T[]; segment: null; notApplied: null}
  | {accounts: T[]; segment: {name: string; accounts: number; of: number}; notApplied: null}
  | {accounts: T[]; segment: null; notApplied: {name: string; reason: string}};

/** The localStorage key of the segments record. */
export const segmentsKey = "tierwise-segments";

/** The format of the stored record; raise it when the record changes. */
export const segmentsFormat = 1;

/** The longest segment name kept. */
export const maxSegmentName = 100;

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value);

/** The key of a portfolio, for saving a segment on it and for checking a segment against it. */
export function portfolioKey(name: string, accounts: readonly {id: string}[]): PortfolioKey {
  let hash = 0x811c9dc5;
  for (const {id} of accounts) {
    for (let i = 0; i < id.length; ++i) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
    // A separator, so ["ab", "c"] and ["a", "bc"] differ.
    hash = Math.imul(hash ^ 0x0a, 0x01000193);
  }
  return {name, accounts: accounts.length, hash: (hash >>> 0).toString(16).padStart(8, "0")};
}

/** Whether two portfolio keys name the same portfolio. */
export function samePortfolio(a: PortfolioKey, b: PortfolioKey): boolean {
  return a.name === b.name && a.accounts === b.accounts && a.hash === b.hash;
}

/** A segment's name as stored: trimmed, or why it cannot be used. */
export function segmentName(name: string): {name: string} | {problem: string} {
  const trimmed = name.trim();
  if (trimmed === "") return {problem: "Give the segment a name."};
  if (trimmed.length > maxSegmentName)
    return {problem: `A segment's name has at most ${maxSegmentName} characters; this one has ${trimmed.length}.`};
  return {name: trimmed};
}

/** Why a stored value is not a segment, or null if it is one. */
function segmentProblem(value: unknown): string | null {
  if (!isObject(value)) return `it is not a record (${excerptValue(value)})`;
  const {name, query, ids, portfolio, savedAt} = value;
  if (typeof name !== "string" || "problem" in segmentName(name)) return `its name is damaged (${excerptValue(name)})`;
  if (typeof query !== "string") return `its query is not text (${excerptValue(query)})`;
  if (!Array.isArray(ids) || !ids.every((id) => typeof id === "string"))
    return `its list of account ids is damaged (${excerptValue(ids)})`;
  if (
    !isObject(portfolio) ||
    typeof portfolio.name !== "string" ||
    !(Number.isSafeInteger(portfolio.accounts) && (portfolio.accounts as number) >= 0) ||
    typeof portfolio.hash !== "string" ||
    !/^[0-9a-f]{8}$/.test(portfolio.hash)
  )
    return `its description of the portfolio it was made on is damaged (${excerptValue(portfolio)})`;
  if (typeof savedAt !== "string" || Number.isNaN(Date.parse(savedAt)))
    return `its date is damaged (${excerptValue(savedAt)})`;
  return null;
}

/**
 * Reads the stored text of the segments record. Nothing stored: no segments, none in use. A record
 * that is not JSON or not of this format is reported and not used; a damaged segment is reported
 * and left out, the others kept; a segment in use that is not among them is reported, and none is
 * in use. Never throws.
 */
export function parseStoredSegments(text: string | null): SegmentState {
  if (text === null) return {segments: [], inUse: null, problems: []};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return {
      segments: [],
      inUse: null,
      problems: [
        `The segments saved in this browser are damaged (not readable JSON: ${excerptValue(text)}) and were not used.`
      ]
    };
  }
  if (!isObject(value) || value.format !== segmentsFormat || !Array.isArray(value.segments))
    return {
      segments: [],
      inUse: null,
      problems: [
        isObject(value) && value.format !== segmentsFormat && value.format !== undefined
          ? `The segments saved in this browser are in format ${excerptValue(value.format)}, and this version reads format ${segmentsFormat}; they were not used.`
          : `The segments saved in this browser are damaged (${excerptValue(value)}) and were not used.`
      ]
    };
  const segments: Segment[] = [];
  const problems: string[] = [];
  for (const [index, segment] of value.segments.entries()) {
    const problem = segmentProblem(segment);
    if (problem) problems.push(`Saved segment ${index + 1} was left out: ${problem}.`);
    else segments.push(segment as unknown as Segment);
  }
  let inUse: string | null = null;
  if (typeof value.inUse === "string") {
    if (segments.some((s) => s.name === value.inUse)) inUse = value.inUse;
    else
      problems.push(
        `The segment in use, ${excerptValue(value.inUse)}, is not among the saved segments; pages show the whole portfolio.`
      );
  } else if (value.inUse !== null && value.inUse !== undefined) {
    problems.push(`The segment in use is damaged (${excerptValue(value.inUse)}); pages show the whole portfolio.`);
  }
  return {segments, inUse, problems};
}

/** The parts of Storage this module uses, so tests can pass a stand-in. */
export type SegmentStorage = Pick<Storage, "getItem" | "setItem">;

/** The segments saved in this browser; storage that cannot be read is reported, never thrown. */
export function readSegments(storage?: SegmentStorage): SegmentState {
  let text: string | null;
  try {
    text = (storage ?? localStorage).getItem(segmentsKey);
  } catch (error) {
    return {segments: [], inUse: null, problems: [`This browser's storage cannot be read (${(error as Error).name}).`]};
  }
  return parseStoredSegments(text);
}

function write(state: Pick<SegmentState, "segments" | "inUse">, storage?: SegmentStorage): void {
  const text = JSON.stringify({format: segmentsFormat, segments: state.segments, inUse: state.inUse});
  try {
    (storage ?? localStorage).setItem(segmentsKey, text);
  } catch (error) {
    const name = (error as Error).name;
    throw new Error(
      name === "QuotaExceededError"
        ? `the browser's storage for this site is full (${Math.ceil(text.length / 1024).toLocaleString("en-US")} KB of segments)`
        : `this browser's storage cannot be written (${name})`,
      {cause: error}
    );
  }
}

/**
 * Saves a segment (replacing one of the same name) and, unless `use` is false, puts it in use on
 * every page. Segments that could not be read are dropped by the save. Throws an Error with a plain
 * reason when the segment is invalid or the browser refuses to store it.
 */
export function saveSegment(segment: Segment, {use = true, storage}: {use?: boolean; storage?: SegmentStorage} = {}) {
  const problem = segmentProblem(segment);
  if (problem) throw new Error(`the segment is invalid: ${problem}`);
  const {segments, inUse} = readSegments(storage);
  write(
    {segments: [...segments.filter((s) => s.name !== segment.name), segment], inUse: use ? segment.name : inUse},
    storage
  );
}

/** Puts the named segment in use on every page, or none (null): the whole portfolio. */
export function useSegment(name: string | null, {storage}: {storage?: SegmentStorage} = {}): void {
  const {segments} = readSegments(storage);
  if (name !== null && !segments.some((s) => s.name === name)) throw new Error(`there is no segment named ${name}`);
  write({segments, inUse: name}, storage);
}

/** Forgets the named segment; if it was in use, pages return to the whole portfolio. */
export function deleteSegment(name: string, {storage}: {storage?: SegmentStorage} = {}): void {
  const {segments, inUse} = readSegments(storage);
  write({segments: segments.filter((s) => s.name !== name), inUse: inUse === name ? null : inUse}, storage);
}

/**
 * The accounts a page shows: the segment in use if it was made on this portfolio (its accounts, in
 * the portfolio's order), else all of them, with the reason a segment in use was not applied.
 */
export function applySegment<T extends {id: string}>(
  accounts: T[],
  key: PortfolioKey,
  state: Pick<SegmentState, "segments" | "inUse">
): SegmentApplied<T> {
  const segment = state.inUse === null ? undefined : state.segments.find((s) => s.name === state.inUse);
  if (!segment) return {accounts, segment: null, notApplied: null};
  if (!samePortfolio(segment.portfolio, key)) {
    const made = segment.portfolio;
    return {
      accounts,
      segment: null,
      notApplied: {
        name: segment.name,
        reason: `it was made on another portfolio (${made.name}, ${made.accounts.toLocaleString("en-US")} accounts)`
      }
    };
  }
  const ids = new Set(segment.ids);
  const members = accounts.filter((a) => ids.has(a.id));
  if (members.length === 0)
    return {
      accounts,
      segment: null,
      notApplied: {name: segment.name, reason: "none of its accounts is in the portfolio"}
    };
  return {
    accounts: members,
    segment: {name: segment.name, accounts: members.length, of: accounts.length},
    notApplied: null
  };
}

/**
 * A segment from a query's `id` column: its distinct ids that are accounts of the portfolio, with
 * the number of other values left out; or why no segment can be made, in a sentence for the user.
 */
export function segmentFromResult(
  ids: readonly string[] | null,
  accounts: readonly {id: string}[],
  {name, query, portfolio, savedAt}: {name: string; query: string; portfolio: PortfolioKey; savedAt: string}
): {segment: Segment; leftOut: number} | {problem: string} {
  if (ids === null)
    return {
      problem:
        "The result has no id column. A segment is the set of accounts a query returns: select their id, for example SELECT id, name FROM accounts WHERE …"
    };
  const named = segmentName(name);
  if ("problem" in named) return named;
  const known = new Set(accounts.map((a) => a.id));
  const distinct = [...new Set(ids)];
  const members = distinct.filter((id) => known.has(id));
  if (members.length === 0)
    return {
      problem:
        ids.length === 0
          ? "The query returned no accounts, so there is nothing to save."
          : `None of the ${distinct.length.toLocaleString("en-US")} ids the query returned is an account of this portfolio.`
    };
  return {
    segment: {name: named.name, query, ids: members, portfolio, savedAt},
    leftOut: distinct.length - members.length
  };
}
