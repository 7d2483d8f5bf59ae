// The test suite: real headless Chromium (Debian's, never a downloaded one),
// pages served by our own server. Tests under test/both/ run once per
// interpreter; the other folders hold tests for one interpreter or none;
// test/unit/ runs in Node alone (no browser, no server needed).
import { defineConfig } from "@playwright/test";

// Two servers: a plain one, and one sending COOP/COEP (cross-origin isolated).
// MPS_TEST_PORT moves both, so several checkouts can test at once.
const PORT = Number(process.env.MPS_TEST_PORT ?? 8123);
const ISOLATED_PORT = PORT + 1;
// CPython compiles a 26 MB module for every page, so by default (and in CI) its project runs the
// test/both/ files that exercise it most; MPS_CPYTHON_ALL=1 runs all of test/both/ on it.
const CPYTHON_BOTH = process.env.MPS_CPYTHON_ALL ? ["both/**/*.spec.ts"]
  : ["py-script", "python-api", "display", "events", "background", "ffi", "py-repl", "py-repl-blocks", "packages"].map((name) => `both/${name}.spec.ts`);

export default defineConfig({
  testDir: "test",
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: true,
  retries: process.env.CI ? 1 : 0, // CI machines are shared and noisy; a retry is reported, not hidden
  workers: 2,
  reporter: [["list"], ["json", { outputFile: "test-results/results.json" }]],
  webServer: [
    { command: `node scripts/serve.mjs --tests --port ${PORT}`, url: `http://127.0.0.1:${PORT}/pyscript.js`, reuseExistingServer: false },
    { command: `node scripts/serve.mjs --tests --isolated --port ${ISOLATED_PORT}`, url: `http://127.0.0.1:${ISOLATED_PORT}/pyscript.js`, reuseExistingServer: false },
  ],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  projects: [
    { name: "micropython", testMatch: ["both/**/*.spec.ts", "micropython/**/*.spec.ts"], use: { interpreter: "micropython" } },
    { name: "pyodide", testMatch: ["both/**/*.spec.ts", "pyodide/**/*.spec.ts"], use: { interpreter: "pyodide" } },
    { name: "cpython", testMatch: [...CPYTHON_BOTH, "cpython/**/*.spec.ts"], use: { interpreter: "cpython" } },
    // Tests that run once: the build output, the benchmark, start-up outside a server, <py-repl> on a fake interpreter.
    { name: "once", testMatch: ["build/**/*.spec.ts", "bench/**/*.spec.ts", "startup/**/*.spec.ts", "py-repl/**/*.spec.ts"] },
    // Pure logic, in Node, without a browser: milliseconds a test.
    { name: "unit", testMatch: ["unit/**/*.spec.ts"] },
  ],
});
