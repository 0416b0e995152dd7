/**
 * Deletes what Framework caches by a key that does not change when its inputs do:
 * - data loader and page loader outputs (`src/.observablehq/cache/data/`, `…/cache/*.md`),
 *   rerun by Framework only when the loader file itself is newer, not when the files it reads or
 *   imports (data/, docs/, the tierwise package, src/data/reports/*.ts beside the report loader)
 *   change; this includes the parameterized report loader's outputs (`…/cache/data/reports/`);
 * - the bundle of the tierwise workspace package (`_node/tierwise@VERSION/`), keyed by a version
 *   that does not change while the package is developed.
 */
import {readdir, rm} from "node:fs/promises";

const cache = new URL("../src/.observablehq/cache/", import.meta.url);
await rm(new URL("data/", cache), {recursive: true, force: true});
for (const name of await readdir(cache).catch(() => []))
  if (name.endsWith(".md")) await rm(new URL(name, cache), {force: true});
const bundles = await readdir(new URL("_node/", cache)).catch(() => []);
for (const name of bundles)
  if (name.startsWith("tierwise@")) await rm(new URL(`_node/${name}/`, cache), {recursive: true, force: true});
