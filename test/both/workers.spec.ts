// <py-script worker>: heavy Python off the main thread, streamed output,
// Stop, calls both ways, and what needs a cross-origin isolated page.
import { test, expect, pageHTML } from "../fixtures";
import type { Page } from "@playwright/test";

// A worker starts an interpreter of its own: on a loaded 2-core machine
// Pyodide's can take most of a minute, so these tests get triple time there.
test.beforeEach(({ interpreter }) => test.slow(interpreter === "pyodide"));

/** Wait (as long as the test may take) until the worker called `name` is running its script. */
async function running(page: Page, name: string): Promise<void> {
  await page.waitForFunction((name) => window.PyScript?.workers?.[name]?.state === "running", name);
}

/** A loop that keeps the worker busy for `seconds`, on either interpreter. */
const busy = (seconds: number) => `
import time
now = time.ticks_ms if hasattr(time, "ticks_ms") else (lambda: int(time.time() * 1000))
start = now()
while now() - start < ${seconds * 1000}:
    pass`;

test("the page stays responsive while a worker loops for 5 seconds", async ({ py, page }) => {
  await py.open(`
<button id="count" onclick="this.dataset.clicks = Number(this.dataset.clicks || 0) + 1">Click</button>
<py-script id="w" worker>
print("looping")
${busy(5)}
print("finished")
</py-script>`, { wait: "none" });
  await running(page, "w");
  await expect(py.output("#w")).toHaveText("looping\n");
  const frames = await page.evaluate(() => new Promise<number>((resolve) => {
    let count = 0;
    const start = performance.now();
    const tick = () => (performance.now() - start < 1000 ? (count++, requestAnimationFrame(tick)) : resolve(count));
    requestAnimationFrame(tick);
  }));
  expect(frames).toBeGreaterThan(20); // a frozen page would manage about 0
  for (let i = 0; i < 5; i++) await page.click("#count");
  await expect(page.locator("#count")).toHaveAttribute("data-clicks", "5");
  await expect(py.output("#w")).not.toContainText("finished"); // all of that happened during the loop
  await expect(py.output("#w")).toHaveText("looping\nfinished\n", { timeout: 30_000 }); // the 5-second loop
});

test("a worker's output streams into its tag as it is printed, in order, with the main thread's scripts running too", async ({ py, page }) => {
  await py.open(`
<py-script id="w" worker="streamer">
for step in range(3):
    print("step", step)
from pyscript import main
await main.main_ran() # wait for the page to be idle, or it couldn't show the stream
${busy(2)}
print("done")
</py-script>
<py-script id="main">
from pyscript import export
print("main thread ran")
@export
def main_ran():
    return True
</py-script>`, { wait: "none" });
  await running(page, "streamer");
  await expect(py.output("#w")).toHaveText("step 0\nstep 1\nstep 2\n");
  expect(await page.getAttribute("#w", "data-py-state")).toBe("running");
  await page.waitForFunction(() => window.PyScript?.isInterpreterReady); // the page's own Python may start later still
  await expect(py.output("#main")).toHaveText("main thread ran\n");
  await expect(py.output("#w")).toHaveText("step 0\nstep 1\nstep 2\ndone\n", { timeout: 30_000 }); // the 2-second loop, after the page's Python started
  await expect(page.locator("#w")).toHaveAttribute("data-py-state", "done");
});

for (const isolated of [false, true]) {
  test(`Stop ends a runaway worker, the tag says so, and the page works after${isolated ? " (cross-origin isolated)" : ""}`, async ({ py, page }) => {
    await py.open(`
<py-script id="w" worker="runaway">
print("forever")
while True:
    pass
</py-script>`, { wait: "none", isolated });
    await running(page, "runaway");
    await expect(py.output("#w")).toHaveText("forever\n");
    await page.click("#w .py-stop");
    await expect(page.locator("#w")).toHaveAttribute("data-py-state", "stopped");
    await expect(page.locator("#w .py-stopped")).toHaveText("⏹ Stopped.");
    await expect(page.locator("#w .py-stop")).toHaveCount(0);
    expect(await page.evaluate(() => window.PyScript.workers.runaway.state)).toBe("stopped");
    await page.evaluate(() => document.body.insertAdjacentHTML("beforeend", '<py-script id="after">print("still fine")</py-script>'));
    await expect(py.output("#after")).toHaveText("still fine\n");
    await expect(py.errors()).toHaveCount(0);
  });
}

test("PyScript.workers.name.stop() stops it from JavaScript", async ({ py, page }) => {
  await py.open(`<py-script id="w" worker="spinner">\nwhile True:\n    pass\n</py-script>`, { wait: "none" });
  await running(page, "spinner");
  await page.evaluate(() => window.PyScript.workers.spinner.stop());
  await expect(page.locator("#w")).toHaveAttribute("data-py-state", "stopped");
});

