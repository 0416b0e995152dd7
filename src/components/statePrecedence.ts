import {
  allocationFutures,
  allocationScale,
  checkScenarioHazards,
  headsSteps,
  type AllocationScale,
  compactScenario,
  defaultEffortResponse,
  defaultScenario,
  effortResponse,
  formatNumber,
  moneyScale,
  parseScenario,
  tiers,
  type Scenario,
  type Tier,
  type TierRules
} from "tierwise";

/**
 * The rules that decide which settings a page uses when several places hold them: the link, what
 * this browser saved (tier rules, hazard edits, scenarios), an imported scenario and the defaults.
 * Written once here and read by {@link ./appState.ts}, which gathers the stored values; pure (no
 * DOM, no storage), so that every rule is tested in Node.
 *
 * The precedence, everywhere:
 * - a link that carries valid settings wins over anything saved in this browser; a link that cannot
 *   be restored is reported, and the defaults (with what this browser saved) are used instead;
 * - tier rules: the link's, else those saved on the Portfolio & tiers page, else an imported
 *   scenario's, else the defaults;
 * - hazards "estimated from this portfolio": each industry's estimate, the edits saved on the
 *   Attrition page on top, and the preset baseline's "*" path for industries without either;
 * - a segment applies only to the portfolio it was made on (see segments.ts).
 */

/** What a link holds, as linkState.ts decodes it: nothing, a value, or why it could not be read. */
export type LinkRead = null | {value: unknown} | {error: string};

/** The scenario presets the build publishes (data/scenarios/*.json), by file name. */
export type Presets = Record<string, Scenario>;

/** The presets every attrition choice names; the build fails without them. */
export const presetAttrition = ["baseline", "shakeout", "regulated"] as const;

/** Where a page's hazards come from. */
export type AttritionSource = "estimated" | (typeof presetAttrition)[number] | "imported";

/** The Simulator's sliders: their ranges and steps. An imported scenario must fit them to be shown exactly. */
export const simulatorSliders = {
  horizon: {range: [1, 30], step: 1},
  discountRate: {range: [0, 0.5], step: 0.005},
  costPerHead: {range: [0, 1_000_000], step: 5_000},
  shockVolatility: {range: [0, 2], step: 0.05},
  rampYears: {range: [0, 15], step: 1},
  headsPerAccount: {range: [0, 10], step: 0.05},
  presalesCost: {range: [0, 2_000_000], step: 5_000},
  firstShare: {range: [0, 1], step: 0.01},
  shareCeiling: {range: [0, 1], step: 0.01},
  shareGrowth: {range: [0, 1], step: 0.01}
} as const satisfies Record<string, {range: readonly [number, number]; step: number}>;

/**
 * The Simulator's sliders for a book in `currency`: those of money (a head's cost, pre-sales spend)
 * reach `moneyScale(currency)` times further.
 *
 * @example
 * slidersFor("JPY").costPerHead; // {range: [0, 100_000_000], step: 5_000}
 */
export function slidersFor(currency = "USD"): Record<keyof typeof simulatorSliders, Slider> {
  const k = moneyScale(currency);
  // The same step, so every amount that fits the dollar's sliders (the defaults) fits these too.
  const scaled = ({range: [min, max], step}: Slider): Slider => ({range: [min, max * k], step});
  return {
    ...simulatorSliders,
    costPerHead: scaled(simulatorSliders.costPerHead),
    presalesCost: scaled(simulatorSliders.presalesCost)
  };
}

/** A slider's range and step. */
export interface Slider {
  range: readonly [number, number];
  step: number;
}

/** The numbers of futures the Simulator offers. */
export const simulatorTrials = [200, 1000, 5000, 20000] as const;

/** A tier's policy as the Simulator's inputs hold it: `keepShare` stands for a first share of "current". */
export interface TierSettings {
  rampYears: number;
  headsPerAccount: number;
  presalesCost: number;
  keepShare: boolean;
  firstShare: number;
  shareCeiling: number;
  shareGrowth: number;
}

/** The scenario's global numbers and the run settings (futures and seed), as the Simulator's inputs hold them. */
export interface GlobalSettings {
  horizon: number;
  discountRate: number;
  costPerHead: number;
  shockVolatility: number;
  trials: number;
  seed: number;
}

/**
 * The Simulator's link, version 1: every input, the tier rules it used and, when a scenario was
 * imported, that scenario (compacted: only what differs from the defaults). With the portfolio it
 * determines the scenario simulated ({@link simulatorScenario}) and the run.
 */
export interface SimulatorLink {
  version: 1;
  attrition: AttritionSource;
  global: GlobalSettings;
  tiers: Record<Tier, TierSettings>;
  tierRules?: TierRules;
  base?: Record<string, unknown>;
}

const tierSettingKeys = [
  "rampYears",
  "headsPerAccount",
  "presalesCost",
  "keepShare",
  "firstShare",
  "shareCeiling",
  "shareGrowth"
] as const;

/** A tier policy as the Simulator's inputs show it. */
export function tierSettings(policy: Scenario["tiers"][Tier]): TierSettings {
  const {rampYears, headsPerAccount, presalesCost, firstShare, shareCeiling, shareGrowth} = policy;
  const keepShare = firstShare === "current";
  // The slider shows 10% while the tier keeps today's share, as the default S and A policies do not.
  return {
    rampYears,
    headsPerAccount,
    presalesCost,
    keepShare,
    firstShare: keepShare ? 0.1 : firstShare,
    shareCeiling,
    shareGrowth
  };
}

