import * as Inputs from "npm:@observablehq/inputs";
import {criteria, defaultTierRules, type TierRules} from "tierwise";
import {words} from "./format.js";
import type {rulesFromForm} from "./tierRulesStore.js";
import {Percent, setDisabled} from "./unitInputs.js";

/** The value of {@link TierRulesForm}, as `rulesFromForm` and `rulesProblem` read it. */
export type TierRulesFormValue = Parameters<typeof rulesFromForm>[0];

/**
 * The tier rules as inputs, starting from `rules`: a weight for each criterion, then the cut, by
 * rank (the top N accounts, then shares of accounts entered in percent and kept as fractions) or by
 * score thresholds. Only the chosen cut's controls are enabled; the other cut's start from its
 * defaults.
 *
 * @example
 * const form = view(TierRulesForm(initialRules)); // {weights, by, topN, shareA, shareB, S, A, B}
 */
export function TierRulesForm(rules: TierRules): HTMLElement & {value: TierRulesFormValue} {
  const {cut} = rules;
  const rank = cut.by === "rank" ? cut : defaultTierRules.cut.by === "rank" ? defaultTierRules.cut : null;
  const share = (label: string, value: number) => Percent(Inputs.range([0, 50], {step: 1, label, value: 100 * value}));
  const rankInputs = {
    topN: Inputs.range([0, 500], {step: 5, label: "Tier S: top N accounts", value: rank?.topN ?? 100}),
    shareA: share("Tier A: next share of accounts (%)", rank?.shareA ?? 0.15),
    shareB: share("Tier B: next share of accounts (%)", rank?.shareB ?? 0.35)
  };
  const threshold = (tier: "S" | "A" | "B", otherwise: number) =>
    Inputs.range([0, 1], {
      step: 0.01,
      label: `Score threshold for ${tier}`,
      value: cut.by === "score" ? cut[tier] : otherwise
    });
  const scoreInputs = {S: threshold("S", 0.8), A: threshold("A", 0.65), B: threshold("B", 0.45)};
  const by = Inputs.radio(
    new Map([
      ["By rank: a top-N list, then shares", "rank"],
      ["By score thresholds", "score"]
    ]),
    {label: "Cut tiers", value: cut.by}
  );
  const weights = Inputs.form<TierRules["weights"]>(
    Object.fromEntries(
      criteria.map((c) => [
        c,
        Inputs.range([0, 1], {step: 0.05, label: `Weight: ${words(c)}`, value: rules.weights[c]})
      ])
    )
  );
  const sync = () => {
    for (const input of Object.values(rankInputs)) setDisabled(input, by.value !== "rank");
    for (const input of Object.values(scoreInputs)) setDisabled(input, by.value !== "score");
  };
  by.addEventListener("input", sync);
  sync();
  return Inputs.form<TierRulesFormValue>({weights, by, ...rankInputs, ...scoreInputs});
}
