// Helpers shared by the benchmark scripts: the browser's flags, the server
// layout, and the few statistics the reports use.
import { startServer } from "../serve.mjs";

/**
 * Debian's Chromium, headless, kept off the network: besides the usual
 * quiet flags, every host name but 127.0.0.1 fails to resolve, so a page that
 * tried to reach a CDN would fail loudly instead of quietly using it.
 */
export const BROWSER_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--no-first-run", "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"];

/**
 * The benchmark's site: what `npm start` serves (site/ + dist/ at "/",
 * bench/ at "/bench/"), plus PyScript's own build from node_modules at
 * "/pyscript-core/", and the WASI shim raw CPython runs on at "/wasi-shim/". PyScript is a dev dependency: it is served here only,
 * never copied into dist/.
 */
export const BENCH_MOUNTS = {
  "/bench/": ["bench"],
  "/pyscript-core/": ["node_modules/@pyscript/core/dist"],
  "/wasi-shim/": ["node_modules/@bjorn3/browser_wasi_shim/dist"], // raw CPython's WASI layer (ours is bundled into its adapter)
  "/": ["site", "dist"],
};

/** Serve BENCH_MOUNTS on a free port; assets are cacheable for an hour (pages are always revalidated). */
export function startBenchServer() {
  return startServer({ mounts: BENCH_MOUNTS, port: 0, maxAge: 3600 });
}

/** The value after `flag` on the command line, or `fallback`. */
export function option(flag, fallback) {
  const i = process.argv.indexOf(flag);
  return i === -1 ? fallback : process.argv[i + 1];
}

export function median(list) {
  const sorted = [...list].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Median, min, max and count of a list of numbers (undefined if empty). */
export function summarize(list) {
  if (!list.length) return undefined;
  return { median: median(list), min: Math.min(...list), max: Math.max(...list), n: list.length };
}
