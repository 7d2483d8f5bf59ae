// The "packages" key and `await pyscript.install()`: wheels by URL, names
// from a local simple index (written by `npx micropyscript wheels`) with
// their dependency chains, the page's packages in workers, and a coded error
// for each bad input while the rest of the page goes on. Every wheel is
// built at test time (test/packages/wheels.ts): nothing comes from outside,
// and the fixture fails any test whose page requests another origin.
import { test, expect, LABEL } from "../fixtures";
import { buildWheel, servedFolder, wheelFolder, wheelName, type WheelSpec } from "../packages/wheels";

test.beforeEach(({ interpreter }) => test.slow(interpreter !== "micropython"));

const module = (name: string, version: string) => ({ [`${name}/__init__.py`]: `VERSION = "${version}"\n` });

/** A local wheel, and a chain toplib → midlib (<2 of 1.5 and 2.0) → baselib, with dependencies that markers and extras leave out. */
const CHAIN: WheelSpec[] = [
  { name: "pirate", version: "1.0.0", files: { "pirate/__init__.py": "def talk():\n    return 'arrr'\n" } },
  { name: "toplib", version: "1.0", files: module("toplib", "1.0"), extras: ["fancy"],
    requires: ["midlib (<2,>=1.0)", 'winonly; sys_platform == "win32"', 'fancydep; extra == "fancy"'], requiresPython: ">=3.8" },
  { name: "midlib", version: "1.5", files: module("midlib", "1.5"), requires: ["baselib"] },
  { name: "midlib", version: "2.0", files: module("midlib", "2.0"), requires: ["baselib"] },
  { name: "baselib", version: "0.1", files: module("baselib", "0.1") },
  { name: "later", version: "3.0", files: module("later", "3.0"), requires: ["laterdep"] },
  { name: "laterdep", version: "1.0", files: module("laterdep", "1.0") },
];

test("a wheel by URL and a name with a two-level dependency chain from a local index are installed before the first script", async ({ py, page, interpreter }) => {
  const { dir, url } = servedFolder();
  wheelFolder(dir, CHAIN);
  const metadata = interpreter === "micropython" ? "" : `
from importlib.metadata import version
print(version("toplib"), version("midlib"))`;
  await py.open(`<py-config>{"packages": ["${url}wheels/${wheelName(CHAIN[0]!)}", "toplib"], "package_index": "${url}wheels/"}</py-config>
<py-script id="out">
import pirate, toplib, midlib, baselib
print(pirate.talk(), toplib.VERSION, midlib.VERSION, baselib.VERSION)
try:
    import winonly
except ImportError:
    print("no winonly")
${metadata}
</py-script>`);
  await expect(py.output("#out")).toHaveText(`arrr 1.0 1.5 0.1\nno winonly\n${interpreter === "micropython" ? "" : "1.0 1.5\n"}`);
  await expect(py.errors()).toHaveCount(0);
  const installed = await page.evaluate(() => (window as any).__events.filter((e: { name: string }) => e.name === "py-package-installed").map((e: any) => `${e.detail.name} ${e.detail.version}`));
  expect(installed.sort()).toEqual(["baselib 0.1", "midlib 1.5", "pirate 1.0.0", "toplib 1.0"]);
  const events = await py.events();
  expect(events.indexOf("py-package-installed")).toBeGreaterThan(events.indexOf("py-files-loaded"));
  expect(events.lastIndexOf("py-package-installed")).toBeLessThan(events.indexOf("py-finished-setup"));
});

test("the splash says which package is being installed", async ({ py, page }) => {
  const { dir, url } = servedFolder();
  wheelFolder(dir, CHAIN);
  await py.open(`<py-config>{"packages": ["toplib"], "package_index": "${url}wheels/"}</py-config><py-script>import toplib</py-script>`);
  const progress = await page.evaluate(() => (window as any).__events.filter((e: any) => e.name === "py-progress" && e.detail.stage === "installing").map((e: any) => `${e.detail.file} ${e.detail.loaded}/${e.detail.total}`));
  expect(progress).toEqual(["baselib 1/3", "midlib 2/3", "toplib 3/3"]);
});

test("await install() adds a package and its dependency while the page runs; a bad one raises ValueError", async ({ py }) => {
  const { dir, url } = servedFolder();
  wheelFolder(dir, CHAIN);
  await py.open(`<py-config>{"package_index": "${url}wheels/"}</py-config>
<py-script id="out">
from pyscript import install
await install("later")
import later, laterdep
print(later.VERSION, laterdep.VERSION)
await install(["later"])  # installed already: nothing to do
try:
    await install("nosuchthing")
except ValueError as error:
    print("ValueError", "[package-not-found]" in str(error), "nosuchthing" in str(error))
try:
    await install("later>=4")
except ValueError as error:
    print("ValueError", "[package-conflict]" in str(error))
</py-script>`);
  await expect(py.output("#out")).toHaveText("3.0 1.0\nValueError True True\nValueError True\n");
});

