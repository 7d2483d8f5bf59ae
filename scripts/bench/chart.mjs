// The benchmark's picture (bench/results/chart.svg, shown on the report's
// "Interpreters" page): three panels of horizontal bars on log scales, since
// MicroPython and Pyodide differ 30× in size and start-up.
//   1. start-up to first output, per load (cold, warm, slow network), with min–max whiskers;
//   2. bytes downloaded on a cold load, and the framework's own share;
//   3. Python speed, per benchmark.
// Plain SVG with its own fonts and colours, so it reads the same anywhere.
import { LOADS } from "./results.mjs";
import { roundTripsOf } from "./report.mjs";

const WIDTH = 980;
const LABEL = 190; // left column: row labels
const PLOT = 560; // bar area (the rest, on the right, holds the values)
const ROW = 15;
const COLORS = { ours: "#2f6fde", raw: "#8a94a6", pyscript: "#e07b39" };
const NAMES = { ours: "MicroPyScript (ours)", raw: "raw interpreter (own loader only)", pyscript: "PyScript" };
const LOAD_TITLES = { cold: "cold (empty cache)", warm: "warm (cached)", slowCold: "slow network, cold", slowWarm: "slow network, warm" };

/** The whole chart, as an SVG document. */
export function renderChart(results) {
  const { contenders, machine, settings } = results;
  const panels = [startupPanel(contenders, settings), downloadPanel(contenders), pythonPanel(contenders, settings)].filter(Boolean);
  let y = 78;
  const parts = [];
  for (const panel of panels) {
    const { svg, height } = drawPanel(panel, y);
    parts.push(svg);
    y += height + 26;
  }
  const load = machine.loadAverage.samples;
  const subtitle = `${machine.browser} · ${machine.cpu} (load average ${Math.min(...load)}–${Math.max(...load)}) · ${results.date.slice(0, 10)} · ${settings.mode} run · medians (bars), min–max (whiskers)`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${y}" viewBox="0 0 ${WIDTH} ${y}" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif" font-size="12" fill="#1d2430">
<rect width="100%" height="100%" fill="#fff"/>
<text x="20" y="28" font-size="18" font-weight="700">Python in the browser: MicroPyScript vs the raw interpreters vs PyScript</text>
<text x="20" y="47" fill="#5b6575">${escape(subtitle)}</text>
${legend(20, 62)}
${parts.join("\n")}
</svg>
`;
}

function legend(x, y) {
  return Object.entries(NAMES).map(([key, label], i) => {
    const left = x + i * 250;
    return `<rect x="${left}" y="${y - 9}" width="12" height="12" rx="2" fill="${COLORS[key]}"/><text x="${left + 17}" y="${y + 1}">${escape(label)}</text>`;
  }).join("");
}

function startupPanel(contenders, settings) {
  const groups = LOADS.map((load) => ({
    heading: LOAD_TITLES[load],
    rows: contenders.filter((c) => c.loads[load]).map((c) => ({ ...bar(c, c.loads[load].hello), text: `${fmt(c.loads[load].hello.median)} ms` })),
  })).filter((g) => g.rows.length);
  return {
    title: "Start-up: from navigation to the first output on the page",
    axis: `milliseconds (log scale) — slow network: ${settings.slowNetwork.latencyMs} ms latency, ${settings.slowNetwork.downloadMbps} Mbit/s`,
    unit: "ms",
    groups,
  };
}

function downloadPanel(contenders) {
  const withNetwork = contenders.filter((c) => c.loads.cold);
  return {
    title: "Download on a cold load",
    axis: "kilobytes (log scale)",
    unit: "kB",
    groups: [
      { heading: "everything, compressed on the wire", rows: withNetwork.map((c) => row(c, c.loads.cold.network.wireBytes / 1000, `${fmt(c.loads.cold.network.wireBytes / 1000)} kB · ${c.loads.cold.network.requests} requests · ${roundTripsOf(c)} round trips`)) },
      { heading: "the framework's own JS and CSS (gzip -9)", rows: withNetwork.map((c) => row(c, c.loads.cold.network.framework.gzip9Bytes / 1000, c.loads.cold.network.framework.requests ? `${fmt(c.loads.cold.network.framework.gzip9Bytes / 1000)} kB in ${c.loads.cold.network.framework.requests} files` : "none")) },
    ],
  };
}

function pythonPanel(contenders, settings) {
  const ran = contenders.filter((c) => Object.keys(c.python).length);
  if (!ran.length) return undefined;
  return {
    title: "Python speed: the same pure-Python micro-benchmarks on every contender",
    axis: `milliseconds per benchmark (log scale), timed inside Python${settings.suiteScale === 1 ? "" : ` — scale ${settings.suiteScale}`}`,
    unit: "ms",
    groups: Object.keys(ran[0].python).map((name) => ({
      heading: name,
      rows: ran.filter((c) => c.python[name]).map((c) => ({ ...bar(c, c.python[name]), text: `${fmt(c.python[name].median)} ms` })),
    })),
  };
}

const bar = (c, { median, min, max }) => ({ label: c.label, color: COLORS[c.framework], value: median, min, max });
const row = (c, value, text) => ({ label: c.label, color: COLORS[c.framework], value, text });

/** One panel: a title, groups of labelled bars on a shared log axis, the axis with its label. */
function drawPanel({ title, axis, groups }, top) {
  const values = groups.flatMap((g) => g.rows.flatMap((r) => [r.value, r.max ?? r.value, r.min ?? r.value])).filter((v) => v > 0);
  const scale = logScale(Math.min(...values), Math.max(...values));
  const out = [`<text x="20" y="${top + 14}" font-size="15" font-weight="600">${escape(title)}</text>`];
  let y = top + 30;
  const plotTop = y;
  for (const group of groups) {
    out.push(`<text x="20" y="${y + 11}" font-weight="600" fill="#5b6575">${escape(group.heading)}</text>`);
    y += ROW + 2;
    for (const r of group.rows) {
      out.push(drawBar(r, y, scale));
      y += ROW;
    }
    y += 6;
  }
  out.unshift(grid(scale, plotTop, y));
  out.push(`<text x="${LABEL + PLOT / 2}" y="${y + 30}" text-anchor="middle" fill="#5b6575">${escape(axis)}</text>`);
  return { svg: `<g>${out.join("\n")}</g>`, height: y + 36 - top };
}

function drawBar({ label, color, value, min, max, text }, y, scale) {
  const parts = [`<text x="${LABEL - 8}" y="${y + 10}" text-anchor="end">${escape(label)}</text>`];
  if (value > 0) {
    const width = Math.max(1, scale(value) - LABEL);
    parts.push(`<rect x="${LABEL}" y="${y + 1}" width="${width.toFixed(1)}" height="${ROW - 4}" rx="2" fill="${color}"/>`);
    if (min !== undefined && max > min) {
      const [a, b] = [scale(min), scale(max)];
      parts.push(`<path d="M${a.toFixed(1)} ${y + 6.5}H${b.toFixed(1)}M${a.toFixed(1)} ${y + 3}v7M${b.toFixed(1)} ${y + 3}v7" stroke="#1d2430" stroke-width="1"/>`);
    }
  }
  const end = value > 0 ? Math.max(scale(value), scale(max ?? value)) : LABEL;
  parts.push(`<text x="${(end + 6).toFixed(1)}" y="${y + 10}" fill="#1d2430">${escape(text)}</text>`);
  return parts.join("");
}

/** Gridlines and tick labels at 1, 2, 5 × 10ⁿ. */
function grid(scale, top, bottom) {
  const lines = [];
  for (const tick of scale.ticks) {
    const x = scale(tick).toFixed(1);
    const major = Number.isInteger(Math.round(Math.log10(tick) * 1000) / 1000);
    lines.push(`<line x1="${x}" y1="${top}" x2="${x}" y2="${bottom}" stroke="${major ? "#c5ccd8" : "#eef1f5"}"/>`);
    if (major || scale.ticks.length < 14) lines.push(`<text x="${x}" y="${bottom + 14}" text-anchor="middle" fill="#5b6575" font-size="11">${fmt(tick)}</text>`);
  }
  return lines.join("");
}

