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
declare module "npm:@observablehq/inputs" {
  // The package ships no types: these are the few inputs components build.
  type Input<T> = HTMLElement & {value: T};
  export function range(
    extent: [number, number],
    options?: {step?: number; label?: string; value?: number}
  ): Input<number>;
  export function radio<T>(data: Map<string, T>, options?: {label?: string; value?: T}): Input<T>;
  export function form<T>(inputs: Record<string, HTMLElement>): Input<T>;
}