test("a worker gets the page's packages, and install() works there too", async ({ py }) => {
  const { dir, url } = servedFolder();
  wheelFolder(dir, CHAIN);
  await py.open(`<py-config>{"packages": ["toplib"], "package_index": "${url}wheels/"}</py-config>
<py-script worker id="w">
import toplib, midlib, baselib
print(toplib.VERSION, midlib.VERSION, baselib.VERSION)
from pyscript import install
await install("later")
import later
print(later.VERSION)
</py-script>`);
  await expect(py.output("#w")).toHaveText("1.0 1.5 0.1\n3.0\n");
});

test("each bad package is a coded error at the config, and the rest of the page goes on", async ({ py, page, interpreter }) => {
  const { dir, url } = servedFolder();
  wheelFolder(dir, [
    { name: "tampered", version: "1.0", files: module("tampered", "1.0"), tamper: true },
    { name: "binary", version: "1.0", files: module("binary", "1.0"), tags: "cp312-cp312-manylinux_2_17_x86_64" },
    { name: "conflicta", version: "1.0", files: module("conflicta", "1.0"), requires: ["shared==1.0"] },
    { name: "conflictb", version: "1.0", files: module("conflictb", "1.0"), requires: ["shared>=2"] },
    { name: "shared", version: "1.0", files: module("shared", "1.0") },
    { name: "shared", version: "2.0", files: module("shared", "2.0") },
    { name: "fine", version: "1.0", files: module("fine", "1.0") },
  ], { "wheels/notzip-1.0-py3-none-any.whl": "this is not a zip" });
  await py.open(`<py-config>{"package_index": "${url}wheels/", "packages": [
  "${url}wheels/missing-1.0-py3-none-any.whl", "${url}wheels/notzip-1.0-py3-none-any.whl",
  "tampered", "nosuchpackage", "binary", "conflicta", "conflictb", "fine"]}</py-config>
<py-script id="out">import fine; print("still here", fine.VERSION)</py-script>`);
  await expect(py.output("#out")).toHaveText("still here 1.0\n");
  const errors = await page.locator(".py-error").evaluateAll((boxes) => boxes.map((box) => `${box.getAttribute("data-code")}: ${box.textContent}`));
  const has = (code: string, ...words: string[]) => expect(errors.some((text) => text.startsWith(code) && words.every((word) => text.includes(word))), `${code} ${words} in ${errors.join("\n")}`).toBe(true);
  has("package-fetch", "missing-1.0-py3-none-any.whl", "404");
  has("package-invalid", "notzip", "not a zip");
  has("package-invalid", "tampered", "hash");
  has("package-not-found", "nosuchpackage");
  has("package-incompatible", "cp312-cp312-manylinux_2_17_x86_64", LABEL[interpreter]!);
  has("package-conflict", "shared");
});

test("a name with no package_index says what to configure", async ({ py, page }) => {
  await py.open(`<py-config>{"packages": ["humanize"]}</py-config><py-script id="out">print("on")</py-script>`);
  await expect(py.output("#out")).toHaveText("on\n");
  await expect(py.errors("package-index")).toContainText("package_index");
  await expect(page.locator(".py-error")).toHaveCount(1);
});

test("a wheel for another Python, and a config that isn't a list, are refused with how to fix them", async ({ py, interpreter }) => {
  const { dir, url } = servedFolder();
  wheelFolder(dir, [{ name: "oldie", version: "1.0", files: module("oldie", "1.0"), tags: "py2-none-any" }]);
  await py.open(`<py-config>{"packages": ["${url}wheels/oldie-1.0-py2-none-any.whl"]}</py-config><py-script id="out">print("on")</py-script>`);
  await expect(py.output("#out")).toHaveText("on\n");
  await expect(py.errors("package-incompatible")).toContainText("py2-none-any");
  await py.open(`<py-config>{"packages": "humanize"}</py-config><py-script id="out">print("on")</py-script>`);
  await expect(py.errors("config-value")).toContainText("list of strings");
  void interpreter;
});

test("an installed package may use pyscript though the page's own code never names it", async ({ py }) => {
  const { dir, url } = servedFolder();
  wheelFolder(dir, [{ name: "widget", version: "1.0", files: { "widget/__init__.py": "from pyscript import display\ndef show(text):\n    display(text)\n" } }]);
  await py.open(`<py-config>{"packages": ["widget"], "package_index": "${url}wheels/"}</py-config><py-script id="out">import widget; widget.show("shown")</py-script>`);
  await expect(py.page.locator("#out")).toContainText("shown");
  await expect(py.errors()).toHaveCount(0);
});
