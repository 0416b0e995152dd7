import {estimateHazards, type Account} from "tierwise";

/** Yearly hazard paths by industry edited on the Attrition page, kept in this browser. */
const key = "tierwise-hazards";

/** The saved hazard paths by industry ({} if none, or if what is stored is not readable). */
export function readSavedHazards(): Record<string, number[]> {
  try {
    const saved = JSON.parse(localStorage.getItem(key) ?? "{}");
    return saved !== null && typeof saved === "object" && !Array.isArray(saved) ? saved : {};
  } catch {
    return {};
  }
}

export function saveHazards(hazards: Record<string, number[]>): void {
  localStorage.setItem(key, JSON.stringify(hazards));
}

export function clearSavedHazards(): void {
  localStorage.removeItem(key);
}

/**
 * The hazards a scenario "estimated from this portfolio" uses: `fallback` for industries without
 * an estimate (key "*"), each industry's estimate over 15 years, and the saved edits on top.
 */
export function portfolioHazards(
  accounts: readonly Account[],
  {asOf, fallback}: {asOf: number; fallback: number[]}
): Record<string, number[]> {
  const estimated = estimateHazards(accounts, {asOf, horizon: 15}).filter((e) => e.hazard);
  return {"*": fallback, ...Object.fromEntries(estimated.map((e) => [e.industry, e.hazard!])), ...readSavedHazards()};
}
