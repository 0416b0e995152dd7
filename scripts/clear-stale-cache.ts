/**
 * Deletes what Framework caches by a key that does not change when its inputs do:
 * - data loader outputs (`src/.observablehq/cache/data/`), rerun by Framework only when the loader
 *   file itself is newer, not when the files it reads (data/, the tierwise package) change;
 * - the bundle of the tierwise workspace package (`_node/tierwise@VERSION/`), keyed by a version
 *   that does not change while the package is developed.
 */
import {readdir, rm} from "node:fs/promises";

const cache = new URL("../src/.observablehq/cache/", import.meta.url);
await rm(new URL("data/", cache), {recursive: true, force: true});
const bundles = await readdir(new URL("_node/", cache)).catch(() => []);
for (const name of bundles)
  if (name.startsWith("tierwise@")) await rm(new URL(`_node/${name}/`, cache), {recursive: true, force: true});
