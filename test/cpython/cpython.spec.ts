// What only the page's CPython does: upstream CPython for WASI on the main thread, waiting with
// JSPI (input(), time.sleep, the next script) while the page stays responsive, reaching the
// page over its device file, and saying clearly when the browser has no JSPI.
import { expect, test } from "../fixtures.js";
import { Terminal, withRepl } from "../terminal.js";

test.slow(); // every page compiles a 26 MB interpreter

test("it is upstream CPython: version, platform, its standard library, and no FFI of its own", async ({ py }) => {
  await py.open(`<py-script id="out">
import sys, json, sqlite3, decimal, zlib
print(sys.implementation.name, sys.version_info[:2], sys.platform)
print(json.dumps({"sum": str(decimal.Decimal("0.1") + decimal.Decimal("0.2"))}))
try:
    import pyodide
except ImportError:
    print("no pyodide module")
</py-script>`);
  await expect(py.output("#out")).toHaveText('cpython (3, 12) wasi\n{"sum": "0.3"}\nno pyodide module\n');
});

test("scripts run in order with shared globals; a traceback shows at its tag with the HTML line, and the next script runs", async ({ py }) => {
  await py.open(`<py-script id="a">x = 40
print("first")</py-script>
<py-script id="b">print(x + 2)
1/0</py-script>
<py-script id="c">print("still runs")</py-script>`);
  await expect(py.output("#a")).toHaveText("first\n");
  await expect(py.output("#b")).toHaveText("42\n");
  await expect(py.page.locator("#b .py-error")).toContainText(/line 5, in <module>\s+1\/0\s+ZeroDivisionError: division by zero/);
  await expect(py.output("#c")).toHaveText("still runs\n");
});

test("awaiting a JavaScript object that isn't a promise raises a TypeError Python can catch; promises still await", async ({ py }) => {
  await py.open(`<py-script id="out">
import js
try:
    await js.Object.new()
except TypeError as error:
    print("TypeError:", error)
print(await js.Promise.resolve(42))
</py-script>`);
  await expect(py.output("#out")).toHaveText("TypeError: object JsProxy can't be used in 'await' expression: only a JavaScript Promise (or thenable) can be awaited\n42\n");
});

// (These scripts don't name asyncio: a script that does goes to the event loop, and so does one that may use the pyscript package.)
const ASYNCIO_LOADED = 'any(name.startswith("asy") for name in sys.modules)';

test("scripts that don't await run before asyncio is imported; one that awaits starts the event loop, and the rest go on in it", async ({ py }) => {
  await py.open(`<py-script id="a">import sys
print(${ASYNCIO_LOADED})</py-script>
<py-script id="b">import asyncio
await asyncio.sleep(0)
print("awaited")</py-script>
<py-script id="c">import sys
print("after", ${ASYNCIO_LOADED})</py-script>`);
  await expect(py.output("#a")).toHaveText("False\n");
  await expect(py.output("#b")).toHaveText("awaited\n");
  await expect(py.output("#c")).toHaveText("after True\n");
});

test("on a page whose scripts never needed the event loop, it starts once they have run, and a py-click handler answers", async ({ py, page }) => {
  await py.open(`<button id="go" py-click="on_go">Go</button><div id="clicked"></div>
<py-script id="out">import sys, js
def on_go(event):
    js.document.getElementById("clicked").textContent = "clicked"
print(${ASYNCIO_LOADED})</py-script>`);
  await expect(py.output("#out")).toHaveText("False\n");
  await page.click("#go");
  await expect(page.locator("#clicked")).toHaveText("clicked");
  expect(await page.evaluate(() => window.PyScript.runPythonAsync(`import sys\n${"any(name.startswith('asy') for name in sys.modules)"}`))).toBe(true);
});

test("a module written after its folder was first listed imports in the next script", async ({ py }) => {
  await py.open(`<py-script id="a">
import os, sys
os.makedirs("mods", exist_ok=True)
with open("mods/first.py", "w") as f:
    f.write("NAME = 'first'")
sys.path.insert(0, "mods")
import first
with open("mods/second.py", "w") as f:
    f.write("NAME = 'second'")
print(first.NAME)
</py-script>
<py-script id="b">
import second
print(second.NAME)
</py-script>`);
  await expect(py.output("#a")).toHaveText("first\n");
  await expect(py.output("#b")).toHaveText("second\n");
});

