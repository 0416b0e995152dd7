import type {Account} from "./accountFields.js";

/** The time origin attrition can be measured from, and why, from {@link attritionOrigin}. */
export interface AttritionOrigin {
  origin: "firm" | "relationship";
  /** Why the firm's age cannot be used, in words; empty when it can. */
  reason: string;
}

/**
 * The time origin a portfolio supports: the firm's age (`"firm"`) when at least one account has a
 * founding year, else the relationship's age (`"relationship"`), with the reason. Under the firm
 * origin, accounts without a founding year are left out (see `attritionData`'s `skipped`). An
 * empty portfolio has no founding year either.
 *
 * @example
 * attritionOrigin([{foundedYear: null}]).origin; // "relationship"
 */
export function attritionOrigin(accounts: readonly Pick<Account, "foundedYear">[]): AttritionOrigin {
  if (accounts.some((a) => a.foundedYear !== null)) return {origin: "firm", reason: ""};
  return {
    origin: "relationship",
    reason:
      "No account has a founding year, so ages are measured from the first year with us (relationship age), not from the firm's founding"
  };
}
