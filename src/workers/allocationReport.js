// Makes an allocation report in the browser, off the main thread, on the portfolio loaded here (it
// never leaves the browser): {columns, scenario, allocation, source, scenarioSource, date}, where
// allocation is allocateHeads' result as the Allocate page shows it (packed, see packAllocation), → {type: "done", html} (the
// standalone file's text) or {type: "error", message}. The same renderer as the command line's
// `tierwise allocate --out FILE.html`, so the same portfolio, scenario, heads, futures and seed give
// the same tables.
import {
  accountView,
  allocationReport,
  excerpt,
  portfolioDigest,
  renderAllocationReport,
  sha256,
  unpackAllocation,
  version
} from "tierwise";

onmessage = ({data}) => {
  try {
    const {columns, scenario, allocation, source, scenarioSource, date} = data;
    const accounts = accountView(columns);
    const active = accounts.filter((a) => a.exitYear === null);
    const report = allocationReport(accounts, scenario, {allocation: unpackAllocation(allocation, active)});
    // The scenario as JSON, as the Simulator's "Download scenario (JSON)" writes one.
    const scenarioHash = sha256()
      .update(JSON.stringify(scenario, null, 2))
      .hex()
      .slice(0, 12);
    const html = renderAllocationReport(report, {
      portfolio: {
        name: source.name,
        sample: source.kind === "sample",
        rows: source.rows,
        rejectedRows: source.rejectedRows,
        sha256: portfolioDigest(accounts),
        currency: source.currency
      },
      scenarioSource: `${scenarioSource} (SHA-256 of its JSON ${scenarioHash})`,
      model: `tierwise ${version}`,
      date
    });
    postMessage({type: "done", html});
  } catch (error) {
    postMessage({type: "error", message: excerpt(error instanceof Error ? error.message : String(error), {max: 300})});
  }
};
