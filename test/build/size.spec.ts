// pyscript.js is the kernel and its built-in plugins: it must stay small.
// Everything not every page needs (adapters, TOML, splash view, error box,
// workers, traceback line mapping) is its own module, downloaded only when used.
import { test, expect } from "@playwright/test";
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

// 10.5 kB: the per-kernel seams (assets, interpreter registry, one start path
// shared with workers, announcer), PyScript pages (<script type="py">,
// config= attributes, exact inline text) and the plugin guards (deadlines,
// duplicates) cost about 2 kB over the old 8 kB. What only some pages need
// (PyScript-style files, JSON error positions, page source) loads lazily;
// issue 16's 8 kB goal for a hello page needs more of that.
// 11 kB since: a third interpreter in the registry, config-key warnings'
// hook, named workers (<script worker name>), output laid out in parts, the
// splash card, and the kernel's hand-off to Pyodide snapshots cost ~0.45 kB.
// This is the wrong direction for issue 16: the next cut is loading the
// pyscript package's bridge and the config checks only when used.
// 11.05 kB: the hand-off to packages.js (loaded only by pages that list
// packages) added ~0.05 kB net (its old "not supported" warning went).
test("pyscript.js stays within its 11.05 kB gzip budget", () => {
  const size = gzipSync(readFileSync(new URL("../../dist/pyscript.js", import.meta.url)), { level: 9 }).length;
  expect(size).toBeLessThanOrEqual(11050);
});