/** The Simulator's settings with no link: the default scenario, estimated attrition, 1,000 futures, seed 1. */
export const simulatorDefaults: SimulatorLink = {
  version: 1,
  attrition: "estimated",
  global: {
    horizon: defaultScenario.horizon,
    discountRate: defaultScenario.discountRate,
    costPerHead: defaultScenario.costPerHead,
    shockVolatility: defaultScenario.attrition.shockVolatility,
    trials: 1000,
    seed: 1
  },
  tiers: Object.fromEntries(tiers.map((t) => [t, tierSettings(defaultScenario.tiers[t])])) as Record<Tier, TierSettings>
};

/**
 * The Simulator's link, version 2: the scenario it simulates and the run, so that a link gives the
 * same numbers on the same portfolio whatever this browser saves afterwards (tier rules, hazard
 * edits). Short keys keep it short; the hazards a source supplies are named, not copied.
 */
export interface ScenarioLink {
  v: 2;
  /** Where the hazards come from. */
  a: AttritionSource;
  /**
   * The scenario, as compactScenario writes it (only what differs from the defaults), without its
   * version, its `asOf` (the portfolio's), its hazards (in `h`), and, unless `b`, its name and
   * description (the attrition source's). Tier rules that equal the defaults are omitted too:
   * a version 2 link always names its rules, so saved ones never replace them.
   */
  s: Record<string, unknown>;
  /**
   * Hazard paths over those the source supplies: for estimated attrition the edits in use over
   * the portfolio's estimates, for an imported scenario all of its paths; omitted when none.
   */
  h?: Record<string, number[]>;
  /** 1 when the scenario sits on an imported one (its name, description and what the inputs do not show). */
  b?: 1;
  /** Futures. */
  n: number;
  /** Seed. */
  r: number;
}

/** The Simulator's settings restored from its link, the scenario it imported, and why not if it could not be. */
export interface SimulatorRestored {
  settings: SimulatorLink;
  /** The imported scenario the link carries, validated and checked against the portfolio; else null. */
  base: Scenario | null;
  /** Why the link could not be restored (the defaults are used instead), or null. */
  problem: string | null;
  /**
   * The hazard edits the link carries for estimated attrition, which replace those saved in this
   * browser; null when the link carries none (no link, a version 1 link, another source).
   */
  edits: Map<string, number[]> | null;
}

const restoreFailed = (problem: string): SimulatorRestored => ({
  settings: simulatorDefaults,
  base: null,
  problem,
  edits: null
});

/** The scenario a tier's settings and the global settings describe over `from`, unchecked. */
function scenarioOver(
  from: Scenario,
  global: Omit<GlobalSettings, "trials" | "seed">,
  policies: Record<Tier, TierSettings>,
  extra: Partial<Scenario>
): unknown {
  return {
    ...from,
    ...extra,
    horizon: global.horizon,
    discountRate: global.discountRate,
    costPerHead: global.costPerHead,
    attrition: {...from.attrition, ...extra.attrition, shockVolatility: global.shockVolatility},
    tiers: Object.fromEntries(
      tiers.map((t) => {
        const {keepShare, firstShare, ...rest} = policies[t];
        return [t, {...from.tiers[t], ...rest, firstShare: keepShare ? "current" : firstShare}];
      })
    )
  };
}

/**
 * The Simulator's settings from its link: the link's when it carries valid ones of version 1 (its
 * imported scenario valid and fitting the portfolio's `industries`, every setting one the model
 * accepts); otherwise the defaults, with the reason. Never throws.
 *
 * @example
 * restoreSimulator(null, {industries: ["Telecom"]}).problem // null: the defaults
 * restoreSimulator({error: "the link's settings are damaged (not readable JSON)"}, {industries: []}).problem
 * // "the link's settings are damaged (not readable JSON)"
 */
export function restoreSimulator(
  link: LinkRead,
  {industries, currency = "USD"}: {industries: Iterable<string>; currency?: string}
): SimulatorRestored {
  if (link === null) return {settings: simulatorDefaults, base: null, problem: null, edits: null};
  if ("error" in link) return restoreFailed(link.error);
  if (isRecord(link.value) && link.value.v === 2) return restoreScenarioLink(link.value, {industries, currency});
  const v = link.value as Partial<Record<keyof SimulatorLink, unknown>> | null;
  if (v?.version !== 1) return restoreFailed(`the link is from another version (${JSON.stringify(v?.version)})`);
  let base: Scenario | null = null;
  if (v.base !== undefined) {
    try {
      base = parseScenario(v.base);
    } catch (error) {
      return restoreFailed(`the imported scenario is invalid: ${(error as Error).message}`);
    }
    const fit = checkScenarioHazards(base.attrition, industries);
    if (fit.problem) return restoreFailed(`the imported scenario does not fit this portfolio: ${fit.problem}`);
  }
  const sources: unknown[] = ["estimated", ...presetAttrition, ...(base ? ["imported"] : [])];
  if (!sources.includes(v.attrition)) return restoreFailed(`unknown attrition source ${JSON.stringify(v.attrition)}`);
  const global = v.global as Partial<GlobalSettings> | undefined;
  if (
    !(simulatorTrials as readonly unknown[]).includes(global?.trials) ||
    !Number.isSafeInteger(global?.seed) ||
    (global?.seed as number) < 1
  )
    return restoreFailed("invalid number of futures or seed");
  const linkTiers = v.tiers as Partial<Record<Tier, Record<string, unknown>>> | undefined;
  if (
    !tiers.every((t) => {
      const p = linkTiers?.[t];
      return (
        p && typeof p === "object" && Object.keys(p).every((k) => (tierSettingKeys as readonly string[]).includes(k))
      );
    })
  )
    return restoreFailed("tier settings are missing or unknown");
  const bad = tiers.find((t) => typeof linkTiers![t]!.keepShare !== "boolean");
  // Checked above: each tier's settings hold only TierSettings keys; the parser checks their values.
  const policies = linkTiers as unknown as Record<Tier, TierSettings>;
  if (bad) return restoreFailed(`tiers.${bad}.keepShare: must be true or false`);
  let parsed: Scenario;
  try {
    // The model's own validation of the scenario the settings describe.
    parsed = parseScenario(
      scenarioOver(
        base ?? defaultScenario,
        global as GlobalSettings,
        policies,
        v.tierRules !== undefined ? {tierRules: v.tierRules as TierRules} : {}
      )
    );
  } catch (error) {
    return restoreFailed((error as Error).message);
  }
  const settings: SimulatorLink = {
    version: 1,
    attrition: v.attrition as AttritionSource,
    global: global as GlobalSettings,
    tiers: policies,
    ...(v.tierRules !== undefined ? {tierRules: parsed.tierRules} : {}),
    ...(base ? {base: compactScenario(base)} : {})
  };
  return {settings, base, problem: null, edits: null};
}

