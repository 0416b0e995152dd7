import {listPages, openSite, visit} from "../test/browser/site.js";

export interface Measurement {
  name: string;
  value: number;
  unit: string;
}

// Records when the first chart (an SVG in a card or figure, drawn in the page or at build time)
// is on the page with a size, in ms since navigation began. Icons and legend swatches are skipped.
const firstChart = `new MutationObserver((records, observer) => {
  const chart = [...document.querySelectorAll("#observablehq-main figure svg, #observablehq-main .card svg")].find((svg) => {
    const {width, height} = svg.getBoundingClientRect();
    return width >= 100 && height >= 50;
  });
  if (chart) {
    window.__firstChart = performance.now();
    observer.disconnect();
  }
}).observe(document, {childList: true, subtree: true});`;

/**
 * For every built page, a first visit in a fresh browser context: bytes transferred, the time
 * from navigation until the first chart is on the page (for pages with charts), and until every
 * cell has settled; best of three.
 */
export async function pageLoad({runs = 3} = {}): Promise<Measurement[]> {
  const site = await openSite();
  const results: Measurement[] = [];
  try {
    for (const path of await listPages()) {
      let best = Infinity;
      let bestChart = Infinity;
      let bytes = 0;
      for (let i = 0; i < runs; ++i) {
        const started = performance.now();
        const v = await visit(site, path, {init: firstChart});
        best = Math.min(best, performance.now() - started);
        bestChart = Math.min(bestChart, (await v.page.evaluate("window.__firstChart")) ?? Infinity);
        bytes = await v.transferred();
        if (v.problems.length) throw new Error(`${path}: ${v.problems.join("; ")}`);
        await v.context.close();
      }
      results.push({name: `first visit ${path}: transferred`, value: bytes, unit: "bytes"});
      if (Number.isFinite(bestChart))
        results.push({name: `first visit ${path}: first chart`, value: Math.round(bestChart), unit: "ms"});
      results.push({name: `first visit ${path}: settled`, value: Math.round(best), unit: "ms"});
    }
  } finally {
    await site.close();
  }
  return results;
}
