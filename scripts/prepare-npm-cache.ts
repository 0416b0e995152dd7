/**
 * Fills Framework's npm cache (`src/.observablehq/cache/_npm/`) from node_modules, so that
 * `observable preview` and `observable build` never download a module from a CDN.
 *
 * Framework resolves every `npm:` import (and its implicit ones: d3, Plot, Inputs, htl, Arquero,
 * Apache Arrow, DuckDB-wasm) to `/_npm/NAME@VERSION/_esm.js`, and uses a file already present in
 * its cache as is. This script writes those files: each package is bundled on its own with esbuild
 * and its imports of other packages are rewritten to their own cache entries, as jsDelivr's `+esm`
 * endpoint does, so that a package shared by two others (Apache Arrow by DuckDB-wasm and by pages)
 * is one module instance at the version package-lock.json installed.
 *
 * KaTeX (for TeX on the Method page) also needs its stylesheet and the fonts that stylesheet names,
 * which Framework resolves as `npm:katex/dist/katex.min.css` and `npm:katex/dist/fonts/*` and
 * copies next to the module; they are copied from the installed package as well.
 *
 * Runs before `dev` and `build`; does nothing when package-lock.json has not changed since the last run.
 */
import {createHash} from "node:crypto";
import {existsSync, readdirSync} from "node:fs";
import {copyFile, mkdir, readFile, readdir, rm, writeFile} from "node:fs/promises";
import {dirname, join, posix, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import {build, type Plugin} from "esbuild";

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const sourceRoot = join(projectRoot, "src");
const cacheRoot = join(sourceRoot, ".observablehq", "cache");
const npmCache = join(cacheRoot, "_npm");
const stampPath = join(cacheRoot, "tierwise-npm.json");

/** Packages the pages import, explicitly or through Framework's implicit imports. */
const roots = ["d3", "d3-dsv", "@observablehq/plot", "htl", "arquero", "apache-arrow", "@duckdb/duckdb-wasm", "katex"];

/**
 * Files Framework copies as they are: DuckDB's client resolves its wasm and workers by
 * `import.meta.resolve`; KaTeX's stylesheet loads its fonts by relative URL. A path ending in "/"
 * is a directory, copied whole.
 */
const assets: Record<string, string[]> = {
  "@duckdb/duckdb-wasm": [
    "dist/duckdb-mvp.wasm",
    "dist/duckdb-browser-mvp.worker.js",
    "dist/duckdb-eh.wasm",
    "dist/duckdb-browser-eh.worker.js"
  ],
  katex: ["dist/katex.min.css", "dist/fonts/"]
};

/**
 * Libraries Framework's client runtime names as lazy imports (`_`, `L`, `echarts`, `vl`, ...) that
 * Tierwise does not use. Framework resolves their versions while bundling its client; a version
 * directory here answers that without a registry request. Importing one of them from a page fails
 * the build with "unable to fetch", which is the intended signal: install it and add it to `roots`.
 */
const unused = [
  "lodash",
  "echarts",
  "leaflet",
  "mapbox-gl",
  "react",
  "react-dom",
  "topojson-client",
  "@observablehq/sample-datasets",
  "@viz-js/viz",
  "mermaid",
  "sql.js",
  "parquet-wasm",
  "exceljs",
  "jszip",
  "vega",
  "vega-lite",
  "vega-lite-api",
  "@uwdata/vgplot"
];
const unusedVersion = "0.0.0-not-installed";

interface Installed {
  name: string;
  version: string;
  dir: string;
}

function packageName(specifier: string): {name: string; subpath: string} {
  const parts = specifier.split("/");
  const name = specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]!;
  return {name, subpath: parts.slice(name.split("/").length).join("/")};
}

/** Finds the package directory Node would load `name` from when imported by a file in `fromDir`. */
async function locate(name: string, fromDir: string): Promise<Installed> {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, "node_modules", name);
    if (existsSync(join(candidate, "package.json"))) {
      const pkg = JSON.parse(await readFile(join(candidate, "package.json"), "utf-8")) as {version: string};
      return {name, version: pkg.version, dir: candidate};
    }
    if (dirname(dir) === dir) throw new Error(`${name} is not installed (looked from ${fromDir}); run npm ci`);
  }
}

