// The page's DOM from a worker: what one synchronous DOM read costs from a
// worker (worker → page → worker through the blocking channel), and 10,000
// `document.title` reads from a worker against the same on the main thread.
// The page is served cross-origin isolated (COOP/COEP), as it must be.
//
//   node scripts/bench/worker-dom.mjs [--reads 10000] [--rounds 5] [--interpreters micropython,pyodide]
import { chromium } from "playwright-core";
import { startServer } from "../serve.mjs";
import { BENCH_MOUNTS, BROWSER_ARGS, option, summarize } from "./common.mjs";

const reads = Number(option("--reads", 10_000));
const rounds = Number(option("--rounds", 5));
const interpreters = option("--interpreters", "micropython,pyodide").split(",");

/** One fresh page: its worker's and main thread's numbers, after a warm-up. */
async function measure(browser, url) {
  const page = await browser.newPage();
  try {
    await page.goto(url);
    await page.waitForFunction(() => window.PyScript?.workers?.dom?.state === "done" && window.PyScript.isInterpreterReady, null, { timeout: 120_000 });
    await page.evaluate(() => window.PyScript.scriptsDone);
    return await page.evaluate(async (reads) => {
      const worker = window.PyScript.workers.dom;
      await worker.call("title_reads", 200); // warm-up
      const single = await worker.call("single_reads", 2000);
      const workerReads = await worker.call("title_reads", reads);
      const methodCalls = await worker.call("method_calls", reads);
      window.PyScript.runPython("main_title_reads(200)");
      const mainReads = window.PyScript.runPython(`main_title_reads(${reads})`);
      return { single, workerReads, methodCalls, mainReads };
    }, reads);
  } finally {
    await page.close();
  }
}

const server = await startServer({ mounts: BENCH_MOUNTS, port: 0, isolated: true });
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: BROWSER_ARGS });
const results = {};
try {
  for (const name of interpreters) {
    const data = (results[name] = { single: [], workerReads: [], methodCalls: [], mainReads: [] });
    for (let round = 1; round <= rounds; round++) {
      const one = await measure(browser, `${server.url}/bench/pages/worker-dom.html?interpreter=${name}`);
      data.single.push(...one.single);
      for (const key of ["workerReads", "methodCalls", "mainReads"]) data[key].push(one[key]);
      process.stdout.write(`\r${name} ${round}/${rounds}`);
    }
  }
} finally {
  await browser.close();
  await server.close();
}

const ms = (list) => {
  const { median, min, max } = summarize(list);
  return `${median.toFixed(1)} ms (${min.toFixed(1)}–${max.toFixed(1)})`;
};
console.log(`\n\nThe page's DOM from a worker, cross-origin isolated; medians (min–max) of ${rounds} fresh pages:\n`);
for (const [name, data] of Object.entries(results)) {
  const sorted = [...data.single].sort((a, b) => a - b);
  const us = (value) => `${(value * 1000).toFixed(0)} µs`;
  const mainMedian = summarize(data.mainReads).median, workerMedian = summarize(data.workerReads).median;
  console.log(`${name}:`);
  console.log(`  one document.title read from a worker (round trip): median ${us(summarize(sorted).median)}, p90 ${us(sorted[Math.floor(sorted.length * 0.9)])} (${sorted.length} reads)`);
  console.log(`  ${reads} document.title reads, worker:      ${ms(data.workerReads)}   (${us(workerMedian / reads)} each)`);
  console.log(`  ${reads} document.title reads, main thread: ${ms(data.mainReads)}   (${us(mainMedian / reads)} each)   worker ÷ main ${(workerMedian / mainMedian).toFixed(0)}×`);
  console.log(`  ${reads} getElementById("target").id, worker: ${ms(data.methodCalls)}   (2 round trips each)`);
}
