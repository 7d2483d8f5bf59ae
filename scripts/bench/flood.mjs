// Output floods: how the page holds up when Python prints more than it can
// show.
//  - A worker printing as fast as it can (bench/pages/flood-worker.html):
//    frames per second on the page while it prints, and the time from
//    clicking Stop to the worker ending.
//  - A script printing 8 MB on the main thread (bench/pages/flood-main.html):
//    the time from navigation until the script is done and the page has
//    drawn a frame again.
//
//   node scripts/bench/flood.mjs [--runs 3] [--seconds 3] [--interpreters micropython,pyodide]
import { chromium } from "playwright-core";
import { BROWSER_ARGS, option, startBenchServer, summarize } from "./common.mjs";

const runs = Number(option("--runs", 3));
const seconds = Number(option("--seconds", 3));
const interpreters = option("--interpreters", "micropython,pyodide").split(",");
const GIVE_UP_MS = 120_000;

/** Frames per second over `seconds` while the worker floods, then the Stop latency (ms). */
async function workerFlood(browser, url) {
  const page = await browser.newPage();
  try {
    await page.goto(url);
    await page.waitForFunction(() => document.querySelector("py-script .py-output")?.textContent.length > 0, null, { timeout: GIVE_UP_MS });
    const fps = await Promise.race([
      page.evaluate((ms) => new Promise((done) => {
        let frames = 0;
        const start = performance.now();
        const tick = (now) => (now - start < ms ? (frames++, requestAnimationFrame(tick)) : done((frames * 1000) / (now - start)));
        requestAnimationFrame(tick);
      }), seconds * 1000),
      new Promise((done) => setTimeout(done, GIVE_UP_MS, 0)),
    ]);
    const clicked = Date.now();
    await page.click("py-script .py-stop", { timeout: GIVE_UP_MS });
    await page.waitForFunction(() => window.PyScript.workers.flood.state === "stopped", null, { timeout: GIVE_UP_MS, polling: 50 });
    const stop = Date.now() - clicked;
    const shown = await page.evaluate(() => document.querySelector("py-script").textContent.length);
    return { fps, stop, shown };
  } finally {
    await page.close();
  }
}

/** Milliseconds from navigation until 8 MB are printed and a frame has been drawn after them. */
async function mainFlood(browser, url) {
  const page = await browser.newPage();
  try {
    await page.goto(url, { waitUntil: "commit" });
    await page.waitForFunction(() => document.querySelector("py-script")?.getAttribute("data-py-state") === "done", null, { timeout: GIVE_UP_MS, polling: 20 });
    return await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(() => done(performance.now())))));
  } finally {
    await page.close();
  }
}

const server = await startBenchServer();
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: BROWSER_ARGS });
const results = {};
try {
  for (let round = 0; round < runs; round++) {
    for (const name of interpreters) {
      const data = (results[name] ??= { fps: [], stop: [], shown: [], main: [] });
      const flood = await workerFlood(browser, `${server.url}/bench/pages/flood-worker.html?interpreter=${name}`);
      data.fps.push(flood.fps), data.stop.push(flood.stop), data.shown.push(flood.shown);
      data.main.push(await mainFlood(browser, `${server.url}/bench/pages/flood-main.html?interpreter=${name}`));
      process.stdout.write(`\rround ${round + 1}/${runs}`);
    }
  }
} finally {
  await browser.close();
  await server.close();
}

const show = (list, digits = 0) => {
  const { median, min, max } = summarize(list);
  return `${median.toFixed(digits)} (${min.toFixed(digits)}–${max.toFixed(digits)})`;
};
console.log(`\n\nMedian (min–max) of ${runs} interleaved runs:\n`);
for (const [name, data] of Object.entries(results)) {
  console.log(`${name}:`);
  console.log(`  worker printing forever: ${show(data.fps)} frames/s over ${seconds} s; Stop → ended ${show(data.stop)} ms; ${show(data.shown.map((n) => n / 1e6), 1)} M characters on the page`);
  console.log(`  8 MB printed on the main thread: shown and drawn after ${show(data.main)} ms`);
}