const isRecord = (x: unknown): x is Record<string, unknown> => x !== null && typeof x === "object" && !Array.isArray(x);

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The scenario's global numbers as the Simulator's inputs hold them. */
function globalSettings(scenario: Scenario): Omit<GlobalSettings, "trials" | "seed"> {
  const {horizon, discountRate, costPerHead} = scenario;
  return {horizon, discountRate, costPerHead, shockVolatility: scenario.attrition.shockVolatility};
}

/**
 * Each number of the scenario the Simulator's inputs show that is off its slider (those of a book in
 * `currency`, see {@link slidersFor}), one sentence each.
 */
export function sliderProblems(scenario: Scenario, {currency = "USD"}: {currency?: string} = {}): string[] {
  const sliders = slidersFor(currency);
  const problems: string[] = [];
  const check = (path: string, value: number, slider: {range: readonly [number, number]; step: number}) => {
    if (!onSlider(value, slider))
      problems.push(
        `${path} is ${value}; the simulator's slider takes ${slider.range[0]} to ${slider.range[1]} in steps of ${slider.step}`
      );
  };
  const global = globalSettings(scenario);
  for (const [k, v] of Object.entries(global) as [keyof typeof global, number][])
    check(k === "shockVolatility" ? "attrition.shockVolatility" : k, v, sliders[k]);
  for (const t of tiers) {
    const p = scenario.tiers[t];
    for (const k of ["rampYears", "headsPerAccount", "presalesCost", "shareCeiling", "shareGrowth"] as const)
      check(`tiers.${t}.${k}`, p[k], sliders[k]);
    if (p.firstShare !== "current") check(`tiers.${t}.firstShare`, p.firstShare, sliders.firstShare);
  }
  return problems;
}

/**
 * The hazards a source supplies before anything the link adds: the portfolio's estimates without
 * edits, a preset's paths, or none for an imported scenario (the link carries all of its paths).
 */
function sourceHazards(
  source: AttritionSource,
  {presets, estimates}: {presets: Presets; estimates: Estimated}
): Record<string, number[]> {
  if (source === "imported") return {};
  if (source === "estimated") return typeof estimates === "function" ? estimates() : estimates;
  const preset = presets[source];
  if (!preset) throw new Error(`there is no preset ${source}`);
  return preset.attrition.hazard;
}

/**
 * The Simulator's link (version 2) for the scenario it simulates and the run: the scenario
 * compacted, its hazard paths that differ from those its source supplies (`estimates` are the
 * portfolio's estimates without edits, computed only for estimated attrition), futures and seed.
 *
 * @example
 * simulatorLink(scenario, {attrition: "baseline", trials: 1000, seed: 1, base: false, presets, estimates: {}})
 * // {v: 2, a: "baseline", s: {}, n: 1000, r: 1} for the default policies and rules
 */
export function simulatorLink(
  scenario: Scenario,
  {
    attrition,
    trials,
    seed,
    base,
    presets,
    estimates
  }: {
    attrition: AttritionSource;
    trials: number;
    seed: number;
    base: boolean;
    presets: Presets;
    estimates: Estimated;
  }
): ScenarioLink {
  const supplied = sourceHazards(attrition, {presets, estimates});
  const added = Object.entries(scenario.attrition.hazard).filter(
    ([industry, path]) => !(Object.hasOwn(supplied, industry) && sameJson(supplied[industry], path))
  );
  const compact = compactScenario({
    ...scenario,
    attrition: {...scenario.attrition, hazard: defaultScenario.attrition.hazard}
  });
  const dropped = ["version", "asOf", ...(base ? [] : ["name", "description"])];
  const s = Object.fromEntries(Object.entries(compact).filter(([k]) => !dropped.includes(k)));
  return {
    v: 2,
    a: attrition,
    s,
    ...(added.length > 0 ? {h: Object.fromEntries(added)} : {}),
    ...(base ? {b: 1 as const} : {}),
    n: trials,
    r: seed
  };
}

