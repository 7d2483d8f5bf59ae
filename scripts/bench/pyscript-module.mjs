// What Python's `pyscript` module costs. For each interpreter, interleaved:
// - import: `import pyscript` timed inside Python, on a fresh page;
// - end to end: first output with and without that import (cold loads);
// - install: what every page pays to put the module in place and make
//   input() work (py-interpreter-ready → py-finished-setup, no files).
//
//   node scripts/bench/pyscript-module.mjs [--runs 15] [--interpreters micropython,pyodide]
import { chromium } from "playwright-core";
import { startServer } from "../serve.mjs";
import { BROWSER_ARGS, median, option } from "./common.mjs";

const runs = Number(option("--runs", 15));
const interpreters = option("--interpreters", "micropython,pyodide").split(",");

async function load(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => [...document.querySelectorAll(".py-output")].some((o) => o.textContent.includes("Hello from Python")), null, { timeout: 60_000 });
  const result = await page.evaluate(() => {
    const text = document.querySelector(".py-output").textContent;
    const timings = window.PyScript.timings;
    const hello = performance.getEntriesByType("mark").find((m) => m.name === "micropyscript:py-finished-setup").startTime;
    return { importUs: Number(/import_us (\d+)/.exec(text)?.[1]), install: timings["py-finished-setup"] - timings["py-interpreter-ready"], setup: hello };
  });
  await context.close();
  return result;
}

const server = await startServer({ mounts: { "/bench/": ["bench/pages"], "/": ["dist"] }, port: 0 });
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: BROWSER_ARGS });
const results = {};
try {
  for (const name of interpreters) {
    const data = (results[name] = { importUs: [], install: [], without: [], with: [] });
    for (let round = 0; round <= runs; round++) {
      const without = await load(browser, `${server.url}/bench/ours.html?interpreter=${name}`);
      const withImport = await load(browser, `${server.url}/bench/import-pyscript.html?interpreter=${name}`);
      if (round === 0) continue; // warm-up
      data.importUs.push(withImport.importUs);
      data.install.push(without.install);
      data.without.push(without.setup);
      data.with.push(withImport.setup);
      process.stdout.write(`\r${name} ${round}/${runs}`);
    }
  }
} finally {
  await browser.close();
  await server.close();
}

console.log(`\n\nThe pyscript module, medians of ${runs} interleaved cold loads (min–max):\n`);
const range = (list, digits = 1) => `${median(list).toFixed(digits)} (${Math.min(...list).toFixed(digits)}–${Math.max(...list).toFixed(digits)})`;
for (const [name, data] of Object.entries(results)) {
  console.log(`${name}:`);
  console.log(`  import pyscript, inside Python:           ${range(data.importUs.map((us) => us / 1000), 2)} ms`);
  console.log(`  installing it at start-up (every page):   ${range(data.install)} ms`);
  console.log(`  setup finished, without / with import:    ${median(data.without).toFixed(1)} / ${median(data.with).toFixed(1)} ms`);
}
