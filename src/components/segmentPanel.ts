import type {QueryResult} from "./queryResult.js";
import {
  deleteSegment,
  samePortfolio,
  saveSegment,
  segmentFromResult,
  useSegment,
  type PortfolioKey,
  type SegmentState
} from "./segments.js";

function message(className: string): HTMLParagraphElement {
  const p = document.createElement("p");
  p.className = className;
  p.setAttribute("role", "status");
  return p;
}

/**
 * A name and a "Save as segment" button for the accounts of a query's result; says plainly why the
 * result cannot be a segment (no `id` column). Saving puts the segment in use and calls `onSaved`.
 */
export function SegmentSaver(
  result: QueryResult | null,
  {
    query,
    accounts,
    portfolio,
    onSaved
  }: {query: string; accounts: readonly {id: string}[]; portfolio: PortfolioKey; onSaved: () => void}
): HTMLElement {
  const div = document.createElement("div");
  div.className = "tw-segment-saver";
  const note = message("tw-segment-note");
  if (result === null) {
    note.textContent = "Run a query that returns accounts' ids to save them as a segment.";
    div.append(note);
    return div;
  }
  if (result.ids === null) {
    note.className = "tw-segment-note muted";
    note.textContent =
      "This result cannot be saved as a segment: it has no id column. A segment is the set of accounts a query returns, so select their id (SELECT id, … FROM accounts WHERE …).";
    div.append(note);
    return div;
  }
  const form = document.createElement("form");
  Object.assign(form.style, {display: "flex", flexWrap: "wrap", gap: "0.5rem", alignItems: "center"});
  const input = document.createElement("input");
  input.type = "text";
  input.maxLength = 100;
  input.placeholder = "APAC telecom operators";
  input.setAttribute("aria-label", "Segment name");
  const button = document.createElement("button");
  button.type = "submit";
  button.textContent = "Save as segment";
  form.append(input, button);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const made = segmentFromResult(result.ids, accounts, {
      name: input.value,
      query,
      portfolio,
      savedAt: new Date().toISOString()
    });
    if ("problem" in made) {
      note.className = "tw-segment-note tw-error";
      note.textContent = made.problem;
      return;
    }
    try {
      saveSegment(made.segment);
    } catch (error) {
      note.className = "tw-segment-note tw-error";
      note.textContent = `The segment could not be saved: ${(error as Error).message}.`;
      return;
    }
    note.className = "tw-segment-note tw-saved";
    note.textContent = `Saved “${made.segment.name}”: ${made.segment.ids.length.toLocaleString("en-US")} accounts, now in use on every page.${made.leftOut > 0 ? ` ${made.leftOut.toLocaleString("en-US")} ids the query returned are not accounts of this portfolio and were left out.` : ""}`;
    onSaved();
  });
  const count = document.createElement("p");
  count.className = "muted";
  count.textContent = `Saves the ${new Set(result.ids).size.toLocaleString("en-US")} accounts whose id the query returned, with the query and the portfolio it ran on.`;
  div.append(form, count, note);
  return div;
}

/**
 * The segment in use on every page (or none), chosen from the saved segments, each with its size,
 * the portfolio it was made on, its date and its query; problems reading them are said, not thrown.
 */
export function SegmentPicker(
  state: SegmentState,
  {portfolio, onChange}: {portfolio: PortfolioKey; onChange: () => void}
): HTMLElement {
  const div = document.createElement("div");
  div.className = "tw-segment-picker";
  const status = message("tw-segment-status");
  for (const problem of state.problems) {
    const p = document.createElement("p");
    p.className = "tw-error";
    p.setAttribute("role", "alert");
    p.textContent = problem;
    div.append(p);
  }
  if (state.segments.length === 0) {
    const p = document.createElement("p");
    p.className = "muted";
    p.textContent = "No segment is saved in this browser yet.";
    div.append(p);
    return div;
  }
  const label = document.createElement("label");
  label.textContent = "Segment in use on every page ";
  const select = document.createElement("select");
  select.className = "tw-segment-select";
  const none = new Option("None: the whole portfolio", "");
  select.append(none);
  for (const segment of state.segments) {
    const elsewhere = !samePortfolio(segment.portfolio, portfolio);
    select.append(
      new Option(
        `${segment.name} (${segment.ids.length.toLocaleString("en-US")} accounts${elsewhere ? ", made on another portfolio" : ""})`,
        segment.name
      )
    );
  }
  select.value = state.inUse ?? "";
  label.append(select);
  const remove = document.createElement("button");
  remove.type = "button";
  remove.textContent = "Delete segment";
  remove.disabled = state.inUse === null;
  const act = (what: () => void) => {
    try {
      what();
      onChange();
    } catch (error) {
      status.className = "tw-segment-status tw-error";
      status.textContent = `The change could not be saved: ${(error as Error).message}.`;
    }
  };
  select.addEventListener("change", () => act(() => useSegment(select.value === "" ? null : select.value)));
  remove.addEventListener("click", () => act(() => select.value !== "" && deleteSegment(select.value)));
  const row = document.createElement("div");
  Object.assign(row.style, {display: "flex", flexWrap: "wrap", gap: "0.75rem", alignItems: "center"});
  row.append(label, remove);
  const table = document.createElement("table");
  table.className = "tw-segments";
  table.style.width = "100%";
  table.style.maxWidth = "none";
  const head = table.createTHead().insertRow();
  for (const title of ["Segment", "Accounts", "Made on", "Saved", "Query"]) {
    const th = document.createElement("th");
    th.textContent = title;
    head.append(th);
  }
  const body = table.createTBody();
  for (const segment of state.segments) {
    const tr = body.insertRow();
    const made = segment.portfolio;
    const cells = [
      segment.name,
      segment.ids.length.toLocaleString("en-US"),
      `${made.name}, ${made.accounts.toLocaleString("en-US")} accounts${samePortfolio(made, portfolio) ? "" : " (not this one)"}`,
      segment.savedAt.slice(0, 10),
      segment.query
    ];
    for (const text of cells) {
      const td = tr.insertCell();
      td.textContent = text;
    }
    const query = tr.lastElementChild as HTMLElement;
    Object.assign(query.style, {fontFamily: "var(--monospace)", fontSize: "12px", whiteSpace: "pre-wrap"});
  }
  const scroll = document.createElement("div");
  scroll.className = "tw-scroll";
  scroll.style.overflowX = "auto";
  scroll.append(table);
  div.append(row, status, scroll);
  return div;
}
