// What one call into the page's running Python costs, per interpreter: a
// click answered by a `py-click` handler (from the click to the handler's DOM
// change) and `PyScript.runPythonAsync("x = 1")` (call to result). Calls are
// made one at a time, each after the previous one's answer, after a warm-up.
//
//   node scripts/bench/calls.mjs [--calls 50] [--interpreters micropython,pyodide,cpython]
import { chromium } from "playwright-core";
import { BROWSER_ARGS, option, startBenchServer, summarize } from "./common.mjs";

const calls = Number(option("--calls", 50));
const interpreters = option("--interpreters", "micropython,pyodide,cpython").split(",");
const WARM_UP = 5;

/** In the page: `calls` clicks and runs, each timed from start to answer, in ms. */
async function measure(calls) {
  await window.PyScript.scriptsDone;
  const clicked = document.getElementById("clicked");
  const click = () => new Promise((resolve) => {
    const before = clicked.textContent;
    const start = performance.now();
    new MutationObserver((_, observer) => {
      if (clicked.textContent === before) return;
      observer.disconnect();
      resolve(performance.now() - start);
    }).observe(clicked, { childList: true, characterData: true, subtree: true });
    document.getElementById("go").click();
  });
  const run = async () => {
    const start = performance.now();
    await window.PyScript.runPythonAsync("x = 1");
    return performance.now() - start;
  };
  const times = { click: [], run: [] };
  const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0)); // each call starts in a task of its own, as a user's would
  for (let i = 0; i < calls; i++) {
    await nextTask();
    times.click.push(await click());
    await nextTask();
    times.run.push(await run());
  }
  return times;
}

const server = await startBenchServer();
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: BROWSER_ARGS });
const fmt = (list) => {
  const { median, min, max } = summarize(list.slice(WARM_UP));
  return `${median.toFixed(2)} ms (${min.toFixed(2)}–${max.toFixed(2)})`;
};
console.log(`One call into running Python, median (min–max) of ${calls} calls after ${WARM_UP} warm-up calls:\n`);
try {
  for (const name of interpreters) {
    const page = await browser.newPage();
    await page.goto(`${server.url}/bench/pages/calls.html?interpreter=${name}`);
    const times = await page.evaluate(measure, calls + WARM_UP);
    console.log(`${name.padEnd(12)} py-click handler ${fmt(times.click)}   runPythonAsync ${fmt(times.run)}`);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
