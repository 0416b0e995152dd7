import type {Account} from "../portfolio/accountFields.js";
import {randomStream, type Random} from "../random/randomStream.js";
import {randomNormal} from "../simulation/randomNormal.js";
import {exp, pow} from "../math/deterministic.js";

/** Options of {@link generateSamplePortfolio}. */
export interface SamplePortfolioOptions {
  accounts?: number;
  seed?: number;
  /** The last full year of the book. Default 2025. */
  asOf?: number;
}

interface IndustryProfile {
  name: string;
  share: number;
  /** Yearly exit hazard by firm age 1, 2, …; the last value repeats. */
  hazard: number[];
  /** Median yearly wallet in our category, and the spread of its logarithm. */
  wallet: number;
  walletSpread: number;
  growth: number;
  margin: number;
  /** Name parts. */
  roots: string[];
  suffixes: string[];
}

// Hazards by firm age. "Baseline" follows BLS Business Employment Dynamics establishment survival
// (79.6% alive after 1 year, 49.6% after 5, 33.6% after 10; The Economics Daily, 2018-11-01) and
// flattens at 4% a year after year ten (Knaup & Piazza 2007: "about 4-5% after year ten").
const baseline = [0.204, 0.1445, 0.1101, 0.104, 0.0866, 0.0887, 0.0819, 0.0771, 0.0679, 0.0588, 0.05, 0.045, 0.04];
const scaled = (k: number) => baseline.map((h) => Math.min(0.95, h * k));

const industries: IndustryProfile[] = [
  {
    name: "Telecom operators",
    share: 0.1,
    hazard: scaled(0.7),
    wallet: 6e6,
    walletSpread: 1.3,
    growth: 0.02,
    margin: 0.32,
    roots: ["Tel", "Mobile", "Net", "Wave", "Link", "Com"],
    suffixes: ["Telecom", "Networks", "Mobile", "Communications"]
  },
  {
    name: "Internet",
    share: 0.16,
    // Shaped like the seed's shakeout: of 100 young firms, 50 survive their first year and 20 the
    // second; the survivors then stabilise.
    hazard: [0.5, 0.6, 0.25, 0.15, 0.1, 0.08, 0.06],
    wallet: 1.2e6,
    walletSpread: 1.4,
    growth: 0.12,
    margin: 0.38,
    roots: ["Pixel", "Cloud", "Byte", "Stream", "Loop", "Nova", "Hive", "Spark"],
    suffixes: ["Labs", "Digital", "Online", "Apps"]
  },
  {
    name: "Banking",
    share: 0.12,
    hazard: scaled(0.55),
    wallet: 3e6,
    walletSpread: 1.2,
    growth: 0.03,
    margin: 0.36,
    roots: ["Crown", "Harbor", "Union", "First", "Granite", "Summit"],
    suffixes: ["Bank", "Capital", "Financial", "Savings"]
  },
  {
    name: "Utilities",
    share: 0.08,
    // Regulated and far more stable than young establishments.
    hazard: [0.03, 0.02, 0.015, 0.01],
    wallet: 4e6,
    walletSpread: 1.0,
    growth: 0.015,
    margin: 0.27,
    roots: ["River", "Valley", "Metro", "Grid", "Clearwater", "Northern"],
    suffixes: ["Power", "Water", "Energy Services", "Utilities"]
  },
  {
    name: "Manufacturing",
    share: 0.18,
    hazard: scaled(0.85),
    wallet: 1.5e6,
    walletSpread: 1.2,
    growth: 0.03,
    margin: 0.28,
    roots: ["Iron", "Forge", "Precision", "Atlas", "Keystone", "Meridian"],
    suffixes: ["Works", "Industries", "Manufacturing", "Machines"]
  },
  {
    name: "Retail",
    share: 0.14,
    hazard: scaled(1.0),
    wallet: 8e5,
    walletSpread: 1.3,
    growth: 0.02,
    margin: 0.22,
    roots: ["Market", "Corner", "Urban", "Family", "Bright", "Daily"],
    suffixes: ["Stores", "Retail", "Outlets", "Mart"]
  },
  {
    name: "Energy",
    share: 0.1,
    hazard: scaled(1.2),
    wallet: 3.5e6,
    walletSpread: 1.4,
    growth: 0.01,
    margin: 0.3,
    roots: ["Basin", "Ridge", "Delta", "Frontier", "Solar", "Petro"],
    suffixes: ["Energy", "Resources", "Oil & Gas", "Renewables"]
  },
  {
    name: "Public sector",
    share: 0.12,
    hazard: [0.01],
    wallet: 1.5e6,
    walletSpread: 1.1,
    growth: 0.02,
    margin: 0.2,
    roots: ["State", "City", "Regional", "National", "County", "Federal"],
    suffixes: ["Agency", "Authority", "Department", "Office"]
  }
];

