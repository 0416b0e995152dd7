import * as duckdb from "npm:@duckdb/duckdb-wasm";
import type {Table} from "npm:apache-arrow";

// The two DuckDB-wasm builds the site ships; a browser fetches only the one it runs.
const bundles: duckdb.DuckDBBundles = {
  mvp: {
    mainModule: import.meta.resolve("npm:@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm"),
    mainWorker: import.meta.resolve("npm:@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js")
  },
  eh: {
    mainModule: import.meta.resolve("npm:@duckdb/duckdb-wasm/dist/duckdb-eh.wasm"),
    mainWorker: import.meta.resolve("npm:@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js")
  }
};

/** DuckDB's WebAssembly being compiled, and the script of the worker that runs it. */
export interface CompiledDuckDB {
  /** The absolute URL of DuckDB-wasm's worker script for the build this browser runs. */
  mainWorker: string;
  module: Promise<WebAssembly.Module>;
}

let compiled: Promise<CompiledDuckDB> | null = null;

/**
 * Compiles DuckDB-wasm's WebAssembly (the build this browser runs) on the page, once per page.
 *
 * Why here and not in DuckDB's worker, as DuckDB-wasm 1.29 does: Chromium keeps the machine code
 * of a module compiled by `compileStreaming` from a cacheable response, and on the next visit
 * reads it back instead of compiling 35 MB again, but only for a module compiled by a page, not by
 * a worker (seen in traces of Chromium 156: a worker compiled it afresh on every visit, lazily,
 * function by function). DuckDB-wasm also hands the compiler a Response it builds from a progress
 * stream, which has no URL and so no cache entry at all. The compiled module is handed to DuckDB's
 * worker (`startDuckDB`).
 */
export function compileDuckDB(): Promise<CompiledDuckDB> {
  return (compiled ??= (async () => {
    const bundle = await duckdb.selectBundle(bundles);
    if (!bundle.mainWorker) throw new Error("this browser cannot run DuckDB");
    const url = new URL(bundle.mainModule, location.href);
    // A host that does not serve .wasm as application/wasm makes compileStreaming fail: the bytes
    // are then compiled as they are (without the code cache).
    const module = WebAssembly.compileStreaming(fetch(url)).catch(async () =>
      WebAssembly.compile(await (await fetch(url)).arrayBuffer())
    );
    // A failure to compile is reported by the start that waits for it.
    module.catch(() => undefined);
    return {mainWorker: new URL(bundle.mainWorker, location.href).href, module};
  })());
}

// DuckDB-wasm's worker script, run after a few lines that take the compiled module from the first
// message and stand in for `WebAssembly.instantiateStreaming`, with which the script instantiates
// its module: it is instantiated from the compiled module instead of compiled again. The script
// still fetches the URL it is given, whose body is never read; it is given an empty `data:` URL,
// so nothing is downloaded twice.
const prelude = `const compiled = new Promise((resolve) => {
  const take = (event) => {
    if (!(event.data && event.data.duckdbModule instanceof WebAssembly.Module)) return;
    event.stopImmediatePropagation();
    removeEventListener("message", take);
    resolve(event.data.duckdbModule);
  };
  addEventListener("message", take);
});
WebAssembly.instantiateStreaming = async (source, imports) => {
  Promise.resolve(source).catch(() => undefined);
  const module = await compiled;
  return {module, instance: await WebAssembly.instantiate(module, imports)};
};
`;
const unusedModuleUrl = "data:application/wasm,";

/**
 * Starts DuckDB-wasm in a worker of its own with the module {@link compileDuckDB} compiles (on this
 * page, or on the page that started the calling worker and posted it on): the worker's script runs
 * while the module compiles. Resolves instantiated, not yet opened.
 */
export async function startDuckDB({mainWorker, module}: CompiledDuckDB): Promise<duckdb.AsyncDuckDB> {
  const script = new Blob([`${prelude}importScripts(${JSON.stringify(mainWorker)});\n`], {type: "text/javascript"});
  const url = URL.createObjectURL(script);
  const worker = new Worker(url);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  try {
    // Posted before DuckDB's own first message, so the worker's prelude takes it first.
    worker.postMessage({duckdbModule: await module});
    await db.instantiate(unusedModuleUrl);
  } catch (error) {
    await db.terminate();
    throw error;
  } finally {
    URL.revokeObjectURL(url);
  }
  return db;
}

/** What the Explore page asks of its database: run a query, get an Arrow table. */
export interface QueryDatabase {
  query(sql: string): Promise<Table>;
}

/**
 * A database of its own holding one Arrow table under `name`, with external access switched off
 * and the configuration locked once the table is in, so that no query text can read a file or
 * fetch from another origin. The table may be given as a promise: DuckDB starts while it is made.
 * BIGINT results arrive as doubles and timestamps as dates, as from Framework's `DuckDBClient`.
 */
export async function tableDatabase(name: string, table: Table | PromiseLike<Table>): Promise<QueryDatabase> {
  const db = await startDuckDB(await compileDuckDB());
  await db.open({query: {castBigIntToDouble: true, castTimestampToDate: true}});
  const setup = await db.connect();
  try {
    await setup.insertArrowTable(await table, {name, schema: "main"});
    await setup.query("SET enable_external_access = false");
    await setup.query("SET lock_configuration = true");
  } finally {
    await setup.close();
  }
  return {
    async query(sql) {
      const connection = await db.connect();
      try {
        return await connection.query(sql);
      } finally {
        await connection.close();
      }
    }
  };
}
