import {accountFields, type Account} from "../portfolio/accountFields.js";
import {toCsv} from "../portfolio/toCsv.js";
import {sha256} from "../text/sha256.js";

/**
 * The SHA-256 of a portfolio's loaded accounts, as CSV of every account field in input order: a
 * content hash that names what a report was computed on, whatever file format or encoding it came
 * from, and that Node, the command line and a browser compute alike on the same accounts.
 *
 * @example
 * portfolioDigest(accounts).slice(0, 12); // the short form a report shows
 */
export function portfolioDigest(accounts: readonly Account[]): string {
  const hash = sha256();
  const names = accountFields.map((f) => f.name);
  // In slices, so a million accounts never make one string of hundreds of megabytes.
  for (let i = 0; i < accounts.length; i += 10_000) {
    const csv = toCsv(accounts.slice(i, i + 10_000), names);
    hash.update(i === 0 ? csv : csv.slice(csv.indexOf("\n") + 1));
  }
  return hash.hex();
}
