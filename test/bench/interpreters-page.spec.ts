// The "Interpreters" report page shows the committed benchmark results and
// runs the live part on the visitor's machine (narrowed here to MicroPython).
import { test, expect } from "../fixtures";
import { readFileSync } from "node:fs";

/** The contenders of the committed run (bench/results/latest.json). */
const committed = JSON.parse(readFileSync(new URL("../../bench/results/latest.json", import.meta.url), "utf8")).contenders as unknown[];

test("the Interpreters page shows the committed chart and tables", async ({ py, page }) => {
  await page.goto("/interpreters.html");
  const chart = page.locator("figure.chart img");
  await expect.poll(() => chart.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(500);
  await expect(page.locator("#startup-table tr")).toHaveCount(committed.length + 1); // a header and each contender
  await expect(page.locator("#startup-table")).toContainText("PyScript · Pyodide");
  await expect(page.locator("#startup-table")).toContainText("ours · Pyodide (snapshot)");
  await expect(page.locator("#startup-table")).toContainText("raw · CPython");
  await expect(page.locator("#ratio-table")).toContainText("micropython: ours ÷ raw");
  await expect(page.locator("#run-caption")).toContainText("npm run bench");
  py.expectClean(); // the chart, tables and their data all came from this site, and nothing threw
});

test("the live run measures our kernel and raw MicroPython on this machine, next to the committed numbers", async ({ py, page }) => {
  test.setTimeout(120_000);
  await page.goto("/interpreters.html?live=micropython&rounds=2");
  await page.click("#live-run");
  await expect(page.locator("#live-status")).toHaveText("done.", { timeout: 100_000 });
  const rows = await page.locator("#live-table tr").evaluateAll((trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent)));
  expect(rows.map((row) => row[0])).toEqual(["contender", "ours-micropython", "raw-micropython"]);
  for (const row of rows.slice(1)) {
    for (const cell of row.slice(1)) expect(Number(cell!.replace(/,/g, "")), `${row[0]}: ${row.join(" | ")}`).toBeGreaterThan(0);
  }
  await expect(page.locator("#live-frames iframe")).toHaveCount(2);
  py.expectClean(); // both contenders' iframes loaded everything from this site, and nothing threw
});
