import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {kaplanMeier, type KaplanMeier} from "tierwise";

// Small integer durations make ties between events and censorings frequent.
const row = fc.record({
  duration: fc.integer({min: 1, max: 15}),
  event: fc.boolean(),
  lag: fc.integer({min: 0, max: 14})
});
const rows = fc.array(row, {minLength: 1, maxLength: 60});
const toData = (rs: {duration: number; event: boolean; lag: number}[], late = true) => ({
  duration: rs.map((r) => r.duration),
  event: rs.map((r) => r.event),
  ...(late ? {entry: rs.map((r) => Math.max(0, r.duration - 1 - r.lag))} : {})
});
const columns = (km: KaplanMeier) => ({
  time: Array.from(km.time),
  atRisk: Array.from(km.atRisk),
  events: Array.from(km.events),
  survival: Array.from(km.survival),
  stdErr: Array.from(km.stdErr),
  lower: Array.from(km.lower),
  upper: Array.from(km.upper),
  median: km.median,
  medianLower: km.medianLower,
  medianUpper: km.medianUpper
});

describe("kaplanMeier() properties", () => {
  it("never lets survival or its band increase, and keeps the band around S within [0, 1]", () => {
    fc.assert(
      fc.property(rows, fc.constantFrom("log", "log-log", "plain"), (rs, ci) => {
        const km = kaplanMeier(toData(rs), {ci});
        for (let j = 0; j < km.time.length; ++j) {
          const s = km.survival[j]!;
          if (j > 0) expect(s).toBeLessThanOrEqual(km.survival[j - 1]!);
          if (s > 0) {
            expect(km.lower[j]!).toBeLessThanOrEqual(s + 1e-12);
            expect(km.upper[j]!).toBeGreaterThanOrEqual(s - 1e-12);
            expect(km.lower[j]!).toBeGreaterThanOrEqual(0);
            expect(km.upper[j]!).toBeLessThanOrEqual(1);
          }
        }
      })
    );
  });

  it("does not depend on the order of the rows", () => {
    fc.assert(
      fc.property(
        rows.chain((rs) =>
          fc.tuple(fc.constant(rs), fc.shuffledSubarray(rs, {minLength: rs.length, maxLength: rs.length}))
        ),
        ([rs, shuffled]) => {
          expect(columns(kaplanMeier(toData(shuffled)))).toEqual(columns(kaplanMeier(toData(rs))));
        }
      )
    );
  });

  it("is unchanged by an account censored after the last event that was not at risk before it", () => {
    // An account censored after the last event time is at risk at every earlier event time if it
    // was observed from the origin, so only one that enters at or after the last event time adds
    // nothing to any risk set; it shows only in the last row's censored count.
    fc.assert(
      fc.property(rows, fc.integer({min: 0, max: 5}), fc.integer({min: 1, max: 5}), (rs, after, extra) => {
        const data = toData(rs);
        const before = kaplanMeier(data);
        if (before.time.length === 0) return;
        const last = before.time[before.time.length - 1]!;
        const added = kaplanMeier({
          duration: [...data.duration, last + after + extra],
          event: [...data.event, false],
          entry: [...data.entry!, last + after]
        });
        expect(columns(added)).toEqual(columns(before));
        const k = before.time.length - 1;
        expect(added.censored[k]).toBe(before.censored[k]! + 1);
      })
    );
  });

  it("with every entry 0 equals the estimate without entry", () => {
    fc.assert(
      fc.property(rows, (rs) => {
        const data = toData(rs, false);
        const withEntry = kaplanMeier({...data, entry: data.duration.map(() => 0)});
        expect(columns(withEntry)).toEqual(columns(kaplanMeier(data)));
      })
    );
  });

  it("counts every event and every censoring once", () => {
    fc.assert(
      fc.property(rows, (rs) => {
        const data = toData(rs, false);
        const km = kaplanMeier(data);
        const events = data.event.filter(Boolean).length;
        const firstEvent = km.time.length ? km.time[0]! : Infinity;
        const censoredLater = rs.filter((r) => !r.event && r.duration >= firstEvent).length;
        expect(km.events.reduce((a, b) => a + b, 0)).toBe(events);
        expect(km.censored.reduce((a, b) => a + b, 0)).toBe(censoredLater);
      })
    );
  });
});
