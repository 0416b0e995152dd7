import {
  assignTiers,
  portfolioAsOf,
  type Account,
  type IndustryHazards,
  type Scenario,
  type Tier,
  type TierRules
} from "tierwise";
import {setMoneyCurrency} from "./format.js";
import {readSavedHazardEdits, storedEstimatedHazards} from "./hazardsStore.js";
import {readLinkState} from "./linkState.js";
import {loadPortfolio, type Portfolio} from "./portfolio.js";
import {
  estimatedAttrition,
  linkSetsAside,
  restoreAllocation,
  restoreSimulator,
  simulatorLink,
  storedProblems,
  tierRulesInUse,
  type AllocationRestored,
  type AttritionSource,
  type LinkRead,
  type Presets,
  type RulesInUse,
  type SimulatorRestored
} from "./statePrecedence.js";
import {portfolioKey, readSegments, type SegmentState} from "./segments.js";
import {readSavedRules} from "./tierRulesStore.js";

/**
 * The state every page starts from, gathered in one place: the portfolio in use (the segment in
 * use applied, see segments.ts), the scenario presets, the year the history covers, what this
 * browser saved (tier rules, hazard edits) and the link. The rules that decide between them live in
 * statePrecedence.ts; pages call these functions and never re-derive them.
 */
export interface AppState {
  portfolio: Portfolio;
  /** The ISO 4217 code of the portfolio's money ("USD" when it names none), which every amount shown is in. */
  currency: string;
  presets: Presets;
  /** The last year the portfolio's history covers (see `portfolioAsOf`); computed when first read. */
  readonly asOf: number;
  /** The portfolio's industries: a scenario must give each a hazard path (or a "*" default) to run on it. Computed when first read. */
  readonly industries: Set<string>;
  /** The accounts still active, the ones a relationship is invested in; computed when first read. */
  readonly active: Account[];
  /** The link's settings as the address carries them. */
  link: LinkRead;
  /** The tier rules saved on the Portfolio & tiers page, or null. */
  savedRules: Scenario["tierRules"] | null;
  /** The hazard paths saved on the Attrition page, by industry. */
  hazardEdits: Map<string, number[]>;
  /** Settings saved in this browser that could not be used, one sentence each. */
  problems: string[];
  /** The segments saved in this browser and the one in use, read afresh at each call (a page may save one). */
  segments(): SegmentState;
  /**
   * Each industry's estimated hazard path (see `estimatedHazards`), computed when first read, or
   * read from this browser when this book's were made before (see `storedEstimatedHazards`).
   */
  readonly estimates: IndustryHazards[];
  /**
   * The hazards of "attrition estimated from this portfolio": the baseline's "*" path, each
   * industry's estimate (computed once), and `edits` on top (by default those saved in this browser).
   */
  estimated(edits?: ReadonlyMap<string, number[]>): Record<string, number[]>;
}

/**
 * Loads the portfolio in use and reads every stored setting once. What costs a pass over the
 * accounts (the year they cover, their industries, the active ones, the estimates) is computed
 * only when a page first reads it, so a page that only summarises pays for none of it.
 *
 * @example
 * const app = await loadAppState(FileAttachment("data/sample-portfolio.csv"), FileAttachment("data/scenarios.json"));
 */
export async function loadAppState(
  sample: {text(): Promise<string>},
  presetsFile: {json(): Promise<unknown>},
  {segment = true}: {segment?: boolean} = {}
): Promise<AppState> {
  const [portfolio, presets] = await Promise.all([loadPortfolio(sample, {segment}), presetsFile.json()]);
  const {accounts} = portfolio;
  const {currency} = portfolio.source;
  // The formats of format.ts name every amount in it from now on.
  setMoneyCurrency(currency);
  const rules = readSavedRules();
  const edits = readSavedHazardEdits();
  const hazardEdits = new Map(Object.entries(edits.hazard));
  const baseline = (presets as Presets).baseline;
  if (!baseline) throw new Error("the scenario presets have no baseline");
  let asOf: number | undefined;
  let industries: Set<string> | undefined;
  let active: Account[] | undefined;
  let estimates: IndustryHazards[] | undefined;
  let estimated: Record<string, number[]> | undefined;
  const lastYear = () => (asOf ??= portfolioAsOf(accounts));
  const estimatesOf = () =>
    (estimates ??= storedEstimatedHazards(accounts, {asOf: lastYear(), book: bookName(portfolio)}));
  return {
    portfolio,
    currency,
    presets: presets as Presets,
    get asOf() {
      return lastYear();
    },
    get industries() {
      return (industries ??= new Set(accounts.map((a) => a.industry)));
    },
    get active() {
      return (active ??= accounts.filter((a) => a.exitYear === null));
    },
    get estimates() {
      return estimatesOf();
    },
    link: readLinkState(),
    savedRules: rules.rules,
    hazardEdits,
    problems: storedProblems(rules.problem, edits.problem),
    segments: () => readSegments(),
    estimated(edits = hazardEdits) {
      const hazard = () =>
        estimatedAttrition({
          estimates: estimatesOf(),
          edits,
          // An industry without an estimate falls back to the BLS baseline.
          fallback: baseline.attrition.hazard["*"]!
        });
      return edits === hazardEdits ? (estimated ??= hazard()) : hazard();
    }
  };
}