/** A version 2 link restored, or the defaults with the reason (see {@link restoreSimulator}). */
function restoreScenarioLink(
  v: Record<string, unknown>,
  {industries, currency}: {industries: Iterable<string>; currency: string}
): SimulatorRestored {
  const sources: unknown[] = ["estimated", ...presetAttrition, "imported"];
  if (!sources.includes(v.a)) return restoreFailed(`unknown attrition source ${JSON.stringify(v.a)}`);
  const source = v.a as AttritionSource;
  if (!(simulatorTrials as readonly unknown[]).includes(v.n) || !Number.isSafeInteger(v.r) || (v.r as number) < 1)
    return restoreFailed("invalid number of futures or seed");
  if (!isRecord(v.s)) return restoreFailed("the link carries no scenario");
  if (v.h !== undefined && !isRecord(v.h)) return restoreFailed("the link's hazard paths are not a list by industry");
  if (v.b !== undefined && v.b !== 1) return restoreFailed("the link's base flag must be 1");
  const added = (v.h ?? {}) as Record<string, unknown>;
  const base = v.b === 1;
  if (source === "imported" && !base) return restoreFailed("imported attrition without its imported scenario");
  if (presetAttrition.includes(source as (typeof presetAttrition)[number]) && Object.keys(added).length > 0)
    return restoreFailed(`hazard paths over the preset ${source}: only estimated or imported attrition takes them`);
  const s = v.s as Record<string, unknown>;
  const attrition = isRecord(s.attrition) ? s.attrition : {};
  let parsed: Scenario;
  try {
    // The model's own validation; the link's paths are checked with the defaults' "*" beside them
    // unless they are the imported scenario's, which must stand alone.
    parsed = parseScenario({
      ...s,
      version: 1,
      attrition: {
        ...attrition,
        hazard: source === "imported" ? added : {...defaultScenario.attrition.hazard, ...added}
      }
    });
  } catch (error) {
    return restoreFailed((error as Error).message);
  }
  if (source === "imported") {
    const fit = checkScenarioHazards(parsed.attrition, industries);
    if (fit.problem) return restoreFailed(`the imported scenario does not fit this portfolio: ${fit.problem}`);
  }
  const offSlider = sliderProblems(parsed, {currency});
  if (offSlider.length > 0) return restoreFailed(offSlider.join("; "));
  const settings: SimulatorLink = {
    version: 1,
    attrition: source,
    global: {...globalSettings(parsed), trials: v.n as number, seed: v.r as number},
    tiers: Object.fromEntries(tiers.map((t) => [t, tierSettings(parsed.tiers[t])])) as Record<Tier, TierSettings>,
    tierRules: parsed.tierRules
  };
  // Without a base, the inputs over the defaults must give the scenario back: a link carrying
  // more (an effort response, another setting the inputs do not show) would otherwise lose it.
  if (!base) {
    const rebuilt = parseScenario(
      scenarioOver(defaultScenario, settings.global, settings.tiers, {tierRules: parsed.tierRules})
    );
    const strip = (x: Scenario) => ({...x, name: "", description: "", attrition: {...x.attrition, hazard: {}}});
    if (!sameJson(strip(rebuilt), strip(parsed)))
      return restoreFailed("the link's scenario holds settings the simulator's inputs do not show, without its base");
  }
  const paths = Object.keys(added).map((industry): [string, number[]] => [
    industry,
    parsed.attrition.hazard[industry]!
  ]);
  return {
    settings,
    base: base
      ? {
          ...parsed,
          attrition: {
            ...parsed.attrition,
            hazard: source === "imported" ? parsed.attrition.hazard : defaultScenario.attrition.hazard
          }
        }
      : null,
    problem: null,
    edits: source === "estimated" ? new Map(paths) : null
  };
}

/**
 * What a link sets aside of what this browser saved, as sentences for the page: hazard edits or
 * tier rules saved here that differ from those the link carries, which it uses instead.
 *
 * @example
 * linkSetsAside({linkEdits: new Map(), savedEdits: new Map([["Telecom", [0.3]]]), linkRules: null, savedRules: null})
 * // ["This link carries its own hazard edits (none), so the 1 industry's edits saved on the Attrition page are not used while you follow it."]
 */
export function linkSetsAside({
  linkEdits,
  savedEdits,
  linkRules,
  savedRules
}: {
  linkEdits: ReadonlyMap<string, number[]> | null;
  savedEdits: ReadonlyMap<string, number[]>;
  linkRules: TierRules | null | undefined;
  savedRules: TierRules | null;
}): string[] {
  const notes: string[] = [];
  const asObject = (m: ReadonlyMap<string, number[]>) => JSON.stringify([...m].sort(([a], [b]) => (a < b ? -1 : 1)));
  if (linkEdits && savedEdits.size > 0 && asObject(linkEdits) !== asObject(savedEdits)) {
    const theirs =
      linkEdits.size === 0 ? "none" : `${linkEdits.size} ${linkEdits.size === 1 ? "industry" : "industries"}`;
    const ours = `${savedEdits.size} ${savedEdits.size === 1 ? "industry's" : "industries'"}`;
    notes.push(
      `This link carries its own hazard edits (${theirs}), so the ${ours} edits saved on the Attrition page are not used while you follow it.`
    );
  }
  if (linkRules && savedRules && !sameJson(linkRules, savedRules))
    notes.push(
      "This link carries its own tier rules, so the rules saved on the Portfolio & tiers page are not used while you follow it."
    );
  return notes;
}

/** Which tier rules a page uses, and where they come from, in words for the page. */
export interface RulesInUse {
  rules: TierRules;
  source: "from the link" | "saved on the Portfolio & tiers page" | "from the imported scenario" | "the defaults";
}

/**
 * The tier rules in use: the link's, else those saved in this browser, else the imported
 * scenario's, else the defaults.
 *
 * @example
 * tierRulesInUse({link: null, saved: null, base: null}) // {rules: defaultScenario.tierRules, source: "the defaults"}
 */
export function tierRulesInUse({
  link,
  saved,
  base
}: {
  link: TierRules | null | undefined;
  saved: TierRules | null;
  base: Scenario | null;
}): RulesInUse {
  if (link) return {rules: link, source: "from the link"};
  if (saved) return {rules: saved, source: "saved on the Portfolio & tiers page"};
  if (base) return {rules: base.tierRules, source: "from the imported scenario"};
  return {rules: defaultScenario.tierRules, source: "the defaults"};
}

/**
 * The hazards of "attrition estimated from this portfolio": `fallback` for industries without an
 * estimate (key "*"), each industry's estimate, and the edits saved on the Attrition page on top.
 * Every key is an own property, whatever the industries are called.
 */
