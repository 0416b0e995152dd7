import {describe, expect, it} from "vitest";
import {hazardPercentText, readHazardTable} from "../lib/src/index.js";

describe("readHazardTable()", () => {
  it("reads each row as a path of fractions, year 1 first, trailing empty cells ending it", () => {
    const result = readHazardTable([
      {industry: "Retail", cells: ["10", "7.5%", " 5,25 ", "", ""]},
      {industry: "Banking", cells: ["3", "", "", "", ""]}
    ]);
    expect([...result.paths]).toEqual([
      ["Retail", [0.1, 0.075, 0.0525]],
      ["Banking", [0.03]]
    ]);
    expect(result.problems).toEqual([]);
    expect(result.invalid).toEqual([]);
    expect(result.empty).toEqual([]);
    expect([...result.save]).toEqual([...result.paths]);
  });

  it("names the industry, the year and the reason of every invalid cell", () => {
    const {problems, invalid} = readHazardTable([
      {industry: "Retail", cells: ["10", "140", "abc", "-5", "−2%"]},
      {industry: "Energy", cells: ["4", "", "3", "", ""]}
    ]);
    expect(problems.map((p) => p.message)).toEqual([
      "Retail, year 2: 140% is above 100%",
      'Retail, year 3: "abc" is not a percentage',
      "Retail, year 4: -5% is below 0%",
      "Retail, year 5: -2% is below 0%",
      "Energy, year 2: empty, but a later year has a value: fill it, or clear the years after it"
    ]);
    expect(problems[0]).toMatchObject({industry: "Retail", year: 2, text: "140", reason: "140% is above 100%"});
    expect(invalid).toEqual(["Retail", "Energy"]);
  });

  it("accepts the bounds 0% and 100%, and refuses what only looks like a number", () => {
    const {paths, problems} = readHazardTable([
      {industry: "A", cells: ["0", "100", "100.0%"]},
      {industry: "B", cells: ["1e1"]},
      {industry: "C", cells: ["Infinity"]},
      {industry: "D", cells: ["0x10"]},
      {industry: "E", cells: ["1,5,0"]}
    ]);
    expect(paths.get("A")).toEqual([0, 1, 1]);
    expect(problems.map((p) => p.industry)).toEqual(["B", "C", "D", "E"]);
  });

  it("lets one invalid industry fail alone: the others save, and its saved path stays", () => {
    const saved = new Map([
      ["Retail", [0.2, 0.1]],
      ["Telecom", [0.05]]
    ]);
    const result = readHazardTable(
      [
        {industry: "Retail", cells: ["150", "10"]},
        {industry: "Banking", cells: ["3", "2"]},
        {industry: "Telecom", cells: ["", ""]},
        {industry: "Energy", cells: ["x", ""]}
      ],
      {saved}
    );
    expect(result.invalid).toEqual(["Retail", "Energy"]);
    expect(result.empty).toEqual(["Telecom"]);
    expect(result.kept).toEqual(["Retail"]);
    expect([...result.save]).toEqual([
      ["Banking", [0.03, 0.02]],
      ["Retail", [0.2, 0.1]]
    ]);
  });

  it("keeps an untouched cell's full-precision value, and reads an edited one from its text", () => {
    const initial = [0.082345, 0.07123];
    expect(hazardPercentText(0.082345)).toBe("8.2");
    const untouched = readHazardTable([{industry: "Retail", cells: ["8.2", "7.1"], initial}]);
    expect(untouched.paths.get("Retail")).toEqual(initial);
    const edited = readHazardTable([{industry: "Retail", cells: ["8.2", "7.2"], initial}]);
    expect(edited.paths.get("Retail")).toEqual([0.082345, 0.072]);
  });

  it("keys industries by name whatever they are called", () => {
    const {paths, save} = readHazardTable([
      {industry: "__proto__", cells: ["20"]},
      {industry: "constructor", cells: ["10", "5"]}
    ]);
    expect(paths.get("__proto__")).toEqual([0.2]);
    expect(save.get("constructor")).toEqual([0.1, 0.05]);
    expect(Object.getPrototypeOf(Object.fromEntries(save))).toBe(Object.prototype);
  });

  it("refuses a path longer than 30 years at year 31", () => {
    const {problems} = readHazardTable([{industry: "Retail", cells: Array.from({length: 31}, () => "5")}]);
    expect(problems.map((p) => p.message)).toEqual(["Retail, year 31: a path has at most 30 years"]);
  });
});
