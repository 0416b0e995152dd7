// Node only: a portfolio file read and checked once per build, kept on disk in a compact columnar
// form, so that every report loader of a build after the first loads a big book in a second.
import {createHash, randomUUID} from "node:crypto";
import {createReadStream} from "node:fs";
import {mkdir, readdir, readFile, rename, rm, stat, writeFile} from "node:fs/promises";
import {join, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import {accountFields, type Account} from "../portfolio/accountFields.js";
import {portfolioDigest} from "../report/portfolioDigest.js";
import type {Sha256} from "../text/sha256.js";
import {version} from "../version.js";
import type {PortfolioFile} from "./readPortfolioFile.js";

/** A portfolio file as read, with the SHA-256 of its loaded accounts (see portfolioDigest). */
export interface DigestedPortfolio extends PortfolioFile {
  sha256: string;
}

// The layout of a cache file; a change of it or of the model's code (see codeStamp) makes every
// earlier cache file stale.
const layout = 1;
const magic = "tierwise-portfolio\n";

/** portfolioDigest on node:crypto's SHA-256: the same digest, several times faster. */
export function nodeDigest(accounts: readonly Account[]): string {
  const hash = createHash("sha256");
  const adapter: Sha256 = {
    update(text) {
      hash.update(text, "utf8");
      return adapter;
    },
    hex: () => hash.digest("hex")
  };
  return portfolioDigest(accounts, {hash: adapter});
}

/**
 * A stamp of the model's own code: the size and time of every compiled file of the package (or of
 * its TypeScript sources when tests run them). The build compiles the package first, so a cache
 * written by one build, or by a reader or model since changed, is never read by the next.
 */
export async function codeStamp(): Promise<string> {
  const top = fileURLToPath(new URL("../", import.meta.url));
  const entries = (await readdir(top, {recursive: true})).filter((f) => /\.[jt]s$/.test(f)).sort();
  const stamps = await Promise.all(
    entries.map(async (f) => {
      const s = await stat(join(top, f));
      return `${f} ${s.size} ${s.mtimeMs}`;
    })
  );
  return createHash("sha256").update(stamps.join("\n")).update(version).digest("hex").slice(0, 16);
}

/** The part of a cache file's name that names the portfolio file, whatever its version. */
const pathPart = (path: string) => createHash("sha256").update(resolve(path)).digest("hex").slice(0, 16);

/**
 * The cache key of a portfolio file: its absolute path, the SHA-256 of its bytes, the year it is
 * validated against, the cache's layout and the model's code (see codeStamp), so that an edited
 * book or a changed reader is never served an old answer. The bytes, not the size and time: a
 * file copied with its time kept, or edited twice within the file system's time resolution, has
 * the same size and time and other rows.
 */
export async function portfolioCacheKey(path: string, asOf: number | undefined): Promise<string> {
  const content = createHash("sha256");
  for await (const chunk of createReadStream(path)) content.update(chunk as Buffer);
  const key = createHash("sha256")
    .update(JSON.stringify([resolve(path), content.digest("hex"), asOf ?? null, layout, await codeStamp()]))
    .digest("hex")
    .slice(0, 32);
  // The path and the year first: a newer version of the same book for the same year replaces the older.
  return `${pathPart(path)}.${asOf ?? "latest"}-${key}`;
}

/**
 * Writes a portfolio to the cache folder as one file: a JSON head (what was read, every rejected
 * row, the digest, and one array per text column) and a Float64Array per number column (NaN for
 * none), written to a temporary name and renamed, so a reader never sees half a file.
 */
export async function writePortfolioCache(folder: string, key: string, portfolio: DigestedPortfolio): Promise<void> {
  const {accounts, ...rest} = portfolio;
  const n = accounts.length;
  const text: Record<string, string[]> = {};
  const numbers: Buffer[] = [];
  const numberFields: string[] = [];
  for (const field of accountFields) {
    if (field.type === "string") {
      text[field.name] = accounts.map((a) => a[field.name] as string);
      continue;
    }
    const column = new Float64Array(n);
    for (let i = 0; i < n; ++i) column[i] = (accounts[i]![field.name] as number | null) ?? NaN;
    numbers.push(Buffer.from(column.buffer));
    numberFields.push(field.name);
  }
  const head = Buffer.from(JSON.stringify({key, count: n, portfolio: rest, text, numberFields}), "utf8");
  // The head's length in a fixed 8 bytes after the magic, then the head, padded so the numbers
  // start at a multiple of 8.
  const start = magic.length + 8 + head.length;
  const pad = Buffer.alloc((8 - (start % 8)) % 8, 32);
  const size = Buffer.alloc(8);
  size.writeBigUInt64LE(BigInt(head.length));
  await mkdir(folder, {recursive: true});
  const file = join(folder, `portfolio-${key}.bin`);
  const temporary = `${file}.${process.pid}.${randomUUID()}.tmp`;
  try {
    await writeFile(temporary, Buffer.concat([Buffer.from(magic, "latin1"), size, head, pad, ...numbers]));
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, {force: true});
    throw error;
  }
  // Older versions of the same book's cache are of no more use: a big book's take 100 MB or more.
  await removeOlder(folder, "portfolio", key, ".bin");
}

