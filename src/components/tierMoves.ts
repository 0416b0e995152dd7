import * as Plot from "npm:@observablehq/plot";

/** Counts of accounts by (tier under the reference rules, tier under the current rules). */
export interface TierMove {
  from: string;
  to: string;
  accounts: number;
}

/** A matrix of how many accounts move from each tier (default rules) to each tier (current rules). */
export function TierMoves(moves: TierMove[], options: Plot.PlotOptions = {}): ReturnType<typeof Plot.plot> {
  const tiers = ["S", "A", "B", "C"];
  const max = Math.max(1, ...moves.map((d) => d.accounts));
  // Empty cells are outlined, not filled. The colour scale runs from 0, so a cell's shade is
  // √(accounts / max) along Blues: black labels on the lighter three quarters (at least 6:1),
  // white on the darkest quarter (at least 4.6:1), in either theme.
  const ink = (d: TierMove) =>
    d.accounts === 0 ? "currentColor" : Math.sqrt(d.accounts / max) > 0.75 ? "white" : "black";
  return Plot.plot({
    x: {domain: tiers, label: "Tier under these rules →", axis: "top"},
    y: {domain: tiers, label: "Tier under the default rules"},
    color: {type: "sqrt", scheme: "blues", domain: [0, max]},
    marks: [
      Plot.cell(moves, {x: "to", y: "from", stroke: "currentColor", strokeOpacity: 0.2, inset: 1}),
      Plot.cell(
        moves.filter((d) => d.accounts > 0),
        {x: "to", y: "from", fill: "accounts", inset: 1, tip: true}
      ),
      Plot.text(moves, {x: "to", y: "from", text: (d: TierMove) => d.accounts.toLocaleString("en-US"), fill: ink})
    ],
    ...options
  });
}
