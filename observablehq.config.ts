// Tierwise runs where only the npm registry is reachable, and its users load confidential books:
// the site must fetch nothing from another origin. See scripts/prepare-npm-cache.ts for modules.
import {readdirSync} from "node:fs";

// One report page per scenario file: data/scenarios/NAME.json is published at /reports/NAME by the
// one page src/reports/[scenario].md, so adding a file publishes its report.
// A report's name is its path, so it must be lower-case letters, digits and dashes: any other file
// fails the build here, with its name and the rule.
const reports = readdirSync(new URL("data/scenarios/", import.meta.url))
  .filter((file) => file.endsWith(".json"))
  .sort()
  .map((file) => {
    const name = file.slice(0, -".json".length);
    if (!/^[a-z0-9][a-z0-9-]*$/.test(name))
      throw new Error(
        `data/scenarios/${file}: a scenario file's name must be lower-case letters, digits and dashes (it is the report's address /reports/NAME), e.g. q3-plan.json`
      );
    return `/reports/${name}`;
  });

export default {
  title: "Tierwise",
  root: "src",
  pages: [
    {name: "Overview", path: "/"},
    {name: "Portfolio & tiers", path: "/tiers"},
    {name: "Attrition", path: "/attrition"},
    {name: "Simulator", path: "/simulator"},
    {name: "Allocate", path: "/allocate"},
    {name: "Compare", path: "/compare"},
    {name: "Reports", path: "/reports/"},
    {name: "Your portfolio", path: "/data"},
    {name: "Explore", path: "/explore"},
    {name: "Method", path: "/method"}
  ],
  // The default theme links Google Fonts from every page; the system font stack needs no request.
  globalStylesheets: [],
  // Parquet and JSON extensions would be downloaded from DuckDB's extension host at build time, and
  // DuckDB-wasm 1.29 cannot load them offline in the browser. Both wasm builds stay: Framework
  // 1.13's client throws when the "mvp" platform is disabled, and browsers only fetch the one they use.
  duckdb: {extensions: {json: null, parquet: null}},
  // Fonts the system already has: the theme's Latin stacks, then CJK fonts so that Chinese headers
  // and 人效 render in a matching face on macOS (PingFang SC, Hiragino Sans GB), Windows (Microsoft
  // YaHei) and Linux (Noto Sans CJK SC, Source Han Sans SC), before the generic family. Where no
  // Latin font of the stack is installed (a bare Linux), the CJK font draws Latin text too, so the
  // serif stack names the serif CJK fonts first. No font is downloaded. A grid's cells may be
  // narrower than their content, so a wide table scrolls inside its card instead of pushing the
  // card past the page.
  head: `<link rel="icon" href="data:,"><style>:root {
  --tw-cjk: "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC";
  --sans-serif: -apple-system, BlinkMacSystemFont, "avenir next", avenir, helvetica, "helvetica neue", ubuntu, roboto, noto, "segoe ui", arial, var(--tw-cjk), sans-serif;
  --serif: "Source Serif 4", "Iowan Old Style", "Apple Garamond", "Palatino Linotype", "Times New Roman", "Droid Serif", Times, "Noto Serif CJK SC", "Source Han Serif SC", var(--tw-cjk), serif, "Apple Color Emoji", "Segoe UI Emoji", "Segoe UI Symbol";
}
.grid > * { min-width: 0; }
</style>`,
  dynamicPaths: reports,
  footer: "Tierwise: which customers deserve years of relationship investment.",
  search: false
};