export function estimatedAttrition({
  estimates,
  edits,
  fallback
}: {
  estimates: readonly {industry: string; hazard: number[] | null}[];
  edits: ReadonlyMap<string, number[]>;
  fallback: number[];
}): Record<string, number[]> {
  const estimated = estimates.flatMap((e) => (e.hazard ? [[e.industry, e.hazard] as const] : []));
  return Object.fromEntries([["*", fallback], ...estimated, ...edits]);
}

/** The estimated hazards, or a function that computes them only when they are used (Weibull fits cost). */
export type Estimated = Record<string, number[]> | (() => Record<string, number[]>);

/** The attrition a source names: its hazards and its name. */
export function attritionFor(
  source: AttritionSource,
  {presets, estimated, base}: {presets: Presets; estimated: Estimated; base: Scenario | null}
): {hazard: Record<string, number[]>; name: string} {
  if (source === "estimated")
    return {
      hazard: typeof estimated === "function" ? estimated() : estimated,
      name: "Attrition estimated from this portfolio"
    };
  if (source === "imported") {
    if (!base) throw new Error("no scenario was imported");
    return {hazard: base.attrition.hazard, name: base.name};
  }
  const preset = presets[source];
  if (!preset) throw new Error(`there is no preset ${source}`);
  return {hazard: preset.attrition.hazard, name: preset.name};
}

/**
 * The scenario the Simulator simulates: the imported scenario (else the defaults) with the
 * inputs' global numbers and tier policies, the hazards of `attrition`, and `tierRules`, checked by
 * the model's own parser. Throws the parser's error on settings the model refuses.
 *
 * @example
 * const estimated = estimatedAttrition({estimates: [], edits: new Map(), fallback: [0.1]});
 * simulatorScenario({...simulatorDefaults, global: {...simulatorDefaults.global, horizon: 5}},
 *   {asOf: 2024, presets, estimated, base: null, tierRules: defaultScenario.tierRules}).horizon // 5
 */
export function simulatorScenario(
  settings: Pick<SimulatorLink, "attrition" | "global" | "tiers">,
  {
    asOf,
    presets,
    estimated,
    base,
    tierRules
  }: {asOf: number; presets: Presets; estimated: Estimated; base: Scenario | null; tierRules: TierRules}
): Scenario {
  const {hazard, name} = attritionFor(settings.attrition, {presets, estimated, base});
  const from = base ?? defaultScenario;
  return parseScenario(
    scenarioOver(from, settings.global, settings.tiers, {
      name,
      description: base ? base.description : `${name}; tier policies as set in the simulator.`,
      asOf,
      tierRules,
      attrition: {...from.attrition, hazard}
    })
  );
}

/** Whether `value` is on a slider: within its range and on its steps. */
export function onSlider(value: number, {range: [min, max], step}: {range: readonly [number, number]; step: number}) {
  return value >= min && value <= max && Math.abs(Math.round((value - min) / step) * step + min - value) < 1e-9;
}

/**
 * The Simulator's link for an imported scenario, keeping the run settings: every number of the
 * scenario the inputs show must sit on its slider, and its hazards must cover the portfolio's
 * industries; otherwise the problems, one per field, and no link.
 */
export function importedSimulatorLink(
  scenario: Scenario,
  {
    industries,
    trials,
    seed,
    currency = "USD"
  }: {industries: Iterable<string>; trials: number; seed: number; currency?: string}
): {link: SimulatorLink; problems: []} | {link: null; problems: string[]} {
  const problems: string[] = [];
  const fit = checkScenarioHazards(scenario.attrition, industries);
  if (fit.problem) problems.push(`it does not fit this portfolio: ${fit.problem}`);
  problems.push(...sliderProblems(scenario, {currency}));
  const global = globalSettings(scenario);
  if (problems.length > 0) return {link: null, problems};
  const policies = Object.fromEntries(tiers.map((t) => [t, tierSettings(scenario.tiers[t])])) as Record<
    Tier,
    TierSettings
  >;
  return {
    link: {
      version: 1,
      attrition: "imported",
      global: {...global, trials, seed},
      tiers: policies,
      tierRules: scenario.tierRules,
      base: compactScenario(scenario)
    },
    problems: []
  };
}

/** The Simulator's step for heads per account: heads sent to it are rounded to it, so it shows exactly what it simulates. */
export const simulatorHeadsStep = simulatorSliders.headsPerAccount.step;

/**
 * Each tier's heads per account in an allocation, rounded to the Simulator's step; a tier without
 * accounts keeps its policy's.
 *
 * @example
 * allocatedHeadsPerAccount({S: {heads: 260, accounts: 100}, ...}, defaultScenario).S // 2.6
 */
export function allocatedHeadsPerAccount(
  allocated: Record<Tier, {heads: number; accounts: number}>,
  scenario: Pick<Scenario, "tiers">
): Record<Tier, number> {
  const step = simulatorHeadsStep;
  return Object.fromEntries(
    tiers.map((t) => {
      const {heads, accounts} = allocated[t];
      const perAccount =
        accounts > 0
          ? Number((Math.round(heads / accounts / step) * step).toFixed(2))
          : scenario.tiers[t].headsPerAccount;
      return [t, perAccount];
    })
  ) as Record<Tier, number>;
}

