// Start-up benchmark: time from navigation until "Hello from Python" is in
// the DOM, for our kernel and for pages that call each interpreter's own
// loader directly (the physical limit). Runs are interleaved (every round
// measures every contender) so machine noise hits all of them alike.
//
//   node scripts/bench/startup.mjs [--runs 15] [--interpreters micropython,pyodide]
//
// cold: a fresh browser context (empty HTTP cache) per run.
// warm: a second load in the same context, files served with max-age, so
//       they come from the cache as on a real site.
import { chromium } from "playwright-core";
import { gzipSync } from "node:zlib";
import { readFileSync } from "node:fs";
import { startServer } from "../serve.mjs";
import { BROWSER_ARGS, median, option } from "./common.mjs";

const runs = Number(option("--runs", 15));
const interpreters = option("--interpreters", "micropython,pyodide").split(",");

const CONTENDERS = interpreters.flatMap((name) => [
  { name: `raw ${name}`, path: `/bench/raw-${name}.html` },
  { name: `ours ${name}`, path: `/bench/ours.html?interpreter=${name}` },
]);

/** Record when the hello text first appears, in ms since navigation start. */
function watchForHello() {
  new MutationObserver((_, observer) => {
    if (document.querySelector("#out, .py-output")?.textContent.includes("Hello from Python")) {
      window.__hello = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true, characterData: true });
}

async function timeLoad(page, url) {
  await page.goto(url);
  await page.waitForFunction(() => window.__hello !== undefined, null, { timeout: 60_000 });
  return page.evaluate(() => window.__hello);
}

async function measure(browser, base, contender) {
  const context = await browser.newContext();
  await context.addInitScript(watchForHello);
  const page = await context.newPage();
  const cold = await timeLoad(page, base + contender.path);
  const warm = await timeLoad(page, base + contender.path);
  await context.close();
  return { cold, warm };
}

const server = await startServer({ mounts: { "/bench/": ["bench/pages"], "/": ["dist"] }, port: 0, maxAge: 3600 });
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: BROWSER_ARGS });
const times = Object.fromEntries(CONTENDERS.map((c) => [c.name, { cold: [], warm: [] }]));
try {
  for (const contender of CONTENDERS) await measure(browser, server.url, contender); // warm up the server and disk
  for (let round = 1; round <= runs; round++) {
    // Rotate the order each round so no contender always goes first.
    const order = CONTENDERS.map((_, i) => CONTENDERS[(i + round) % CONTENDERS.length]);
    for (const contender of order) {
      const { cold, warm } = await measure(browser, server.url, contender);
      times[contender.name].cold.push(cold);
      times[contender.name].warm.push(warm);
    }
    process.stdout.write(`\rround ${round}/${runs}`);
  }
} finally {
  await browser.close();
  await server.close();
}

const fmt = (list) => `${median(list).toFixed(1)} ms (${Math.min(...list).toFixed(1)}–${Math.max(...list).toFixed(1)})`;
console.log(`\n\nStart-up to first output, median (min–max) of ${runs} interleaved runs, Chromium headless, localhost:\n`);
console.log("contender".padEnd(20), "cold".padEnd(28), "warm");
for (const [name, { cold, warm }] of Object.entries(times)) console.log(name.padEnd(20), fmt(cold).padEnd(28), fmt(warm));
console.log("\nours ÷ raw (medians):");
for (const name of interpreters) {
  const ours = times[`ours ${name}`];
  const raw = times[`raw ${name}`];
  console.log(`  ${name.padEnd(12)} cold ${(median(ours.cold) / median(raw.cold)).toFixed(3)}   warm ${(median(ours.warm) / median(raw.warm)).toFixed(3)}`);
}
const gz = (file) => gzipSync(readFileSync(new URL(`../../dist/${file}`, import.meta.url)), { level: 9 }).length;
console.log(`\npyscript.js: ${gz("pyscript.js")} B gzip; MicroPython adapter ${gz("adapters/micropython.js")} B; Pyodide adapter ${gz("adapters/pyodide.js")} B`);
