import {createReadStream} from "node:fs";
import {stat} from "node:fs/promises";
import {createServer, type Server} from "node:http";
import type {AddressInfo} from "node:net";
import {extname, join, normalize, sep} from "node:path";

const types: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".csv": "text/csv; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".parquet": "application/octet-stream"
};

export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isFile() ?? false;
}

/**
 * Serves `root` on 127.0.0.1 with clean URLs, as a static host publishing Framework's output
 * would: `/a` serves `a.html`, `/a/` serves `a/index.html`, and anything else is 404. Assets,
 * named by their content, may be cached for a year. (Tests route every request, which turns
 * Chromium's cache off, so only the warm-cache benchmark sees this.)
 */
export async function serveStatic(root: string): Promise<StaticServer> {
  const server: Server = createServer(async (request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? "/", "http://127.0.0.1").pathname);
    const path = normalize(join(root, pathname));
    if (!path.startsWith(root.endsWith(sep) ? root : root + sep) && path !== root) {
      response.writeHead(403).end();
      return;
    }
    const tries = pathname.endsWith("/") ? [join(path, "index.html")] : [path, `${path}.html`];
    for (const file of tries) {
      if (await isFile(file)) {
        // Framework names its assets (under /_observablehq, /_npm, /_import, /_file, /_node) by their
        // content, so a host may let browsers keep them; pages are asked for each time.
        response.writeHead(200, {
          "content-type": types[extname(file)] ?? "application/octet-stream",
          ...(pathname.startsWith("/_") ? {"cache-control": "public, max-age=31536000, immutable"} : {})
        });
        createReadStream(file).pipe(response);
        return;
      }
    }
    response.writeHead(404, {"content-type": "text/plain"}).end("not found");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const {port} = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())))
  };
}
