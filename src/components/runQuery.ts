import {readOnlySql} from "tierwise";
import {queryResult, type ArrowLike, type QueryResult} from "./queryResult.js";

/** What running a query did: refused before the database, failed in it, or returned a result. */
export type QueryOutcome =
  | {kind: "refused"; reason: string}
  | {kind: "error"; message: string}
  | {kind: "done"; result: QueryResult; seconds: number};

/**
 * Runs a query typed by the user: refused with the read-only check's reason before it reaches the
 * database unless it is one read-only query; the database's own error as text if it fails.
 */
export async function runQuery(
  db: {query(sql: string): Promise<ArrowLike>},
  text: string,
  {maxRows = 100_000, now = () => performance.now()}: {maxRows?: number; now?: () => number} = {}
): Promise<QueryOutcome> {
  const check = readOnlySql(text);
  if (!check.ok) return {kind: "refused", reason: check.reason};
  const start = now();
  let table: ArrowLike;
  try {
    table = await db.query(check.sql);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {kind: "error", message: message.length > 2000 ? `${message.slice(0, 1999)}…` : message};
  }
  return {kind: "done", result: queryResult(table, {maxRows}), seconds: (now() - start) / 1000};
}

/**
 * What a run did, in a sentence, on an element that carries the run's number and state
 * (`data-run`, `data-state`, `data-rows`): the page's signal that the result on screen is the latest.
 */
export function QueryStatus(outcome: QueryOutcome, {run}: {run: number}): HTMLElement {
  const p = document.createElement("p");
  p.className = "tw-query-status";
  p.dataset.run = String(run);
  p.dataset.state = outcome.kind;
  if (outcome.kind === "done") {
    const {totalRows, rows, columns} = outcome.result;
    p.dataset.rows = String(totalRows);
    p.textContent = `${totalRows.toLocaleString("en-US")} ${totalRows === 1 ? "row" : "rows"}, ${columns.length} ${columns.length === 1 ? "column" : "columns"}, in ${outcome.seconds < 0.1 ? "less than 0.1" : outcome.seconds.toFixed(1)} s.${rows.length < totalRows ? ` The first ${rows.length.toLocaleString("en-US")} are shown and downloaded: aggregate or add a LIMIT to see the rest.` : ""}`;
  } else {
    p.classList.add("tw-error");
    p.setAttribute("role", "alert");
    // DuckDB's messages point at the error with a caret under the query's line.
    p.style.whiteSpace = "pre-wrap";
    p.textContent =
      outcome.kind === "refused" ? `Not run: ${outcome.reason}.` : `DuckDB could not run the query: ${outcome.message}`;
  }
  return p;
}
