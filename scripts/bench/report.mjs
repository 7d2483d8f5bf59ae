// The benchmark's words: progress lines while it runs, the summary tables at
// the end (plain text for the terminal, Markdown for latest.md), and the
// ratios that answer "how close to the physical limit, how far from PyScript".
import { LOADS } from "./results.mjs";

const LOAD_LABELS = { cold: "cold", warm: "warm", slowCold: "slow cold", slowWarm: "slow warm" };

/** One progress line: what a contender measured this round (see bench.mjs measureLoads). */
export function formatProgress(contender, normal, slow) {
  const describe = (m, prefix = "") => (m.error ? `${prefix}✗ ${m.error}` : `${prefix}cold ${ms(m.cold)} · warm ${ms(m.warm)}`);
  const parts = [describe(normal)];
  if (normal.python) parts.push(`suite ${ms(normal.python.reduce((sum, b) => sum + b.ms, 0))}`);
  if (slow) parts.push(describe(slow, "slow: "));
  return `   ${contender.label.padEnd(22)} ${parts.join(" · ")} ms`;
}

/** Every table, as aligned text for the terminal. */
export function formatSummary(results) {
  return sections(results).map(({ title, rows, note }) => `${title}\n\n${alignText(rows)}${note ? `\n${note}` : ""}`).join("\n\n");
}

/** Every table, plus what ran where, as Markdown (bench/results/latest.md). */
export function formatMarkdown(results) {
  const frameworkFiles = results.contenders.filter((c) => c.loads.cold?.network.framework.requests).map((c) =>
    `- ${c.label}: ${Object.entries(c.loads.cold.network.framework.gzip9).map(([path, bytes]) => `\`${path.split("/").pop()}\` ${kB(bytes)}`).join(", ")}`);
  const { machine, settings } = results;
  const head = [
    "# Interpreter benchmark: latest results",
    "",
    `Written by \`npm run bench\` on ${results.date.slice(0, 16).replace("T", " ")} UTC (${settings.mode} run, ${results.durationSeconds} s).`,
    `${machine.browser}, ${machine.cpu}, ${machine.memoryGB} GB, ${machine.os}, Node ${machine.node}; commit ${machine.commit}.`,
    `Versions: MicroPyScript ${machine.versions.micropyscript}, MicroPython ${machine.versions.micropython}, Pyodide ${machine.versions.pyodide}, CPython ${machine.versions.cpython}, @pyscript/core ${machine.versions.pyscriptCore} (every contender loads the same interpreter files).`,
    `Load average during the run (${machine.loadAverage.cores} cores): ${loadRange(machine.loadAverage.samples)}.`,
    "",
  ];
  const body = sections(results).flatMap(({ title, rows, note }) => [`## ${title}`, "", ...markdownTable(rows), ...(note ? ["", note] : []), ""]);
  const files = frameworkFiles.length ? ["## Framework files (kB, gzip -9)", "", ...frameworkFiles, ""] : [];
  return `${[...head, ...body, ...files].join("\n")}\n`;
}

/** The summary tables, as {title, rows (first row: header), note}. */
function sections(results) {
  const { contenders, settings } = results;
  const list = [
    {
      title: `Start-up: navigation → first output, ms, median (min–max) of ${runs(settings.runs)} (slow network: ${runs(settings.slowRuns)})`,
      rows: [["contender", ...LOADS.map((l) => LOAD_LABELS[l]), "ready (cold)"],
        ...contenders.map((c) => [c.label, ...LOADS.map((l) => spread(c.loads[l]?.hello)), ms(c.loads.cold?.ready?.median)])],
      note: `Slow network: ${settings.slowNetwork.latencyMs} ms latency, ${settings.slowNetwork.downloadMbps} Mbit/s. "Ready" is each framework's own signal that Python can run (PyScript's mpy:ready/py:ready comes before it installs its own Python package, which it does as the first script runs).`,
    },
    { title: "Ratios of median first-output times", rows: ratioRows(contenders) },
    {
      title: "Download and memory (cold load)",
      rows: [["contender", "requests", "round trips", "wire kB", "decoded kB", "framework kB (gzip -9)", "wasm memory MB", "JS heap MB", "warm: requests"],
        ...contenders.map((c) => {
          const n = c.loads.cold?.network;
          return [c.label, n?.requests, roundTripsOf(c), kB(n?.wireBytes), kB(n?.decodedBytes),
            n ? `${kB(n.framework.gzip9Bytes)} (${n.framework.requests} files)` : "–",
            MB(c.memory.wasmBytes?.median), MB(c.memory.jsHeapBytes?.median), c.loads.warm?.network.requests];
        })],
      note: "Framework: every file but the page and the interpreter's own (ours: pyscript.js, which carries the MicroPython adapter, plus the Pyodide or CPython adapter and page-bridge.js where used; PyScript: core.js, its chunks and plugins, core.css). "
        + "Round trips: the longest chain of requests each started after the previous one finished, counted on the slow network's cold load when there is one (there, a coincidence of timing can't pass for a dependency).",
    },
    pythonSection(contenders, settings),
  ];
  const failures = contenders.flatMap((c) => c.failures.map((f) => [c.label, f.phase, f.message]));
  list.push(failures.length
    ? { title: "Failures", rows: [["contender", "phase", "what happened"], ...failures] }
    : { title: "Failures", rows: [["none: every contender completed every run"]] });
  return list.filter(Boolean);
}

