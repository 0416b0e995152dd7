import * as Plot from "npm:@observablehq/plot";
import {paybackByYear, tiers} from "tierwise";
import type {PortfolioSimulation, Tier, TierOutcome} from "tierwise";
import {ChartSlot} from "./chartSlot.js";
import {Downloadable} from "./download.js";
import {tierColors} from "./tierColors.js";
import {npvBins} from "./npvBins.js";
import {NpvHistogram, TierFan} from "./tierFan.js";
import {currency} from "./format.js";

/** A row of the payback chart and its CSV: the share of futures paid back in and by a year. */
export interface PaybackRow {
  tier: Tier;
  year: number;
  "paid back in this year": number;
  "paid back by this year": number;
}

/** A row of the ledger chart and its CSV: a part of a tier's expected discounted investment. */
export interface LedgerRow {
  tier: Tier;
  part: string;
  amount: number;
}

// Where the money went, by the fate of the customer it was spent on: four disjoint parts of the
// tier's investment, as the simulation books them (TierOutcome.ledger).
const ledgerParts: [keyof TierOutcome["ledger"], string][] = [
  ["diedBeforeFirstOrder", "died before their first order"],
  ["diedBeforePayback", "died after it, before paying back"],
  ["notYetPaidBack", "alive, not yet paid back at the horizon"],
  ["paidBack", "paid back"]
];

type Outcome = TierOutcome & {tier: Tier};

/**
 * When each tier's investment pays back: the share of futures whose cumulative discounted cash has
 * turned non-negative by each year (the payback year's distribution, cumulated), tiers with accounts.
 */
export function paybackRows(simulation: PortfolioSimulation): PaybackRow[] {
  return outcomes(simulation)
    .filter((o) => o.accounts > 0)
    .flatMap((o) =>
      paybackByYear(o.paybackDraws, simulation).map(({year, inYear, byYear}) => ({
        tier: o.tier,
        year,
        "paid back in this year": inYear,
        "paid back by this year": byYear
      }))
    );
}

/** Each tier's investment by the fate of the customer it was spent on, tiers with accounts. */
export function ledgerRows(simulation: PortfolioSimulation): LedgerRow[] {
  return outcomes(simulation)
    .filter((o) => o.accounts > 0)
    .flatMap((o) => ledgerParts.map(([key, part]) => ({tier: o.tier, part, amount: o.ledger[key]})));
}

/** The Simulator's six charts, each in its place (a {@link ChartSlot}), and a way to draw a run in them. */
export interface SimulatorCharts {
  npv: ChartSlot;
  survivors: ChartSlot;
  cash: ChartSlot;
  perHead: ChartSlot;
  payback: ChartSlot;
  ledger: ChartSlot;
  /** Draws every chart of `simulation` in its place at once; returns the rows the payback and ledger charts show. */
  draw(simulation: PortfolioSimulation): {paybackYears: PaybackRow[]; ledger: LedgerRow[]};
}

/**
 * The Simulator's charts of a run, by tier: NPV across futures, surviving accounts and cumulative
 * discounted cash (fans), revenue per sales head, when the investment pays back, and where it
 * went. The places are made once; each run is drawn in them, so a redraw leaves the cards be.
 *
 * @example
 * const charts = SimulatorCharts(); // once; put charts.npv and the others in cards
 * charts.draw(simulation); // on each run
 */
export function SimulatorCharts(): SimulatorCharts {
  const slots = {
    npv: ChartSlot(),
    survivors: ChartSlot(),
    cash: ChartSlot(),
    perHead: ChartSlot(),
    payback: ChartSlot(),
    ledger: ChartSlot()
  };
  const draw = (simulation: PortfolioSimulation) => {
    const all = outcomes(simulation);
    const shown = all.filter((o) => o.accounts > 0);
    const color = {domain: tiers, range: Object.values(tierColors), legend: true};
    const paybackYears = paybackRows(simulation);
    const ledger = ledgerRows(simulation);
    const perHead = shown.flatMap((o) =>
      o.perHead.year.map((year, t) => ({tier: o.tier, year, revenue: o.perHead.revenue[t]!}))
    );
    const npv = shown.map((o) => ({tier: o.tier, npv: o.npvDraws}));
    const survivors = all.map((o) => ({tier: o.tier, fan: o.survivors}));
    const cash = all.map((o) => ({tier: o.tier, fan: o.cumulativeCash}));
    // Each chart is keyed by what it shows: one whose data did not change stays as drawn.
    const key = (data: unknown) => JSON.stringify(data);
    slots.npv.draw((width) => Downloadable(NpvHistogram(npv, {width, height: 420}), {name: "npv-by-tier"}), {
      key: key([npv.map((d) => d.tier), npvBins(npv)])
    });
    slots.survivors.draw(
      (width) =>
        Downloadable(TierFan(survivors, {width, height: 420, label: "Accounts alive"}), {name: "survivors-by-tier"}),
      {key: key(survivors)}
    );
    slots.cash.draw(
      (width) =>
        Downloadable(TierFan(cash, {width, height: 420, label: `${currency()} millions`, format: ",.1f", per: 1e6}), {
          name: "cumulative-cash-by-tier"
        }),
      {key: key(cash)}
    );
    slots.perHead.draw(
      (width) =>
        Downloadable(
          Plot.plot({
            width,
            height: 420,
            y: {label: `↑ Revenue per head (${currency()} millions)`, grid: true},
            x: {label: "Year →"},
            color,
            marks: [
              Plot.line(perHead, {x: "year", y: (d) => d.revenue / 1e6, stroke: "tier", marker: "dot", tip: true}),
              Plot.ruleY([0])
            ]
          }),
          {name: "revenue-per-head"}
        ),
      {key: key(perHead)}
    );
    slots.payback.draw(
      (width) =>
        Downloadable(
          Plot.plot({
            width,
            height: 360,
            x: {label: "Year →", ticks: simulation.horizon},
            y: {label: "↑ Futures paid back", domain: [0, 1], tickFormat: "%", grid: true},
            color,
            marks: [
              Plot.line(paybackYears, {
                x: "year",
                y: "paid back by this year",
                stroke: "tier",
                marker: "dot",
                curve: "step-after",
                tip: {format: {y: ".0%"}}
              }),
              Plot.ruleY([0])
            ]
          }),
          {name: "payback-year-by-tier"}
        ),
      {key: key([simulation.horizon, paybackYears])}
    );
    slots.ledger.draw(
      (width) =>
        Downloadable(
          Plot.plot({
            width,
            height: 360,
            marginLeft: 40,
            x: {label: `${currency()} millions →`, grid: true},
            y: {domain: tiers, label: null},
            color: {
              domain: ledgerParts.map(([, part]) => part),
              range: ["#D55E00", "#E69F00", "#56B4E9", "#999999"],
              legend: true
            },
            marks: [
              Plot.barX(ledger, {
                y: "tier",
                x: (d: LedgerRow) => d.amount / 1e6,
                fill: "part",
                tip: {format: {x: ",.1f"}}
              }),
              Plot.ruleX([0])
            ]
          }),
          {name: "investment-ledger"}
        ),
      {key: key(ledger)}
    );
    return {paybackYears, ledger};
  };
  return {...slots, draw};
}

function outcomes(simulation: PortfolioSimulation): Outcome[] {
  return tiers.map((tier) => ({tier, ...simulation.tiers[tier]}));
}
