/** How a column of the account record is typed. */
export type AccountFieldType = "string" | "integer" | "number";

/** One column of the canonical account record, as a CRM export or the sample portfolio carries it. */
export interface AccountField {
  name: keyof Account;
  type: AccountFieldType;
  /** Whether every row must have a value. */
  required: boolean;
  /** Unit of the value, for labels and the data dictionary. */
  unit: string;
  /** Inclusive bounds of a numeric value. */
  min?: number;
  max?: number;
  description: string;
  /** What the column feeds: which figures and calculations read it. */
  use: string;
  /** For an optional column: what is lost, or assumed, when the file has no value for it. */
  ifMissing?: string;
}

/**
 * One customer account. Money is in one currency per portfolio (the sample uses US dollars) and
 * per year; years are calendar years; shares are fractions (0.3 is 30%).
 */
export interface Account {
  id: string;
  name: string;
  industry: string;
  region: string;
  /** Year the customer firm was founded; null when unknown. */
  foundedYear: number | null;
  /** Year the relationship started (the account was first seen). */
  firstYear: number;
  /** Year the customer exited; null while active. */
  exitYear: number | null;
  annualWallet: number;
  /** Expected yearly growth of the wallet; null when unknown (the scenario's default applies). */
  walletGrowth: number | null;
  annualRevenue: number;
  grossMargin: number;
  health: number;
  strategicFit: number;
  salesHeads: number;
}

const year = {min: 1800, max: 2200};

/** The columns of the canonical account record, in the order files are written. */
export const accountFields: readonly AccountField[] = [
  {
    name: "id",
    type: "string",
    required: true,
    unit: "",
    description: "Unique account identifier.",
    use: "Tells accounts apart: a repeated id is rejected, the first one kept."
  },
  {
    name: "name",
    type: "string",
    required: true,
    unit: "",
    description: "Customer name.",
    use: "Names the account in the top list and in downloads."
  },
  {
    name: "industry",
    type: "string",
    required: true,
    unit: "",
    description: "Customer industry.",
    use: "Groups accounts for attrition: survival curves, estimated hazards and the hazard path the simulator applies are per industry."
  },
  {
    name: "region",
    type: "string",
    required: true,
    unit: "",
    description: "Sales region.",
    use: "Kept with each account; no calculation uses it yet."
  },
  {
    name: "foundedYear",
    type: "integer",
    required: false,
    unit: "year",
    ...year,
    description: "Year the customer firm was founded, so attrition can be measured on firm age with late entry.",
    use: "Measures attrition on the firm's age, counting each firm only from the age we first met it (late entry).",
    ifMissing:
      "Attrition is measured on the relationship's age (years since firstYear), so survival cannot be compared with published survival of young firms; if only some rows have it, the others are left out of firm age."
  },
  {
    name: "firstYear",
    type: "integer",
    required: true,
    unit: "year",
    ...year,
    description: "Year the relationship started (the account was first seen).",
    use: "Dates when we met the firm: the start of relationship age, the entry age under firm age, and the last year the history covers."
  },
  {
    name: "exitYear",
    type: "integer",
    required: false,
    unit: "year",
    ...year,
    description: "Year the customer exited (failed, was acquired or left the market); empty while active.",
    use: "Marks exits: the exits every attrition estimate counts, and which accounts are history rather than active (only active accounts are tiered and simulated).",
    ifMissing:
      "Every account counts as active and no exit is seen, so no attrition can be estimated from history: the simulator uses the baseline (US establishments, BLS) or a preset for every industry."
  },
  {
    name: "annualWallet",
    type: "number",
    required: true,
    unit: "currency/year",
    min: 0,
    description: "The customer's yearly spend in our category, with us and with competitors.",
    use: "Tier score (weight 0.35 by default) and, in the simulator, the spend a relationship can win."
  },
  {
    name: "walletGrowth",
    type: "number",
    required: false,
    unit: "share/year",
    min: -0.5,
    max: 1,
    description: "Expected yearly growth of that spend (0.05 is 5%).",
    use: "Tier score (growth, weight 0.10 by default) and the growth of the wallet in the simulator.",
    ifMissing:
      "The account scores the median on growth, and the simulator grows its wallet at the scenario's default rate."
  },
  {
    name: "annualRevenue",
    type: "number",
    required: true,
    unit: "currency/year",
    min: 0,
    description: "What we earn from the customer in a year: the latest full year, or the last before exit.",
    use: "Profit, the whale curve and revenue per head today; the share of wallet the simulator starts from (revenue / wallet)."
  },
  {
    name: "grossMargin",
    type: "number",
    required: true,
    unit: "share",
    min: -1,
    max: 1,
    description: "Gross margin on that revenue, before sales and service costs (0.35 is 35%).",
    use: "Tier score (weight 0.15 by default), profit and the whale curve, and the margin the simulator earns unless the tier policy sets one."
  },
  {
    name: "health",
    type: "number",
    required: true,
    unit: "score 0-1",
    min: 0,
    max: 1,
    description: "Financial strength of the customer firm: 1 is the strongest.",
    use: "Tier score (weight 0.25 by default) and, in the simulator, the account's hazard: healthier firms exit less (the health effect)."
  },
  {
    name: "strategicFit",
    type: "number",
    required: true,
    unit: "score 0-5",
    min: 0,
    max: 5,
    description: "Fit with our strategy and offering: 5 is the best.",
    use: "Tier score (weight 0.15 by default)."
  },
  {
    name: "salesHeads",
    type: "number",
    required: true,
    unit: "FTE",
    min: 0,
    description: "Sales and pre-sales heads assigned to the account, in full-time equivalents.",
    use: "The cost of the sales heads in profit, and revenue per sales head (人效)."
  }
];

/**
 * The names of the required account columns that a header lacks, in record order; empty when
 * none is missing.
 *
 * @example
 * missingAccountColumns(["id", "name"]); // ["industry", "region", "firstYear", ...]
 */
export function missingAccountColumns(header: Iterable<string>): string[] {
  const present = new Set(header);
  return accountFields.filter((field) => field.required && !present.has(field.name)).map((field) => field.name);
}
