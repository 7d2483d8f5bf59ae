// createAnnouncer: every lifecycle event timed, marked, logged when debugging, and dispatched on document.
import { test, expect } from "@playwright/test";
import { createAnnouncer } from "../../src/announce.js";
import { DEFAULT_CONFIG, type Config } from "../../src/config.js";

const globals = globalThis as { document?: unknown };
let savedDocument: unknown;
let document: EventTarget;

test.beforeEach(() => {
  savedDocument = globals.document;
  document = new EventTarget();
  globals.document = document;
  performance.clearMarks();
});

test.afterEach(() => {
  if (savedDocument === undefined) delete globals.document;
  else globals.document = savedDocument;
});

/** Collect console.log calls made while `fn` runs. */
function logsOf(fn: () => void): unknown[][] {
  const calls: unknown[][] = [];
  const original = console.log;
  console.log = (...args: unknown[]) => void calls.push(args);
  try {
    fn();
  } finally {
    console.log = original;
  }
  return calls;
}

test("dispatches the event on document with its detail", () => {
  const announce = createAnnouncer({}, () => false);
  const config: Config = { ...DEFAULT_CONFIG, files: {} };
  const received: CustomEvent[] = [];
  document.addEventListener("py-configured", (event) => received.push(event as CustomEvent));
  announce("py-configured", config);
  expect(received).toHaveLength(1);
  expect(received[0]!).toBeInstanceOf(CustomEvent);
  expect(received[0]!.type).toBe("py-configured");
  expect(received[0]!.detail).toBe(config);
});

test("records the time of each event by name, keeping the latest of a repeated one", () => {
  const timings: Record<string, number> = {};
  const announce = createAnnouncer(timings, () => false);
  const start = performance.now();
  announce("py-interpreter-loaded", "micropython");
  const afterFirst = performance.now();
  announce("py-file-fetched", { path: "a.py", content: new Uint8Array() });
  const firstFetch = timings["py-file-fetched"]!;
  while (performance.now() === firstFetch); // let the clock move on
  announce("py-file-fetched", { path: "b.py", content: new Uint8Array() });
  expect(Object.keys(timings).sort()).toEqual(["py-file-fetched", "py-interpreter-loaded"]);
  expect(timings["py-interpreter-loaded"]).toBeGreaterThanOrEqual(start);
  expect(timings["py-interpreter-loaded"]).toBeLessThanOrEqual(afterFirst);
  expect(timings["py-file-fetched"]).toBeGreaterThan(firstFetch);
});

test("marks each event for the performance panel as micropyscript:<name>", () => {
  const announce = createAnnouncer({}, () => false);
  announce("py-files-loaded", undefined);
  announce("py-files-loaded", undefined);
  const marks = performance.getEntriesByName("micropyscript:py-files-loaded", "mark");
  expect(marks).toHaveLength(2);
  expect(performance.getEntriesByName("py-files-loaded", "mark")).toHaveLength(0); // always with the prefix
});

test("logs only while isDebug() says so, asking it at each event", () => {
  let debug = false;
  const timings: Record<string, number> = {};
  const announce = createAnnouncer(timings, () => debug);
  expect(logsOf(() => announce("py-interpreter-loaded", "pyodide"))).toEqual([]);
  debug = true; // the config arrived and turned debugging on
  const calls = logsOf(() => announce("py-files-loaded", undefined));
  expect(calls).toEqual([[`🐍 py-files-loaded at ${timings["py-files-loaded"]!.toFixed(1)} ms`]]);
});

test("announces every event in the order it was made, each to its own listeners", () => {
  const announce = createAnnouncer({}, () => false);
  const seen: string[] = [];
  for (const name of ["py-interpreter-loaded", "py-progress", "py-print"]) {
    document.addEventListener(name, (event) => seen.push(`${name}:${JSON.stringify((event as CustomEvent).detail)}`));
  }
  announce("py-interpreter-loaded", "micropython");
  announce("py-print", { text: "hi\n", stream: "stdout" });
  announce("py-progress", { interpreter: "pyodide", stage: "downloading", loaded: 10, total: 100, file: "pyodide.asm.wasm" });
  expect(seen).toEqual([
    'py-interpreter-loaded:"micropython"',
    'py-print:{"text":"hi\\n","stream":"stdout"}',
    'py-progress:{"interpreter":"pyodide","stage":"downloading","loaded":10,"total":100,"file":"pyodide.asm.wasm"}',
  ]);
});
