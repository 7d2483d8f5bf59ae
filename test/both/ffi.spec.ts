// pyscript.ffi, pyscript.util, how the package's modules import, and what
// describes where code runs (config["type"], current_target()): the same on both interpreters.
import { test, expect } from "../fixtures";

test("every way of importing the package's modules works, even as a script's first import", async ({ py }) => {
  await py.open(`
<py-script id="a">from pyscript.ffi import to_js\nprint(to_js is not None)</py-script>
<py-script id="b">import pyscript.util\nprint(pyscript.util.is_awaitable(print))</py-script>
<py-script id="c">from pyscript import storage, Storage, ffi, util, events, Event, when\nprint(callable(storage), ffi.is_none(None), events.Event is Event)</py-script>
<py-script id="d">from pyscript.events import Event, when\nfrom pyscript import when as again\nprint(when is again)</py-script>`);
  await expect(py.output("#a")).toHaveText("True\n");
  await expect(py.output("#b")).toHaveText("False\n");
  await expect(py.output("#c")).toHaveText("True True True\n");
  await expect(py.output("#d")).toHaveText("True\n");
  await expect(py.errors()).toHaveCount(0);
});

test("a submodule import works in a fresh page before anything else from pyscript is used", async ({ py }) => {
  await py.open(`<py-script id="out">import pyscript.ffi as ffi\nprint(ffi.is_none(ffi.to_js(None)))</py-script>`);
  await expect(py.output("#out")).toHaveText("True\n");
});

test("to_js makes plain objects and arrays, with None as null, on both interpreters", async ({ py }) => {
  await py.open(`
<py-script id="out">
import js
from pyscript.ffi import to_js
order = to_js(["name", "tags", "none", "nested", "ok"]) # MicroPython's dicts have no order: list the keys
print(js.JSON.stringify(to_js({"name": "Ada", "tags": ["a", ("b", None)], "none": None, "nested": {"ok": True}}), order))
print(js.Array.isArray(to_js((1, 2))), to_js("text"), to_js(3))
print(js.JSON.stringify(to_js([{"a": 1}], dict_converter=js.Object.fromEntries)))
print(to_js({"a": 1}, dict_converter=js.Map.new).get("a"))
</py-script>`);
  await expect(py.output("#out")).toHaveText(
    '{"name":"Ada","tags":["a",["b",null]],"none":null,"nested":{"ok":true}}\nTrue text 3\n[{"a":1}]\n1\n');
});

test("create_proxy keeps a Python function alive for JavaScript to call many times", async ({ py, page }) => {
  await py.open(`
<button id="go">Go</button><p id="count">0</p>
<py-script>
from pyscript import document
from pyscript.ffi import create_proxy
clicks = []
def on_click(event):
    clicks.append(event.type)
    document.querySelector("#count").innerText = str(len(clicks))
document.querySelector("#go").addEventListener("click", create_proxy(on_click))
</py-script>`);
  for (let i = 0; i < 5; i++) await page.click("#go");
  await expect(page.locator("#count")).toHaveText("5");
});

test("is_none is true for None, JavaScript null and undefined, and nothing else", async ({ py }) => {
  await py.open(`
<py-script id="out">
import js
from pyscript.ffi import is_none
values = [None, js.JSON.parse("null"), js.JSON.parse("[]").at(3), 0, "", False, js.Object.new()]
print([is_none(value) for value in values])
</py-script>`);
  await expect(py.output("#out")).toHaveText("[True, True, True, False, False, False, False]\n");
});

test("assign merges dicts and JavaScript objects into a JavaScript object and returns it", async ({ py }) => {
  await py.open(`
<py-script id="out">
import js
from pyscript.ffi import assign, to_js
target = js.Object.new()
result = assign(target, {"a": 1, "b": [1, 2]}, js.JSON.parse('{"c": "three"}'))
print(getattr(js.Object, "is")(result, target), js.JSON.stringify(target, to_js(["a", "b", "c"])))
</py-script>`);
  await expect(py.output("#out")).toHaveText('True {"a":1,"b":[1,2],"c":"three"}\n');
});

test("bad ffi inputs raise clear Python errors", async ({ py }) => {
  await py.open(`
<py-script id="out">
import js
from pyscript.ffi import create_proxy, assign
from pyscript.util import as_bytearray
attempts = (lambda: create_proxy(42), lambda: as_bytearray("text"), lambda: as_bytearray([1, 2]), lambda: as_bytearray(js.Object.new()),
            lambda: assign(None, {}), lambda: assign({}, {}), lambda: assign(js.Object.new(), [1]))
for attempt in attempts:
    try:
        attempt()
    except TypeError as error:
        print("TypeError:", error)
</py-script>`);
  const buffer = "needs a JavaScript ArrayBuffer or typed array, not";
  await expect(py.output("#out")).toHaveText([
    "TypeError: create_proxy() needs a function to wrap, not int.",
    `TypeError: as_bytearray() ${buffer} str. Python bytes can be copied with bytearray(value).`,
    `TypeError: as_bytearray() ${buffer} list. Python bytes can be copied with bytearray(value).`,
    `TypeError: as_bytearray() ${buffer} JsProxy. Python bytes can be copied with bytearray(value).`,
    "TypeError: assign() copies onto a JavaScript object (e.g. js.Object.new()), not NoneType.",
    "TypeError: assign() copies onto a JavaScript object (e.g. js.Object.new()), not dict.",
    "TypeError: assign() copies from dicts or JavaScript objects, not list.",
    "",
  ].join("\n"));
});

