import type {Tier} from "../tiering/tiers.js";
import {defaultCostToServe, type CostToServe} from "./costToServe.js";

/**
 * How a tier's relationships are built and served: years of investment before the first order
 * (a BT-style supplier certification is two), the heads and pre-sales spend that investment takes,
 * the share of wallet won once orders come, and the cost of serving them.
 */
export interface TierPolicy {
  /** Years of investment before the first order (0-15). Orders, if the account lives, start the year after. */
  rampYears: number;
  /** Sales and pre-sales FTE per account, every year the account is alive. */
  headsPerAccount: number;
  /** Extra spend per account in each ramp year (certification, pilots, executive visits), currency. */
  presalesCost: number;
  /** Share of wallet won in the first order year, or "current" to keep the account's share today. */
  firstShare: number | "current";
  /** The share of wallet the relationship grows towards (0-1). */
  shareCeiling: number;
  /** The fraction of the gap between the share and its ceiling closed each year (0-1). */
  shareGrowth: number;
  /** Gross margin on this tier's revenue, or "account" to use each account's own. */
  grossMargin: number | "account";
  costToServe: CostToServe;
}

/**
 * Default policies: S accounts get a BT-style multi-year bet (two ramp years of two heads and
 * 250,000 of certification and pilots a year, then a share of wallet growing from 10% towards
 * 40%); A a one-year ramp; B and C are served as they are, with fewer heads, C at the lowest cost.
 */
export const defaultTierPolicies: Record<Tier, TierPolicy> = {
  S: {
    rampYears: 2,
    headsPerAccount: 2,
    presalesCost: 250_000,
    firstShare: 0.1,
    shareCeiling: 0.4,
    shareGrowth: 0.3,
    grossMargin: "account",
    costToServe: {...defaultCostToServe, ordersPerYear: 6}
  },
  A: {
    rampYears: 1,
    headsPerAccount: 1,
    presalesCost: 80_000,
    firstShare: 0.08,
    shareCeiling: 0.3,
    shareGrowth: 0.25,
    grossMargin: "account",
    costToServe: defaultCostToServe
  },
  B: {
    rampYears: 0,
    headsPerAccount: 0.5,
    presalesCost: 0,
    firstShare: "current",
    shareCeiling: 0.25,
    shareGrowth: 0.1,
    grossMargin: "account",
    costToServe: defaultCostToServe
  },
  C: {
    rampYears: 0,
    headsPerAccount: 0.15,
    presalesCost: 0,
    firstShare: "current",
    shareCeiling: 0.15,
    shareGrowth: 0,
    grossMargin: "account",
    costToServe: {costPerOrder: 8_000, ordersPerYear: 3, variableShare: 0.05}
  }
};
