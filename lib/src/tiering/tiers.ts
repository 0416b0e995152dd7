/** The four tiers, from the few strategic accounts (S) to the many served at the lowest cost (C). */
export const tiers = ["S", "A", "B", "C"] as const;

/** One of the four tiers. */
export type Tier = (typeof tiers)[number];

/** Whether a value names a tier. */
export function isTier(value: unknown): value is Tier {
  return value === "S" || value === "A" || value === "B" || value === "C";
}
