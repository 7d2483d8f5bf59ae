// What Python's `pyscript` package costs. For each interpreter, interleaved:
// - import: `import pyscript` timed inside Python, on a fresh page;
// - end to end: first output with and without that import (cold loads);
// - install: what every page pays to put the package in place and make
//   input() work (py-interpreter-ready → py-finished-setup, no files);
// - py-click: on a page with a `py-click` button, first output and the first
//   click its Python handler answers (the page clicks every few ms from the start).
//
//   node scripts/bench/pyscript-module.mjs [--runs 15] [--interpreters micropython,pyodide] [--slow]
// --slow loads every page on the emulated slow network (network.mjs).
import { chromium } from "playwright-core";
import { BROWSER_ARGS, option, startBenchServer, summarize } from "./common.mjs";
import { loadPage, openContender } from "./page-load.mjs";

const runs = Number(option("--runs", 15));
const interpreters = option("--interpreters", "micropython,pyodide").split(",");
const slow = process.argv.includes("--slow");

/** One cold load: when the hello text came, and what the page says of itself. */
async function coldLoad(browser, origin, path) {
  const tab = await openContender(browser, origin, { slow });
  try {
    const { hello } = await loadPage(tab, origin + path);
    const { importUs, install } = await tab.page.evaluate(() => ({
      importUs: Number(/import_us (\d+)/.exec(document.querySelector(".py-output").textContent)?.[1]),
      install: window.PyScript.timings["py-finished-setup"] - window.PyScript.timings["py-interpreter-ready"],
    }));
    const clickable = await tab.page.evaluate(() => new Promise((resolve) => {
      if (!document.getElementById("go")) return resolve(undefined); // not the py-click page
      const check = () => {
        const clickable = performance.getEntriesByName("bench:clickable")[0];
        if (clickable) resolve(clickable.startTime);
        else setTimeout(check, 5);
      };
      check();
    }));
    return { hello, importUs, install, clickable };
  } finally {
    await tab.close();
  }
}

const server = await startBenchServer();
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: BROWSER_ARGS });
const results = {};
try {
  for (const name of interpreters) {
    const data = (results[name] = { importMs: [], install: [], without: [], with: [], clickHello: [], clickable: [] });
    for (let round = 0; round <= runs; round++) {
      const without = await coldLoad(browser, server.url, `/bench/pages/ours.html?interpreter=${name}`);
      const withImport = await coldLoad(browser, server.url, `/bench/pages/import-pyscript.html?interpreter=${name}`);
      const withClick = await coldLoad(browser, server.url, `/bench/pages/py-click.html?interpreter=${name}`);
      if (round === 0) continue; // warm-up
      data.clickHello.push(withClick.hello);
      data.clickable.push(withClick.clickable);
      data.importMs.push(withImport.importUs / 1000);
      data.install.push(without.install);
      data.without.push(without.hello);
      data.with.push(withImport.hello);
      process.stdout.write(`\r${name} ${round}/${runs}`);
    }
  }
} finally {
  await browser.close();
  await server.close();
}

const range = (list, digits = 1) => {
  const { median, min, max } = summarize(list);
  return `${median.toFixed(digits)} ms (${min.toFixed(digits)}–${max.toFixed(digits)})`;
};
console.log(`\n\nThe pyscript package, medians (min–max) of ${runs} interleaved cold loads${slow ? " on the slow network" : ""}:\n`);
for (const [name, data] of Object.entries(results)) {
  console.log(`${name}:`);
  console.log(`  import pyscript, timed inside Python:   ${range(data.importMs, 2)}`);
  console.log(`  installing it at start-up (every page): ${range(data.install)}`);
  console.log(`  first output without / with the import: ${summarize(data.without).median.toFixed(1)} / ${summarize(data.with).median.toFixed(1)} ms`);
  console.log(`  py-click page: first output / first click answered: ${summarize(data.clickHello).median.toFixed(1)} / ${summarize(data.clickable).median.toFixed(1)} ms`);
}
