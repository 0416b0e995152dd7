import {renderReport, reportCss, reportTables, type ReportProvenance, type ScenarioReport} from "tierwise";
import {Downloadable, downloadCsv, downloadText} from "./download.js";

/** A report as its data loader publishes it (src/data/reports/[scenario].json.ts). */
export interface PublishedReport {
  report: ScenarioReport;
  provenance: ReportProvenance;
  /** The report's sections as HTML text, made by the model's reportBody. */
  body: string;
}

// What the report's HTML may hold: text, tables, lists and inline SVG charts; never a script, a
// frame, a form, an image or a link, and no attribute that runs code or points elsewhere.
const allowed = new Set(
  "div p h1 h2 h3 strong span code ul li dl dt dd table thead tbody tr th td svg g path rect line circle text".split(
    " "
  )
);

/** What each table's CSV download is called, and whether it keeps every digit (the results do, to be checked against the model). */
const csv: Record<string, {what: string; significant: number | null}> = {
  "by-tier": {what: "results by tier", significant: null},
  "against-reference": {what: "the comparison with the reference", significant: null},
  "tier-policies": {what: "the tier policies", significant: 6},
  hazards: {what: "the hazards", significant: 6}
};

const button = (label: string, onClick: () => void) => {
  const b = document.createElement("button");
  b.type = "button";
  b.className = "tw-no-print";
  b.textContent = label;
  b.addEventListener("click", onClick);
  return b;
};

/**
 * A published report on a page: its HTML (the same as the standalone file's body, so the page and
 * the file read alike) parsed inertly, checked to hold only text, tables and charts, and adopted;
 * then each table gets its CSV download, each chart its SVG and PNG downloads, and the report a
 * button that saves it as one standalone HTML file.
 */
export function ReportView({report, provenance, body}: PublishedReport, {file}: {file: string}): HTMLElement {
  const parsed = new DOMParser().parseFromString(`<main>${body}</main>`, "text/html");
  const source = parsed.querySelector("main")!;
  for (const element of source.querySelectorAll("*")) {
    if (!allowed.has(element.localName)) throw new Error(`a published report holds a <${element.localName}> element`);
    for (const {name} of element.attributes)
      if (/^on/i.test(name) || /(^|:)href$/i.test(name) || name === "src")
        throw new Error(`a published report holds a ${name} attribute`);
  }
  const root = document.createElement("div");
  root.className = "tw-report";
  const style = document.createElement("style");
  style.textContent = reportCss;
  root.append(style, ...[...source.childNodes].map((node) => document.importNode(node, true)));
  const tables = reportTables(report, {currency: provenance.portfolio.currency ?? "USD"});
  for (const element of root.querySelectorAll<HTMLElement>("[data-table]")) {
    const table = Object.values(tables).find((t) => t?.name === element.dataset.table);
    const how = csv[element.dataset.table ?? ""];
    if (!table || !how) continue;
    element.after(
      button(`Download ${how.what} (CSV)`, () =>
        downloadCsv(table.rows, `report-${table.name}.csv`, {significant: how.significant})
      )
    );
  }
  for (const element of root.querySelectorAll<HTMLElement>("[data-chart]")) {
    const svg = element.querySelector("svg");
    if (svg) element.append(Downloadable(svg, {name: `report-${element.dataset.chart}`}));
  }
  const save = button("Download this report (HTML)", () =>
    downloadText(renderReport(report, provenance), file, "text/html")
  );
  save.classList.add("tw-save-report");
  root.querySelector("h1")?.after(save);
  return root;
}
