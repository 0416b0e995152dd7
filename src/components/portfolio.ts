import {
  accountColumns,
  accountNumberFields,
  accountTextFields,
  accountView,
  excerpt,
  ingestRows,
  parseDelimited,
  type AccountColumns
} from "tierwise";
import {
  portfolioRecord,
  readPortfolioRecord,
  type PortfolioRecord,
  type Portfolio as StoredPortfolio,
  type SavedPortfolio
} from "./portfolioRecord.js";
import {forgetEstimates} from "./hazardsStore.js";
import {applySegment, portfolioKey, readSegments, useSegment, type PortfolioKey} from "./segments.js";

export {type PortfolioSource, type SavedPortfolio} from "./portfolioRecord.js";

/** The portfolio a page shows, and what to tell the user about the one saved in this browser. */
export interface Portfolio extends StoredPortfolio {
  /** Why the saved upload is not shown (it could not be read), or why none can be kept. */
  problem?: string;
  /** A saved record exists but cannot be read: the data page offers to clear it. */
  unreadable?: boolean;
  /** The segment shown instead of the whole portfolio: its name, its accounts and the portfolio's. */
  segment?: {name: string; accounts: number; of: number};
  /** The segment in use that is not shown, and why (made on another portfolio). */
  segmentNotApplied?: {name: string; reason: string};
  /** Why saved segments could not be read. */
  segmentProblems?: string[];
  /** The whole portfolio's key, which a segment saved on it records. */
  key?: PortfolioKey;
  /** The accounts shown, as columns (the same accounts in the same order). */
  columns?: AccountColumns;
}

// The uploaded portfolio lives in this origin's IndexedDB, so it survives navigation and reload
// and never leaves the browser. Chromium refuses a single value over about 127 MB (a million
// accounts as objects were 281 MB), so the record is stored in parts, written in one transaction:
// under `current` the format, the file and the number of accounts; under `current/FIELD` each
// column; under `current/rejected` the rejected rows.
const database = "tierwise";
const store = "portfolio";
const key = "current";
const partKey = (part: string) => `${key}/${part}`;
const columnParts: readonly (keyof AccountColumns & string)[] = [...accountTextFields, ...accountNumberFields];

/** The parts a record is stored in: [key, value] pairs. */
function recordParts(record: PortfolioRecord): [string, unknown][] {
  const {columns, rejected, ...head} = record;
  return [
    [key, {...head, length: columns.length, parts: true}],
    [partKey("rejected"), rejected],
    ...columnParts.map((field): [string, unknown] => [partKey(field), columns[field]])
  ];
}

/** Reads the stored record, assembled from its parts; a value stored whole (an older or damaged one) as it is. */
async function readRecord(db: IDBDatabase): Promise<unknown> {
  const head = await transact(db, "readonly", (objects) => [objects.get(key)]).then(([v]) => v);
  if (head === null || typeof head !== "object" || !("parts" in head) || head.parts !== true) return head;
  const [rejected, ...values] = await transact(db, "readonly", (objects) =>
    [partKey("rejected"), ...columnParts.map(partKey)].map((k) => objects.get(k))
  );
  const {parts, length, ...rest} = head as Record<string, unknown>;
  void parts;
  const columns: Record<string, unknown> = {length};
  columnParts.forEach((field, i) => (columns[field] = values[i]));
  return {...rest, columns, rejected};
}

/** Why a storage request failed, in words a user can act on. */
function reason(error: unknown): string {
  const e = error as {name?: string; message?: string} | null;
  if (e?.name === "QuotaExceededError") return "the browser's storage for this site is full (quota exceeded)";
  if (e?.name === "InvalidStateError" || e?.name === "SecurityError")
    return `this browser does not allow the site to store data here (private window or storage disabled: ${excerpt(e.message ?? e.name ?? "")})`;
  return e?.message ? excerpt(e.message, {max: 200}) : String(e?.name ?? "unknown error");
}

/** Rejects with `message` if `promise` has not settled after `ms` milliseconds. */
function within<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(message)), ms)))
  ]).finally(() => clearTimeout(timer));
}

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    if (typeof indexedDB === "undefined") throw new Error("this browser has no IndexedDB");
    const request = indexedDB.open(database, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(store);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
    // Another tab holds an older version open; the timeout around open() then reports it.
    request.onblocked = () => undefined;
  });
}

