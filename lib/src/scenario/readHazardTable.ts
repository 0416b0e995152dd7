import {quote} from "../text/excerpt.js";

/** One industry's row of the hazard editor: the text of each year's cell, in percent. */
export interface HazardTableRow {
  industry: string;
  /** The text of each cell, year 1 first ("8.5", "8.5%", "8,5" or empty). */
  cells: readonly string[];
  /**
   * The path the row was filled with (an estimate or a saved edit). A cell whose text is still
   * {@link hazardPercentText} of its value keeps that value, so an untouched estimate saves at
   * full precision rather than rounded to what the cell shows.
   */
  initial?: readonly number[] | null;
}

/** Options of {@link readHazardTable}. */
export interface ReadHazardTableOptions {
  /** The paths saved before, by industry: an industry whose row is invalid keeps its saved path. */
  saved?: ReadonlyMap<string, readonly number[]>;
}

/** A cell that is not a hazard, named as the user sees it: industry, year and reason. */
export interface HazardCellProblem {
  industry: string;
  /** 1 for the first year. */
  year: number;
  text: string;
  reason: string;
  /** "Retail, year 3: 140% is above 100%". */
  message: string;
}

/** The result of {@link readHazardTable}. */
export interface ReadHazardTable {
  /** The path of each industry whose row is valid and not empty, in row order. */
  paths: Map<string, number[]>;
  /** Industries whose every cell is empty: the simulator falls back for them. */
  empty: string[];
  /** Industries with at least one invalid cell, in row order. */
  invalid: string[];
  /** Every invalid cell, in row order then year order. */
  problems: HazardCellProblem[];
  /** What to save: `paths`, plus the saved path of each invalid industry that had one. */
  save: Map<string, number[]>;
  /** The invalid industries whose saved path stays in `save`. */
  kept: string[];
}

/** The longest path a scenario accepts (see `parseHazardPaths`). */
const maxYears = 30;

/**
 * A hazard as the editor shows it: percent with one decimal, no sign ("8.5" for 0.085).
 *
 * @example
 * hazardPercentText(0.0823); // "8.2"
 */
export function hazardPercentText(hazard: number): string {
  return (hazard * 100).toFixed(1);
}

/**
 * Reads the hazard editor: a table of yearly exit hazards, in percent, with one row per industry
 * and one column per year. Each row is checked on its own, so one invalid industry never stops
 * the others from saving. A row is a path of 1 to 30 hazards from 0% to 100%, year 1 first; cells
 * after the last value may be empty (the simulator repeats the last year), but an empty cell
 * before a value is a gap, reported like a bad value. A row whose every cell is empty has no path:
 * the simulator then uses the industry's estimate or the baseline. A cell accepts "8.5", "8.5%",
 * "8,5" (decimal comma) and "−2" (read, then refused as below 0%). Industry names are user text
 * and only ever Map keys.
 *
 * @example
 * readHazardTable([{industry: "Retail", cells: ["10", "140", ""]}, {industry: "Banking", cells: ["3", "", ""]}]);
 * // {paths: Map {"Banking" => [0.03]}, invalid: ["Retail"],
 * //  problems: [{industry: "Retail", year: 2, text: "140", reason: "140% is above 100%", message: "Retail, year 2: 140% is above 100%"}], …}
 */
export function readHazardTable(
  rows: readonly HazardTableRow[],
  {saved = new Map()}: ReadHazardTableOptions = {}
): ReadHazardTable {
  const paths = new Map<string, number[]>();
  const empty: string[] = [];
  const invalid: string[] = [];
  const problems: HazardCellProblem[] = [];
  for (const {industry, cells, initial} of rows) {
    const texts = cells.map((c) => c.trim());
    let last = texts.length - 1;
    while (last >= 0 && texts[last] === "") --last;
    if (last < 0) {
      empty.push(industry);
      continue;
    }
    const path: number[] = [];
    const rowProblems: HazardCellProblem[] = [];
    const fail = (year: number, text: string, reason: string) =>
      rowProblems.push({industry, year, text, reason, message: `${industry}, year ${year}: ${reason}`});
    for (let i = 0; i <= last; ++i) {
      const text = texts[i]!;
      const year = i + 1;
      if (year > maxYears) {
        fail(year, text, `a path has at most ${maxYears} years`);
        break;
      }
      if (text === "") {
        fail(year, text, `empty, but a later year has a value: fill it, or clear the years after it`);
        continue;
      }
      const before = initial?.[i];
      if (before !== undefined && hazardPercentText(before) === text) {
        path.push(before);
        continue;
      }
      const percent = parsePercent(text);
      if (percent === null) fail(year, text, `${quote(text, {max: 20})} is not a percentage`);
      else if (percent > 100) fail(year, text, `${percent}% is above 100%`);
      else if (percent < 0) fail(year, text, `${percent}% is below 0%`);
      // Rounded to 12 digits so that "7" is 0.07, not 0.07000000000000001.
      else path.push(Number((percent / 100).toPrecision(12)));
    }
    if (rowProblems.length > 0) {
      invalid.push(industry);
      problems.push(...rowProblems);
    } else paths.set(industry, path);
  }
  const save = new Map(paths);
  const kept: string[] = [];
  for (const industry of invalid) {
    const before = saved.get(industry);
    if (before) {
      save.set(industry, before.slice());
      kept.push(industry);
    }
  }
  return {paths, empty, invalid, problems, save, kept};
}

/** A percentage typed in a cell, or null: "8.5", "8.5%", "8,5", "-2", "−2". */
function parsePercent(text: string): number | null {
  const t = text.replace(/\s*%$/, "").replace(/^−/, "-");
  const normal = t.includes(".") ? t : t.replace(",", ".");
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(normal)) return null;
  return Number(normal);
}
