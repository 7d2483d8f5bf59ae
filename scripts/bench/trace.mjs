// Diagnostic: where does a cold start spend its time? Prints, for a few
// cold loads after a warm-up, when each resource finished and each stage began.
//   node scripts/bench/trace.mjs [--runs 5] [--interpreter micropython]
import { chromium } from "playwright-core";
import { startServer } from "../serve.mjs";
import { BROWSER_ARGS, option } from "./common.mjs";

const runs = Number(option("--runs", 5));
const name = option("--interpreter", "micropython");
const pages = { raw: `/bench/raw-${name}.html`, ours: `/bench/ours.html?interpreter=${name}` };

const server = await startServer({ mounts: { "/bench/": ["bench/pages"], "/": ["dist"] }, port: 0, maxAge: 3600 });
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: BROWSER_ARGS });
for (let run = 0; run <= runs; run++) {
  for (const [label, path] of Object.entries(pages)) {
    const context = await browser.newContext();
    await context.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (document.querySelector("#out, .py-output")?.textContent.includes("Hello from Python")) {
          window.__hello = performance.now();
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true, characterData: true });
    });
    const page = await context.newPage();
    await page.goto(server.url + path);
    await page.waitForFunction(() => window.__hello !== undefined);
    const trace = await page.evaluate(() => {
      const t = (x) => Math.round(x);
      const nav = performance.getEntriesByType("navigation")[0];
      const parts = [`html ${t(nav.responseEnd)}`, `interactive ${t(nav.domInteractive)}`];
      for (const e of performance.getEntriesByType("resource")) parts.push(`${e.name.split("/").pop().split("?")[0]} ${t(e.startTime)}→${t(e.responseEnd)}`);
      for (const [k, v] of Object.entries(window.PyScript?.timings ?? {})) parts.push(`${k.replace("py-", "")} ${t(v)}`);
      parts.push(`HELLO ${t(window.__hello)}`);
      return parts.join(" | ");
    });
    if (run > 0) console.log(label.padEnd(5), trace);
    await context.close();
  }
}
await browser.close();
await server.close();