/**
 * The Simulator's link (version 2) for an allocation of heads: the scenario allocated (its tier
 * rules, policies, hazards and hazard edits) with each tier's heads per account (rounded to the
 * Simulator's step; a tier without accounts keeps its policy's), the effort response anchored at
 * the policies' own heads, so that share won and ramp follow the heads as they do on the Allocate
 * page, and the same seed. Futures the Simulator does not offer (a big book's 100) become the
 * fewest it does. It carries the scenario, so the Simulator restores the same numbers whatever the
 * browser that opens it has saved.
 *
 * @example
 * allocatedSimulatorLink(scenario, {attrition: "baseline", trials: 1000, seed: 1, tiers: result.tiers, presets, estimates: {}})
 * // {v: 2, a: "baseline", s: {name: "Allocated heads", tiers: {S: {headsPerAccount: 2.6}, ...}, response: ...}, b: 1, n: 1000, r: 1}
 */
export function allocatedSimulatorLink(
  scenario: Scenario,
  {
    attrition,
    trials,
    seed,
    tiers: allocated,
    presets,
    estimates
  }: {
    attrition: Exclude<AttritionSource, "imported">;
    trials: number;
    seed: number;
    tiers: Record<Tier, {heads: number; accounts: number}>;
    presets: Presets;
    estimates: Estimated;
  }
): ScenarioLink {
  const perAccount = allocatedHeadsPerAccount(allocated, scenario);
  const sent: Scenario = {
    ...scenario,
    name: "Allocated heads",
    description:
      "The allocation's heads per account in each tier, with the effort response anchored at the tier policies' own heads.",
    tiers: Object.fromEntries(
      tiers.map((t) => [t, {...scenario.tiers[t], headsPerAccount: perAccount[t]}])
    ) as Scenario["tiers"],
    response: {
      ...effortResponse(scenario),
      anchor: Object.fromEntries(tiers.map((t) => [t, scenario.tiers[t].headsPerAccount]))
    }
  };
  const offered = simulatorTrials.find((n) => n >= trials) ?? simulatorTrials[simulatorTrials.length - 1]!;
  return simulatorLink(sent, {attrition, trials: offered, seed, base: true, presets, estimates});
}

/**
 * Settings saved in this browser that could not be used, as sentences for the page: each problem
 * a store reported, capitalised, never dropped in silence.
 */
export function storedProblems(...problems: (string | null | undefined)[]): string[] {
  return problems.filter((p): p is string => !!p).map((p) => `${p[0]!.toUpperCase()}${p.slice(1)}.`);
}

/** A scenario a Compare link names: a preset by key, this portfolio's estimate, or a scenario in full. */
export type ComparedScenario = {preset: string} | {estimated: true} | {scenario: Record<string, unknown>};

/** The Compare page's link, version 1. */
export interface ComparisonLink {
  version: 1;
  scenarios: ComparedScenario[];
  /** The index in `scenarios` of the reference scenario. */
  reference: number;
  trials: number;
  seed: number;
  tornado: {target: Tier | "total"; trials: number};
}

/** The numbers of futures Compare offers for the comparison and for each tornado run. */
export const comparisonTrials = [200, 1000, 5000] as const;
export const tornadoTrials = [200, 500, 1000] as const;

/** Compare's settings with no link: the baseline against the shakeout, 1,000 futures, seed 1, a tornado of tier S. */
export const comparisonDefaults: ComparisonLink = {
  version: 1,
  scenarios: [{preset: "baseline"}, {preset: "shakeout"}],
  reference: 0,
  trials: 1000,
  seed: 1,
  tornado: {target: "S", trials: 200}
};

/** Compare's settings restored from its link, the scenarios it carries in full, and why not if it could not be. */
export interface ComparisonRestored {
  settings: ComparisonLink;
  /** The scenarios the link carries in full, validated and fitting the portfolio, with their index in `settings.scenarios`. */
  linked: {index: number; scenario: Scenario}[];
  problem: string | null;
}

/**
 * Compare's settings from its link: the link's when it names known presets, the estimate or
 * scenarios that validate and fit the portfolio's `industries`, a reference among them and
 * offered numbers of futures; otherwise the defaults, with the reason. Never throws.
 *
 * A link writes `{estimated: true}` only when its browser had no tier rules or hazard edits saved:
 * it stands for the plain estimate with the default rules. Where this browser has saved some, its
 * own estimate differs, so `plainEstimate` (given only then) supplies the scenario the link meant,
 * carried as a linked scenario.
 *
 * @example
 * restoreComparison(null, {presets: ["baseline", "shakeout"], industries: []}).settings.reference // 0
 */
export function restoreComparison(
  link: LinkRead,
  {
    presets,
    industries,
    plainEstimate
  }: {presets: readonly string[]; industries: Iterable<string>; plainEstimate?: (() => Scenario) | undefined}
): ComparisonRestored {
  const failed = (problem: string): ComparisonRestored => ({settings: comparisonDefaults, linked: [], problem});
  if (link === null) return {settings: comparisonDefaults, linked: [], problem: null};
  if ("error" in link) return failed(link.error);
  const v = link.value as Partial<Record<keyof ComparisonLink, unknown>> | null;
  if (v?.version !== 1) return failed(`the link is from another version (${JSON.stringify(v?.version)})`);
  if (!Array.isArray(v.scenarios) || v.scenarios.length === 0) return failed("the link names no scenarios");
  const book = [...industries];
  const linked: {index: number; scenario: Scenario}[] = [];
  for (const [i, s] of (v.scenarios as Partial<Record<string, unknown>>[]).entries()) {
    if (s?.preset !== undefined && !presets.includes(s.preset as string))
      return failed(`unknown preset ${JSON.stringify(s.preset)}`);
    if (s?.scenario !== undefined) {
      let scenario: Scenario;
      try {
        scenario = parseScenario(s.scenario);
      } catch (error) {
        return failed(`scenario ${i + 1}: ${(error as Error).message}`);
      }
      const {problem} = checkScenarioHazards(scenario.attrition, book);
      if (problem) return failed(`scenario ${i + 1}: it does not fit this portfolio: ${problem}`);
      linked.push({index: i, scenario});
    } else if (s?.preset === undefined && s?.estimated !== true)
      return failed(`scenario ${i + 1} is neither a preset, the estimate, nor a scenario`);
    else if (s?.estimated === true && plainEstimate) linked.push({index: i, scenario: plainEstimate()});
  }
  if (!(Number.isInteger(v.reference) && (v.reference as number) >= 0 && (v.reference as number) < v.scenarios.length))
    return failed("invalid reference scenario");
  if (
    !(comparisonTrials as readonly unknown[]).includes(v.trials) ||
    !Number.isSafeInteger(v.seed) ||
    (v.seed as number) < 1
  )
    return failed("invalid number of futures or seed");
  const tornado = v.tornado as Partial<ComparisonLink["tornado"]> | undefined;
  if (
    !([...tiers, "total"] as unknown[]).includes(tornado?.target) ||
    !(tornadoTrials as readonly unknown[]).includes(tornado?.trials)
  )
    return failed("invalid tornado settings");
  const settings = v as unknown as ComparisonLink;
  const plain = new Map(linked.map(({index, scenario}) => [index, scenario]));
  return {
    settings: plainEstimate
      ? {
          ...settings,
          scenarios: settings.scenarios.map((s, i) =>
            "estimated" in s ? {scenario: compactScenario(plain.get(i)!)} : s
          )
        }
      : settings,
    linked,
    problem: null
  };
}

