// Pages and components import libraries as Framework does, by `npm:` specifier, so that a page and
// its components share one copy of each. These declarations give those specifiers the types of the
// same packages installed in node_modules at the locked versions.
declare module "npm:@observablehq/plot" {
  export * from "@observablehq/plot";
}
declare module "npm:apache-arrow" {
  export * from "apache-arrow";
}
declare module "npm:arquero" {
  export * from "arquero";
}
declare module "npm:@duckdb/duckdb-wasm" {
  export * from "@duckdb/duckdb-wasm";
}
