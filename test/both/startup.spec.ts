// Start-up as a visitor sees it: the splash, real download progress, and
// what happens when the interpreter can't be downloaded.
import { test, expect } from "../fixtures";
import type { Page } from "@playwright/test";

/** The interpreter's main WebAssembly file, as served from dist/. */
const WASM = { micropython: "/micropython/micropython.wasm", pyodide: "/pyodide/pyodide.asm.wasm", cpython: "/cpython/python.wasm" } as const;

/** Hold back the interpreter's WebAssembly for `ms`, to make start-up slow enough to watch. */
async function slowDownWasm(page: Page, interpreter: string, ms: number): Promise<void> {
  await page.route((url) => url.pathname === WASM[interpreter as keyof typeof WASM], async (route) => {
    await new Promise((resolve) => setTimeout(resolve, ms));
    await route.continue();
  });
}

test("the splash shows while Python starts, with download progress, and goes away when ready", async ({ py, page, interpreter }) => {
  await slowDownWasm(page, interpreter, 1500);
  await py.open(`<py-script id="out">print("ready")</py-script>`, { wait: "none" });
  await expect(page.locator(".py-splash")).toBeVisible();
  await expect(page.locator(".py-splash [data-py-progress]")).toContainText(/downloading [\d.]+ \/ [\d.]+ MB/);
  await py.settled();
  await expect(py.output("#out")).toHaveText("ready\n");
  await expect(page.locator(".py-splash")).toHaveCount(0);
});

test('"splash": false shows no splash, and a string is used as the splash HTML', async ({ py, page, interpreter }) => {
  await slowDownWasm(page, interpreter, 1000);
  // Watch the whole start-up: a splash shown even for a moment is caught.
  await page.addInitScript(() => new MutationObserver(() => {
    if (document.querySelector(".py-splash")) (window as any).__splashSeen = true;
  }).observe(document, { childList: true, subtree: true }));
  await py.open(`<py-config>{"splash": false}</py-config><py-script>pass</py-script>`);
  expect(await page.evaluate(() => (window as any).__splashSeen ?? false)).toBe(false);

  await py.open(`<py-config>{"splash": "&lt;p id='mine'>Loading my app… &lt;span data-py-progress>&lt;/span>&lt;/p>"}</py-config><py-script>pass</py-script>`, { wait: "none" });
  await expect(page.locator(".py-splash #mine")).toContainText(/Loading my app… \w+ [\d.]+ \/ [\d.]+ MB/);
  await py.settled();
  await expect(page.locator(".py-splash")).toHaveCount(0);
});

test("py-progress reports increasing bytes towards a known total, then ready", async ({ py, page, interpreter }) => {
  await py.open(`<py-script>pass</py-script>`);
  const progress = await page.evaluate(() => (window as any).__events
    .filter((e: any) => e.name === "py-progress").map((e: any) => e.detail));
  expect(progress.filter((p: any) => p.stage === "downloading").length).toBeGreaterThan(0);
  const loaded = progress.map((p: any) => p.loaded);
  expect(loaded).toEqual([...loaded].sort((a, b) => a - b));
  expect(new Set(progress.map((p: any) => p.total)).size).toBe(1);
  expect(progress[0].total).toBeGreaterThan(interpreter === "micropython" ? 400_000 : 5_000_000);
  expect(progress.every((p: any) => p.interpreter === interpreter)).toBe(true);
  expect(progress.at(-1)).toMatchObject({ stage: "ready", loaded: progress[0].total });
});

test("an interpreter that can't be downloaded is a clear error, the splash goes, and PyScript.ready rejects", async ({ py, page }) => {
  await py.open(`<py-config>{"interpreterURL": "./not-here/"}</py-config><py-script id="s">print(1)</py-script><p id="html">The page itself</p>`, { wait: "none" });
  expect(await py.settled()).toBe("failed");
  const box = py.errors("interpreter-load");
  await expect(box).toContainText("Could not download");
  await expect(box).toContainText("/test/not-here/");
  await expect(box).toContainText("interpreterURL");
  await expect(page.locator(".py-splash")).toHaveCount(0);
  await expect(page.locator("#html")).toHaveText("The page itself");
  expect(await page.evaluate(() => window.PyScript.ready.catch((e) => e.code))).toBe("interpreter-load");
});

test("a missing interpreter file is an error that names it", async ({ py, page, interpreter }) => {
  const file = WASM[interpreter as keyof typeof WASM];
  await page.route((url) => url.pathname === file, (route) => route.fulfill({ status: 404, body: "gone" }));
  await py.open(`<py-script>print(1)</py-script>`, { wait: "none" });
  expect(await py.settled()).toBe("failed");
  await expect(py.errors("interpreter-load")).toContainText(`${file} (the server answered 404)`);
  await expect(py.errors("interpreter-load")).toContainText(`all of ${interpreter}/ too`);
  await expect(py.errors("interpreter-load")).not.toContainText("interpreterURL"); // not set: it can't be the cause
  await expect(page.locator(".py-splash")).toHaveCount(0);
});

test("error boxes can be dismissed", async ({ py, page }) => {
  await py.open(`<py-script id="bad">1/0</py-script>`);
  await expect(py.errors("python")).toHaveCount(1);
  await page.locator("#bad .py-error-close").click();
  await expect(py.errors("python")).toHaveCount(0);
});

test('"debug": true logs each stage with its time', async ({ py, page }) => {
  const logs: string[] = [];
  page.on("console", (message) => logs.push(message.text()));
  await py.open(`<py-config>{"debug": true}</py-config><py-script>pass</py-script>`);
  expect(logs).toEqual(expect.arrayContaining([expect.stringMatching(/^🐍 py-configured at [\d.]+ ms$/),
    expect.stringMatching(/^🐍 py-finished-setup at [\d.]+ ms$/)]));
  const marks = await page.evaluate(() => performance.getEntriesByType("mark").map((m) => m.name));
  expect(marks).toContain("micropyscript:py-finished-setup");
});

test("?interpreter= in the URL chooses the interpreter, unless the config turns that off", async ({ py, page, interpreter }) => {
  const other = interpreter === "micropython" ? "pyodide" : "micropython";
  await py.open(`<py-config>{"interpreter": "${other}"}</py-config><py-script>pass</py-script>`);
  expect(await page.evaluate(() => window.PyScript.interpreter!.info.name)).toBe(interpreter);
  await py.open(`<py-config>{"interpreter": "${interpreter}", "urlOverride": false}</py-config><py-script>pass</py-script>`,
    { chooseInterpreter: false, query: `interpreter=${other}` });
  expect(await page.evaluate(() => window.PyScript.interpreter!.info.name)).toBe(interpreter);
});
