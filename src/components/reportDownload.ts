import {columnsOfAccounts, type Account, type Scenario} from "tierwise";
import {downloadText} from "./download.js";
import type {PortfolioSource} from "./portfolioRecord.js";

/** What a report made in the browser is made of. */
export interface ReportRequest {
  accounts: readonly Account[];
  scenario: Scenario;
  reference: Scenario | null;
  trials: number;
  seed: number;
  source: PortfolioSource;
  /** How the scenario was set, for the report's provenance. */
  scenarioSource: string;
}

/** What a portfolio badge names, as a report's provenance names it. */
interface ShownPortfolio {
  source: PortfolioSource;
  segment?: {name: string; accounts: number; of: number};
}

/**
 * The portfolio a report made in the browser names: a segment in use is named with its share of
 * the file's accounts, since the accounts reported are the segment's, not the whole file's.
 */
export function reportSource({source, segment}: ShownPortfolio): PortfolioSource {
  return segment
    ? {
        ...source,
        kind: "upload",
        name: `${source.name}, segment “${segment.name}” (${segment.accounts.toLocaleString("en-US")} of ${segment.of.toLocaleString("en-US")} accounts)`
      }
    : source;
}

/**
 * A "Download report" button: makes a standalone HTML report in a worker (src/workers/report.js
 * for a scenario report, src/workers/allocationReport.js for an allocation's) from the request
 * `get()` gives when clicked, with the reader's date added, and saves it. The status beside it
 * says what it is doing, and `data-state` is "done" or "error" when it has finished (a test waits
 * on that).
 */
export function ReportDownload<T extends object = ReportRequest>(
  workerUrl: string,
  get: () => T,
  {file = "tierwise-report.html", className = ""} = {}
): HTMLElement {
  const div = document.createElement("div");
  div.className = ["tw-report-download", className].filter(Boolean).join(" ");
  const button = div.appendChild(document.createElement("button"));
  button.type = "button";
  button.textContent = "Download report (HTML)";
  const status = div.appendChild(document.createElement("span"));
  status.className = "muted";
  status.setAttribute("role", "status");
  button.addEventListener("click", () => {
    const request = get();
    button.disabled = true;
    div.dataset.state = "running";
    status.textContent = " Making the report…";
    const worker = new Worker(workerUrl, {type: "module"});
    const finish = (state: string, text: string) => {
      worker.terminate();
      button.disabled = false;
      div.dataset.state = state;
      status.textContent = text;
    };
    worker.onmessage = ({data}) => {
      if (data.type === "progress") status.textContent = ` Making the report… ${Math.floor(100 * data.done)}%`;
      else if (data.type === "done") {
        downloadText(data.html, file, "text/html");
        finish("done", " Saved.");
      } else finish("error", ` The report could not be made: ${data.message}`);
    };
    worker.onerror = () => finish("error", " The report could not be made.");
    // The reader's own calendar date, not UTC's (in Beijing before 08:00 UTC's is yesterday).
    const now = new Date();
    const date = [now.getFullYear(), now.getMonth() + 1, now.getDate()]
      .map((d) => String(d).padStart(2, "0"))
      .join("-");
    // The accounts go as columns (a copy of a few typed arrays), never as objects one by one.
    const {accounts, ...rest} = request as T & {accounts?: readonly Account[]};
    worker.postMessage({...rest, ...(accounts ? {columns: columnsOfAccounts(accounts)} : {}), date});
  });
  return div;
}