test("pyscript.util: as_bytearray copies an ArrayBuffer or a typed array's view, is_awaitable spots async functions", async ({ py }) => {
  await py.open(`
<py-script id="out">
import js
from pyscript.util import as_bytearray, is_awaitable
data = js.Uint8Array.new([0, 1, 254, 255, 128])
print(as_bytearray(data.buffer), as_bytearray(data.subarray(1, 3)))
async def fetch_it(): pass
def plain(): pass
class Thing:
    async def method(self): pass
def outer():
    async def inner(): return data
    return inner
print(is_awaitable(fetch_it), is_awaitable(Thing().method), is_awaitable(outer()), is_awaitable(plain), is_awaitable(print))
</py-script>`);
  await expect(py.output("#out")).toHaveText("bytearray(b'\\x00\\x01\\xfe\\xff\\x80') bytearray(b'\\x01\\xfe')\nTrue True True False False\n");
});

test("pyscript.util.NotSupported raises its message on any use", async ({ py }) => {
  await py.open(`
<py-script id="out">
from pyscript.util import NotSupported
missing = NotSupported("pyscript.thing", "thing works only in a worker")
print(repr(missing))
for attempt in (lambda: missing.anything, lambda: setattr(missing, "x", 1), lambda: missing()):
    try:
        attempt()
    except (AttributeError, TypeError) as error:
        print(type(error).__name__, error)
</py-script>`);
  await expect(py.output("#out")).toHaveText("<NotSupported pyscript.thing [thing works only in a worker]>\n" +
    "AttributeError thing works only in a worker\nAttributeError thing works only in a worker\nTypeError thing works only in a worker\n");
});

test('config["type"] is PyScript\'s name for the interpreter, and the rest of the config stays readable', async ({ py, interpreter }) => {
  await py.open(`
<py-config>{"my-key": [1, 2]}</py-config>
<py-script id="out">
from pyscript import config
print(config["type"], config["interpreter"], config["my-key"], config.get("files"))
</py-script>`);
  await expect(py.output("#out")).toHaveText(`${interpreter === "micropython" ? "mpy" : "py"} ${interpreter} [1, 2] {}\n`);
});

test("current_target() gives a tag's own id, or mpy-N / py-N numbered in document order", async ({ py, page, interpreter }) => {
  await py.open(`
<py-script id="explicit">from pyscript import current_target\nprint(current_target())</py-script>
<py-script class="second">from pyscript import current_target, display\ndisplay("first unnamed: " + current_target())</py-script>
<div id="mpy-1"></div><div id="py-1"></div>
<py-script class="third">from pyscript import current_target, display\ndisplay("second unnamed: " + current_target())</py-script>
<div id="elsewhere"></div>
<py-script output="elsewhere">from pyscript import current_target\nprint(current_target())</py-script>`);
  const type = interpreter === "micropython" ? "mpy" : "py";
  await expect(py.output("#explicit")).toHaveText("explicit\n");
  await expect(page.locator("py-script.second")).toHaveText(`first unnamed: ${type}-0`);
  await expect(page.locator("py-script.second")).toHaveAttribute("id", `${type}-0`);
  await expect(page.locator("py-script.third")).toHaveText(`second unnamed: ${type}-2`); // ${type}-1 was taken
  await expect(py.output("#elsewhere")).toHaveText("elsewhere\n");
});

test("RUNNING_IN_WORKER and HTML are there, on the page and in a worker", async ({ py }) => {
  await py.open(`
<py-script id="page">from pyscript import RUNNING_IN_WORKER, HTML, display\ndisplay(HTML("&lt;b>page&lt;/b>"))\nprint(RUNNING_IN_WORKER)</py-script>
<py-script id="worker" worker>from pyscript import RUNNING_IN_WORKER, HTML, display, config\ndisplay(HTML("&lt;i>worker&lt;/i>"))\nprint(RUNNING_IN_WORKER, config["type"] in ("mpy", "py"))</py-script>`);
  await expect(py.page.locator("#page b")).toHaveText("page");
  await expect(py.output("#page")).toHaveText("False\n");
  await expect(py.page.locator("#worker i")).toHaveText("worker", { timeout: 30_000 });
  await expect(py.output("#worker")).toHaveText("True True\n");
});
