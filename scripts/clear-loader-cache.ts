/**
 * Deletes the data loaders' cached outputs (`src/.observablehq/cache/data/`). Framework reruns a
 * loader only when the loader file itself is newer than its cached output, so a change to the
 * files a loader reads (data/, the tierwise package) would otherwise publish stale data.
 */
import {rm} from "node:fs/promises";

await rm(new URL("../src/.observablehq/cache/data/", import.meta.url), {recursive: true, force: true});