/** The cache path Framework expects for a package's entry point or a JavaScript sub-path. */
function cachePath({name, version}: Installed, subpath: string): string {
  return `/_npm/${name}@${version}/${subpath ? `${subpath}._esm.js` : "_esm.js"}`;
}

async function bundle(pkg: Installed, subpath: string, queue: (pkg: Installed, subpath: string) => void) {
  const target = cachePath(pkg, subpath);
  const external: Plugin = {
    name: "npm-cache-externals",
    setup(b) {
      b.onResolve({filter: /^[^./]/}, async (args) => {
        // A CommonJS module's require() cannot load an ES module, so its dependencies are inlined.
        if (args.kind === "entry-point" || args.kind === "require-call" || args.path.startsWith("/")) return undefined;
        const {name, subpath: depSubpath} = packageName(args.path);
        if (name === pkg.name) return undefined;
        const dep = await locate(name, args.resolveDir);
        queue(dep, depSubpath);
        const relative = posix.relative(posix.dirname(target), cachePath(dep, depSubpath));
        return {path: relative.startsWith(".") ? relative : `./${relative}`, external: true};
      });
    }
  };
  const result = await build({
    entryPoints: [subpath ? `${pkg.name}/${subpath}` : pkg.name],
    absWorkingDir: dirname(pkg.dir.slice(0, pkg.dir.lastIndexOf("node_modules") + "node_modules".length)),
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    conditions: ["browser", "import", "module"],
    mainFields: ["module", "browser", "main"],
    minify: true,
    legalComments: "none",
    write: false,
    logLevel: "error",
    plugins: [external]
  });
  const output = join(cacheRoot, target);
  await mkdir(dirname(output), {recursive: true});
  await writeFile(output, result.outputFiles[0]!.contents);
}

async function lockfileHash(): Promise<string> {
  const hash = createHash("sha256");
  hash.update(await readFile(join(projectRoot, "package-lock.json")));
  hash.update(await readFile(fileURLToPath(import.meta.url)));
  return hash.digest("hex");
}

async function main() {
  const stamp = await lockfileHash();
  if (existsSync(stampPath) && (await readFile(stampPath, "utf-8")).includes(stamp)) {
    console.warn("npm cache is up to date");
    return;
  }
  const started = performance.now();
  await rm(npmCache, {recursive: true, force: true});
  const seen = new Set<string>();
  const pending: Promise<void>[] = [];
  const queue = (pkg: Installed, subpath: string) => {
    const key = cachePath(pkg, subpath);
    if (seen.has(key)) return;
    seen.add(key);
    pending.push(bundle(pkg, subpath, queue));
  };
  for (const name of roots) queue(await locate(name, projectRoot), "");
  // Bundling discovers dependencies as it goes, so wait until no new work appears.
  for (let done = 0; done < pending.length; done = pending.length) await Promise.all(pending.slice(done));
  for (const [name, files] of Object.entries(assets)) {
    const pkg = await locate(name, projectRoot);
    const expanded = files.flatMap((file) =>
      file.endsWith("/") ? readdirSync(join(pkg.dir, file)).map((name) => file + name) : [file]
    );
    for (const file of expanded) {
      const output = join(npmCache, `${name}@${pkg.version}`, file);
      await mkdir(dirname(output), {recursive: true});
      await copyFile(join(pkg.dir, file), output);
    }
  }
  for (const name of unused) await mkdir(join(npmCache, `${name}@${unusedVersion}`), {recursive: true});
  await writeFile(stampPath, JSON.stringify({stamp, modules: [...seen].sort()}, null, 2) + "\n");
  const entries = await readdir(npmCache, {recursive: true});
  console.warn(
    `npm cache: ${seen.size} modules from node_modules in ${Math.round(performance.now() - started)} ms (${entries.length} entries)`
  );
}

await main();
