// The "Interpreters" page: shows the committed benchmark results
// (bench/results/latest.json, written by `npm run bench`), and runs the part
// of the benchmark a page can run on its visitor's machine: our kernel's and
// the raw interpreters' pages in frames, timed by the probe every benchmark
// page carries, then the same Python suite in each.
const RESULTS = "./bench/results/latest.json";
const SUITE = "./bench/python/suite.py";
// ?rounds=1&live=micropython narrows the live run (the tests use it).
const params = new URLSearchParams(location.search);
const ROUNDS = Number(params.get("rounds") ?? 3);
const LIVE = [
  { id: "ours-micropython", page: "./bench/pages/ours.html?interpreter=micropython", run: (w, code) => w.PyScript.runPython(code) },
  { id: "raw-micropython", page: "./bench/pages/raw-micropython.html", run: (w, code) => w.benchRuntime.runPython(code) },
  { id: "ours-pyodide", page: "./bench/pages/ours.html?interpreter=pyodide", run: (w, code) => w.PyScript.runPython(code) },
  { id: "raw-pyodide", page: "./bench/pages/raw-pyodide.html", run: (w, code) => w.benchRuntime.runPython(code) },
  // (raw CPython needs the WASI shim, which only the benchmark's server serves)
  { id: "ours-cpython", page: "./bench/pages/ours.html?interpreter=cpython", run: (w, code) => w.PyScript.runPython(code) },
].filter(({ id }) => id.includes(params.get("live") ?? ""));
const LOADS = { cold: "cold", warm: "warm", slowCold: "slow cold", slowWarm: "slow warm" };

let committed; // latest.json, once loaded

const $ = (selector) => document.querySelector(selector);
const ms = (x) => (x === undefined ? "–" : x >= 100 ? Math.round(x).toLocaleString("en") : x.toFixed(1));
const cell = (text, numeric = true) => Object.assign(document.createElement("td"), { textContent: text, className: numeric ? "num" : "" });

/** Fill `table` with a header row and rows of cells (first column text, the rest numbers). */
function fillTable(table, header, rows) {
  table.replaceChildren();
  const head = table.insertRow();
  header.forEach((text, i) => head.append(Object.assign(document.createElement("th"), { textContent: text, className: i ? "num" : "" })));
  for (const row of rows) table.insertRow().append(...row.map((text, i) => cell(String(text ?? "–"), i > 0)));
}

// ---- The committed results ----

async function showCommitted() {
  try {
    committed = await (await fetch(RESULTS)).json();
  } catch {
    $("#startup-table").replaceChildren(Object.assign(document.createElement("caption"), { textContent: "No results yet: run npm run bench." }));
    return;
  }
  const { machine, settings, contenders } = committed;
  $("#run-caption").textContent = `Written by npm run bench on ${committed.date.slice(0, 10)} (${settings.mode} run: ${settings.runs} rounds, ${settings.slowRuns} on the slow network) — ${machine.browser}, ${machine.cpu}; load average ${Math.min(...machine.loadAverage.samples)}–${Math.max(...machine.loadAverage.samples)}.`;
  fillTable($("#startup-table"), ["contender", ...Object.values(LOADS)],
    contenders.map((c) => [c.label + (c.ok ? "" : " (some runs failed)"), ...Object.keys(LOADS).map((l) => ms(c.loads[l]?.hello.median))]));
  fillTable($("#ratio-table"), ["interpreter: ratio", ...Object.values(LOADS)], ratioRows(contenders));
}

function ratioRows(contenders) {
  const find = (framework, interpreter) => contenders.find((c) => c.framework === framework && c.interpreter === interpreter);
  const rows = [];
  for (const interpreter of new Set(contenders.map((c) => c.interpreter))) {
    for (const [a, b, label] of [["ours", "raw", "ours ÷ raw"], ["ours", "pyscript", "ours ÷ PyScript"], ["pyscript", "raw", "PyScript ÷ raw"]]) {
      const [x, y] = [find(a, interpreter), find(b, interpreter)];
      if (x && y) rows.push([`${interpreter}: ${label}`, ...Object.keys(LOADS).map((l) => (x.loads[l] && y.loads[l] ? (x.loads[l].hello.median / y.loads[l].hello.median).toFixed(2) : "–"))]);
    }
  }
  return rows;
}

