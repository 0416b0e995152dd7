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
  const n = tiers.length;
  const index = new Map<Tier, number>(tiers.map((t, i) => [t, i]));
  // Matched by the account itself first: two tierings of one book share its account rows, so a
  // million accounts need no id read. An account met only by its id (another copy) is matched by id.
  const before = new Map<TieredAccount["account"], number>();
  for (const d of reference) before.set(d.account, index.get(d.tier)!);
  let byId: Map<string, number> | null = null;
  const counts = new Float64Array(n * n);
  let moved = 0;
  for (const {account, tier} of tiered) {
    let from = before.get(account);
    if (from === undefined) {
      byId ??= new Map(reference.map((d) => [d.account.id, index.get(d.tier)!]));
      from = byId.get(account.id);
      if (from === undefined) continue;
    }
    const to = index.get(tier)!;
    counts[from * n + to]! += 1;
    if (from !== to) moved += 1;
  }
  const moves = tiers.flatMap((from, i) => tiers.map((to, j) => ({from, to, accounts: counts[i * n + j]!})));
  return {moves, moved};
}
