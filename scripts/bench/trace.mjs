// Diagnostic: where does a cold start spend its time? Prints, for a few
// cold loads after a warm-up, when each resource started→finished, when each
// of our lifecycle stages began, and when the hello text appeared (ms since
// navigation start), for the raw interpreter's page and ours.
//   node scripts/bench/trace.mjs [--runs 5] [--interpreter micropython] [--pyscript] [--warm]
// --warm traces the second load of each page (its files in the HTTP cache).
import { chromium } from "playwright-core";
import { BROWSER_ARGS, option, startBenchServer } from "./common.mjs";
import { loadPage, openContender } from "./page-load.mjs";

const runs = Number(option("--runs", 5));
const name = option("--interpreter", "micropython");
const pages = {
  raw: `/bench/pages/raw-${name}.html`,
  ours: `/bench/pages/ours.html?interpreter=${name}`,
  ...(process.argv.includes("--pyscript") && { pyscript: `/bench/pages/pyscript-${name}.html` }),
};

const server = await startBenchServer();
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: BROWSER_ARGS });
for (let run = 0; run <= runs; run++) {
  for (const [label, path] of Object.entries(pages)) {
    const tab = await openContender(browser, server.url);
    await loadPage(tab, server.url + path);
    if (process.argv.includes("--warm")) await loadPage(tab, server.url + path);
    const trace = await tab.page.evaluate(() => {
      const t = (x) => Math.round(x);
      const nav = performance.getEntriesByType("navigation")[0];
      const parts = [`html ${t(nav.responseStart)}→${t(nav.responseEnd)}`, `interactive ${t(nav.domInteractive)}`, `DCL ${t(nav.domContentLoadedEventStart)}→${t(nav.domContentLoadedEventEnd)}`];
      for (const e of performance.getEntriesByType("resource")) parts.push(`${e.name.split("/").pop().split("?")[0]} ${t(e.startTime)}→${t(e.responseEnd)}`);
      for (const [k, v] of Object.entries(window.PyScript?.timings ?? {})) parts.push(`${k.replace("py-", "")} ${t(v)}`);
      for (const m of performance.getEntriesByType("mark")) if (m.name.startsWith("t:")) parts.push(`${m.name} ${t(m.startTime)}`);
      for (const mark of ["bench:ready", "bench:hello"]) parts.push(`${mark.slice(6).toUpperCase()} ${t(performance.getEntriesByName(mark)[0].startTime)}`);
      return parts.join(" | ");
    });
    if (run > 0) console.log(label.padEnd(8), trace); // run 0 warms up the server and the disk
    await tab.close();
  }
}
await browser.close();
await server.close();
