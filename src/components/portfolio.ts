import {ingestRows, parseDelimited, type Account, type RejectedRow} from "tierwise";

/** Where the accounts on every page come from. */
export interface PortfolioSource {
  kind: "sample" | "upload";
  /** The file's name, or "Sample portfolio". */
  name: string;
  /** Data rows in the file, loaded plus rejected. */
  rows: number;
  rejectedRows: number;
  /** ISO time the upload was saved. */
  savedAt: string | null;
}

export interface Portfolio {
  accounts: Account[];
  source: PortfolioSource;
}

/** A saved upload: the portfolio and why the other rows were rejected. */
export interface SavedPortfolio extends Portfolio {
  rejected: RejectedRow[];
}

// The uploaded portfolio lives in this origin's IndexedDB, so it survives navigation and reload
// and never leaves the browser.
const database = "tierwise";
const store = "portfolio";
const key = "current";

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(database, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(store);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function transact<T>(mode: IDBTransactionMode, run: (objects: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const request = run(db.transaction(store, mode).objectStore(store));
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  } finally {
    db.close();
  }
}

/** Saves an upload as the portfolio every page uses. */
export async function savePortfolio(portfolio: SavedPortfolio): Promise<void> {
  await transact("readwrite", (objects) => objects.put(portfolio, key));
}

/** The saved upload, or null if there is none (or storage is unavailable). */
export async function loadSavedPortfolio(): Promise<SavedPortfolio | null> {
  try {
    return ((await transact("readonly", (objects) => objects.get(key))) as SavedPortfolio | undefined) ?? null;
  } catch {
    return null;
  }
}

/** Forgets the upload: pages return to the sample portfolio. */
export async function clearPortfolio(): Promise<void> {
  await transact("readwrite", (objects) => objects.delete(key));
}

/**
 * The portfolio every page uses: the saved upload if there is one, else the sample, read from
 * its file attachment and checked like any upload.
 */
export async function loadPortfolio(sample: {text(): Promise<string>}): Promise<Portfolio> {
  const saved = await loadSavedPortfolio();
  if (saved) return {accounts: saved.accounts, source: saved.source};
  const {header, rows, lines} = parseDelimited(await sample.text());
  const {accounts, rejectedRows} = ingestRows(header, rows, {rowNumbers: lines});
  return {accounts, source: {kind: "sample", name: "Sample portfolio", rows: rows.length, rejectedRows, savedAt: null}};
}

/** A line saying which portfolio the page shows, with a link to change it. Text only, never HTML. */
export function PortfolioBadge({source, accounts}: Portfolio, {href = "./data"}: {href?: string} = {}): HTMLElement {
  const p = document.createElement("p");
  p.className = "tw-portfolio";
  const strong = document.createElement("strong");
  strong.textContent = source.kind === "sample" ? "Sample portfolio" : source.name;
  const active = accounts.filter((a) => a.exitYear === null).length;
  const detail =
    source.kind === "sample"
      ? `: ${accounts.length.toLocaleString("en-US")} invented accounts, ${active.toLocaleString("en-US")} active. `
      : `: ${accounts.length.toLocaleString("en-US")} of ${source.rows.toLocaleString("en-US")} rows loaded, ${active.toLocaleString("en-US")} active accounts. `;
  const link = document.createElement("a");
  link.href = href;
  link.textContent = source.kind === "sample" ? "Load your own" : "Change";
  p.append("Portfolio: ", strong, detail, link);
  return p;
}