const regions = ["Europe", "North America", "Asia Pacific", "China", "Middle East & Africa", "Latin America"];
const places = [
  "Atlantic",
  "Pacific",
  "Alpine",
  "Coastal",
  "Central",
  "Eastern",
  "Western",
  "Lakeside",
  "Highland",
  "Southern"
];

/**
 * A realistic B2B seller's book, deterministic for a seed: eight industries with different
 * attrition (Internet shaped like the seed's 100 → 50 → 20 shakeout; Telecom, Banking,
 * Manufacturing, Retail and Energy around the BLS establishment-survival curve; Utilities and the
 * public sector far more stable), firms founded over seven decades and first seen over fifteen
 * years (so late entry matters: only firms alive when first met are in the book), heavy-tailed
 * wallets, and health tied to size and to survival. Names are invented.
 *
 * @example
 * const accounts = generateSamplePortfolio({accounts: 2000, seed: 1});
 */
export function generateSamplePortfolio({
  accounts = 2000,
  seed = 1,
  asOf = 2025
}: SamplePortfolioOptions = {}): Account[] {
  if (!(Number.isInteger(accounts) && accounts >= 1)) throw new RangeError(`invalid accounts: ${accounts}`);
  const random = randomStream(seed, "sample-portfolio");
  const normal = randomNormal(randomStream(seed, "sample-portfolio-normal"));
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const names = new Set<string>();
  const result: Account[] = [];
  const firstSeen = asOf - 14;
  while (result.length < accounts) {
    const industry = choose(industries, random);
    // Founding years: a mix of old incumbents and firms founded recently, as a book of customers is.
    const foundedYear = random() < 0.45 ? asOf - Math.floor(60 * pow(random(), 0.7)) : asOf - Math.floor(15 * random());
    const size = normal();
    const health = clamp(0.55 + 0.12 * size + 0.18 * normal(), 0.02, 0.99);
    const lifetime = drawLifetime(industry.hazard, exp(-1.5 * (health - 0.5)), random);
    const firstYear = Math.max(foundedYear, firstSeen + Math.floor(15 * random()));
    // Left truncation: a firm that died before we met it never enters the book.
    if (foundedYear + lifetime - 1 < firstYear) continue;
    const deathYear = foundedYear + lifetime - 1;
    const exitYear = deathYear <= asOf ? deathYear : null;
    const annualWallet = roundTo(industry.wallet * exp(industry.walletSpread * size), 1000);
    const share = clamp(0.04 + 0.35 * pow(random(), 1.6), 0, 0.9);
    const annualRevenue = roundTo(annualWallet * share, 1000);
    const grossMargin = round(clamp(industry.margin + 0.08 * normal(), 0.05, 0.65), 3);
    const walletGrowth = round(industry.growth + 0.03 * normal(), 3);
    const strategicFit = round(clamp(2.5 + 0.6 * size + 1.1 * normal(), 0, 5), 1);
    // Sales effort follows revenue only weakly: small accounts still take a slice of a head.
    const salesHeads = round(clamp(0.15 + annualRevenue / 2.5e6 + 0.1 * normal(), 0.1, 8), 2);
    let name = `${pick(industry.roots)} ${pick(industry.suffixes)}`;
    if (names.has(name)) name = `${pick(places)} ${name}`;
    for (let k = 2; names.has(name); ++k) name = `${name.replace(/ \d+$/, "")} ${k}`;
    names.add(name);
    result.push({
      id: `ACC-${String(result.length + 1).padStart(5, "0")}`,
      name,
      industry: industry.name,
      region: pick(regions),
      foundedYear,
      firstYear,
      exitYear,
      annualWallet,
      walletGrowth,
      annualRevenue,
      grossMargin,
      health: round(health, 2),
      strategicFit,
      salesHeads
    });
  }
  return result;
}

function choose(list: IndustryProfile[], random: Random): IndustryProfile {
  let u = random();
  for (const item of list) if ((u -= item.share) < 0) return item;
  return list[list.length - 1]!;
}

/** Years lived (≥ 1): dies during year L of its life with the industry's age-hazard, scaled by health. */
function drawLifetime(hazard: number[], multiplier: number, random: Random): number {
  for (let age = 1; age < 200; ++age) {
    const h = hazard[Math.min(age, hazard.length) - 1]!;
    if (random() < 1 - pow(1 - h, multiplier)) return age;
  }
  return 200;
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const round = (x: number, digits: number) => Number(x.toFixed(digits));
const roundTo = (x: number, step: number) => Math.max(step, Math.round(x / step) * step);
