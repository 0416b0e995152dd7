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
  {name: "id", type: "string", required: true, unit: "", description: "Unique account identifier."},
  {name: "name", type: "string", required: true, unit: "", description: "Customer name."},
  {name: "industry", type: "string", required: true, unit: "", description: "Customer industry."},
  {name: "region", type: "string", required: true, unit: "", description: "Sales region."},
  {
    name: "foundedYear",
    type: "integer",
    required: false,
    unit: "year",
    ...year,
    description: "Year the customer firm was founded, so attrition can be measured on firm age with late entry."
  },
  {
    name: "firstYear",
    type: "integer",
    required: true,
    unit: "year",
    ...year,
    description: "Year the relationship started (the account was first seen)."
  },
  {
    name: "exitYear",
    type: "integer",
    required: false,
    unit: "year",
    ...year,
    description: "Year the customer exited (failed, was acquired or left the market); empty while active."
  },
  {
    name: "annualWallet",
    type: "number",
    required: true,
    unit: "currency/year",
    min: 0,
    description: "The customer's yearly spend in our category, with us and with competitors."
  },
  {
    name: "walletGrowth",
    type: "number",
    required: false,
    unit: "share/year",
    min: -0.5,
    max: 1,
    description: "Expected yearly growth of that spend (0.05 is 5%)."
  },
  {
    name: "annualRevenue",
    type: "number",
    required: true,
    unit: "currency/year",
    min: 0,
    description: "What we earn from the customer in a year: the latest full year, or the last before exit."
  },
  {
    name: "grossMargin",
    type: "number",
    required: true,
    unit: "share",
    min: -1,
    max: 1,
    description: "Gross margin on that revenue, before sales and service costs (0.35 is 35%)."
  },
  {
    name: "health",
    type: "number",
    required: true,
    unit: "score 0-1",
    min: 0,
    max: 1,
    description: "Financial strength of the customer firm: 1 is the strongest."
  },
  {
    name: "strategicFit",
    type: "number",
    required: true,
    unit: "score 0-5",
    min: 0,
    max: 5,
    description: "Fit with our strategy and offering: 5 is the best."
  },
  {
    name: "salesHeads",
    type: "number",
    required: true,
    unit: "FTE",
    min: 0,
    description: "Sales and pre-sales heads assigned to the account, in full-time equivalents."
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
