// Workers: how long a `<py-script worker>` takes to print its first line,
// against the same script on the main thread (cold loads, interleaved), and
// what one call into a worker costs (page → worker → page, median of 1000).
//
//   node scripts/bench/workers.mjs [--runs 15] [--calls 1000] [--interpreters micropython,pyodide]
import { chromium } from "playwright-core";
import { BROWSER_ARGS, option, startBenchServer, summarize } from "./common.mjs";
import { loadPage, openContender } from "./page-load.mjs";

const runs = Number(option("--runs", 15));
const calls = Number(option("--calls", 1000));
const interpreters = option("--interpreters", "micropython,pyodide").split(",");

async function firstOutput(browser, origin, path) {
  const tab = await openContender(browser, origin);
  try {
    return (await loadPage(tab, origin + path)).hello;
  } finally {
    await tab.close();
  }
}

/** Milliseconds for each of `calls` calls of the worker's echo(), after a warm-up. */
async function roundTrips(browser, url) {
  const page = await browser.newPage();
  await page.goto(url);
  await page.waitForFunction(() => window.PyScript?.workers?.hello?.state === "done", null, { timeout: 60_000 });
  const times = await page.evaluate(async (count) => {
    const worker = window.PyScript.workers.hello;
    for (let i = 0; i < 20; i++) await worker.call("echo", i);
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

const server = await startBenchServer();
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: BROWSER_ARGS });
const results = {};
try {
  for (const name of interpreters) {
    const data = (results[name] = { main: [], worker: [], calls: [] });
    for (let round = 0; round <= runs; round++) {
      const main = await firstOutput(browser, server.url, `/bench/pages/ours.html?interpreter=${name}`);
      const worker = await firstOutput(browser, server.url, `/bench/pages/worker.html?interpreter=${name}`);
      if (round > 0) data.main.push(main), data.worker.push(worker); // round 0 warms up
      process.stdout.write(`\r${name} start-up ${round}/${runs}`);
    }
    data.calls = await roundTrips(browser, `${server.url}/bench/pages/worker.html?interpreter=${name}`);
  }
} finally {
  await browser.close();
  await server.close();
}

const range = (list) => {
  const { median, min, max } = summarize(list);
  return `${median.toFixed(1)} ms (${min.toFixed(1)}–${max.toFixed(1)})`;
};
console.log(`\n\nFirst output, median (min–max) of ${runs} interleaved cold loads; calls: ${calls} in a row:\n`);
for (const [name, data] of Object.entries(results)) {
  const sorted = [...data.calls].sort((a, b) => a - b);
  console.log(`${name}:`);
  console.log(`  main thread: ${range(data.main)}`);
  console.log(`  in a worker: ${range(data.worker)}   worker ÷ main ${(summarize(data.worker).median / summarize(data.main).median).toFixed(2)}`);
  console.log(`  call page → worker → page: median ${summarize(sorted).median.toFixed(3)} ms, p90 ${sorted[Math.floor(sorted.length * 0.9)].toFixed(3)} ms`);
}
