import {accountFields, type Account} from "./accountFields.js";
import {toCsv} from "./toCsv.js";

/**
 * Two invented accounts that show what each column holds: an active one with every column, and
 * one that exited, without wallet growth (an optional column left empty).
 */
export const accountTemplateRows: readonly Account[] = [
  {
    id: "A-1001",
    name: "Northwind Retail Ltd",
    industry: "Retail",
    region: "North",
    foundedYear: 1998,
    firstYear: 2016,
    exitYear: null,
    annualWallet: 2400000,
    walletGrowth: 0.04,
    annualRevenue: 600000,
    grossMargin: 0.32,
    health: 0.7,
    strategicFit: 3.5,
    salesHeads: 1.5
  },
  {
    id: "A-1002",
    name: "Contoso Telecom",
    industry: "Telecom operators",
    region: "East",
    foundedYear: 2009,
    firstYear: 2019,
    exitYear: 2023,
    annualWallet: 800000,
    walletGrowth: null,
    annualRevenue: 150000,
    grossMargin: 0.28,
    health: 0.35,
    strategicFit: 2,
    salesHeads: 0.5
  }
];

/**
 * A template portfolio file: the header of every account column, in record order, and the two
 * example rows of {@link accountTemplateRows}, as CSV text a spreadsheet opens and the upload reads.
 *
 * @example
 * accountTemplateCsv().split("\n")[0]; // "id,name,industry,region,foundedYear,firstYear,exitYear,…"
 */
export function accountTemplateCsv(): string {
  return toCsv(
    accountTemplateRows,
    accountFields.map((field) => field.name)
  );
}
