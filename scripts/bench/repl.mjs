// REPL benchmark: keystroke-to-echo latency in a <py-repl> terminal, for
// each interpreter. A key is pressed (a real key event, through Chromium's
// input pipeline) and we time from its keydown event to the moment the
// echoed character is in the terminal's rows on the page (xterm draws on
// the next animation frame, so this includes waiting for that frame).
// Keys are typed one at a time, each after the previous one's echo, as
// lines of 40 characters (Enter between lines is not counted).
//
//   node scripts/bench/repl.mjs [--keys 200] [--interpreters micropython,pyodide]
import { chromium } from "playwright-core";
import { startServer } from "../serve.mjs";
import { BROWSER_ARGS, median, option } from "./common.mjs";

const keys = Number(option("--keys", 200));
const interpreters = option("--interpreters", "micropython,pyodide").split(",");
const LINE = 40;
const WARM_UP = 20;

/** In the page: note each keydown's time, and when the expected text first shows in the rows. */
function instrument() {
  window.__bench = { keydown: 0, expected: undefined, echoAt: undefined };
  document.addEventListener("keydown", (event) => (window.__bench.keydown = event.timeStamp), true);
  const watch = () => {
    const rows = document.querySelector("py-repl .xterm-rows");
    if (!rows) return requestAnimationFrame(watch);
    new MutationObserver(() => {
      const bench = window.__bench;
      if (bench.expected && bench.echoAt === undefined && rows.textContent.replace(/\u00a0/g, " ").includes(bench.expected)) {
        bench.echoAt = performance.now();
      }
    }).observe(rows, { childList: true, subtree: true, characterData: true });
  };
  document.addEventListener("DOMContentLoaded", watch);
}

async function pressAndTime(page, key, expected) {
  await page.evaluate((text) => Object.assign(window.__bench, { expected: text, echoAt: undefined }), expected);
  await page.keyboard.press(key);
  await page.waitForFunction(() => window.__bench.echoAt !== undefined);
  return page.evaluate(() => window.__bench.echoAt - window.__bench.keydown);
}

async function measure(browser, base, interpreter) {
  const page = await browser.newPage();
  await page.addInitScript(instrument);
  await page.goto(`${base}/bench/repl.html?interpreter=${interpreter}`);
  await page.waitForSelector('py-repl[data-py-state="ready"]', { timeout: 60_000 });
  const latencies = [];
  for (let line = 0; latencies.length < keys; line++) {
    const text = `s${line} = '${"abcdefghijklmnopqrstuvwxyz0123456789".repeat(2)}`.slice(0, LINE);
    for (let i = 0; i < text.length; i++) {
      const latency = await pressAndTime(page, text[i] === " " ? "Space" : text[i], `>>> ${text.slice(0, i + 1)}`);
      if (line > 0 || i >= WARM_UP) latencies.push(latency); // the first keys warm up the JIT
      if (latencies.length === keys) break;
    }
    await page.keyboard.press("Control+C"); // drop the line: back to a fresh prompt
    await page.waitForFunction(() => /(^|\n)>>>$/.test([...document.querySelector("py-repl .xterm-rows").children]
      .map((row) => row.textContent.replace(/\u00a0/g, " ").trimEnd()).join("\n").trimEnd()));
  }
  await page.close();
  return latencies;
}

const percentile = (list, p) => [...list].sort((a, b) => a - b)[Math.min(list.length - 1, Math.floor(list.length * p))];

const server = await startServer({ mounts: { "/bench/": ["bench/pages"], "/": ["dist"] }, port: 0 });
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: BROWSER_ARGS });
const results = {};
try {
  for (const interpreter of interpreters) results[interpreter] = await measure(browser, server.url, interpreter);
} finally {
  await browser.close();
  await server.close();
}

console.log(`\nKeystroke-to-echo latency in <py-repl>, ${keys} keys each, Chromium headless (keydown → echo in the terminal's rows):\n`);
console.log("interpreter".padEnd(14), "median".padEnd(10), "p90".padEnd(10), "max");
for (const [name, list] of Object.entries(results)) {
  console.log(name.padEnd(14), `${median(list).toFixed(1)} ms`.padEnd(10), `${percentile(list, 0.9).toFixed(1)} ms`.padEnd(10), `${Math.max(...list).toFixed(1)} ms`);
}
