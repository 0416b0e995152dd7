import {fitWeibull, kaplanMeier, randomStream} from "tierwise";
import type {Measurement} from "./pageLoad.js";

/**
 * Kaplan-Meier and a Weibull fit on 1,000,000 accounts with late entry and censoring, as a CRM
 * history of many years would give: yearly durations (heavy ties) and continuous ones.
 */
export function survivalEstimators({n = 1_000_000, runs = 5} = {}): Measurement[] {
  const random = randomStream(1, "bench-survival");
  const data = {duration: new Float64Array(n), event: new Uint8Array(n), entry: new Float64Array(n)};
  // Accounts are first seen at a random firm age and followed for up to 15 years; only firms still
  // alive when first seen appear (left truncation), as in a CRM export.
  for (let i = 0; i < n;) {
    const life = 20 * (-Math.log(1 - random())) ** (1 / 0.8);
    const start = 30 * random();
    if (life <= start) continue;
    const end = start + 15 * random();
    data.entry[i] = start;
    data.duration[i] = Math.min(life, end);
    data.event[i++] = life <= end ? 1 : 0;
  }
  const yearly = {
    duration: data.duration.map((t) => Math.ceil(t)),
    event: data.event,
    entry: data.entry.map((t) => Math.floor(t))
  };
  const time = (f: () => unknown) => {
    let best = Infinity;
    for (let i = 0; i < runs; ++i) {
      const started = performance.now();
      f();
      best = Math.min(best, performance.now() - started);
    }
    return Math.round(best);
  };
  return [
    {name: `kaplanMeier, ${n} accounts, continuous times`, value: time(() => kaplanMeier(data)), unit: "ms"},
    {name: `kaplanMeier, ${n} accounts, yearly times`, value: time(() => kaplanMeier(yearly)), unit: "ms"},
    {name: `fitWeibull, ${n} accounts, late entry`, value: time(() => fitWeibull(data)), unit: "ms"}
  ];
}
