// The benchmark's numbers: samples collected during a run, then summarized
// into the JSON written to bench/results/ (which the report page reads).
// Every list keeps its raw values too, so anyone can recompute the summary.
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { findFile } from "../serve.mjs";
import { BENCH_MOUNTS, median, summarize } from "./common.mjs";

/** The page loads measured per contender: normal network and slow network, each cold then warm. */
export const LOADS = ["cold", "warm", "slowCold", "slowWarm"];

/** Empty sample lists for one contender. */
export function newSamples(contender) {
  return {
    contender,
    loads: Object.fromEntries(LOADS.map((load) => [load, { ready: [], hello: [], network: [] }])),
    memory: { wasmBytes: [], jsHeapBytes: [] },
    python: {},
    checksums: {},
    failures: [],
  };
}

/** Add one measured page load (see page-load.mjs) to `samples`. */
export function addLoad(samples, load, { ready, hello, network }) {
  const target = samples.loads[load];
  target.ready.push(round1(ready));
  target.hello.push(round1(hello));
  target.network.push(network);
}

/** Add one run of the Python suite; a checksum that differs between runs is a failure. */
export function addSuite(samples, suite) {
  for (const { name, ms, checksum } of suite) {
    (samples.python[name] ??= []).push(round1(ms));
    if (name in samples.checksums && samples.checksums[name] !== checksum) {
      samples.failures.push({ phase: "python", message: `${name}: checksum ${checksum} differs from ${samples.checksums[name]}` });
    }
    samples.checksums[name] = checksum;
  }
}

/** One contender's samples, summarized for the JSON report. */
export function summarizeContender(samples) {
  const { contender } = samples;
  const loads = Object.fromEntries(Object.entries(samples.loads)
    .filter(([, { hello }]) => hello.length)
    .map(([load, { ready, hello, network }]) => [load, {
      ready: withValues(ready),
      hello: withValues(hello),
      network: summarizeNetwork(network),
    }]));
  return {
    id: contender.id,
    label: contender.label,
    framework: contender.framework,
    ...(contender.variant && { variant: contender.variant }),
    interpreter: contender.interpreter,
    ok: samples.failures.length === 0,
    failures: samples.failures,
    loads,
    memory: { wasmBytes: withValues(samples.memory.wasmBytes), jsHeapBytes: withValues(samples.memory.jsHeapBytes) },
    python: Object.fromEntries(Object.entries(samples.python).map(([name, list]) => [name, withValues(list)])),
    checksums: samples.checksums,
  };
}

const withValues = (list) => (list.length ? { ...summarize(list), values: list } : undefined);
const round1 = (x) => Math.round(x * 10) / 10;

/**
 * Network totals are nearly the same on every run: keep the usual count of
 * requests and round trips (the most frequent), the median bytes, the files
 * of the first run, and what the framework itself (everything but the page
 * and the interpreter's own files) cost on the wire and at gzip -9.
 */
function summarizeNetwork(records) {
  const first = records[0];
  const pick = (key) => median(records.map((r) => r[key]));
  const usual = (key) => mostFrequent(records.map((r) => r[key]));
  const framework = first.files.filter(({ path }) => isFrameworkFile(path));
  return {
    requests: usual("requests"),
    cached: usual("cached"),
    roundTrips: usual("roundTrips"),
    wireBytes: pick("wireBytes"),
    bodyBytes: pick("bodyBytes"),
    decodedBytes: pick("decodedBytes"),
    framework: {
      requests: framework.length,
      bodyBytes: framework.reduce((sum, f) => sum + f.body, 0),
      gzip9Bytes: framework.reduce((sum, f) => sum + gzip9(f.path), 0),
      files: framework.map((f) => f.path),
      gzip9: Object.fromEntries(framework.map((f) => [f.path, gzip9(f.path)])),
    },
    foreign: [...new Set(records.flatMap((r) => r.foreign))],
    files: first.files,
  };
}

/** The value seen most often (the smallest, on a tie). */
function mostFrequent(list) {
  const counts = new Map();
  for (const value of list) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort(([a, m], [b, n]) => n - m || a - b)[0][0];
}

/** A file the framework loads: not a page, not an interpreter's own file. */
function isFrameworkFile(path) {
  return !/\.html(\?|$)/.test(path) && !/^\/(micropython|pyodide|cpython)\//.test(path);
}

/** A served file's size at gzip -9 (the size a well-configured host would send). */
function gzip9(path) {
  const file = findFile(BENCH_MOUNTS, decodeURIComponent(path.split("?")[0]));
  return file && /\.(m?js|css)$/.test(file.path) ? gzipSync(readFileSync(file.path), { level: 9 }).length : 0;
}
