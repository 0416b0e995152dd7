import {listPages, openSite, visit} from "../test/browser/site.js";

export interface Measurement {
  name: string;
  value: number;
  unit: string;
}

/**
 * For every built page, a first visit in a fresh browser context: bytes transferred and the time
 * from navigation until every cell has settled, best of three.
 */
export async function pageLoad({runs = 3} = {}): Promise<Measurement[]> {
  const site = await openSite();
  const results: Measurement[] = [];
  try {
    for (const path of await listPages()) {
      let best = Infinity;
      let bytes = 0;
      for (let i = 0; i < runs; ++i) {
        const started = performance.now();
        const v = await visit(site, path);
        best = Math.min(best, performance.now() - started);
        bytes = await v.transferred();
        if (v.problems.length) throw new Error(`${path}: ${v.problems.join("; ")}`);
        await v.context.close();
      }
      results.push({name: `first visit ${path}: transferred`, value: bytes, unit: "bytes"});
      results.push({name: `first visit ${path}: settled`, value: Math.round(best), unit: "ms"});
    }
  } finally {
    await site.close();
  }
  return results;
}
