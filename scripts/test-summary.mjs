// Print the one line CI reads: "N passed, N failed", from Playwright's JSON report.
import { existsSync, readFileSync } from "node:fs";

const report = "test-results/results.json";
if (!existsSync(report)) {
  console.log("0 passed, 1 failed");
  process.exit(1);
}
const { stats, errors = [] } = JSON.parse(readFileSync(report, "utf8"));
const passed = stats.expected + stats.flaky;
const failed = stats.unexpected + errors.length;
if (stats.flaky) console.log(`(${stats.flaky} of the passed tests needed a retry)`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
