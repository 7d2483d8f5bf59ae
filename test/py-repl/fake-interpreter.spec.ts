// <py-repl> failures that don't depend on an interpreter: a page without
// the kernel, and an interpreter that offers no REPL.
import { test, expect } from "../fixtures";

function serve(page: import("@playwright/test").Page, path: string, body: string) {
  return page.route((url) => url.pathname === path, (route) => route.fulfill({
    contentType: "text/html",
    body: `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,">\n${body}`,
  }));
}

test("py-repl.js on a page without pyscript.js says what is missing", async ({ py, page }) => {
  await serve(page, "/test/no-kernel.html", `<py-repl></py-repl><script type="module" src="/py-repl.js"></script>`);
  await page.goto("/test/no-kernel.html");
  const box = py.errors("plugin-hook");
  await expect(box).toContainText("not pyscript.js");
  await expect(box).toContainText('src="pyscript.js"');
});

test("an interpreter without a REPL gets a clear error in the <py-repl> tag", async ({ py, page }) => {
  await serve(page, "/test/no-repl.html", `
<py-config>{"interpreter": "fake"}</py-config>
<py-repl></py-repl>
<script type="module">
  import { createKernel, registerInterpreter } from "/index.js";
  const info = { name: "fake", label: "Fake Python", version: "0", description: "A stand-in with no REPL.", files: {}, options: {} };
  const interpreter = {
    info, version: "0", runtime: null, defaultWriter() {},
    async run() {}, runSync() {}, writeFile() {}, readFile: () => new Uint8Array(), registerJsModule() {},
  };
  registerInterpreter(info, async () => ({ createAdapter: () => ({ info, load: async () => {}, start: async () => interpreter }) }));
  const kernel = createKernel();
  window.PyScript = kernel.api;
  kernel.start();
</script>
<script type="module" src="/py-repl.js"></script>`);
  await page.goto("/test/no-repl.html");
  const box = page.locator('py-repl .py-error[data-code="config-value"]');
  await expect(box).toContainText("Fake Python offers no REPL");
  await expect(box).toContainText('"micropython" or "pyodide"');
  await expect(page.locator("py-repl")).toHaveAttribute("data-py-state", "error");
  await expect(page.locator("py-repl .xterm-rows")).toContainText("The REPL could not start");
});
