// The Method page, assembled at build time from the method notes in docs/, so that the notes in
// the repository and the page never differ. The notes' H1s become the page's sections. Formulas
// are written as GitHub renders them (```math blocks, $`x`$ inline) and typeset here with TeX.
import {readFile} from "node:fs/promises";
import {accountFields, type AccountField} from "tierwise";

const notes = ["method-glossary.md", "method-decision.md", "method-allocation.md", "method-attrition.md"];
const sections = await Promise.all(notes.map((name) => readFile(new URL(`../docs/${name}`, import.meta.url), "utf-8")));
for (const [i, text] of sections.entries()) {
  if (!text.startsWith("# ")) throw new Error(`docs/${notes[i]}: expected to start with a heading`);
  if (text.includes("${")) throw new Error(`docs/${notes[i]}: "\${" would run as code on the page`);
}
/** One note as a section: every heading one level down, "# Method: estimating …" as "## Estimating …". */
function section(text: string): string {
  return typeset(text)
    .replace(/^(#{1,5}) /gm, "$1# ")
    .replace(/^## Method: (.)/, (_, first: string) => `## ${first.toUpperCase()}`);
}

/** GitHub's math syntax as Framework's TeX: a ```math block as ```tex, inline $`x`$ as tex`x`. */
function typeset(text: string): string {
  return text.replace(/^```math$/gm, "```tex").replace(/\$`([^`]+)`\$/g, (_, tex: string) => `\${tex\`${tex}\`}`);
}

/** The data dictionary, from the list of columns the upload checks files against. */
function dictionary(fields: readonly AccountField[]): string {
  const cell = (text: string) => text.replace(/\|/g, "\\|");
  const bounds = (f: AccountField) =>
    f.min !== undefined && f.max !== undefined
      ? `${f.min} to ${f.max}`
      : f.min !== undefined
        ? `at least ${f.min}`
        : "";
  const rows = fields.map((f) => {
    const kind = [f.required ? "required" : "optional", f.type === "string" ? "text" : f.type, f.unit, bounds(f)];
    const feeds = f.ifMissing ? `${f.use} <em>Without it:</em> ${f.ifMissing}` : f.use;
    return `| \`${f.name}\` | ${cell(kind.filter(Boolean).join(", "))} | ${cell(f.description)} | ${cell(feeds)} |`;
  });
  return `## Data dictionary

Every column a portfolio file can have, in the order the template on the Your portfolio page
writes them. Columns may have any name and order in a file: each is matched by its name and can be
corrected before loading. Money is in one currency, per year; shares are fractions (0.3 is 30%).
The Your portfolio page asks which currency (it proposes the one the file's signs and codes name,
such as ¥, 元 or EUR); every page then names amounts in it, and nothing is converted: the scenario's
costs (a sales head, pre-sales spend, cost to serve) are taken to be in the same currency.

| column | kind | holds | feeds |
| --- | --- | --- | --- |
${rows.join("\n")}
`;
}

/**
 * Where a page's settings come from: the one state module and its precedence, said once here and
 * kept beside the code that applies it (src/components/appState.ts, statePrecedence.ts).
 */
const state = `## Settings, links and saved choices

Every page starts from one state, gathered by \`loadAppState\` (src/components/appState.ts): the
portfolio in use with the segment in use applied (a segment made on another portfolio is not
applied, and the portfolio badge says so), the scenario presets, the tier rules saved on Portfolio
& tiers, the hazard edits saved on Attrition, and the page's link. What costs a pass over the
accounts (the year their history covers, their industries, the active ones, the estimated hazards)
is computed only when a page first reads it. The rules that choose between these places are
written once, in src/components/statePrecedence.ts, and tested in Node:

- **A link wins.** A link that can be restored is used whatever this browser saved; one that cannot
  is named with its reason, the defaults are shown, and the address stays as it was opened until a
  setting changes. Settings saved here that cannot be read are named too, never dropped in silence.
- **Tier rules:** the link's, else those saved on Portfolio & tiers, else an imported scenario's,
  else the defaults.
- **Hazards estimated from this portfolio:** the baseline's \`*\` path for industries without an
  estimate, each industry's Weibull estimate at its active accounts' current ages over 15 years
  (exactly the paths the Attrition page's table shows), and the hazard edits on top.
- **The scenario simulated** is built by \`simulatorScenario\` and checked by the model's own
  \`parseScenario\`; the Simulator's link carries that scenario and the run (futures and seed),
  not its inputs: only what differs from the default scenario, the hazard paths that differ from
  those the attrition source supplies (the edits over the estimates, or an imported scenario's
  paths in full), and always its tier rules. Opened on the same portfolio it gives the same numbers,
  whatever tier rules or hazard edits are saved in the browser that opens it; the page says which
  saved settings the link sets aside. Links written before this format still restore, with the
  settings saved in the browser that opens them. The default scenario's link is 60 characters.
- **Allocate and Compare** links hold the same way: Allocate's names the tier rules and hazard edits
  it allocated with; Compare's carries a scenario in full when its browser had rules or edits saved,
  and its plain estimate is read as the plain estimate wherever it is opened.
`;

process.stdout.write(
  `---
title: Method
---

# Method

The model behind every number in Tierwise, for the analyst who has to stand behind them: what each
figure means, the formulas that compute it, the conventions chosen where the literature differs,
and the references. Start with the glossary; the data dictionary lists every column a portfolio
file can have and what each one feeds.

${section(sections[0]!)}
${dictionary(accountFields)}
${sections.slice(1).map(section).join("\n")}
${state}
<style>
/* A long formula scrolls sideways inside the column rather than running past it. */
.katex-display { overflow-x: auto; overflow-y: hidden; padding: 0.25rem 0; }
</style>
`
);
