import type {Account, WhaleCurve} from "tierwise";
import {evenlySpaced} from "./evenlySpaced.js";

/** A point of the whale chart: an account's share, cumulative profit, name, profit and tier. */
export interface WhalePoint {
  share: number;
  cumulative: number;
  name: string;
  profit: number;
  tier: string;
}

/**
 * The points the whale chart (whaleChart.ts) reads, made once per curve (not on every resize): on a book of more
 * than `maxTips` accounts, that many evenly spaced by rank (ten points for every pixel of a
 * 1,000-pixel chart: finer than a pointer can choose), each with its account's tier. Only those
 * accounts are looked up in `tiered`, so a million accounts cost one pass, not a map of a million.
 */
export function whalePoints(
  curve: WhaleCurve,
  tiered: readonly {account: Account; tier: string}[],
  {maxTips = 10_000}: {maxTips?: number} = {}
): WhalePoint[] {
  const tips = evenlySpaced(curve.points, maxTips);
  const tierOf = new Map<Account, string>(tips.map((p) => [p.account, "C"]));
  for (const d of tiered) if (tierOf.has(d.account)) tierOf.set(d.account, d.tier);
  return tips.map((p) => ({
    share: p.accountShare,
    cumulative: p.profitShare,
    name: p.account.name,
    profit: p.value,
    tier: tierOf.get(p.account)!
  }));
}