test("input() in a script waits for the inline field on the main thread while a 10 ms timer keeps ticking", async ({ py, page }) => {
  await py.open(`<py-script id="out">name = input("Name? ")\nprint("Hello,", name)</py-script>`, { wait: "none" });
  const field = page.locator("#out input.py-input");
  await expect(field).toBeFocused({ timeout: 60_000 });
  const ticks = await page.evaluate(() => new Promise<number>((resolve) => {
    let count = 0;
    const timer = setInterval(() => count++, 10);
    setTimeout(() => (clearInterval(timer), resolve(count)), 500);
  }));
  expect(ticks).toBeGreaterThan(20); // the page was free while Python waited
  await field.fill("Ada");
  await field.press("Enter");
  await py.settled();
  await expect(py.output("#out")).toHaveText("Name? Ada\nHello, Ada\n");
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
});

test("time.sleep() and asyncio.sleep() wait without freezing the page; background tasks go on between scripts", async ({ py, page }) => {
  await py.open(`<py-script id="out">
import time, asyncio
start = time.time()
time.sleep(0.3)
await asyncio.sleep(0.2)
print("slept", round(time.time() - start, 1) >= 0.5)
async def later():
    await asyncio.sleep(0.1)
    print("task done")
asyncio.create_task(later())
</py-script>`);
  await expect(py.output("#out")).toHaveText("slept True\ntask done\n");
});

test("runPython returns JSON-able values as JavaScript, and tracebacks as coded errors", async ({ py, page }) => {
  await py.open(`<py-script>x = 41</py-script>`);
  expect(await page.evaluate(() => window.PyScript.runPython("x + 1"))).toBe(42);
  expect(await page.evaluate(() => window.PyScript.runPython("{'a': [1, 2.5, None, True], 'b': 'text'}"))).toEqual({ a: [1, 2.5, null, true], b: "text" });
  const error = await page.evaluate(() => Promise.resolve(window.PyScript.runPython("1/0")).then(() => "", (e) => `${e.code} ${e.pythonType}`));
  expect(error).toBe("python ZeroDivisionError");
});

test("the pyscript package reaches the page: document, window, display, @when, current_target", async ({ py, page }) => {
  await py.open(`<button id="go">go</button><div id="target"></div>
<py-script id="out">
from pyscript import document, window, display, HTML, when, current_target
document.querySelector("#target").textContent = "set from CPython"
window.fromPython = 42
display(HTML("<b id='bold'>bold</b>"), current_target())
@when("click", "#go")
def go(event):
    print("clicked", event.target.id)
</py-script>`);
  await expect(page.locator("#target")).toHaveText("set from CPython");
  await expect(page.locator("#out #bold")).toHaveText("bold");
  expect(await page.evaluate(() => (window as any).fromPython)).toBe(42);
  await page.click("#go");
  await expect(py.output("#out")).toContainText("clicked go");
});

test("without JSPI, CPython says so with a coded error instead of hanging, and the page goes on", async ({ py, page }) => {
  await page.addInitScript(() => {
    delete (WebAssembly as any).Suspending;
  });
  await py.open(`<p id="still">page</p><py-script>print("never")</py-script>`);
  await expect(py.errors("interpreter-unsupported")).toContainText("JavaScript Promise Integration");
  await expect(py.errors("interpreter-unsupported")).toContainText("pyodide");
  await expect(page.locator("#still")).toHaveText("page");
});

test("the REPL is CPython's own: its banner, <console> tracebacks, top-level await, and Ctrl-C stopping an await", async ({ py, page }) => {
  await py.open(withRepl("<py-repl></py-repl>"));
  const term = new Terminal(page);
  await term.ready();
  await expect.poll(async () => (await term.lines())[0]).toContain("Python 3.12.0");
  await term.enter("import asyncio");
  await term.enter("await asyncio.sleep(0.05, 'awaited')");
  await term.shows("'awaited'");
  await term.enter("{}['x']");
  await expect.poll(() => term.screen()).toMatch(/File "<console>", line 1, in <module>\s+KeyError: 'x'\n>>>$/);
  await term.enter("await asyncio.sleep(60)");
  await term.press("Control+C");
  await expect.poll(() => term.screen()).toMatch(/KeyboardInterrupt\n>>>$/);
  await term.enter("6 * 7");
  await term.endsWith(">>> 6 * 7", "42", ">>>");
});

test("the splash counts python.wasm's bytes as it downloads, up to its size, then says ready", async ({ py, page }) => {
  await py.open(`<py-script id="out">print("ready")</py-script>`);
  const progress = await page.evaluate(() => (window as any).__events.filter((e: any) => e.name === "py-progress").map((e: any) => e.detail));
  expect(progress.length).toBeGreaterThan(1);
  expect(progress[0].total).toBeGreaterThan(20_000_000); // the 26 MB module, counted as it streams
  expect(progress.some((p: any) => p.stage === "downloading" && p.file === "python.wasm")).toBe(true);
  expect(progress.at(-1)).toMatchObject({ stage: "ready", loaded: progress[0].total });
});
