// The Method page, assembled at build time from the method notes in docs/, so that the notes in
// the repository and the page never differ. The notes' H1s become the page's sections.
import {readFile} from "node:fs/promises";

const notes = ["method-decision.md", "method-attrition.md"];
const sections = await Promise.all(notes.map((name) => readFile(new URL(`../docs/${name}`, import.meta.url), "utf-8")));
for (const [i, text] of sections.entries()) {
  if (!text.startsWith("# ")) throw new Error(`docs/${notes[i]}: expected to start with a heading`);
  if (text.includes("${")) throw new Error(`docs/${notes[i]}: "\${" would run as code on the page`);
}
/** One note as a section: every heading one level down, "# Method: estimating …" as "## Estimating …". */
function section(text: string): string {
  return text
    .replace(/^(#{1,5}) /gm, "$1# ")
    .replace(/^## Method: (.)/, (_, first: string) => `## ${first.toUpperCase()}`);
}

process.stdout.write(
  `---
title: Method
---

# Method

The model behind every number in Tierwise: its formulas, conventions and assumptions, and the
references they come from.

${sections.map(section).join("\n")}`
);
