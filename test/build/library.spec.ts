// The library entry (dist/index.js) is side-effect free: importing it starts
// nothing, and createKernel() makes a kernel that a page starts itself.
import { test, expect } from "../fixtures";

test("importing the library starts nothing; createKernel() makes a kernel that runs the page when started", async ({ py, page }) => {
  await page.route((url) => url.pathname === "/test/library.html", (route) => route.fulfill({
    contentType: "text/html",
    body: `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,">
<py-script id="out">print("started by hand")</py-script>
<script type="module">
  const library = await import("/index.js");
  window.exported = Object.keys(library).sort();
  window.before = { PyScript: "PyScript" in window, state: document.querySelector("#out").getAttribute("data-py-state") };
  const kernel = library.createKernel();
  window.PyScript = kernel.api;
  await kernel.start();
</script>`,
  }));
  await page.goto("/test/library.html");
  await py.settled();
  expect(await page.evaluate(() => (window as any).before)).toEqual({ PyScript: false, state: null });
  expect(await page.evaluate(() => (window as any).exported)).toEqual(
    ["DEFAULT_CONFIG", "HOME", "PyScriptError", "availableInterpreters", "createKernel", "registerInterpreter"]);
  await expect(py.output("#out")).toHaveText("started by hand\n");
});

test("the library ships type declarations for its public API", async ({ request }) => {
  const types = await (await request.get("/types/index.d.ts")).text();
  for (const name of ["createKernel", "Config", "Plugin", "Interpreter", "PyScriptEventDetails", "PyScriptError"]) {
    expect(types).toContain(name);
  }
});

test("the pyscript package ships with type stubs for editors", async ({ request }) => {
  const stubs = await (await request.get("/python/pyscript/__init__.pyi")).text();
  for (const name of ["def display(", "def current_target(", "class HTML", "when: _When", "def fetch(", "RUNNING_IN_WORKER: bool", "config:", "document:", "window:"]) {
    expect(stubs).toContain(name);
  }
});
