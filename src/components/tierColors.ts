// One colour per tier on every chart and table, from Okabe and Ito's palette, which stays
// distinguishable under the common colour-vision deficiencies and reads on light and dark themes.
export const tierColors = {S: "#0072B2", A: "#56B4E9", B: "#E69F00", C: "#999999"} as const;

/** Plot's color scale options for tiers. */
export const tierColor = {domain: ["S", "A", "B", "C"], range: Object.values(tierColors), legend: true} as const;
