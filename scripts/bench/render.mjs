// Rewrite latest.md and chart.svg from a results file, without measuring
// again (e.g. after changing how they are presented).
//   node scripts/bench/render.mjs [bench/results/latest.json]
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { formatMarkdown } from "./report.mjs";
import { renderChart } from "./chart.mjs";

const file = process.argv[2] ?? "bench/results/latest.json";
const results = JSON.parse(readFileSync(file, "utf8"));
writeFileSync(join(dirname(file), "latest.md"), formatMarkdown(results));
writeFileSync(join(dirname(file), "chart.svg"), renderChart(results));
console.log(`Rewrote ${join(dirname(file), "latest.md")} and chart.svg from ${file}.`);