/**
 * Runs requests in one transaction and resolves with their results once the transaction has
 * completed (`oncomplete`: for a write, committed), never on the requests' success alone.
 */
function transact(
  db: IDBDatabase,
  mode: IDBTransactionMode,
  run: (objects: IDBObjectStore) => IDBRequest[]
): Promise<unknown[]> {
  return new Promise<unknown[]>((resolve, reject) => {
    const transaction =
      mode === "readwrite" ? db.transaction(store, mode, {durability: "strict"}) : db.transaction(store, mode);
    const requests = run(transaction.objectStore(store));
    transaction.oncomplete = () => resolve(requests.map((request) => request.result as unknown));
    transaction.onerror = () => reject(transaction.error ?? requests.find((request) => request.error)?.error);
    transaction.onabort = () => reject(transaction.error ?? new Error("the browser aborted the save"));
  });
}

/** Opens the database, runs `use`, closes it; fails after `timeout` ms with `what` in the message. */
async function withDatabase<T>(what: string, timeout: number, use: (db: IDBDatabase) => Promise<T>): Promise<T> {
  let db: IDBDatabase | undefined;
  const work = (async () => {
    db = await open();
    return await use(db);
  })();
  try {
    return await within(work, timeout, `${what} did not finish within ${Math.round(timeout / 1000)} s`);
  } catch (error) {
    throw new Error(reason(error), {cause: error});
  } finally {
    // A timed-out request may still finish; close the connection when it does.
    work.finally(() => db?.close()).catch(() => undefined);
  }
}

/**
 * Saves an upload as the portfolio every page uses, and resolves only once it is durably stored:
 * the write transaction has completed with strict durability (committed to disk), and a new
 * read of the stored record finds this record's head and every one of its parts. The parts' bytes
 * are not read back and checked here: the committed transaction is the guarantee, and reading a
 * million accounts back took a second; they are checked when a page reads them
 * (`loadSavedPortfolio`). The record holds the accounts as columns (`portfolio.columns` when given,
 * else built from its accounts). Rejects with a plain reason (storage full, private window,
 * blocked, or no answer within `timeout` ms).
 */
export async function savePortfolio(portfolio: SavedPortfolio, {timeout = 120_000} = {}): Promise<void> {
  const record = portfolioRecord(portfolio);
  const parts = recordParts(record);
  forgetEstimates();
  await withDatabase("saving", timeout, async (db) => {
    const start = performance.now();
    await transact(db, "readwrite", (objects) => [
      // Parts of an earlier record that this one lacks would otherwise stay behind.
      objects.delete(IDBKeyRange.bound(key, `${key}/\uffff`)),
      ...parts.map(([k, v]) => objects.put(v, k))
    ]);
    performance.measure("ingest: save: write", {start});
    const checking = performance.now();
    const [head, stored] = await transact(db, "readonly", (objects) => [
      objects.get(key),
      objects.getAllKeys(IDBKeyRange.bound(key, `${key}/\uffff`))
    ]);
    performance.measure("ingest: save: confirm", {start: checking});
    const problem = confirmRecord(head, stored, record, parts);
    if (problem) throw new Error(`the saved copy does not read back as written (${problem})`);
  });
}

/** Why the stored head and keys are not those of `record`, written in `parts`; null when they are. */
function confirmRecord(
  head: unknown,
  keys: unknown,
  record: PortfolioRecord,
  parts: [string, unknown][]
): string | null {
  const h = head as Record<string, unknown> | null | undefined;
  if (!h || typeof h !== "object") return "no record is stored";
  if (h.format !== record.format || h.parts !== true) return "another record is stored";
  if (
    h.length !== record.columns.length ||
    (h.source as {savedAt?: unknown} | undefined)?.savedAt !== record.source.savedAt
  )
    return "another record is stored";
  const stored = new Set(Array.isArray(keys) ? keys : []);
  const missing = parts.find(([k]) => !stored.has(k));
  return missing ? `its part ${missing[0]} is missing` : null;
}

/** The saved upload: none, the portfolio (with its columns), or why it cannot be read. */
export async function loadSavedPortfolio({timeout = 30_000} = {}): Promise<
  | {kind: "none"}
  | {kind: "saved"; portfolio: SavedPortfolio & {columns: AccountColumns}}
  | {kind: "unreadable"; problem: string}
  | {kind: "unavailable"; problem: string}
