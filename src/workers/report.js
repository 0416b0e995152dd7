// Makes a report in the browser, off the main thread, on the portfolio loaded here (it never leaves
// the browser): {columns, scenario, reference, trials, seed, source, scenarioSource, date}
//   → {type: "progress", done} along the way, then {type: "done", html} (the standalone file's text)
//   or {type: "error", message}. The same model and renderer as the site's reports and the command
//   line, so the same portfolio, scenario and seed give the same file.
import {accountView, excerpt, portfolioDigest, renderReport, scenarioReport, version} from "tierwise";

onmessage = ({data}) => {
  try {
    const {columns, scenario, reference, trials, seed, source, scenarioSource, date} = data;
    const accounts = accountView(columns);
    const report = scenarioReport(accounts, scenario, {
      trials,
      seed,
      ...(reference ? {reference} : {}),
      onProgress: (done) => postMessage({type: "progress", done})
    });
    const html = renderReport(report, {
      portfolio: {
        name: source.name,
        sample: source.kind === "sample",
        rows: source.rows,
        rejectedRows: source.rejectedRows,
        sha256: portfolioDigest(accounts),
        currency: source.currency
      },
      scenarioSource,
      model: `tierwise ${version}`,
      date
    });
    postMessage({type: "done", html});
  } catch (error) {
    postMessage({type: "error", message: excerpt(error instanceof Error ? error.message : String(error), {max: 300})});
  }
};
