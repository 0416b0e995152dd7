import {readOnlySql} from "tierwise";
import {queryResult, type ArrowLike, type QueryResult} from "./queryResult.js";

/**
 * What running a query did: refused before the database, failed in it, or returned a result; or,
 * while the database starts, the result of the page's first question counted on the page (see
 * `accountsByIndustryResult`), which the database's own result replaces.
 */
export type QueryOutcome =
  | {kind: "provisional"; result: QueryResult}
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
 * A run's outcomes, for a page cell to show one after the other: `early` first when it is given (a
 * result in hand while the database starts), then the query's own outcome once the database is open.
 */
export async function* queryOutcomes(
  opening: PromiseLike<{query(sql: string): Promise<ArrowLike>}>,
  text: string,
  {early = null}: {early?: QueryResult | null} = {}
): AsyncGenerator<QueryOutcome, void, undefined> {
  if (early) yield {kind: "provisional", result: early};
  yield await runQuery(await opening, text);
}

/**
 * What a run did, in a sentence, on an element that carries the run's number and state
 * (`data-run`, `data-state`, `data-rows`): the page's signal that the result on screen is the latest.
 * A provisional result carries no run number: the run it stands in for has not finished.
 */
export function QueryStatus(outcome: QueryOutcome, {run}: {run: number}): HTMLElement {
  const p = document.createElement("p");
  p.className = "tw-query-status";
  p.dataset.state = outcome.kind;
  if (outcome.kind === "provisional") {
    p.classList.add("muted");
    p.textContent = `${outcome.result.totalRows.toLocaleString("en-US")} rows, counted on this page while DuckDB starts; DuckDB's own result replaces them in a moment.`;
    return p;
  }
  p.dataset.run = String(run);
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