> {
  let value: unknown;
  try {
    value = await withDatabase("reading the saved portfolio", timeout, readRecord);
  } catch (error) {
    return {kind: "unavailable", problem: (error as Error).message};
  }
  if (value === undefined) return {kind: "none"};
  const read = readPortfolioRecord(value);
  if (!("portfolio" in read)) return {kind: "unreadable", problem: read.problem};
  // The accounts read the columns when a field is asked for (accountView): a book of a million
  // accounts is not a million objects of fourteen fields before the page draws anything.
  return {kind: "saved", portfolio: {...read.portfolio, accounts: accountView(read.portfolio.columns)}};
}

/** Forgets the upload: pages return to the sample portfolio. */
export async function clearPortfolio({timeout = 30_000} = {}): Promise<void> {
  forgetEstimates();
  await withDatabase("clearing the saved portfolio", timeout, (db) =>
    transact(db, "readwrite", (objects) => [objects.delete(IDBKeyRange.bound(key, `${key}/\uffff`))])
  );
}

/**
 * The portfolio every page uses: the saved upload if there is one that reads back, else the
 * sample, read from its file attachment and checked like any upload. A saved upload that cannot
 * be read, or storage that cannot be opened, is reported in `problem`, never passed over in silence.
 * The segment in use (saved on the Explore page) narrows the accounts to its own when it was made on
 * this portfolio, and is reported as not applied otherwise; `{segment: false}` keeps every account.
 */
export async function loadPortfolio(
  sample: {text(): Promise<string>},
  {segment = true}: {segment?: boolean} = {}
): Promise<Portfolio> {
  const whole = await loadWholePortfolio(sample);
  const key = portfolioKey(whole.source.name, whole.accounts);
  const state = readSegments();
  const problems = state.problems.length > 0 ? {segmentProblems: state.problems} : {};
  if (!segment) return {...whole, key, ...problems};
  const applied = applySegment(whole.accounts, key, state);
  const columns = applied.accounts === whole.accounts ? whole.columns : accountColumns(applied.accounts);
  return {
    ...whole,
    accounts: applied.accounts === whole.accounts || !columns ? applied.accounts : accountView(columns),
    ...(columns ? {columns} : {}),
    key,
    ...problems,
    ...(applied.segment ? {segment: applied.segment} : {}),
    ...(applied.notApplied ? {segmentNotApplied: applied.notApplied} : {})
  };
}

async function loadWholePortfolio(sample: {text(): Promise<string>}): Promise<Portfolio> {
  const saved = await loadSavedPortfolio();
  if (saved.kind === "saved")
    return {accounts: saved.portfolio.accounts, columns: saved.portfolio.columns, source: saved.portfolio.source};
  // The sample is a file this site writes (src/data/sample-portfolio.csv.ts), 2,000 plain rows:
  // parseDelimited reads it on this thread in a few milliseconds, so a page that only summarises
  // the sample never waits for DuckDB to start. Uploads are read by DuckDB (src/workers/ingest.js).
  const {header, rows, lines} = parseDelimited(await sample.text());
  const {accounts, rejectedRows} = ingestRows(header, rows, {rowNumbers: lines});
  const portfolio: Portfolio = {
    accounts,
    columns: accountColumns(accounts),
    source: {kind: "sample", name: "Sample portfolio", rows: rows.length, rejectedRows, savedAt: null, currency: "USD"}
  };
  if (saved.kind === "unreadable") return {...portfolio, problem: saved.problem, unreadable: true};
  if (saved.kind === "unavailable") return {...portfolio, problem: saved.problem};
  return portfolio;
}

/** Takes the segment out of use on every page, then reloads this one; a storage failure is said in `status`. */
function clearSegmentLink(status: HTMLElement): HTMLAnchorElement {
  const link = document.createElement("a");
  link.href = "#";
  link.className = "tw-clear-segment";
  link.textContent = "Clear segment";
  link.addEventListener("click", (event) => {
    event.preventDefault();
    try {
      useSegment(null);
      location.reload();
    } catch (error) {
      status.textContent = ` The segment could not be cleared: ${(error as Error).message}.`;
    }
  });
  return link;
}