/**
 * A log scale from a "nice" value (1, 2 or 5 × 10ⁿ) at or below `low` to one
 * above `high`, mapped onto the plot area, with ticks at every nice value.
 */
function logScale(low, high) {
  const nice = (v, direction) => {
    const candidates = [];
    for (let p = Math.floor(Math.log10(v)) - 1; p <= Math.ceil(Math.log10(v)) + 1; p++) for (const m of [1, 2, 5]) candidates.push(Number((m * 10 ** p).toPrecision(1)));
    return direction < 0 ? Math.max(...candidates.filter((c) => c <= v)) : Math.min(...candidates.filter((c) => c >= v));
  };
  const from = Math.log10(nice(low, -1));
  const to = Math.log10(nice(high * 1.02, 1));
  const scale = (v) => LABEL + ((Math.log10(v) - from) / (to - from)) * PLOT;
  scale.ticks = [];
  for (let p = Math.floor(from); p <= Math.ceil(to); p++) {
    for (const m of [1, 2, 5]) {
      const tick = Number((m * 10 ** p).toPrecision(1));
      if (Math.log10(tick) >= from - 1e-9 && Math.log10(tick) <= to + 1e-9) scale.ticks.push(tick);
    }
  }
  return scale;
}

function fmt(x) {
  if (x >= 100) return Math.round(x).toLocaleString("en");
  if (x >= 10) return x.toFixed(0);
  return x >= 1 ? x.toFixed(1) : String(Number(x.toPrecision(2)));
}

function escape(text) {
  return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
