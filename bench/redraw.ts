import {openSite, visit} from "../test/browser/site.js";
import type {Measurement} from "./pageLoad.js";

// Runs in the page, as source text: the bench runner's transpiler would otherwise add helpers the page lacks.
const measure = `async (value) => {
  const main = document.querySelector("#observablehq-main");
  const card = (title) => [...main.querySelectorAll(".card")].find((c) => c.querySelector("h2")?.textContent === title);
  const old = [
    card("NPV across simulated futures")?.querySelector("svg"),
    card("Revenue per sales head (人效)")?.querySelector("svg"),
    card("Results by tier")?.querySelector("table")
  ];
  if (old.some((e) => !e)) throw new Error("the simulator's results are not on the page");
  const input = main.querySelector("form input[type=number][max='15']");
  const started = performance.now();
  input.value = String(value);
  input.dispatchEvent(new Event("input", {bubbles: true}));
  await new Promise((resolve, reject) => {
    const timeout = setTimeout(() => reject(new Error("the simulator did not redraw within 10 s")), 10000);
    const check = () => (old.every((e) => !e.isConnected) ? (clearTimeout(timeout), resolve()) : requestAnimationFrame(check));
    requestAnimationFrame(check);
  });
  // The frame that shows them.
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  return performance.now() - started;
}`;

/**
 * From a changed input to redrawn charts on the Simulator (sample portfolio, 1,000 futures), in
 * headless Chromium: tier S's ramp is set alternately to 3 and 2 years, and the clock stops when
 * the NPV histogram, the revenue-per-head chart and the results table have been
 * replaced and the browser has painted. Median and worst of `runs`, with the page's pool of
 * workers as large as the cores Chromium reports, and with one worker (the page told it has one
 * core), so the gain of the pool shows beside the kernel's.
 */
export async function redraw({runs = 15} = {}): Promise<Measurement[]> {
  const site = await openSite();
  try {
    const rows: Measurement[] = [];
    for (const cores of [null, 1]) {
      const init =
        cores === null
          ? undefined
          : `Object.defineProperty(Navigator.prototype, "hardwareConcurrency", {get: () => ${cores}})`;
      const {page, context, problems} = await visit(site, "/simulator", init ? {init} : {});
      await page.locator(".tw-verdict").first().waitFor();
      const workers = Number(await page.evaluate("navigator.hardwareConcurrency"));
      const times: number[] = [];
      for (let k = 0; k < runs; ++k) {
        times.push(await page.evaluate(`(${measure})(${k % 2 === 0 ? 3 : 2})`));
      }
      if (problems.length) throw new Error(`/simulator: ${problems.join("; ")}`);
      await context.close();
      times.sort((a, b) => a - b);
      const label = `simulator input to redraw (1,000 futures, ${workers} worker${workers === 1 ? "" : "s"})`;
      rows.push(
        {name: `${label}: median`, value: Math.round(times[Math.floor(runs / 2)]!), unit: "ms"},
        {name: `${label}: worst`, value: Math.round(times.at(-1)!), unit: "ms"}
      );
    }
    return rows;
  } finally {
    await site.close();
  }
}
