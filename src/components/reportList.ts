/** A published report's entry in a list: its path under /reports/, its scenario's name and description. */
export interface ReportEntry {
  path: string;
  name: string;
  description: string;
}

/** The list of published reports, each a link to its page (`base` is the path to /reports/ from the page). */
export function ReportList(reports: readonly ReportEntry[], {base}: {base: string}): HTMLElement {
  const list = document.createElement("ul");
  list.className = "tw-report-list";
  for (const report of reports) {
    const item = list.appendChild(document.createElement("li"));
    const link = item.appendChild(document.createElement("a"));
    link.href = `${base}${report.path}`;
    link.textContent = report.name;
    item.append(document.createElement("br"), report.description);
  }
  return list;
}
