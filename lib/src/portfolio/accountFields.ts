/** How a column of the account record is typed. */
export type AccountFieldType = "string" | "integer" | "number";

/** One column of the canonical account record, as a CRM export or the sample portfolio carries it. */
export interface AccountField {
  name: string;
  type: AccountFieldType;
  /** Whether every row must have a value. */
  required: boolean;
  /** Unit of the value, for labels and the data dictionary. */
  unit: string;
  description: string;
}

/**
 * The columns of the canonical account record, in the order files are written. Money is in one
 * currency per portfolio (the sample uses US dollars); years are calendar years.
 */
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
    description: "Year the customer firm was founded, so attrition can be measured on firm age with late entry."
  },
  {
    name: "firstYear",
    type: "integer",
    required: true,
    unit: "year",
    description: "Year the relationship started (the account was first seen)."
  },
  {
    name: "exitYear",
    type: "integer",
    required: false,
    unit: "year",
    description: "Year the customer exited (failed, was acquired or left the market); empty while active."
  },
  {
    name: "annualWallet",
    type: "number",
    required: true,
    unit: "currency/year",
    description: "The customer's yearly spend in our category, with us and with competitors."
  },
  {
    name: "walletGrowth",
    type: "number",
    required: false,
    unit: "share/year",
    description: "Expected yearly growth of that spend (0.05 is 5%)."
  },
  {
    name: "annualRevenue",
    type: "number",
    required: true,
    unit: "currency/year",
    description: "What we earn from the customer today."
  },
  {
    name: "grossMargin",
    type: "number",
    required: true,
    unit: "share",
    description: "Gross margin on that revenue, 0-1."
  },
  {
    name: "health",
    type: "number",
    required: true,
    unit: "score 0-1",
    description: "Financial strength: 1 is the strongest."
  },
  {
    name: "strategicFit",
    type: "number",
    required: true,
    unit: "score 0-5",
    description: "Fit with our strategy: 5 is the best."
  },
  {
    name: "salesHeads",
    type: "number",
    required: true,
    unit: "FTE",
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
