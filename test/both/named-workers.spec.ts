// PyScript's worker API on the page: `await workers["name"]`, `workers.name`,
// create_named_worker(), and awaiting what isn't awaitable (a TypeError that
// leaves the interpreter running, on MicroPython too).
import { test, expect } from "../fixtures";

test.beforeEach(({ interpreter }) => test.slow(interpreter === "pyodide"));

/** PyScript's script type for this test's interpreter. */
const typeOf = (interpreter: string) => (interpreter === "pyodide" ? "py" : "mpy");

test("await workers[name] and await workers.name give the worker's exports (__export__ and @export), once its script has run", async ({ py, interpreter }) => {
  await py.open(`
<script type="${typeOf(interpreter)}" worker name="calculator">
from pyscript import export
import time
ready = "yes"
def add(a, b):
    return a + b
@export
def scale(values, by):
    return [v * by for v in values]
def hidden():
    return "no"
__export__ = ["add"]
</script>
<py-script id="main">
from pyscript import workers
calc = await workers["calculator"]
print(await calc.add(5, 3), await calc.scale([1, 2], 10))
print(sorted(dir(calc)))
same = await workers.calculator
print(await same.add(1, 1))
try:
    calc.hidden
except AttributeError as error:
    print("AttributeError:", error)
print(await workers["calculator"].add(20, 22))
print("calculator" in workers, "nope" in workers)
</py-script>`);
  await expect(py.output("#main")).toHaveText([
    "8 [10, 20]", "['add', 'scale']", "2",
    "AttributeError: worker calculator exports no function called 'hidden' (it exports: add, scale)",
    "42", "True False", ""].join("\n"));
});

test("awaiting what isn't awaitable is a TypeError, and the interpreter keeps running after it", async ({ py }) => {
  await py.open(`
<py-script worker="w">
def f():
    return 1
__export__ = ["f"]
</py-script>
<py-script id="main">
from pyscript import workers
calc = await workers["w"]
for label, what in (("workers", lambda: workers), ("exports", lambda: calc), ("a number", lambda: 5)):
    try:
        await what()
    except TypeError as error:
        print(label, "TypeError")
</py-script>
<py-script id="top">
from pyscript import workers
await workers
</py-script>
<py-script id="after">
from pyscript import workers
print("still running", await (await workers.w).f())
</py-script>`);
  await expect(py.output("#main")).toHaveText("workers TypeError\nexports TypeError\na number TypeError\n");
  await expect(py.page.locator("#top .py-error")).toContainText("TypeError");
  await expect(py.output("#after")).toHaveText("still running 1\n");
});

test("create_named_worker(src, name, config, type) starts a worker from a file and gives its exports", async ({ py, page, interpreter }) => {
  await page.route((url) => url.pathname === "/test/tasks.py", (route) => route.fulfill({
    contentType: "text/x-python",
    body: 'import sys\nfrom pyscript import config\ndef total(values):\n    return sum(values)\ndef setting():\n    return [config.get("answer"), sys.implementation.name]\n__export__ = ["total", "setting"]\n',
  }));
  await py.open(`
<py-script id="main">
from pyscript import create_named_worker, workers
worker = await create_named_worker("./tasks.py", "tasks", config={"answer": 42}, type="${typeOf(interpreter)}")
print(await worker.total([1, 2, 3, 4, 5]), await worker.setting())
print(await (await workers["tasks"]).total([1]))
for bad in (dict(src="./tasks.py", name="tasks"), dict(src="./tasks.py", name="other", type="js"), dict(src="./tasks.py", name="x", config="{oops")):
    try:
        await create_named_worker(**bad)
    except (ValueError, TypeError) as error:
        print(type(error).__name__, str(error).split(":")[0])
</py-script>`);
  const implementation = interpreter === "pyodide" ? "cpython" : "micropython";
  await expect(py.output("#main")).toHaveText([
    `15 [42, '${implementation}']`, "1",
    "ValueError create_named_worker()", "ValueError create_named_worker(type='js')", "ValueError create_named_worker()", ""].join("\n"));
  // PyScript's types are "py" (Pyodide) and "mpy" (MicroPython): a CPython page asks for a MicroPython worker.
  expect(await page.evaluate(() => window.PyScript.workers.tasks.interpreter)).toBe(interpreter === "pyodide" ? "pyodide" : "micropython");
});

test("awaiting a JavaScript object that isn't a Promise is a TypeError, and the next script runs (caught on Pyodide and CPython; MicroPython stops that run)", async ({ py, interpreter }) => {
  await py.open(`
<py-script id="await-js">
import js
from pyscript import RUNNING_IN_WORKER
try:
    await js.Object.new()
except TypeError:
    print("caught TypeError")
</py-script>
<py-script id="after">
try:
    raise ValueError("still catching")
except ValueError as error:
    print("after:", error)
</py-script>`);
  if (interpreter !== "micropython") await expect(py.output("#await-js")).toHaveText("caught TypeError\n");
  else await expect(py.page.locator("#await-js .py-error")).toContainText("TypeError: a JavaScript object that is neither a Promise nor iterable was awaited");
  await expect(py.output("#after")).toHaveText("after: still catching\n");
});
