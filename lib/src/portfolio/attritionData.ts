import type {SurvivalData} from "../survival/survivalData.js";
import type {Account} from "./accountFields.js";

/** Options of {@link attritionData}. */
export interface AttritionDataOptions {
  /** The last full year of observation: active accounts are censored at its end. */
  asOf: number;
  /**
   * The time origin. `"firm"` (the default) measures on the customer firm's age, with late entry
   * at its age when first seen, and needs `foundedYear` (accounts without it are skipped);
   * `"relationship"` measures from the year the relationship started.
   */
  origin?: "firm" | "relationship";
}

/** Survival data derived from accounts, with the accounts it covers. */
export interface AttritionData extends SurvivalData {
  duration: Float64Array;
  event: Uint8Array;
  entry: Float64Array;
  /** The accounts behind each row, in row order. */
  accounts: Account[];
  /** Accounts left out: no foundedYear under the firm origin, or first seen after asOf. */
  skipped: number;
}

/**
 * Turns account history into survival data in years. A firm is under observation from the start
 * of the year it was first seen; an exit in year x ends its life at the end of year x, and an
 * active account is censored at the end of `asOf`. So, on the firm origin, duration is
 * (exitYear or asOf) − foundedYear + 1 and entry is firstYear − foundedYear: the firm's age when
 * it entered our book, which is what makes the estimate honest about firms that died before we
 * met them.
 *
 * @example
 * attritionData(accounts, {asOf: 2025}); // {duration, event, entry, accounts, skipped}
 */
export function attritionData(
  accounts: readonly Account[],
  {asOf, origin = "firm"}: AttritionDataOptions
): AttritionData {
  if (!Number.isInteger(asOf)) throw new RangeError(`invalid asOf year: ${asOf}`);
  if (origin !== "firm" && origin !== "relationship") throw new RangeError(`invalid origin: ${String(origin)}`);
  const kept = accounts.filter(
    (a) =>
      a.firstYear <= asOf &&
      (a.exitYear === null || a.exitYear <= asOf) &&
      (origin === "relationship" || a.foundedYear !== null)
  );
  const n = kept.length;
  const duration = new Float64Array(n);
  const event = new Uint8Array(n);
  const entry = new Float64Array(n);
  kept.forEach((a, i) => {
    const start = origin === "firm" ? a.foundedYear! : a.firstYear;
    duration[i] = (a.exitYear ?? asOf) - start + 1;
    event[i] = a.exitYear === null ? 0 : 1;
    entry[i] = a.firstYear - start;
  });
  return {duration, event, entry, accounts: kept, skipped: accounts.length - n};
}