test("a Python error in a worker is shown at its tag, pointing at the HTML line", async ({ py, page }) => {
  const body = `
<py-script id="w" worker>
print("before")
def fail():
    return {}["missing"]
fail()
</py-script>`;
  await py.open(body);
  const box = page.locator("#w .py-error");
  await expect(box).toContainText("KeyError");
  const line = pageHTML(body).split("\n").findIndex((l) => l.includes('return {}["missing"]')) + 1;
  await expect(box).toContainText(new RegExp(`File "generated-\\w+\\.html", line ${line}, in fail`));
  await expect(py.output("#w")).toHaveText("before\n");
  await expect(page.locator("#w")).toHaveAttribute("data-py-state", "error");
});

test("exported worker functions can be called from the page's JavaScript and Python", async ({ py, page }) => {
  await py.open(`
<py-script worker="maths">
from pyscript import export

@export
def add(a, b):
    return a + b

def shout(words):
    return [word.upper() for word in words]
__export__ = ["shout"]
</py-script>
<py-script id="main">
from pyscript import workers
print(await workers["maths"].add(2, 3), await workers["maths"].shout(["a", "b"]))
try:
    await workers["maths"].missing()
except RuntimeError as error:
    print("error:", "exports no function called 'missing'" in str(error))
</py-script>`);
  await expect(py.output("#main")).toHaveText("5 ['A', 'B']\nerror: True\n");
  expect(await page.evaluate(() => window.PyScript.workers.maths.call("add", 20, 22))).toBe(42);
  expect(await page.evaluate(() => window.PyScript.workers.maths.call("add", 1.5, 1))).toBe(2.5);
});

test("a worker calls functions the page offers, asynchronously, without special headers", async ({ py, page }) => {
  await page.addInitScript(() => {
    document.addEventListener("py-configured", () => window.PyScript.expose("greet", (name: string) => `Hello ${name}, from JavaScript`));
  });
  await py.open(`
<py-script>
from pyscript import export
@export
def square(x):
    return x * x
</py-script>
<py-script id="w" worker>
from pyscript import main
print(await main.greet("worker"))
print(await main.square(9))
</py-script>`);
  await expect(py.output("#w")).toHaveText("Hello worker, from JavaScript\n81\n");
});

test("the page's configured files are readable in a worker", async ({ py }) => {
  await py.open(`
<py-config>{"files": {"arrr.py": "./arrr.py", "data/bytes.bin": "./bytes.bin"}}</py-config>
<py-script id="w" worker>
import arrr
print(arrr.translate("Hello my friend"), list(open("data/bytes.bin", "rb").read()))
</py-script>`);
  await expect(py.output("#w")).toHaveText("Ahoy me me bucko Arrr! [0, 1, 254, 255, 128, 10, 13]\n");
});

test("a configured file that is missing is reported once, and the worker still runs with the others", async ({ py, page }) => {
  await py.open(`
<py-config>{"files": {"arrr.py": "./arrr.py", "gone.txt": "./no-such-file.txt"}}</py-config>
<py-script id="w" worker>
import arrr, os
print(arrr.translate("Hello"), "gone.txt" in os.listdir())
</py-script>`);
  await expect(py.output("#w")).toHaveText("Ahoy Arrr! False\n");
  await expect(py.errors("file-fetch")).toHaveCount(1);
  await expect(page.locator("#w .py-error")).toHaveCount(0);
});

test("display() in a worker writes to its tag; without isolation, the DOM explains what it needs", async ({ py, page }) => {
  await py.open(`
<py-script id="w" worker>
from pyscript import display, HTML, document
display("plain", HTML("&lt;b id='from-worker'>bold&lt;/b>"))
try:
    document.title
except RuntimeError as error:
    print(error)
</py-script>`);
  await expect(page.locator("#w .py-display").first()).toHaveText("plain");
  await expect(page.locator("#w b#from-worker")).toHaveText("bold");
  await expect(py.output("#w")).toContainText("[not-isolated] document: a worker reaches the page's document and window only when the page is cross-origin isolated");
});

test("with COOP/COEP, input() in a worker waits for an answer typed inline, and sync calls wait for the page", async ({ py, page }) => {
  await py.open(`
<py-script>
from pyscript import export
@export
def add(a, b):
    return a + b
</py-script>
<py-script id="w" worker>
from pyscript import sync
name = input("Name? ")
print("Hello", name, sync.add(2, 3))
</py-script>`, { isolated: true, wait: "none" });
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  // The worker's interpreter may take long to start on a busy machine: wait for it, then for the question.
  await page.waitForFunction(() => window.PyScript?.workers?.w?.state === "running");
  const field = page.locator("#w input.py-input");
  await expect(field).toBeVisible();
  await expect(py.output("#w")).toHaveText("Name? ");
  await field.fill("Ada");
  await field.press("Enter");
  await expect(py.output("#w")).toHaveText("Name? Ada\nHello Ada 5\n");
});

