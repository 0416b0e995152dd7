// The currency a book's money is in. Tierwise never converts: every amount of a book, and every
// amount of the scenario simulated on it (the cost of a sales head, pre-sales spend), is in the
// book's one currency. The currency only names the amounts, in figures ("CN¥1.5M") and labels
// ("CNY millions").

/** ISO 4217 codes offered for a book's money, the most common first; any other three-letter code is accepted too. */
export const currencyCodes = [
  "USD",
  "CNY",
  "EUR",
  "GBP",
  "JPY",
  "HKD",
  "SGD",
  "AUD",
  "CAD",
  "CHF",
  "INR",
  "KRW",
  "BRL",
  "SAR",
  "AED"
] as const;

// The sign written before an amount, as English text writes it; other codes are written as
// themselves, followed by a space ("CHF 1.5M"). The same in Node and every browser, unlike
// Intl's symbols, which follow the host's locale data.
const signs: Record<string, string> = {
  USD: "$",
  CNY: "CN¥",
  EUR: "€",
  GBP: "£",
  JPY: "¥",
  HKD: "HK$",
  SGD: "S$",
  AUD: "A$",
  CAD: "CA$",
  INR: "₹",
  KRW: "₩",
  BRL: "R$"
};

// How much further the workbench's money inputs reach for a currency whose unit is worth far less
// than a US dollar's: a power of ten, so the inputs keep round steps. Not a rate: nothing is converted.
const moneyScales: Record<string, number> = {JPY: 100, INR: 100, RUB: 100, KRW: 1000, IDR: 10000, VND: 10000};

/**
 * The factor by which money inputs built for US dollars (a sales head's cost up to 1,000,000, say)
 * reach further for `currency`: 100 for the yen, 1,000 for the won, 1 for most currencies. A power
 * of ten, never an exchange rate.
 *
 * @example
 * moneyScale("JPY"); // 100
 * moneyScale("CNY"); // 1
 */
export function moneyScale(currency: string): number {
  return moneyScales[currency] ?? 1;
}

/**
 * Whether `code` can name a book's currency: three capital letters (ISO 4217's form).
 *
 * @example
 * isCurrencyCode("CNY"); // true
 * isCurrencyCode("yuan"); // false
 */
export function isCurrencyCode(code: unknown): code is string {
  return typeof code === "string" && /^[A-Z]{3}$/.test(code);
}

/**
 * Why `code` cannot name a book's currency, in one sentence, or null if it can (see {@link isCurrencyCode}).
 *
 * @example
 * currencyProblem("yuan"); // 'must be an ISO 4217 code of three capital letters, such as CNY, got "yuan"'
 */
export function currencyProblem(code: unknown): string | null {
  return isCurrencyCode(code)
    ? null
    : `must be an ISO 4217 code of three capital letters, such as CNY, got ${JSON.stringify(code)}`;
}

/**
 * What is written before an amount in `currency`: its sign ("$", "CN¥", "€"), or its code and a
 * space for a currency with no sign of its own ("CHF ").
 *
 * @example
 * currencyPrefix("CNY"); // "CN¥"
 * currencyPrefix("CHF"); // "CHF "
 */
export function currencyPrefix(currency: string): string {
  return signs[currency] ?? `${currency} `;
}

// Signs and words that name a currency in a file, each with the code it names. "¥" and "￥" are
// read as yuan: a book written with them in a Chinese CRM export is in yuan; a Japanese one says
// 円 or JPY. A bare "$" is the US dollar unless another dollar is named.
const marks: [RegExp, string][] = [
  [/US\$|\bUSD\b|美元/g, "USD"],
  [/HK\$|\bHKD\b|港币|港元/g, "HKD"],
  [/(?<![A-Z])S\$|\bSGD\b/g, "SGD"],
  [/(?<![A-Z])A\$|\bAUD\b/g, "AUD"],
  [/(?<![A-Z])C\$|CA\$|\bCAD\b/g, "CAD"],
  [/(?<![A-Z])R\$|\bBRL\b/g, "BRL"],
  [/[¥￥元]|\bCNY\b|\bRMB\b|人民币/g, "CNY"],
  [/円|\bJPY\b/g, "JPY"],
  [/€|\bEUR\b/g, "EUR"],
  [/£|\bGBP\b/g, "GBP"],
  [/₹|\bINR\b/g, "INR"],
  [/₩|\bKRW\b/g, "KRW"],
  [/\bCHF\b/g, "CHF"]
];

/**
 * The currency a file's text most often names (its signs and codes: "¥", "元", "US$", "EUR",
 * "€"), a bare "$" counted as US dollars when no other dollar is named; null if it names none.
 * For a default the user can change: a file may name no currency at all.
 *
 * @example
 * detectCurrency("name,年收入\nA,3.5万元\nB,¥120000"); // "CNY"
 * detectCurrency("name,revenue\nA,1200"); // null
 */
export function detectCurrency(text: string): string | null {
  const counts = new Map<string, number>();
  let named = 0;
  for (const [mark, code] of marks) {
    const found = text.match(mark)?.length ?? 0;
    if (found > 0) counts.set(code, (counts.get(code) ?? 0) + found);
    named += found;
  }
  // Dollar signs that no other dollar's mark (US$, HK$, S$, A$, C$, R$) accounts for.
  const dollars = (text.match(/\$/g)?.length ?? 0) - dollarMarks(text);
  if (dollars > 0) counts.set("USD", (counts.get("USD") ?? 0) + dollars);
  if (named === 0 && dollars <= 0) return null;
  let best: string | null = null;
  for (const [code, count] of counts) if (best === null || count > counts.get(best)!) best = code;
  return best;
}

function dollarMarks(text: string): number {
  return text.match(/(?:US|HK|S|A|CA|C|R)\$/g)?.length ?? 0;
}
