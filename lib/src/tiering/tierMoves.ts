import type {TieredAccount} from "./assignTiers.js";
import {tiers, type Tier} from "./tiers.js";

/** How many accounts go from one tier to another. */
export interface TierMove {
  from: Tier;
  to: Tier;
  accounts: number;
}

/**
 * Who moves between two tierings of the same accounts (matched by id): every pair of tiers, `from`
 * the reference tiering `to` the other, S to C within S first, with its number of accounts; and
 * how many accounts changed tier. An account in only one of the two tierings is left out.
 *
 * @example
 * const {moves, moved} = tierMoves(assignTiers(accounts), assignTiers(accounts, rules));
 * moves.find((m) => m.from === "A" && m.to === "S").accounts; // promoted from A to S
 */
export function tierMoves(
  reference: readonly TieredAccount[],
  tiered: readonly TieredAccount[]
): {moves: TierMove[]; moved: number} {
  const before = new Map(reference.map((d) => [d.account.id, d.tier]));
  const counts = new Map<string, number>();
  let moved = 0;
  for (const {account, tier} of tiered) {
    const from = before.get(account.id);
    if (from === undefined) continue;
    counts.set(`${from}${tier}`, (counts.get(`${from}${tier}`) ?? 0) + 1);
    if (from !== tier) moved += 1;
  }
  const moves = tiers.flatMap((from) => tiers.map((to) => ({from, to, accounts: counts.get(`${from}${to}`) ?? 0})));
  return {moves, moved};
}
