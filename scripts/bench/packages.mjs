// Installing packages: how much a page's "packages" adds to its start-up,
// cold (a fresh browser profile) and warm (a reload: wheels from the HTTP
// cache). Three pages per interpreter, interleaved: none, 5 pure wheels by
// name, and one wheel with 3 dependencies, all from a local simple index
// written by `npx micropyscript wheels`. Each wheel is a package of 30
// modules (about 40 kB zipped), made on the spot (scripts/wheels.mjs).
//
//   node scripts/bench/packages.mjs [--rounds 5] [--interpreters micropython,pyodide,cpython]
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { startServer } from "../serve.mjs";
import { buildWheel, wheelName } from "../wheels.mjs";
import { BROWSER_ARGS, option, summarize } from "./common.mjs";

const rounds = Number(option("--rounds", 5));
const interpreters = option("--interpreters", "micropython,pyodide,cpython").split(",");

/** A package of 30 modules of about 3 kB of code each. */
function library(name, requires = []) {
  const files = {};
  for (let i = 0; i < 30; i++) {
    files[`${name}/part${i}.py`] = Array.from({ length: 60 }, (_, line) => `def f${line}(x):\n    return x * ${line} + ${i}  # ${name} ${"·".repeat(20)}\n`).join("");
  }
  files[`${name}/__init__.py`] = `NAME = "${name}"\n`;
  return { name, version: "1.0", files, requires };
}

const FIVE = ["alpha", "bravo", "charlie", "delta", "echo"];
const CHAIN = ["app", "dep-one", "dep-two", "dep-three"];
const site = mkdtempSync(join(tmpdir(), "mps-bench-packages-"));
mkdirSync(join(site, "wheels"));
for (const spec of [...FIVE.map((name) => library(name)), library("app", ["dep-one", "dep-two", "dep-three"]), ...CHAIN.slice(1).map((name) => library(name.replace(/-/g, "_")))]) {
  writeFileSync(join(site, "wheels", wheelName(spec)), buildWheel(spec));
}
execFileSync(process.execPath, ["bin/micropyscript.mjs", "wheels", join(site, "wheels")], { stdio: "pipe" });
const page = (packages, imports) => `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"></head><body>
<py-config>${JSON.stringify({ packages, package_index: "./wheels/", splash: false })}</py-config>
<py-script id="out">${imports ? `import ${imports}\n` : ""}print("ready")</py-script>
<script type="module" src="/pyscript.js"></script></body></html>`;
const PAGES = {
  none: page([], ""),
  "5 pure wheels": page(FIVE, FIVE.join(", ")),
  "1 wheel + 3 dependencies": page(["app"], "app, dep_one, dep_two, dep_three"),
};
Object.entries(PAGES).forEach(([name, html], i) => writeFileSync(join(site, `page${i}.html`), html));

/** Time from navigation to the first output, and to py-finished-setup. */
async function load(page, url) {
  await page.goto(url);
  await page.locator("#out .py-output").filter({ hasText: "ready" }).waitFor({ timeout: 180_000 });
  return page.evaluate(() => ({ output: performance.now(), setup: window.PyScript.timings["py-finished-setup"] }));
}

const server = await startServer({ mounts: { "/": [site, "dist"] }, port: 0, maxAge: 3600 });
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: BROWSER_ARGS });
const results = {};
try {
  for (let round = 1; round <= rounds; round++) {
    for (const name of interpreters) {
      for (const [i, label] of Object.keys(PAGES).entries()) {
        const context = await browser.newContext();
        const tab = await context.newPage();
        const url = `${server.url}/page${i}.html?interpreter=${name}&snapshot=0`;
        const cold = await load(tab, url);
        const warm = await load(tab, url);
        await context.close();
        const data = (results[`${name}|${label}`] ??= { cold: [], warm: [] });
        data.cold.push(cold.output);
        data.warm.push(warm.output);
        process.stdout.write(`\rround ${round}/${rounds} ${name} ${label}                    `);
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}

console.log(`\n\nFirst output with packages, ms from navigation: median (min–max) of ${rounds} interleaved rounds; + is what the packages add.\n`);
for (const name of interpreters) {
  const base = { cold: summarize(results[`${name}|none`].cold).median, warm: summarize(results[`${name}|none`].warm).median };
  console.log(name);
  for (const label of Object.keys(PAGES)) {
    const row = results[`${name}|${label}`];
    const cell = (kind) => {
      const { median, min, max } = summarize(row[kind]);
      return `${median.toFixed(0)} (${min.toFixed(0)}–${max.toFixed(0)})${label === "none" ? "" : ` +${(median - base[kind]).toFixed(0)}`}`;
    };
    console.log(`  ${label.padEnd(26)} cold ${cell("cold").padEnd(24)} warm ${cell("warm")}`);
  }
}