/** ours ÷ raw, ours ÷ PyScript and PyScript ÷ raw, per interpreter and load. */
function ratioRows(contenders) {
  // "ours" is the plain contender; "ours (snapshot)" the variant booting Pyodide from a memory snapshot.
  const find = (framework, interpreter) => {
    const [kind, variant] = framework.split(" ");
    return contenders.find((c) => c.framework === kind && c.interpreter === interpreter && (c.variant ? `(${c.variant})` : undefined) === variant);
  };
  const rows = [["interpreter", "ratio", ...LOADS.map((l) => LOAD_LABELS[l])]];
  for (const interpreter of [...new Set(contenders.map((c) => c.interpreter))]) {
    for (const [top, bottom] of [["ours", "raw"], ["ours (snapshot)", "raw"], ["ours", "pyscript"], ["pyscript", "raw"]]) {
      const a = find(top, interpreter);
      const b = find(bottom, interpreter);
      if (!a || !b) continue;
      const cells = LOADS.map((l) => (a.loads[l] && b.loads[l] ? (a.loads[l].hello.median / b.loads[l].hello.median).toFixed(3) : "–"));
      rows.push([interpreter, `${name(top)} ÷ ${name(bottom)}`, ...cells]);
    }
  }
  return rows.length > 1 ? rows : [["(needs two frameworks on one interpreter)"]];
}

/** Python suite: ms per benchmark and × the fastest contender on it. */
function pythonSection(contenders, settings) {
  const ran = contenders.filter((c) => Object.keys(c.python).length);
  if (!ran.length) return undefined;
  const names = Object.keys(ran[0].python);
  const rows = [["benchmark", ...ran.map((c) => c.label)]];
  for (const benchmark of names) {
    const fastest = Math.min(...ran.map((c) => c.python[benchmark]?.median ?? Infinity));
    rows.push([benchmark, ...ran.map((c) => {
      const m = c.python[benchmark]?.median;
      return m === undefined ? "–" : `${ms(m)} (×${(m / fastest).toFixed(2)})`;
    })]);
  }
  const agree = names.every((n) => new Set(ran.map((c) => c.checksums[n])).size === 1);
  return {
    title: `Python speed: ms per benchmark, median of ${runs(settings.suiteRuns)} (× the fastest)`,
    rows,
    note: `Same source (bench/python/suite.py${settings.suiteScale === 1 ? "" : `, scale ${settings.suiteScale}`}) on every contender, timed inside Python; the second of two runs in the page. ${agree
      ? "Every contender computed the same checksums."
      : "⚠ The checksums DIFFER between contenders: they did not all do the same work."}`,
  };
}

/** Round trips, from the slow network's cold load if measured (see the table's note). */
export const roundTripsOf = (c) => (c.loads.slowCold ?? c.loads.cold)?.network.roundTrips;
const runs = (n) => `${n} run${n === 1 ? "" : "s"}`;
const name = (framework) => ({ ours: "ours", "ours (snapshot)": "ours (snapshot)", raw: "raw", pyscript: "PyScript" })[framework];
const ms = (x) => (x === undefined ? "–" : x >= 100 ? `${Math.round(x)}` : x.toFixed(1));
const kB = (x) => (x === undefined ? "–" : (x / 1000).toFixed(x < 10_000 ? 1 : 0));
const MB = (x) => (x === undefined ? "–" : (x / 1e6).toFixed(1));
const spread = (s) => (s ? `${ms(s.median)} (${ms(s.min)}–${ms(s.max)})` : "–");
const loadRange = (list) => `median ${[...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]}, from ${Math.min(...list)} to ${Math.max(...list)}`;

function alignText(rows) {
  const cells = rows.map((row) => row.map((cell) => String(cell ?? "–")));
  const widths = cells[0].map((_, i) => Math.max(...cells.map((row) => (row[i] ?? "").length)));
  return cells.map((row) => row.map((cell, i) => cell.padEnd(widths[i])).join("  ").trimEnd()).join("\n");
}

function markdownTable(rows) {
  const line = (row) => `| ${row.map((cell) => String(cell ?? "–")).join(" | ")} |`;
  return [line(rows[0]), line(rows[0].map(() => "---")), ...rows.slice(1).map(line)];
}
