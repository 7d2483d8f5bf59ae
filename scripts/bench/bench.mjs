// `npm run bench`: every interpreter we support, each through our kernel,
// through its own loader alone (the physical limit) and through PyScript,
// measured interleaved in one headless Chromium run. Prints a table, and
// writes latest.json, latest.md and chart.svg (shown by site/interpreters.html).
//
// Per contender and round (the order rotates each round, so the machine's
// noise falls on everyone alike):
//   1. cold load: a fresh browser context (empty cache) → times, network, memory;
//   2. warm load: the same page again, assets from the HTTP cache;
//      then, in --suite-runs of the rounds, the Python suite in that page;
//   3. in --slow-runs of the rounds, 1 and 2 again on an emulated slow network.
// Settings and their defaults: see settings.mjs.
import { chromium } from "playwright-core";
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { BROWSER_ARGS, startBenchServer } from "./common.mjs";
import { selectContenders } from "./contenders.mjs";
import { describeMachine, loadAverage } from "./machine.mjs";
import { loadPage, measureMemory, openContender } from "./page-load.mjs";
import { runPythonSuite } from "./python-suite.mjs";
import { addLoad, addSuite, newSamples, summarizeContender } from "./results.mjs";
import { SLOW_NETWORK } from "./network.mjs";
import { formatMarkdown, formatProgress, formatSummary } from "./report.mjs";
import { renderChart } from "./chart.mjs";
import { isSpreadRound, readSettings } from "./settings.mjs";

const settings = readSettings();
const contenders = selectContenders(settings.contenders);
const started = Date.now();

// Stage 1: a server for the pages, and one browser for the whole run.
const server = await startBenchServer();
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: BROWSER_ARGS });
const machine = describeMachine(browser);
const samples = new Map(contenders.map((c) => [c.id, newSamples(c)]));
const loadAverages = [loadAverage()];
console.log(`🐍 Benchmarking ${contenders.map((c) => c.id).join(", ")}`);
console.log(`   ${settings.runs} rounds (${settings.slowRuns} on a slow network, ${settings.suiteRuns} with the Python suite), ${machine.browser}, ${machine.cpu}, load ${loadAverages[0]}\n`);

try {
  // Stage 2: one untimed load of each, so the server has gzipped every file and the disk cache is warm.
  for (const contender of contenders) await measureLoads(contender, { slow: false, record: false });

  // Stage 3: the interleaved rounds.
  for (let round = 1; round <= settings.runs; round++) {
    const order = contenders.map((_, i) => contenders[(i + round) % contenders.length]);
    console.log(`round ${round}/${settings.runs} · ${elapsed()} · load average ${loadAverage()}`);
    for (const contender of order) {
      const normal = await measureLoads(contender, { slow: false, suite: isSpreadRound(round, settings.runs, settings.suiteRuns) });
      const slow = isSpreadRound(round, settings.runs, settings.slowRuns) ? await measureLoads(contender, { slow: true }) : undefined;
      console.log(formatProgress(contender, normal, slow));
    }
    loadAverages.push(loadAverage());
  }
} finally {
  await browser.close();
  await server.close();
}

// Stage 4: summarize, print, write.
const results = {
  date: new Date().toISOString(),
  settings: { ...settings, slowNetwork: SLOW_NETWORK },
  machine: { ...machine, loadAverage: { samples: loadAverages, cores: machine.cores } },
  durationSeconds: Math.round((Date.now() - started) / 1000),
  contenders: contenders.map((c) => summarizeContender(samples.get(c.id))),
};
console.log(`\n${formatSummary(results)}`);
if (settings.write) writeResults(results);
if (results.contenders.some((c) => !c.ok)) process.exitCode = 1;

/**
 * Cold then warm load of one contender in a fresh context (optionally
 * throttled), recording times, network, memory and the Python suite. A
 * failure is recorded against the contender, and the run goes on. Returns
 * what it measured, for the progress line ({error} if it failed).
 */
async function measureLoads(contender, { slow, suite = false, record = true }) {
  const mine = samples.get(contender.id);
  const tab = await openContender(browser, server.url, { slow });
  const timeout = slow ? 180_000 : 60_000;
  const phase = slow ? "slow network" : "normal network";
  try {
    const cold = await loadPage(tab, server.url + contender.path, { timeout });
    const memory = await measureMemory(tab);
    await contender.beforeWarm?.(tab.page);
    const warm = await loadPage(tab, server.url + contender.path, { timeout });
    if (!record) return;
    addLoad(mine, slow ? "slowCold" : "cold", cold);
    addLoad(mine, slow ? "slowWarm" : "warm", warm);
    if (!slow) {
      mine.memory.wasmBytes.push(memory.wasmBytes);
      mine.memory.jsHeapBytes.push(memory.jsHeapBytes);
    }
    for (const { network } of [cold, warm]) {
      if (network.foreign.length) mine.failures.push({ phase, message: `requests left localhost: ${network.foreign.join(", ")}` });
      if (network.failed.length) mine.failures.push({ phase, message: `requests failed: ${network.failed.join(", ")}` });
    }
    const python = suite ? await runPythonSuite(tab.page, contender, { scale: settings.suiteScale }) : undefined;
    if (python) addSuite(mine, python);
    return { cold: cold.hello, warm: warm.hello, python };
  } catch (error) {
    const message = error.message.split("\n")[0];
    if (record) mine.failures.push({ phase, message });
    else console.log(`   ✗ ${contender.id} (${phase}, warm-up): ${message}`);
    return { error: message };
  } finally {
    await tab.close();
  }
}

/** JSON, indented, but with lists of numbers or strings kept on one line. */
function compactJSON(value) {
  return JSON.stringify(value, null, 2).replace(/\[\s+([^[\]{}]*?)\s+\]/g, (_, inside) => `[${inside.split(/,\s+/).join(", ")}]`);
}

function elapsed() {
  const seconds = Math.round((Date.now() - started) / 1000);
  return `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, "0")}s`;
}

function writeResults(results) {
  const out = resolve(settings.out);
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, "latest.json"), `${compactJSON(results)}\n`);
  writeFileSync(join(out, "latest.md"), formatMarkdown(results));
  writeFileSync(join(out, "chart.svg"), renderChart(results));
  console.log(`\nWrote ${join(settings.out, "latest.json")}, latest.md and chart.svg.`);
  if (settings.mode !== "full") return;
  // Every full run is kept, so a better-looking later run can't quietly replace a worse one.
  mkdirSync(join(out, "history"), { recursive: true });
  const name = `${results.date.slice(0, 16).replace(/[-:]/g, "").replace("T", "-")}.json`;
  writeFileSync(join(out, "history", name), `${compactJSON(results)}\n`);
  console.log(`Kept a copy as ${join(settings.out, "history", name)}.`);
}