/** The name of {@link estimatedScenario}'s scenario, known before its hazards are estimated. */
export const estimatedScenarioName = "Attrition estimated from this portfolio";

/**
 * The scenario "attrition estimated from this portfolio" as Compare offers it: the default
 * policies, the tier rules saved in this browser (else the defaults) and the estimated hazards.
 * `rulesText` describes saved rules for the description.
 */
export function estimatedScenario({
  estimated,
  savedRules,
  rulesText
}: {
  estimated: Record<string, number[]>;
  savedRules: TierRules | null;
  rulesText: string;
}): Scenario {
  return {
    ...defaultScenario,
    name: estimatedScenarioName,
    description: `Each industry's hazards as estimated on the Attrition page (with any saved edits); default tier policies; ${savedRules ? `tier rules saved on the Portfolio & tiers page (${rulesText})` : "default tier rules"}.`,
    tierRules: savedRules ?? defaultScenario.tierRules,
    attrition: {...defaultScenario.attrition, hazard: estimated}
  };
}

/** The Allocate page's link, version 1: every input. */
export interface AllocationLink {
  version: 1;
  attrition: Exclude<AttritionSource, "imported">;
  /** Total heads to place. */
  heads: number;
  /**
   * Heads move in steps of this size, one of headsSteps. A link without it (written before)
   * takes the step the book's size chooses (allocationScale).
   */
  step?: number;
  objective: "mean" | "cvar";
  /** The weight on the shortfall of the worst futures, and their share (the risk-averse objective). */
  weight: number;
  alpha: number;
  /** Least and most heads per account, by tier. */
  perTier: Record<Tier, {min: number; max: number}>;
  trials: number;
  seed: number;
  /**
   * The tier rules the accounts were tiered by. Written since links carry what they simulate; a
   * link without them (written before) takes the rules saved in the browser that opens it.
   */
  tierRules?: TierRules;
  /** With `tierRules`, the hazard edits over the estimates that estimated attrition used; absent, none. */
  h?: Record<string, number[]>;
}

/** The range of the total-heads slider: up to twice today's heads, in tens, and at least 10. */
export function allocationHeadsRange(todayHeads: number): [number, number] {
  return [0, Math.max(10, Math.ceil((2 * todayHeads) / 10) * 10)];
}

/**
 * Allocate's settings with no link: today's heads (on the step), expected NPV, every bound open,
 * the step and futures the book's size chooses (see allocationScale; 0.25 and 1,000 on a small
 * book), seed 1.
 */
export function allocationDefaults(
  todayHeads: number,
  {step, trials}: Pick<AllocationScale, "step" | "trials"> = allocationScale(0)
): AllocationLink {
  const maxHeads = defaultEffortResponse.maxHeads;
  return {
    version: 1,
    attrition: "estimated",
    heads: Math.round(todayHeads / step) * step,
    step,
    objective: "mean",
    weight: 1,
    alpha: 0.1,
    perTier: Object.fromEntries(tiers.map((t) => [t, {min: 0, max: maxHeads}])) as AllocationLink["perTier"],
    trials,
    seed: 1
  };
}

/**
 * Allocate's settings from its link: the link's when its step is one the book can hold, every
 * setting is on its input's range and step, each tier's least heads at most its most, and the
 * tiers' least heads fit in the total (`tierCounts`, called only then, gives each tier's active
 * accounts); otherwise the defaults, with the reason. `accounts` (the active accounts) sizes the
 * step and futures (see allocationScale). Never throws.
 *
 * @example
 * restoreAllocation(null, {todayHeads: 10, tierCounts: () => new Map()}).settings.heads // 10
 */
