import type {Account} from "../portfolio/accountFields.js";
import {tiers} from "../tiering/tiers.js";
import type {AllocationRow, FewerHeads, FirstAllocation, HeadsAllocation} from "./allocateHeads.js";

/** The per-account parts of an allocation as columns, one entry per active account in order. */
export interface AllocationColumns {
  /** Each account's tier, as its index in `tiers`. */
  tier: Uint8Array;
  heads: Float64Array;
  expectedNpv: Float64Array;
  /** NaN where the row's marginal is null. */
  marginal: Float64Array;
  /** The accounts of `fewerHeads`, by index, in its order. */
  fewer: Int32Array;
  /** Their `change`, in the same order. */
  fewerChange: Float64Array;
}

/** An allocation of {@link allocateHeads} (whole or first) with its rows as {@link AllocationColumns}. */
export type PackedAllocation<T extends HeadsAllocation | FirstAllocation = HeadsAllocation | FirstAllocation> = Omit<
  T,
  "allocation" | "fewerHeads"
> & {columns: AllocationColumns};

/**
 * An allocation as {@link unpackAllocation} gives it back: its rows and `fewerHeads` are made
 * from the columns when first read, and `accountCount`, `fewerCount` and `fewerTop` answer
 * without making them.
 */
export type UnpackedAllocation<T extends HeadsAllocation | FirstAllocation = HeadsAllocation | FirstAllocation> = T & {
  columns: AllocationColumns;
  /** The packed allocation it was made from, to post on (it holds no function). */
  packed: PackedAllocation<T>;
  accountCount: number;
  fewerCount: number;
  /** The first `k` rows of `fewerHeads`. */
  fewerTop(k: number): FewerHeads[];
};

/**
 * An allocation with its one row per account (`allocation`, `fewerHeads`) as typed arrays, for
 * posting from a worker with its buffers transferred: a million rows of objects take seconds to
 * clone on each side. The accounts' ids, names and heads today are not packed: they are the
 * active accounts', which the receiver has. The buffers are listed in `transfer`.
 *
 * @example
 * const {packed, transfer} = packAllocation(result);
 * postMessage({result: packed}, transfer);
 */
export function packAllocation<T extends HeadsAllocation | FirstAllocation>(
  allocation: T
): {packed: PackedAllocation<T>; transfer: ArrayBuffer[]} {
  const {allocation: rows, fewerHeads, ...rest} = allocation;
  const n = rows.length;
  const tier = new Uint8Array(n);
  const heads = new Float64Array(n);
  const expectedNpv = new Float64Array(n);
  const marginal = new Float64Array(n);
  const loss = new Float64Array(n);
  let losing = 0;
  for (let i = 0; i < n; ++i) {
    const row = rows[i]!;
    tier[i] = tiers.indexOf(row.tier);
    heads[i] = row.heads;
    expectedNpv[i] = row.expectedNpv;
    marginal[i] = row.marginal ?? NaN;
    loss[i] = row.current - row.heads;
    if (row.heads < row.current - 1e-9) ++losing;
  }
  // The accounts that lose heads in allocateHeads' order: most first, ties by account.
  const fewer = new Int32Array(losing);
  for (let i = 0, k = 0; i < n; ++i) if (rows[i]!.heads < rows[i]!.current - 1e-9) fewer[k++] = i;
  fewer.sort((a, b) => loss[b]! - loss[a]! || a - b);
  if (fewer.length !== fewerHeads.length)
    throw new Error(`packAllocation: ${fewerHeads.length} accounts lose heads, but the rows say ${fewer.length}`);
  const fewerChange = Float64Array.from(fewerHeads, (d) => d.change);
  const columns: AllocationColumns = {tier, heads, expectedNpv, marginal, fewer, fewerChange};
  return {
    packed: {...rest, columns} as unknown as PackedAllocation<T>,
    transfer: [tier, heads, expectedNpv, marginal, fewer, fewerChange].map((a) => a.buffer as ArrayBuffer)
  };
}

/**
 * A {@link packAllocation}ed allocation back as allocateHeads gave it, on `active`: the active
 * accounts it was made on, in order (those assignTiers tiers). Its rows are made when first read.
 *
 * @example
 * const result = unpackAllocation(message.result, accounts.filter((a) => a.exitYear === null));
 * result.accountCount; // without making the rows
 */
export function unpackAllocation<T extends HeadsAllocation | FirstAllocation>(
  packed: PackedAllocation<T>,
  active: readonly Account[]
): UnpackedAllocation<T> {
  const {columns} = packed;
  const n = columns.heads.length;
  if (active.length !== n)
    throw new RangeError(`unpackAllocation: the allocation has ${n} accounts, but ${active.length} are given`);
  let rows: AllocationRow[] | null = null;
  let fewerRows: FewerHeads[] | null = null;
  const fewerRow = (k: number): FewerHeads => {
    const i = columns.fewer[k]!;
    const account = active[i]!;
    return {
      id: account.id,
      name: account.name,
      tier: tiers[columns.tier[i]!]!,
      current: account.salesHeads,
      heads: columns.heads[i]!,
      change: columns.fewerChange[k]!
    };
  };
  const unpacked = {
    ...packed,
    packed,
    accountCount: n,
    fewerCount: columns.fewer.length,
    fewerTop: (k: number) => Array.from({length: Math.min(k, columns.fewer.length)}, (_, j) => fewerRow(j))
  };
  Object.defineProperties(unpacked, {
    allocation: {
      enumerable: true,
      get: () =>
        (rows ??= Array.from(active, (account, i) => {
          const marginal = columns.marginal[i]!;
          return {
            id: account.id,
            name: account.name,
            tier: tiers[columns.tier[i]!]!,
            heads: columns.heads[i]!,
            current: account.salesHeads,
            expectedNpv: columns.expectedNpv[i]!,
            marginal: Number.isNaN(marginal) ? null : marginal
          };
        }))
    },
    fewerHeads: {
      enumerable: true,
      get: () => (fewerRows ??= Array.from({length: columns.fewer.length}, (_, k) => fewerRow(k)))
    }
  });
  return unpacked as unknown as UnpackedAllocation<T>;
}