/**
 * A line saying which portfolio the page shows, with a link to change it, and which segment of it,
 * with a link to clear it. Text only, never HTML.
 */
export function PortfolioBadge(portfolio: Portfolio, {href = "./data"}: {href?: string} = {}): HTMLElement {
  const p = PortfolioLine(portfolio, {href});
  const {segment, segmentNotApplied, segmentProblems = []} = portfolio;
  if (!segment && !segmentNotApplied && segmentProblems.length === 0) return p;
  const status = document.createElement("span");
  status.setAttribute("role", "status");
  if (segment) {
    const line = document.createElement("span");
    line.className = "tw-segment";
    line.style.display = "block";
    const name = document.createElement("strong");
    name.textContent = segment.name;
    const active = activeAccounts(portfolio);
    line.append(
      "Segment: ",
      name,
      ` (${segment.accounts.toLocaleString("en-US")} of ${segment.of.toLocaleString("en-US")} accounts, ${active.toLocaleString("en-US")} active): every figure is the segment's own, tiers ranked and attrition estimated among its accounts. `,
      clearSegmentLink(status),
      status
    );
    p.append(line);
  } else if (segmentNotApplied) {
    const line = document.createElement("span");
    line.className = "tw-segment tw-segment-not-applied";
    line.style.display = "block";
    const text = document.createElement("span");
    text.style.color = "var(--theme-red)";
    text.textContent = `Segment “${segmentNotApplied.name}” is not applied: ${segmentNotApplied.reason}. `;
    line.append(text, clearSegmentLink(status), status);
    p.append(line);
  }
  for (const problem of segmentProblems) {
    const note = document.createElement("span");
    note.className = "tw-storage-problem";
    note.setAttribute("role", "alert");
    note.style.color = "var(--theme-red)";
    note.style.display = "block";
    note.textContent = problem;
    p.append(note);
  }
  return p;
}

/** Accounts with no exit year, counted in the columns when there are some (a million rows read as views took 0.1 s). */
function activeAccounts({
  accounts,
  columns
}: {
  accounts: Portfolio["accounts"];
  columns?: AccountColumns | undefined;
}): number {
  if (!columns || columns.length !== accounts.length) return accounts.filter((a) => a.exitYear === null).length;
  let active = 0;
  for (const year of columns.exitYear) if (Number.isNaN(year)) ++active;
  return active;
}

/** The portfolio's own line: its name, its accounts, and a link to change it. */
function PortfolioLine(portfolio: Portfolio, {href}: {href: string}): HTMLElement {
  const {source, accounts, problem, unreadable, segment} = portfolio;
  const p = document.createElement("p");
  p.className = "tw-portfolio";
  const strong = document.createElement("strong");
  strong.textContent = source.kind === "sample" ? "Sample portfolio" : source.name;
  const active = activeAccounts(portfolio);
  const detail = segment
    ? source.kind === "sample"
      ? `: ${segment.of.toLocaleString("en-US")} invented accounts. `
      : `: ${segment.of.toLocaleString("en-US")} of ${source.rows.toLocaleString("en-US")} rows loaded. `
    : source.kind === "sample"
      ? `: ${accounts.length.toLocaleString("en-US")} invented accounts, ${active.toLocaleString("en-US")} active. `
      : `: ${accounts.length.toLocaleString("en-US")} of ${source.rows.toLocaleString("en-US")} rows loaded, ${active.toLocaleString("en-US")} active accounts. `;
  // An upload names its currency (the sample's is US dollars), which every amount shown is in.
  const money = source.kind === "upload" ? `Amounts in ${source.currency}. ` : "";
  const link = document.createElement("a");
  link.href = href;
  link.textContent = unreadable ? "Return to the sample" : source.kind === "sample" ? "Load your own" : "Change";
  if (problem) {
    const note = document.createElement("span");
    note.className = "tw-storage-problem";
    note.setAttribute("role", "alert");
    note.style.color = "var(--theme-red)";
    note.textContent = unreadable
      ? `Your saved portfolio could not be read: ${problem}; showing the sample.`
      : `Uploads cannot be kept in this browser (${problem}); showing the sample.`;
    p.append(note, " Portfolio: ", strong, detail, money, link);
  } else {
    p.append("Portfolio: ", strong, detail, money, link);
  }
  return p;
}