export function restoreAllocation(
  link: LinkRead,
  {
    todayHeads,
    tierCounts,
    accounts = 0
  }: {todayHeads: number; tierCounts: (rules: TierRules | null) => ReadonlyMap<Tier, number>; accounts?: number}
): AllocationRestored {
  const scale = allocationScale(accounts);
  const defaults = allocationDefaults(todayHeads, scale);
  const failed = (problem: string): AllocationRestored => ({settings: defaults, problem, tierRules: null, edits: null});
  if (link === null) return {settings: defaults, problem: null, tierRules: null, edits: null};
  if ("error" in link) return failed(link.error);
  const v = link.value as Partial<Record<keyof AllocationLink, unknown>> | null;
  if (v?.version !== 1) return failed(`the link is from another version (${JSON.stringify(v?.version)})`);
  const step = v.step === undefined ? scale.step : v.step;
  if (!(headsSteps as readonly unknown[]).includes(step))
    return failed(`heads move in steps of ${headsSteps.join(", ")}, not ${JSON.stringify(step)}`);
  if ((step as number) < scale.smallestStep)
    return failed(
      `steps of ${step as number} heads are too fine for ${accounts.toLocaleString("en-US")} accounts: the smallest that works is ${scale.smallestStep}`
    );
  const by = step as number;
  const maxHeads = defaultEffortResponse.maxHeads;
  const range = allocationHeadsRange(todayHeads);
  const onGrid = (x: unknown, [lo, hi]: readonly [number, number], grid: number) =>
    typeof x === "number" && x >= lo && x <= hi && Math.abs(Math.round(x / grid) * grid - x) < 1e-9;
  if (!["estimated", ...presetAttrition].includes(v.attrition as string))
    return failed(`unknown attrition source ${JSON.stringify(v.attrition)}`);
  if (!onGrid(v.heads, range, by)) return failed(`total heads must be ${range[0]} to ${range[1]} in steps of ${by}`);
  if (
    !["mean", "cvar"].includes(v.objective as string) ||
    !onGrid(v.weight, [0, 5], 0.1) ||
    !onGrid(v.alpha, [0.01, 0.5], 0.01)
  )
    return failed("invalid objective");
  const perTier = v.perTier as Partial<Record<Tier, {min?: unknown; max?: unknown}>> | undefined;
  if (!tiers.every((t) => onGrid(perTier?.[t]?.min, [0, maxHeads], by) && onGrid(perTier?.[t]?.max, [0, maxHeads], by)))
    return failed("invalid heads per account by tier");
  const bounds = perTier as AllocationLink["perTier"];
  const below = tiers.find((t) => bounds[t].min > bounds[t].max);
  if (below) return failed(`tier ${below}'s least heads per account are above its most`);
  let tierRules: TierRules | null = null;
  let edits: Map<string, number[]> | null = null;
  if (v.tierRules !== undefined) {
    if (v.h !== undefined && !isRecord(v.h)) return failed("the link's hazard paths are not a list by industry");
    const h = (v.h ?? {}) as Record<string, unknown>;
    try {
      // The model's own checks of rules and paths; the defaults' "*" stands beside the paths.
      const parsed = parseScenario({
        version: 1,
        tierRules: v.tierRules,
        attrition: {hazard: {...defaultScenario.attrition.hazard, ...h}}
      });
      tierRules = parsed.tierRules;
      edits = new Map(Object.keys(h).map((industry) => [industry, parsed.attrition.hazard[industry]!]));
    } catch (error) {
      return failed((error as Error).message);
    }
  } else if (v.h !== undefined) return failed("hazard paths without tier rules");
  // The tiers' minimums must fit in the total, so that the first allocation can be made.
  const counts = tierCounts(tierRules);
  const least = tiers.reduce((sum, t) => sum + bounds[t].min * (counts.get(t) ?? 0), 0);
  const heads = (x: number) => formatNumber(x, {digits: 2});
  if ((v.heads as number) < least - 1e-9)
    return failed(
      `the tiers' least heads per account take ${heads(least)} heads, more than the ${heads(v.heads as number)} to place`
    );
  if (!scale.futures.includes(v.trials as number) || !Number.isSafeInteger(v.seed) || (v.seed as number) < 1)
    return failed(
      scale.futures.length < allocationFutures.length && (allocationFutures as readonly unknown[]).includes(v.trials)
        ? `${(v.trials as number).toLocaleString("en-US")} futures of ${accounts.toLocaleString("en-US")} accounts do not fit in memory: at most ${scale.futures.at(-1)!.toLocaleString("en-US")}`
        : "invalid number of futures or seed"
    );
  return {settings: {...(v as unknown as AllocationLink), step: by}, problem: null, tierRules, edits};
}

/** Allocate's settings restored from its link, with the rules and hazard edits it carries. */
export interface AllocationRestored {
  settings: AllocationLink;
  problem: string | null;
  /** The link's tier rules, which win over saved ones; null for no link or one written before it carried them. */
  tierRules: TierRules | null;
  /** The link's hazard edits (empty for none), which replace saved ones; null when the link carries no rules. */
  edits: Map<string, number[]> | null;
}

/**
 * Allocate's link: its inputs, the tier rules its accounts are tiered by and, for estimated
 * attrition, the hazard edits over the estimates, so that it gives the same allocation whatever
 * the browser that opens it has saved.
 *
 * @example
 * allocationLink(allocationDefaults(776), {tierRules: defaultScenario.tierRules, edits: new Map()}).h // undefined
 */
export function allocationLink(
  settings: Omit<AllocationLink, "tierRules" | "h">,
  {tierRules, edits}: {tierRules: TierRules; edits: ReadonlyMap<string, number[]>}
): AllocationLink {
  const h = settings.attrition === "estimated" && edits.size > 0 ? {h: Object.fromEntries(edits)} : {};
  return {...settings, tierRules, ...h};
}

/**
 * The Explore page's query from its link (`{q: "SELECT …"}`): null when the link holds none, with
 * the reason when a link was given but cannot be read. Never throws.
 *
 * @example
 * restoreQuery({value: {q: "SELECT 1"}}) // {query: "SELECT 1", problem: null}
 */
export function restoreQuery(link: LinkRead): {query: string | null; problem: string | null} {
  if (link === null) return {query: null, problem: null};
  if ("error" in link) return {query: null, problem: link.error};
  const q = isRecord(link.value) ? link.value.q : undefined;
  return typeof q === "string" ? {query: q, problem: null} : {query: null, problem: "the link holds no query"};
}