/** Removes the files `kind-<key of the same path>-….ext` other than the one of `key`. */
async function removeOlder(folder: string, kind: string, key: string, ext: string): Promise<void> {
  const prefix = `${kind}-${key.slice(0, key.indexOf("-") + 1)}`;
  for (const name of await readdir(folder))
    if (name.startsWith(prefix) && name !== `${kind}-${key}${ext}` && name.endsWith(ext))
      await rm(join(folder, name), {force: true});
}

/**
 * The portfolio cached under `key`, or null when there is none or it cannot be trusted (cut short,
 * another layout, another key, columns of the wrong length): the caller then reads the file again.
 */
export async function readPortfolioCache(folder: string, key: string): Promise<DigestedPortfolio | null> {
  let bytes: Buffer;
  try {
    bytes = await readFile(join(folder, `portfolio-${key}.bin`));
  } catch {
    return null;
  }
  try {
    if (bytes.toString("latin1", 0, magic.length) !== magic) return null;
    const headLength = Number(bytes.readBigUInt64LE(magic.length));
    const headStart = magic.length + 8;
    const head = JSON.parse(bytes.toString("utf8", headStart, headStart + headLength)) as {
      key: string;
      count: number;
      portfolio: Omit<DigestedPortfolio, "accounts">;
      text: Record<string, string[]>;
      numberFields: string[];
    };
    const n = head.count;
    if (head.key !== key || !Number.isInteger(n) || n < 0) return null;
    let offset = headStart + headLength;
    offset += (8 - (offset % 8)) % 8;
    const expectedNumbers = accountFields.filter((f) => f.type !== "string").map((f) => f.name);
    if (JSON.stringify(head.numberFields) !== JSON.stringify(expectedNumbers)) return null;
    if (bytes.length !== offset + 8 * n * expectedNumbers.length) return null;
    const columns: Record<string, Float64Array> = {};
    for (const name of expectedNumbers) {
      // A copy, aligned whatever the Buffer's own offset in its pool.
      columns[name] = new Float64Array(
        bytes.buffer.slice(bytes.byteOffset + offset, bytes.byteOffset + offset + 8 * n)
      );
      offset += 8 * n;
    }
    for (const field of accountFields) if (field.type === "string" && head.text[field.name]?.length !== n) return null;
    const accounts: Account[] = new Array(n);
    for (let i = 0; i < n; ++i) {
      const a: Record<string, string | number | null> = {};
      for (const field of accountFields) {
        if (field.type === "string") a[field.name] = head.text[field.name]![i]!;
        else {
          const v = columns[field.name]![i]!;
          a[field.name] = Number.isNaN(v) ? null : v;
        }
      }
      accounts[i] = a as unknown as Account;
    }
    if (head.portfolio.rows !== n + head.portfolio.rejectedRows) return null;
    return {...head.portfolio, accounts};
  } catch {
    return null;
  }
}

/**
 * What a report needs of a book once its simulations are cached: a few hundred bytes beside the
 * portfolio's cache file, so a report loader whose scenarios are all simulated does not load a
 * million accounts again.
 */
export interface BookSummary {
  name: string;
  rows: number;
  rejectedRows: number;
  /** Accounts loaded. */
  loaded: number;
  sha256: string;
  /** The latest first or exit year of any account: the year simulatePortfolio takes by default. */
  latest: number;
  /** Active accounts by industry, in the order they first appear in the book. */
  industries: [industry: string, accounts: number][];
}

/** The summary of a digested book (see BookSummary). */
export function bookSummary(portfolio: DigestedPortfolio): BookSummary {
  let latest = -Infinity;
  const industries = new Map<string, number>();
  for (const a of portfolio.accounts) {
    latest = Math.max(latest, a.firstYear, a.exitYear ?? -Infinity);
    if (a.exitYear === null) industries.set(a.industry, (industries.get(a.industry) ?? 0) + 1);
  }
  return {
    name: portfolio.name,
    rows: portfolio.rows,
    rejectedRows: portfolio.rejectedRows,
    loaded: portfolio.accounts.length,
    sha256: portfolio.sha256,
    latest,
    industries: [...industries]
  };
}

/** Writes a book's summary beside its cache file, under the same key (see portfolioCacheKey). */
export async function writeBookSummary(folder: string, key: string, summary: BookSummary): Promise<void> {
  await mkdir(folder, {recursive: true});
  const file = join(folder, `summary-${key}.json`);
  const temporary = `${file}.${process.pid}.${randomUUID()}.tmp`;
  try {
    await writeFile(temporary, JSON.stringify({key, summary}));
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, {force: true});
    throw error;
  }
  await removeOlder(folder, "summary", key, ".json");
}

/** The summary cached under `key`, or null when there is none or it cannot be trusted. */
export async function readBookSummary(folder: string, key: string): Promise<BookSummary | null> {
  try {
    const head = JSON.parse(await readFile(join(folder, `summary-${key}.json`), "utf8")) as {
      key: string;
      summary: BookSummary;
    };
    const s = head.summary;
    if (head.key !== key || typeof s.sha256 !== "string" || !Array.isArray(s.industries)) return null;
    if (s.rows !== s.loaded + s.rejectedRows || !Number.isFinite(s.latest)) return null;
    return s;
  } catch {
    return null;
  }
}
