import {portfolioAsOf, type Account, type Scenario} from "tierwise";
import {estimatedHazards, readSavedHazardEdits} from "./hazardsStore.js";
import {readLinkState} from "./linkState.js";
import {loadPortfolio, type Portfolio} from "./portfolio.js";
import {
  estimatedAttrition,
  restoreSimulator,
  storedProblems,
  tierRulesInUse,
  type LinkRead,
  type Presets,
  type RulesInUse,
  type SimulatorRestored
} from "./statePrecedence.js";
import {readSavedRules} from "./tierRulesStore.js";

/**
 * The state every page starts from, gathered in one place: the portfolio in use (the segment in
 * use applied, see segments.ts), the scenario presets, the year the history covers, what this
 * browser saved (tier rules, hazard edits) and the link. The rules that decide between them live in
 * statePrecedence.ts; pages call these functions and never re-derive them.
 */
export interface AppState {
  portfolio: Portfolio;
  presets: Presets;
  /** The last year the portfolio's history covers (see `portfolioAsOf`). */
  asOf: number;
  /** The portfolio's industries: a scenario must give each a hazard path (or a "*" default) to run on it. */
  industries: Set<string>;
  /** The accounts still active, the ones a relationship is invested in. */
  active: Account[];
  /** The link's settings as the address carries them. */
  link: LinkRead;
  /** The tier rules saved on the Portfolio & tiers page, or null. */
  savedRules: Scenario["tierRules"] | null;
  /** The hazard paths saved on the Attrition page, by industry. */
  hazardEdits: Map<string, number[]>;
  /** Settings saved in this browser that could not be used, one sentence each. */
  problems: string[];
  /** The hazards of "attrition estimated from this portfolio" (estimates, then saved edits), computed once. */
  estimated(): Record<string, number[]>;
}

/**
 * Loads the portfolio in use and reads every stored setting once.
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
  const asOf = portfolioAsOf(accounts);
  const rules = readSavedRules();
  const edits = readSavedHazardEdits();
  const hazardEdits = new Map(Object.entries(edits.hazard));
  let estimated: Record<string, number[]> | null = null;
  const baseline = (presets as Presets).baseline;
  if (!baseline) throw new Error("the scenario presets have no baseline");
  return {
    portfolio,
    presets: presets as Presets,
    asOf,
    industries: new Set(accounts.map((a) => a.industry)),
    active: accounts.filter((a) => a.exitYear === null),
    link: readLinkState(),
    savedRules: rules.rules,
    hazardEdits,
    problems: storedProblems(rules.problem, edits.problem),
    estimated: () =>
      (estimated ??= estimatedAttrition({
        estimates: estimatedHazards(accounts, {asOf}),
        edits: hazardEdits,
        // An industry without an estimate falls back to the BLS baseline.
        fallback: baseline.attrition.hazard["*"]!
      }))
  };
}

/** The Simulator's starting point: its link restored (or why not), and the tier rules in use. */
export function simulatorState(app: AppState): SimulatorRestored & {rules: RulesInUse} {
  const restored = restoreSimulator(app.link, {industries: app.industries});
  const rules = tierRulesInUse({link: restored.settings.tierRules, saved: app.savedRules, base: restored.base});
  return {...restored, rules};
}