// ---- The live run, on the visitor's machine ----

/** Load a contender's page in a new frame; resolve with its probe's marks once it printed. */
function loadInFrame(contender) {
  const old = document.querySelector(`iframe[data-id="${contender.id}"]`);
  const frame = Object.assign(document.createElement("iframe"), { title: contender.id, src: contender.page });
  frame.dataset.id = contender.id;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${contender.id}: no output after 2 minutes`)), 120_000);
    const onMessage = ({ source, data }) => {
      if (source !== frame.contentWindow || !data?.bench || data.bench === "bench:ready") return;
      removeEventListener("message", onMessage);
      clearTimeout(timer);
      if (data.bench === "bench:error") return reject(new Error(`${contender.id}: ${data.detail}`));
      const mark = (name) => frame.contentWindow.performance.getEntriesByName(name)[0]?.startTime;
      resolve({ frame, hello: mark("bench:hello"), ready: mark("bench:ready") });
    };
    addEventListener("message", onMessage);
    if (old) old.replaceWith(frame);
    else $("#live-frames").append(frame);
  });
}

/** Run the suite twice in a ready frame (the first warms up, as in npm run bench); return the second run. */
async function runSuite(contender, frame, source) {
  let result;
  for (let i = 0; i < 2; i++) {
    delete frame.contentWindow.benchSuiteResult;
    await new Promise((resolve) => setTimeout(resolve, 50)); // let the status line paint: the suite blocks the page
    contender.run(frame.contentWindow, `SCALE = 1\n${source}`);
    result = JSON.parse(frame.contentWindow.benchSuiteResult);
  }
  return result.reduce((sum, b) => sum + b.ms, 0);
}

async function runLive() {
  const button = $("#live-run");
  const status = (text) => ($("#live-status").textContent = text);
  button.disabled = true;
  const mine = Object.fromEntries(LIVE.map((c) => [c.id, { loads: [] }]));
  try {
    const source = await (await fetch(SUITE)).text();
    for (let round = 1; round <= ROUNDS; round++) {
      for (const contender of LIVE) {
        status(`round ${round}/${ROUNDS}: loading ${contender.id}…`);
        const { frame, hello } = await loadInFrame(contender);
        mine[contender.id].loads.push(hello);
        if (round === ROUNDS) {
          status(`running the Python suite in ${contender.id}…`);
          mine[contender.id].suite = await runSuite(contender, frame, source);
        }
        showLive(mine);
      }
    }
    status("done.");
  } catch (error) {
    status(`failed: ${error.message}`);
  } finally {
    button.disabled = false;
  }
}

function showLive(mine) {
  const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
  const ours = (id) => committed?.contenders.find((c) => c.id === id);
  const suiteTotal = (c) => (c && Object.keys(c.python).length ? Object.values(c.python).reduce((sum, s) => sum + s.median, 0) : undefined);
  fillTable($("#live-table"),
    ["contender", "your 1st load, ms", "your later loads, ms", "committed cold, ms", "committed warm, ms", "your Python suite, ms", "committed suite, ms"],
    LIVE.map(({ id }) => {
      const { loads, suite } = mine[id];
      return [id, ms(loads[0]), loads.length > 1 ? ms(median(loads.slice(1))) : "…", ms(ours(id)?.loads.cold?.hello.median),
        ms(ours(id)?.loads.warm?.hello.median), ms(suite), ms(suiteTotal(ours(id)))];
    }));
}

$("#live-run").addEventListener("click", runLive);
showCommitted();