test("without COOP/COEP, input() and sync calls in a worker raise a clear error naming the headers", async ({ py, page }) => {
  await py.open(`
<py-script id="w" worker>
from pyscript import sync
for attempt in (lambda: input("Name? "), lambda: sync.add(1, 2)):
    try:
        attempt()
    except RuntimeError as error:
        print("RuntimeError:", error)
</py-script>`);
  const output = py.output("#w");
  await expect(output).toContainText("Cross-Origin-Opener-Policy: same-origin and Cross-Origin-Embedder-Policy: require-corp");
  await expect(output).toContainText("npm start -- --isolated");
  expect((await output.textContent())!.match(/RuntimeError:/g)).toHaveLength(2);
});

test("a worker that can't start gives a clear error at its tag", async ({ py, page }) => {
  await page.route((url) => url.pathname === "/worker-thread.js", (route) => route.fulfill({ status: 404, body: "gone" }));
  await py.open(`
<py-script id="unknown" worker interpreter="cobra">print(1)</py-script>
<py-script id="broken" worker="broken">print(1)</py-script>
<py-script id="main">print("main thread fine")</py-script>`);
  await expect(page.locator("#unknown .py-error")).toContainText('there is no interpreter called "cobra"');
  await expect(page.locator("#broken .py-error")).toContainText("The worker for this script could not start");
  const call = await page.evaluate(() => window.PyScript.workers.broken.call("anything").then(() => "answered", (error) => [error.name, error.code, error.message]));
  expect(call).toEqual(["PyScriptError", "worker-call", `The worker "broken" didn't start, so it can't run anything().`]);
  await expect(py.output("#main")).toHaveText("main thread fine\n");
});

test("several workers each run their own interpreter at once (even MicroPython)", async ({ py }) => {
  await py.open(`
<py-script id="a" worker>x = "A"\nprint("I am", x)</py-script>
<py-script id="b" worker>x = "B"\nprint("I am", x)</py-script>
<py-script id="main">x = "main"\nprint("I am", x)</py-script>`);
  await expect(py.output("#a")).toHaveText("I am A\n");
  await expect(py.output("#b")).toHaveText("I am B\n");
  await expect(py.output("#main")).toHaveText("I am main\n");
});

test("workers[...] with an unknown name lists the page's workers once, by name", async ({ py }) => {
  await py.open(`
<py-script worker="alpha">pass</py-script>
<py-script worker="beta">pass</py-script>
<py-script id="main">
from pyscript import workers
try:
    workers["gamma"]
except KeyError as error:
    print(error.args[0])
</py-script>`);
  await expect(py.output("#main")).toHaveText("there is no worker called 'gamma' on this page (workers: alpha, beta)\n");
});

test("a worker's output fires py-print with its text and stream, as page output does", async ({ py, page }) => {
  await py.open(`
<py-script id="w" worker>
import sys
print("from the worker")
sys.stderr.write("worker stderr\\n")
</py-script>
<py-script id="main">print("from the page")</py-script>`);
  await expect(py.output("#w")).toHaveText("from the worker\nworker stderr\n");
  const prints = await page.evaluate(() => (window as any).__events.filter((e: any) => e.name === "py-print").map((e: any) => e.detail));
  const all = (stream: string) => prints.filter((p: any) => p.stream === stream).map((p: any) => p.text).join("");
  expect(all("stdout")).toContain("from the worker\n");
  expect(all("stdout")).toContain("from the page\n");
  expect(all("stderr")).toContain("worker stderr\n");
});

test("display(target=…) naming a missing element raises ValueError in a worker, as on the page (isolated pages)", async ({ py, page }) => {
  await py.open(`
<div id="there"></div>
<py-script id="w" worker>
from pyscript import display
display("found", target="there")
try:
    display("x", target="nowhere")
except ValueError as error:
    print("ValueError:", error)
</py-script>`, { isolated: true });
  await expect(page.locator("#there .py-display")).toHaveText("found");
  await expect(py.output("#w")).toContainText('ValueError: display(target="nowhere"): there is no element with id="nowhere"');
  await expect(py.errors()).toHaveCount(0);
});

test("without isolation, a worker's display() to a missing element is a Python error at its tag", async ({ py, page }) => {
  await py.open(`<py-script id="w" worker>from pyscript import display\ndisplay("x", target="nowhere")\nprint("went on")</py-script>`);
  const box = page.locator('#w .py-error[data-code="python"]');
  await expect(box).toContainText('display(target="nowhere") in the worker "w": there is no element with id="nowhere"');
  await expect(py.output("#w")).toHaveText("went on\n");
});

test("a worker function that raises rejects PyScript.workers.name.call() with a coded PyScriptError", async ({ py, page }) => {
  await py.open(`
<py-script worker="calc">
from pyscript import export
@export
def divide(a, b):
    return a / b
</py-script>`);
  const failure = await page.evaluate(() => window.PyScript.workers.calc.call("divide", 1, 0).then(() => "answered", (error) => [error.name, error.code, error.message]));
  expect(failure[0]).toBe("PyScriptError");
  expect(failure[1]).toBe("worker-call");
  expect(failure[2]).toContain('The worker "calc" could not run divide()');
  expect(failure[2]).toContain("ZeroDivisionError");
});
