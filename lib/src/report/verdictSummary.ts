import type {TierVerdict} from "./tierVerdict.js";

const list = (names: string[]) =>
  names.length === 1 ? `tier ${names[0]}` : `tiers ${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;

/**
 * The verdicts on a portfolio's tiers in one sentence, the answer a report leads with: which tiers
 * justify multi-year relationship building, which are uncertain, which do not (tiers in the order
 * given, groups left out when empty).
 *
 * @example
 * verdictSummary(report.tiers); // "Multi-year relationship building is justified for tiers S and A, and not justified for tiers B and C."
 */
export function verdictSummary(rows: readonly {tier: string; verdict: Pick<TierVerdict, "rating">}[]): string {
  const groups = (["justified", "uncertain", "not justified"] as const)
    .map((rating) => ({rating, tiers: rows.filter((d) => d.verdict.rating === rating).map((d) => d.tier)}))
    .filter((g) => g.tiers.length > 0)
    .map((g) => `${g.rating} for ${list(g.tiers)}`);
  const empty = rows.filter((d) => d.verdict.rating === "empty").map((d) => d.tier);
  const none =
    empty.length === 0 ? "" : ` ${list(empty).replace(/^t/, "T")} ${empty.length === 1 ? "has" : "have"} no accounts.`;
  if (groups.length === 0) return none.trimStart() || "No tiers.";
  const joined = groups.length === 1 ? groups[0] : `${groups.slice(0, -1).join(", ")}, and ${groups.at(-1)}`;
  return `Multi-year relationship building is ${joined}.${none}`;
}
