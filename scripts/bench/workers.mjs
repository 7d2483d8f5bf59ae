// Workers: how long a `<py-script worker>` takes to print its first line,
// against the same script on the main thread (cold loads, interleaved), and
// what one call into a worker costs (page → worker → page, median of 1000).
//
//   node scripts/bench/workers.mjs [--runs 15] [--calls 1000] [--interpreters micropython,pyodide]
import { chromium } from "playwright-core";
import { startServer } from "../serve.mjs";
import { BROWSER_ARGS, median, option } from "./common.mjs";

const runs = Number(option("--runs", 15));
const calls = Number(option("--calls", 1000));
const interpreters = option("--interpreters", "micropython,pyodide").split(",");

function watchForHello() {
  new MutationObserver((_, observer) => {
    if (document.querySelector(".py-output")?.textContent.includes("Hello from Python")) {
      window.__hello = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true, characterData: true });
}

async function firstOutput(browser, url) {
  const context = await browser.newContext();
  await context.addInitScript(watchForHello);
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => window.__hello !== undefined, null, { timeout: 60_000 });
  const hello = await page.evaluate(() => window.__hello);
  await context.close();
  return hello;
}

async function roundTrips(browser, url) {
  const page = await browser.newPage();
  await page.goto(url);
  await page.waitForFunction(() => window.PyScript?.workers?.hello?.state === "done", null, { timeout: 60_000 });
  const times = await page.evaluate(async (count) => {
    const worker = window.PyScript.workers.hello;
    for (let i = 0; i < 20; i++) await worker.call("echo", i); // warm up
    const times = [];
    for (let i = 0; i < count; i++) {
      const start = performance.now();
      await worker.call("echo", i);
      times.push(performance.now() - start);
    }
    return times;
  }, calls);
  await page.close();
  return times;
}

const server = await startServer({ mounts: { "/bench/": ["bench/pages"], "/": ["dist"] }, port: 0 });
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: BROWSER_ARGS });
const results = {};
try {
  for (const name of interpreters) {
    const data = (results[name] = { main: [], worker: [], calls: [] });
    for (let round = 0; round <= runs; round++) {
      const main = await firstOutput(browser, `${server.url}/bench/ours.html?interpreter=${name}`);
      const worker = await firstOutput(browser, `${server.url}/bench/worker.html?interpreter=${name}`);
      if (round > 0) data.main.push(main), data.worker.push(worker); // round 0 warms up
      process.stdout.write(`\r${name} start-up ${round}/${runs}`);
    }
    data.calls = await roundTrips(browser, `${server.url}/bench/worker.html?interpreter=${name}`);
  }
} finally {
  await browser.close();
  await server.close();
}

const range = (list) => `${median(list).toFixed(1)} ms (${Math.min(...list).toFixed(1)}–${Math.max(...list).toFixed(1)})`;
console.log(`\n\nFirst output, median (min–max) of ${runs} interleaved cold loads; calls: median of ${calls}:\n`);
for (const [name, data] of Object.entries(results)) {
  console.log(`${name}:`);
  console.log(`  main thread:  ${range(data.main)}`);
  console.log(`  in a worker:  ${range(data.worker)}   worker ÷ main ${(median(data.worker) / median(data.main)).toFixed(2)}`);
  const sorted = [...data.calls].sort((a, b) => a - b);
  console.log(`  call page → worker → page: median ${median(sorted).toFixed(3)} ms, p90 ${sorted[Math.floor(sorted.length * 0.9)].toFixed(3)} ms`);
}
