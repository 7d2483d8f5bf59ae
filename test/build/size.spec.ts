// pyscript.js is the kernel and its built-in plugins: it must stay small.
// Everything not every page needs (adapters, TOML, splash view, error box,
// workers, traceback line mapping) is its own module, downloaded only when used.
import { test, expect } from "@playwright/test";
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

// 9.5 kB: the per-kernel seams (assets, interpreter registry, one start path
// shared with workers, announcer) and PyScript pages (<script type="py">,
// config= attributes, exact inline text) cost about 1.3 kB over the old 8 kB;
// what only some pages need (PyScript-style files, page source) loads lazily.
test("pyscript.js stays within its 9.5 kB gzip budget", () => {
  const size = gzipSync(readFileSync(new URL("../../dist/pyscript.js", import.meta.url)), { level: 9 }).length;
  expect(size).toBeLessThanOrEqual(9500);
});
