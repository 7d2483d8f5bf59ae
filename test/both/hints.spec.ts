// Hints fit the interpreter the page runs on and the cause of the error.
import { test, expect } from "../fixtures";

test("a missing module's error names the exception and gives the hint for this interpreter", async ({ py, page, interpreter }) => {
  await py.open(`<py-script id="s">import numpy</py-script>`);
  const error = await page.evaluate(() => {
    const { detail } = (window as any).__events.find((event: { name: string }) => event.name === "py-error");
    return { message: detail.message as string, hint: detail.hint as string };
  });
  expect(error.message).toMatch(/^(ModuleNotFoundError|ImportError): .*numpy/); // MicroPython raises ImportError
  expect(error.hint).toContain('"files"');
  if (interpreter === "micropython") {
    expect(error.hint).toContain("?interpreter=pyodide");
  } else {
    expect(error.hint).not.toContain("?interpreter=pyodide");
    expect(error.hint).toContain('"packages"'); // a package installs with "packages"
    if (interpreter === "pyodide") expect(error.hint).toContain("numpy"); // Pyodide's own packages, once vendored
  }
  await expect(page.locator("#s .py-error")).toContainText(`How to fix: ${error.hint}`);
});

test("an adapter missing from the build folder says to serve the whole folder, not to set interpreterURL (MicroPython's is inside pyscript.js)", async ({ py, page, interpreter }) => {
  await page.route((url) => url.pathname === `/interpreters/${interpreter}.js`, (route) => route.fulfill({ status: 404, body: "gone" }));
  if (interpreter === "micropython") { // the page never asks for that file: the adapter came with pyscript.js
    await py.open(`<py-script id="out">print(1)</py-script>`);
    await expect(py.output("#out")).toHaveText("1\n");
    return;
  }
  await py.open(`<py-script>print(1)</py-script>`, { wait: "none" });
  expect(await py.settled()).toBe("failed");
  const box = py.errors("interpreter-load");
  await expect(box).toContainText(`interpreters/${interpreter}.js`);
  await expect(box).toContainText("Serve the whole build folder");
  await expect(box).toContainText("assetsURL");
  await expect(box).not.toContainText("interpreterURL");
});
