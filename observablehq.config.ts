// Tierwise runs where only the npm registry is reachable, and its users load confidential books:
// the site must fetch nothing from another origin. See scripts/prepare-npm-cache.ts for modules.
export default {
  title: "Tierwise",
  root: "src",
  pages: [
    {name: "Overview", path: "/"},
    {name: "Portfolio & tiers", path: "/tiers"},
    {name: "Attrition", path: "/attrition"},
    {name: "Simulator", path: "/simulator"},
    {name: "Compare", path: "/compare"},
    {name: "Report", path: "/report"},
    {name: "Your portfolio", path: "/data"},
    {name: "Method", path: "/method"}
  ],
  // The default theme links Google Fonts from every page; the system font stack needs no request.
  globalStylesheets: [],
  // Parquet and JSON extensions would be downloaded from DuckDB's extension host at build time, and
  // DuckDB-wasm 1.29 cannot load them offline in the browser. Both wasm builds stay: Framework
  // 1.13's client throws when the "mvp" platform is disabled, and browsers only fetch the one they use.
  duckdb: {extensions: {json: null, parquet: null}},
  head: '<link rel="icon" href="data:,">',
  footer: "Tierwise: which customers deserve years of relationship investment.",
  search: false
};