/**
 * A name for the accounts of an upload that changes with every upload (its time of saving) and
 * with the segment in use (its accounts' ids); null for the sample, whose estimates are cheap.
 */
function bookName({source, segment, accounts}: Portfolio): string | null {
  if (source.kind !== "upload" || source.savedAt === null) return null;
  return JSON.stringify([
    source.name,
    source.savedAt,
    source.rows,
    segment ? portfolioKey(segment.name, accounts) : null
  ]);
}

/** The Simulator's starting point: its link restored (or why not), the tier rules and hazards in use, and its link writer. */
export interface SimulatorState extends SimulatorRestored {
  rules: RulesInUse;
  /** What the link sets aside of what this browser saved, one sentence each (see `linkSetsAside`). */
  setAside: string[];
  /** The estimated hazards the Simulator uses: with the link's hazard edits if it carries them, else those saved here. */
  estimated(): Record<string, number[]>;
  /** The link (version 2) for the scenario simulated and the run. */
  link(
    scenario: Scenario,
    run: {attrition: AttritionSource; trials: number; seed: number}
  ): ReturnType<typeof simulatorLink>;
}

/**
 * The Simulator's starting point. A link wins over what this browser saved: its tier rules and,
 * for estimated attrition, its hazard edits (the saved ones are then noted as set aside).
 */
export function simulatorState(app: AppState): SimulatorState {
  const restored = restoreSimulator(app.link, {industries: app.industries, currency: app.currency});
  const rules = tierRulesInUse({link: restored.settings.tierRules, saved: app.savedRules, base: restored.base});
  const edits = restored.edits ?? app.hazardEdits;
  return {
    ...restored,
    rules,
    setAside: linkSetsAside({
      linkEdits: restored.edits,
      savedEdits: app.hazardEdits,
      linkRules: restored.settings.tierRules,
      savedRules: app.savedRules
    }),
    estimated: () => app.estimated(edits),
    link: (scenario, {attrition, trials, seed}) =>
      simulatorLink(scenario, {
        attrition,
        trials,
        seed,
        base: restored.base !== null,
        presets: app.presets,
        estimates: () => app.estimated(new Map())
      })
  };
}

/** The Allocate page's starting point: its link restored (or why not), the tier rules and hazards in use. */
export interface AllocationState extends AllocationRestored {
  /** The tier rules in use: the link's, else those saved here, else the defaults. */
  rules: RulesInUse;
  /** The hazard edits in use: the link's when it carries rules, else those saved here. */
  hazardEdits: ReadonlyMap<string, number[]>;
  /** What the link sets aside of what this browser saved, one sentence each. */
  setAside: string[];
  /** The estimated hazards with {@link hazardEdits} on top. */
  estimated(): Record<string, number[]>;
}

/**
 * The Allocate page's starting point. `todayHeads` are the heads the active accounts have today:
 * the default total and the range of the total's input.
 */
export function allocationState(app: AppState, {todayHeads}: {todayHeads: number}): AllocationState {
  const inUse = (link: TierRules | null) => tierRulesInUse({link, saved: app.savedRules, base: null});
  const restored = restoreAllocation(app.link, {
    todayHeads,
    // The active accounts size the step of heads and the futures (allocationScale).
    accounts: app.active.length,
    // Each tier's active accounts under the rules in use, for the check that the tiers' least heads fit.
    tierCounts: (rules) => {
      const counts = new Map<Tier, number>();
      for (const {tier} of assignTiers(app.portfolio.accounts, inUse(rules).rules))
        counts.set(tier, (counts.get(tier) ?? 0) + 1);
      return counts;
    }
  });
  const hazardEdits = restored.edits ?? app.hazardEdits;
  return {
    ...restored,
    rules: inUse(restored.tierRules),
    hazardEdits,
    setAside: linkSetsAside({
      linkEdits: restored.edits,
      savedEdits: app.hazardEdits,
      linkRules: restored.tierRules,
      savedRules: app.savedRules
    }),
    estimated: () => app.estimated(hazardEdits)
  };
}
