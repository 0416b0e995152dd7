import {checkRules, criteria, defaultTierRules, parseScenario, type TierRules} from "tierwise";
import {percent, words} from "./format.js";

/** Tier rules saved on the Portfolio & tiers page, used by the Simulator and Compare in this browser. */
const key = "tierwise-tier-rules";

/**
 * Reads the stored text of saved rules: null rules and no problem when nothing is stored; a value
 * that no longer validates (damaged, or written by another version) is reported, never used.
 */
export function parseStoredRules(text: string | null): {rules: TierRules | null; problem: string | null} {
  if (text === null) return {rules: null, problem: null};
  try {
    // The scenario validator names any bad weight or cut, quoting short excerpts of bad values.
    return {rules: parseScenario({version: 1, tierRules: JSON.parse(text)}).tierRules, problem: null};
  } catch (error) {
    const message = (error as Error).message;
    return {
      rules: null,
      problem: `the tier rules saved in this browser are invalid and were not used (${message.length > 300 ? `${message.slice(0, 299)}…` : message})`
    };
  }
}

/** The saved rules, or null if none are saved; a saved value that no longer validates is reported, not used. */
export function readSavedRules(): {rules: TierRules | null; problem: string | null} {
  let text: string | null;
  try {
    text = localStorage.getItem(key);
  } catch (error) {
    return {rules: null, problem: `this browser's storage cannot be read (${(error as Error).name})`};
  }
  return parseStoredRules(text);
}

export function saveRules(rules: TierRules): void {
  checkRules(rules);
  localStorage.setItem(key, JSON.stringify(rules));
}

export function clearSavedRules(): void {
  localStorage.removeItem(key);
}

/** A one-line description of tier rules: "top 100 by rank, then 15% A and 35% B; weights wallet 0.35, …". */
export function describeRules(rules: TierRules): string {
  const {cut, weights} = rules;
  const cutText =
    cut.by === "rank"
      ? `top ${cut.topN} by score, then ${percent(cut.shareA)} A and ${percent(cut.shareB)} B`
      : `score thresholds S ${cut.S}, A ${cut.A}, B ${cut.B}`;
  const weightText = Object.entries(weights)
    .filter(([, w]) => w > 0)
    .map(([c, w]) => `${words(c)} ${w}`)
    .join(", ");
  return `${cutText}; weights ${weightText}`;
}

/** The tier rules the Portfolio & tiers page's form holds: its weights and the cut it selects. */
export function rulesFromForm(form: {
  weights: TierRules["weights"];
  by: "rank" | "score";
  topN: number;
  shareA: number;
  shareB: number;
  S: number;
  A: number;
  B: number;
}): TierRules {
  const {weights, by, topN, shareA, shareB, S, A, B} = form;
  return {weights, cut: by === "rank" ? {by, topN, shareA, shareB} : {by, S, A, B}};
}

/** Whether two rule sets are the same. */
export function sameRules(a: TierRules, b: TierRules = defaultTierRules): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Why the Portfolio & tiers page's form does not make consistent rules, in a sentence for the
 * page, or null when it does: no weight above zero, score thresholds that do not fall from S to B,
 * or rank shares over all accounts.
 */
export function rulesProblem(form: Parameters<typeof rulesFromForm>[0]): string | null {
  if (!criteria.some((c) => form.weights[c] > 0)) return "Give at least one criterion a weight above zero.";
  if (form.by === "score" && !(form.S >= form.A && form.A >= form.B))
    return "Score thresholds must fall from S to A to B.";
  if (form.by === "rank" && form.shareA + form.shareB > 1)
    return "The A and B shares add up to more than all accounts.";
  return null;
}
