import {openSite, visit} from "../test/browser/site.js";
import type {Measurement} from "./pageLoad.js";

// Runs in the page before its own scripts: marks when each request goes to a simulation worker
// and when each result comes back, so a redraw's time can be split between the page and its workers.
const observe = `(() => {
  const Base = Worker;
  const post = Base.prototype.postMessage;
  window.__redrawLog = [];
  Base.prototype.postMessage = function (message, transfer) {
    if (message && message.kind) window.__redrawLog.push([message.kind, performance.now()]);
    return post.call(this, message, transfer);
  };
  window.Worker = class extends Base {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", (e) => e.data && e.data.result && window.__redrawLog.push(["result", performance.now()]));
    }
  };
})()`;

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
  window.__redrawLog = [];
  const started = performance.now();
  input.value = String(value);
  input.dispatchEvent(new Event("input", {bubbles: true}));
  let replaced = NaN;
  await new Promise((resolve, reject) => {
    const timeout = setTimeout(() => reject(new Error("the simulator did not redraw within 10 s")), 10000);
    const check = () => (old.every((e) => !e.isConnected) ? (clearTimeout(timeout), (replaced = performance.now()), resolve()) : requestAnimationFrame(check));
    requestAnimationFrame(check);
  });
  // The frame that shows them.
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const end = performance.now();
  const log = window.__redrawLog.map(([kind, t]) => [kind, t - started]);
  const first = log.find(([kind]) => kind !== "result");
  const finish = log.find(([kind]) => kind === "finish");
  const last = log.filter(([kind]) => kind === "result").at(-1);
  return {
    total: end - started,
    post: first ? first[1] : NaN,
    workers: first && last ? (finish ? finish[1] : last[1]) - first[1] : NaN,
    finish: finish && last ? last[1] - finish[1] : 0,
    render: last ? replaced - started - last[1] : NaN,
    paint: end - replaced
  };
}`;

type Redraw = Record<"total" | "post" | "workers" | "finish" | "render" | "paint", number>;

/**
 * From a changed input to redrawn charts on the Simulator (sample portfolio, 1,000 futures), in
 * headless Chromium: tier S's ramp is set alternately to 3 and 2 years, and the clock stops when
 * the NPV histogram, the revenue-per-head chart and the results table have been
 * replaced and the browser has painted. Median and worst of `runs`, with the page's pool of
 * workers as large as the cores Chromium reports, and with one worker (the page told it has one
 * core), so the gain of the pool shows beside the kernel's; and the median of each step: the
 * input to the first request posted to a worker, the workers' run (the kernel, and the page's
 * hop between them), the summary made by one worker from their parts, the result's arrival to
 * the replaced charts, and the frame that shows them (the last two within a frame of polling).
 */
export async function redraw({runs = 15} = {}): Promise<Measurement[]> {
  const site = await openSite();
  try {
    const rows: Measurement[] = [];
    for (const cores of [null, 1]) {
      const init =
        cores === null
          ? observe
          : `${observe}; Object.defineProperty(Navigator.prototype, "hardwareConcurrency", {get: () => ${cores}})`;
      const {page, context, problems} = await visit(site, "/simulator", {init});
      await page.locator(".tw-verdict").first().waitFor();
      const workers = Number(await page.evaluate("navigator.hardwareConcurrency"));
      const times: Redraw[] = [];
      for (let k = 0; k < runs; ++k) {
        times.push((await page.evaluate(`(${measure})(${k % 2 === 0 ? 3 : 2})`)) as Redraw);
      }
      if (problems.length) throw new Error(`/simulator: ${problems.join("; ")}`);
      await context.close();
      const median = (key: keyof Redraw) => times.map((t) => t[key]).sort((a, b) => a - b)[Math.floor(runs / 2)]!;
      const label = `simulator input to redraw (1,000 futures, ${workers} worker${workers === 1 ? "" : "s"})`;
      rows.push(
        {name: `${label}: median`, value: Math.round(median("total")), unit: "ms"},
        {name: `${label}: worst`, value: Math.round(Math.max(...times.map((t) => t.total))), unit: "ms"}
      );
      for (const step of ["post", "workers", "finish", "render", "paint"] as const)
        rows.push({name: `${label}: ${step} (median)`, value: Math.round(median(step) * 10) / 10, unit: "ms"});
    }
    return rows;
  } finally {
    await site.close();
  }
}
