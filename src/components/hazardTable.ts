import {hazardPercentText, readHazardTable, type HazardTableRow} from "tierwise";

/** One industry of the hazard editor: the path it starts with, and why there is none. */
export interface HazardEditorRow {
  industry: string;
  /** The saved edit or the estimate; null when the industry has neither. */
  path: readonly number[] | null;
  /** Why there is no estimate, when there is none ("no exit yet, …"). */
  note?: string;
}

export interface HazardTableOptions {
  /** Columns shown: years 1 to `years`. Default: 10, or the longest path if longer. */
  years?: number;
}

/**
 * The hazard editor: a table of yearly hazards in percent, one row per industry and one column per
 * year, each cell an input labelled "Retail, year 3". Its value is the rows as
 * `readHazardTable` reads them; an invalid cell is marked (aria-invalid, its reason as its title)
 * as soon as it is typed. Industry names are user text: written as text, never as HTML.
 */
export function HazardTable(
  rows: readonly HazardEditorRow[],
  {years = Math.max(10, ...rows.map((r) => r.path?.length ?? 0))}: HazardTableOptions = {}
): HTMLFormElement & {value: HazardTableRow[]} {
  const form = document.createElement("form") as HTMLFormElement & {value: HazardTableRow[]};
  form.className = "tw-hazard-table";
  form.addEventListener("submit", (event) => event.preventDefault());
  const scroller = form.appendChild(document.createElement("div"));
  scroller.className = "tw-hazard-scroll";
  const table = scroller.appendChild(document.createElement("table"));
  const caption = table.appendChild(document.createElement("caption"));
  caption.textContent = "Yearly hazard, % of the firms alive at the start of each year; columns are years from now";
  const headRow = table.appendChild(document.createElement("thead")).appendChild(document.createElement("tr"));
  const corner = headRow.appendChild(document.createElement("th"));
  corner.textContent = "Industry";
  corner.scope = "col";
  for (let t = 1; t <= years; ++t) {
    const th = headRow.appendChild(document.createElement("th"));
    th.scope = "col";
    // The number alone, so fifteen years fit a laptop's width; the caption and the title say what it counts.
    th.textContent = String(t);
    th.title = `Year ${t}`;
  }
  const body = table.appendChild(document.createElement("tbody"));
  const inputs = rows.map(({industry, path, note}) => {
    const tr = body.appendChild(document.createElement("tr"));
    const th = tr.appendChild(document.createElement("th"));
    th.scope = "row";
    th.textContent = industry;
    if (!path) {
      const why = th.appendChild(document.createElement("small"));
      why.textContent = "no estimate: baseline";
      if (note) why.title = note;
    }
    return Array.from({length: years}, (_, i) => {
      const input = tr.appendChild(document.createElement("td")).appendChild(document.createElement("input"));
      input.type = "text";
      input.inputMode = "decimal";
      input.autocomplete = "off";
      input.setAttribute("aria-label", `${industry}, year ${i + 1}`);
      const h = path?.[i];
      input.value = h === undefined ? "" : hazardPercentText(h);
      return input;
    });
  });
  const read = (): HazardTableRow[] =>
    rows.map(({industry, path}, r) => ({
      industry,
      cells: inputs[r]!.map((input) => input.value),
      initial: path ?? null
    }));
  const mark = () => {
    for (const row of inputs)
      for (const input of row) {
        input.removeAttribute("aria-invalid");
        input.removeAttribute("title");
      }
    const {problems} = readHazardTable(read());
    for (const p of problems) {
      const input = inputs[rows.findIndex((r) => r.industry === p.industry)]?.[p.year - 1];
      if (!input) continue;
      input.setAttribute("aria-invalid", "true");
      input.title = p.message;
    }
  };
  form.addEventListener("input", mark);
  Object.defineProperty(form, "value", {get: read});
  mark();
  return form;
}
