import type {Account} from "../portfolio/accountFields.js";
import {accountProfit} from "./accountProfit.js";

/** Options of {@link whaleCurve}. */
export interface WhaleCurveOptions {
  /** Each account's profit; default {@link accountProfit} with its default costs. */
  value?: (account: Account) => number;
}

/** One point of the whale curve per account, most profitable first. */
export interface WhalePoint {
  account: Account;
  rank: number;
  value: number;
  /** Share of accounts ranked at or above this one, in (0, 1]. */
  accountShare: number;
  /** Cumulative profit as a share of total profit (1 at the last account). */
  profitShare: number;
}

/** A whale curve and where it peaks. */
export interface WhaleCurve {
  points: WhalePoint[];
  total: number;
  /** The highest cumulative profit, as a share of total profit, and the share of accounts there. */
  peak: {profitShare: number; accountShare: number; rank: number};
}

/**
 * The whale curve: cumulative profit against accounts ranked by profit, most profitable first.
 * In most B2B books it rises well above 100% of total profit (the profitable accounts earn more
 * than everything) and falls back as the loss-making tail destroys part of it (Kaplan & Cooper
 * 1998: typically a peak of 150-300%). Throws if total profit is not positive, since shares of a
 * loss do not read as a whale curve.
 *
 * @example
 * whaleCurve(accounts).peak; // {profitShare: 1.8, accountShare: 0.22, rank: 440}
 */
export function whaleCurve(
  accounts: readonly Account[],
  {value = (a) => accountProfit(a)}: WhaleCurveOptions = {}
): WhaleCurve {
  const rows = accounts.map((account) => ({account, value: value(account)}));
  for (const row of rows) {
    if (!Number.isFinite(row.value))
      throw new RangeError(`whaleCurve: invalid profit for account ${row.account.id}: ${row.value}`);
  }
  rows.sort((a, b) => b.value - a.value || (a.account.id < b.account.id ? -1 : a.account.id > b.account.id ? 1 : 0));
  const total = rows.reduce((sum, row) => sum + row.value, 0);
  if (!(total > 0)) throw new RangeError(`whaleCurve: total profit must be positive, got ${total}`);
  const n = rows.length;
  let cumulative = 0;
  let peak = {profitShare: 0, accountShare: 0, rank: 0};
  const points = rows.map((row, i) => {
    cumulative += row.value;
    const point = {
      account: row.account,
      rank: i + 1,
      value: row.value,
      accountShare: (i + 1) / n,
      profitShare: cumulative / total
    };
    if (point.profitShare > peak.profitShare)
      peak = {profitShare: point.profitShare, accountShare: point.accountShare, rank: i + 1};
    return point;
  });
  return {points, total, peak};
}
