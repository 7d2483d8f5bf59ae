// A small static web server for the report pages, the tests and the
// benchmarks. It serves several folders as one site (the first folder that
// has a file wins), gzips text and WebAssembly like a real host would, and
// can send the COOP/COEP headers that make a page cross-origin isolated.
//
//   node scripts/serve.mjs [--port 8000] [--isolated] [--max-age SECONDS] [--tests] [--build]
//
// It serves site/ with the build output (dist/) at "/" and the benchmark's
// pages, Python suite and results (bench/) at "/bench/"; --tests adds the
// test pages (test/pages/, then site/) at "/test/". With --max-age, files are
// cached for that long, except HTML pages, which are always revalidated (as on
// a real site, where a page changes more often than the assets it names).
import { execFileSync } from "node:child_process";
import { createServer } from "node:http";
import { createReadStream, readFileSync, statSync } from "node:fs";
import { extname, join, normalize, resolve, dirname } from "node:path";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".toml": "application/toml; charset=utf-8",
  ".py": "text/x-python; charset=utf-8",
  ".pyi": "text/x-python; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".md": "text/markdown; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".wasm": "application/wasm",
  ".zip": "application/zip",
  ".whl": "application/zip",
  ".map": "application/json; charset=utf-8",
  ".bin": "application/octet-stream",
};
const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".css", ".json", ".toml", ".py", ".pyi", ".txt", ".md", ".svg", ".wasm", ".map"]);

/**
 * Start serving. `mounts` maps a URL prefix to folders searched in order.
 * @returns {Promise<{url: string, close: () => Promise<void>}>}
 */
export function startServer({ mounts = { "/": ["site", "dist"] }, port = 8000, isolated = false, maxAge = 0, log = false } = {}) {
  const gzipped = new Map(); // path → {mtimeMs, body}
  const server = createServer((request, response) => {
    const url = new URL(request.url, "http://localhost");
    const file = findFile(mounts, decodeURIComponent(url.pathname));
    if (log) console.log(request.method, url.pathname, file ? "" : "404");
    const headers = {
      "Cache-Control": maxAge && !file?.path.endsWith(".html") ? `max-age=${maxAge}` : "no-cache",
      ...(isolated && {
        "Cross-Origin-Opener-Policy": "same-origin",
        "Cross-Origin-Embedder-Policy": "require-corp",
        "Cross-Origin-Resource-Policy": "same-origin",
      }),
    };
    if (!file) {
      response.writeHead(404, { ...headers, "Content-Type": "text/plain; charset=utf-8" });
      response.end(`Not found: ${url.pathname}\n`);
      return;
    }
    const ext = extname(file.path);
    const etag = `"${file.stat.size}-${Math.floor(file.stat.mtimeMs)}"`;
    Object.assign(headers, { "Content-Type": TYPES[ext] ?? "application/octet-stream", ETag: etag });
    if (request.headers["if-none-match"] === etag) {
      response.writeHead(304, headers);
      response.end();
      return;
    }
    if (COMPRESSIBLE.has(ext) && /\bgzip\b/.test(request.headers["accept-encoding"] ?? "")) {
      const body = compressed(gzipped, file);
      response.writeHead(200, { ...headers, "Content-Encoding": "gzip", "Content-Length": body.length, Vary: "Accept-Encoding" });
      response.end(request.method === "HEAD" ? undefined : body);
      return;
    }
    response.writeHead(200, { ...headers, "Content-Length": file.stat.size });
    if (request.method === "HEAD") response.end();
    else createReadStream(file.path).pipe(response);
  });
  return new Promise((resolvePromise, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      const { port: actual } = server.address();
      resolvePromise({ url: `http://127.0.0.1:${actual}`, close: () => new Promise((done) => {
        server.close(() => done());
        server.closeAllConnections(); // idle keep-alive connections would hold close() up
      }) });
    });
    server.keepAliveTimeout = 1000;
  });
}

/** The file a URL path names under `mounts` (as the server would serve it), or undefined. */
export function findFile(mounts, pathname) {
  for (const [prefix, folders] of Object.entries(mounts)) {
    if (!pathname.startsWith(prefix)) continue;
    const relative = normalize(pathname.slice(prefix.length)).replace(/^(\.\.[/\\])+/, "");
    for (const folder of [folders].flat()) {
      const base = resolve(root, folder);
      let path = join(base, relative);
      if (!path.startsWith(base)) continue;
      try {
        let stat = statSync(path);
        if (stat.isDirectory()) {
          path = join(path, "index.html");
          stat = statSync(path);
        }
        return { path, stat };
      } catch {
        // not in this folder: try the next
      }
    }
  }
  return undefined;
}

function compressed(cache, { path, stat }) {
  const hit = cache.get(path);
  if (hit && hit.mtimeMs === stat.mtimeMs) return hit.body;
  const body = gzipSync(readFileSync(path), { level: 6 });
  cache.set(path, { mtimeMs: stat.mtimeMs, body });
  return body;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  if (args.includes("--build")) execFileSync(process.execPath, [join(root, "scripts/build.mjs")], { stdio: "inherit" });
  // Under `npm start`, stop with npm: stopping it by its PID ends npm and its
  // shell, but the shell doesn't pass the signal on to us. Orphaned, we exit.
  if (process.env.npm_lifecycle_event === "start") {
    const parent = process.ppid;
    setInterval(() => process.ppid !== parent && process.exit(0), 500).unref();
  }
  const value = (flag, fallback) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : fallback);
  // Test pages can use the report pages' files too (arrr.py, …) from /test/.
  const mounts = { ...(args.includes("--tests") && { "/test/": ["test/pages", "site"] }), "/bench/": ["bench"], "/": ["site", "dist"] };
  const { url } = await startServer({
    mounts,
    port: Number(value("--port", 8000)),
    isolated: args.includes("--isolated"),
    maxAge: Number(value("--max-age", 0)),
    log: args.includes("--log"),
  });
  console.log(`🐍 Serving the report pages at ${url}/${args.includes("--isolated") ? " (cross-origin isolated: COOP/COEP on)" : ""}`);
}
