// Pyodide's side of "packages": wheels built for Pyodide go through its own
// loadPackage(), and its own packages (numpy…) install by name from its lock
// file once their wheels are copied next to it; until then, the error says how.
import { test, expect } from "../fixtures";
import { servedFolder, wheelFolder } from "../packages/wheels";

test.slow();

test("a wheel built for this Pyodide (binary tags) is installed by Pyodide's loadPackage", async ({ py }) => {
  const { dir, url } = servedFolder();
  wheelFolder(dir, [{ name: "fastthing", version: "2.0", files: { "fastthing/__init__.py": "SPEED = 'fast'\n" }, tags: "cp314-cp314-pyemscripten_2026_0_wasm32" }]);
  await py.open(`<py-config>{"packages": ["fastthing"], "package_index": "${url}wheels/"}</py-config>
<py-script id="out">
import fastthing
from importlib.metadata import version
print(fastthing.SPEED, version("fastthing"))
</py-script>`);
  await expect(py.output("#out")).toHaveText("fast 2.0\n");
  await expect(py.errors()).toHaveCount(0);
});

test("Pyodide's own package by name: with its wheel missing, the error names the wheel and how to vendor it", async ({ py }) => {
  await py.open(`<py-config>{"packages": ["numpy"]}</py-config><py-script id="out">print("on")</py-script>`);
  await expect(py.output("#out")).toHaveText("on\n");
  const error = py.errors("package-not-found");
  await expect(error).toContainText(/numpy-[\d.]+-cp314-cp314-pyemscripten_2026_0_wasm32\.whl/);
  await expect(error).toContainText("pyodide_packages_url");
  await expect(error).toContainText("/pyodide/");

  await py.open(`<py-config>{"packages": ["numpy"], "pyodide_packages_url": "/vendor/pyodide/"}</py-config><py-script id="out">print("on")</py-script>`);
  await expect(py.errors("package-not-found")).toContainText("/vendor/pyodide/");
});
