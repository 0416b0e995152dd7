import {accountFields, type Account} from "../portfolio/accountFields.js";
import {toCsv} from "../portfolio/toCsv.js";
import {sha256, type Sha256} from "../text/sha256.js";

/** Options of {@link portfolioDigest}. */
export interface PortfolioDigestOptions {
  /**
   * The SHA-256 to feed: default the package's own, which runs anywhere; in Node, one on
   * `node:crypto` gives the same digest several times faster.
   */
  hash?: Sha256;
}

/**
 * The SHA-256 of a portfolio's loaded accounts, as CSV of every account field in input order: a
 * content hash that names what a report was computed on, whatever file format or encoding it came
 * from, and that Node, the command line and a browser compute alike on the same accounts.
 *
 * @example
 * portfolioDigest(accounts).slice(0, 12); // the short form a report shows
 */
export function portfolioDigest(accounts: readonly Account[], {hash = sha256()}: PortfolioDigestOptions = {}): string {
  const names = accountFields.map((f) => f.name);
  // In slices, so a million accounts never make one string of hundreds of megabytes.
  for (let i = 0; i < accounts.length; i += 10_000) {
    const csv = toCsv(accounts.slice(i, i + 10_000), names);
    hash.update(i === 0 ? csv : csv.slice(csv.indexOf("\n") + 1));
  }
  return hash.hex();
}
