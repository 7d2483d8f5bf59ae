// Python's pyscript package (page-bridge.js) loads, on MicroPython, only when a
// page may use it: a hello page never downloads it, and every way of reaching
// it still works (on every interpreter).
import { test, expect } from "../fixtures";
import type { Page } from "@playwright/test";

function watchRequests(page: Page): string[] {
  const requested: string[] = [];
  page.on("request", (request) => requested.push(new URL(request.url()).pathname));
  return requested;
}

test("a page whose code doesn't use pyscript never downloads its bridge on MicroPython and CPython; Pyodide installs it up front", async ({ py, page, interpreter }) => {
  const requested = watchRequests(page);
  await py.open(`<py-script id="out">print("Hello from Python")</py-script>`);
  await expect(py.output("#out")).toHaveText("Hello from Python\n");
  expect(requested).toContain("/pyscript.js");
  // Pyodide's event loop needs it before any code runs (see pyscript-package/plugin.ts).
  expect(requested.filter((path) => path === "/page-bridge.js")).toHaveLength(interpreter === "pyodide" ? 1 : 0);
});

test("code that imports pyscript gets it, also when only a later script does", async ({ py, page }) => {
  const requested = watchRequests(page);
  await py.open(`<py-script id="a">x = 6 * 7\nprint(x)</py-script>
<py-script id="b">from pyscript import display\ndisplay(x)</py-script>`);
  await expect(py.output("#a")).toHaveText("42\n");
  await expect(page.locator("#b .py-display")).toHaveText("42");
  expect(requested.filter((path) => path === "/page-bridge.js")).toHaveLength(1);
});

test("a script that imports pyscript, or a py-* attribute, starts the bridge's download alongside the interpreter's, not after it", async ({ py, page }) => {
  const bridgeRequestedBeforeReady = () => page.evaluate(() => {
    const bridge = performance.getEntriesByType("resource").find((entry) => new URL(entry.name).pathname === "/page-bridge.js");
    return bridge !== undefined && bridge.startTime < window.PyScript.timings["py-interpreter-ready"]!;
  });
  await py.open(`<py-script id="late">print("first")</py-script><py-script id="uses">from pyscript import display\ndisplay("shown")</py-script>`);
  await expect(page.locator("#uses .py-display")).toHaveText("shown");
  expect(await bridgeRequestedBeforeReady()).toBe(true);

  await py.open(`<button id="go" py-click="on_go">Go</button><py-script>def on_go(event):\n    print("clicked")</py-script>`);
  await page.evaluate(() => window.PyScript.scriptsDone);
  expect(await bridgeRequestedBeforeReady()).toBe(true);
});

test("exec()'d code, a module from files, a tag added later and runPython all reach pyscript", async ({ py, page }) => {
  await page.route((url) => url.pathname === "/test/uses_pyscript.py", (route) => route.fulfill({
    body: "from pyscript import current_target\ndef where():\n    return current_target()\n", contentType: "text/plain",
  }));
  await py.open(`<py-config>{"files": {"uses_pyscript.py": "./uses_pyscript.py"}}</py-config>
<py-script id="mod">import uses_pyscript\nprint(uses_pyscript.where())</py-script>`);
  await expect(py.output("#mod")).toHaveText("mod\n");

  await py.open(`<py-script id="ex">exec("from pyscript import " + "current_target\\nprint(current_target())")</py-script>`);
  await expect(py.output("#ex")).toHaveText("ex\n");

  await py.open(`<py-script id="first">print("plain")</py-script>`);
  await page.evaluate(() => {
    const tag = Object.assign(document.createElement("py-script"), { id: "later", textContent: "import pyscript\nprint(pyscript.current_target())" });
    document.body.append(tag);
  });
  await expect(py.output("#later")).toHaveText("later\n");

  await py.open(`<py-script>pass</py-script>`);
  expect(await page.evaluate(() => window.PyScript.runPythonAsync("import pyscript\npyscript.RUNNING_IN_WORKER"))).toBe(false);
});

test("py-* attributes are bound on a page whose scripts never mention pyscript", async ({ py, page }) => {
  await py.open(`<button id="go" py-click="on_go">Go</button><div id="out"></div>
<py-script>
import js
def on_go(event):
    js.document.getElementById("out").textContent = "clicked"
</py-script>`);
  await page.evaluate(() => window.PyScript.scriptsDone);
  // The package was installed before the scripts ran, so the attributes are bound the moment they are done: one click.
  await page.click("#go");
  await expect(page.locator("#out")).toHaveText("clicked");
});

test("once PyScript.scriptsDone resolves, py-* handlers are bound: a click at that very moment reaches Python", async ({ py, page }) => {
  await py.open(`<button id="go" py-click="on_go">Go</button><div id="out"></div>
<py-script>
import js
def on_go(event):
    js.document.getElementById("out").textContent = "clicked"
</py-script>`, { wait: "none" });
  // (They used to be bound just after it resolved: a click from code awaiting it was lost.)
  await page.evaluate(() => window.PyScript.scriptsDone.then(() => document.getElementById("go")!.click()));
  await expect(page.locator("#out")).toHaveText("clicked");
});

test("a plugin of the page's own gets the interpreter with pyscript installed", async ({ py, page }) => {
  await page.addInitScript(() => document.addEventListener("py-configured", () => window.PyScript.registerPlugin({
    name: "mine",
    onInterpreterReady(_config, interpreter) {
      (window as any).__fromPlugin = interpreter.runSync("import pyscript\npyscript.RUNNING_IN_WORKER");
    },
  })));
  await py.open(`<py-script>pass</py-script>`);
  expect(await page.evaluate(async () => await (window as any).__fromPlugin)).toBe(false);
});
