// when() and Event, as PyScript documents them: selectors, elements, objects with
// _dom_element, collections, listener options, custom events; and their bad inputs.
import { test, expect } from "../fixtures";

test("when() takes a selector matching several elements, an element, a list, a NodeList and objects with _dom_element", async ({ py, page }) => {
  await py.open(`
<button class="many" id="m1">1</button><button class="many" id="m2">2</button>
<button id="element">E</button><button id="listed">L</button><button id="nodes">N</button><button id="wrapped">W</button>
<py-script id="out">
from pyscript import when, document
class Wrapper:  # how pyscript.web elements expose their DOM element
    def __init__(self, element):
        self._dom_element = element
def show(event):
    print("clicked", event.currentTarget.id)
when("click", ".many")(show)
when("click", document.querySelector("#element"))(show)
when("click", [document.querySelector("#listed")])(show)
when("click", document.querySelectorAll("#nodes"))(show)
when("click", [Wrapper(document.querySelector("#wrapped"))])(show)
</py-script>`);
  for (const id of ["m1", "m2", "element", "listed", "nodes", "wrapped"]) await page.click(`#${id}`);
  await expect(py.output("#out")).toHaveText("clicked m1\nclicked m2\nclicked element\nclicked listed\nclicked nodes\nclicked wrapped\n");
});

test("pyscript.web-style elements and collections (objects with _dom_element, iterables of them) can be decorated directly", async ({ py, page }) => {
  await py.open(`
<button id="go">Go</button><button class="item" id="i1">1</button><button class="item" id="i2">2</button>
<py-script id="out">
from pyscript import when, document
class Element:
    def __init__(self, element):
        self._dom_element = element
class ElementCollection:
    def __init__(self, selector):
        self._elements = [Element(node) for node in document.querySelectorAll(selector)]
    def __iter__(self):
        return iter(self._elements)
@when("click", Element(document.querySelector("#go")))
def go():
    print("web element clicked")
@when("click", ElementCollection(".item"))
def item(event):
    print("item", event.target.id)
</py-script>`);
  await page.click("#go");
  await page.click("#i2");
  await page.click("#i1");
  await expect(py.output("#out")).toHaveText("web element clicked\nitem i2\nitem i1\n");
});

test("bound methods work as handlers, with or without the event argument", async ({ py, page }) => {
  await py.open(`
<button id="a">A</button><button id="b">B</button>
<py-script id="out">
from pyscript import when
class Counter:
    def __init__(self):
        self.count = 0
    def bump(self):
        self.count += 1
        print("bump", self.count)
    def seen(self, event):
        print("seen", event.target.id)
counter = Counter()
when("click", "#a")(counter.bump)
when("click", "#b")(counter.seen)
</py-script>`);
  await page.click("#a");
  await page.click("#b");
  await page.click("#a");
  await expect(py.output("#out")).toHaveText("bump 1\nseen b\nbump 2\n");
});

test("listener options: once=True handles one click only; capture=True runs before an inner handler", async ({ py, page }) => {
  await py.open(`
<div id="outer"><button id="inner">Inner</button></div><button id="once">Once</button>
<py-script id="out">
from pyscript import when
@when("click", "#once", once=True)
def first_only(event):
    print("once")
@when("click", "#inner")
def inner(event):
    print("inner")
@when("click", "#outer", capture=True)
def outer(event):
    print("outer first")
</py-script>`);
  await page.click("#once");
  await page.click("#once");
  await page.click("#inner");
  await expect(py.output("#out")).toHaveText("once\nouter first\ninner\n");
});

test("an AbortController's signal given to when() stops the handler", async ({ py, page }) => {
  await py.open(`
<button id="go">Go</button><button id="stop">Stop</button>
<py-script id="out">
import js
from pyscript import when
controller = js.AbortController.new()
@when("click", "#go", signal=controller.signal)
def go(event):
    print("go")
@when("click", "#stop")
def stop(event):
    controller.abort()
    print("aborted")
</py-script>`);
  await page.click("#go");
  await page.click("#stop");
  await page.click("#go");
  await expect(py.output("#out")).toHaveText("go\naborted\n");
});

test("when() as a plain function with handler=, and stacked decorators, both work", async ({ py, page }) => {
  await py.open(`
<button id="a">A</button><button id="b">B</button>
<py-script id="out">
from pyscript import when
def on_a(event):
    print("handler= ran")
when("click", "#a", handler=on_a)
@when("click", "#a")
@when("click", "#b")
def both(event):
    print("stacked", event.target.id)
</py-script>`);
  await page.click("#a");
  await page.click("#b");
  await expect(py.output("#out")).toHaveText("handler= ran\nstacked a\nstacked b\n");
});

test("Event: listeners get each trigger's result, may be async or take no argument, and can be removed", async ({ py }) => {
  await py.open(`
<py-script id="out">
import asyncio
from pyscript import Event, when
saved = Event()
def log(result):
    print("log", result)
saved.add_listener(log)
saved.add_listener(log)  # a listener is added once
@when(saved)
def no_argument():
    print("no argument")
@when(saved)
async def later(result):
    await asyncio.sleep(0)
    print("async", result)
saved.trigger({"id": 1})
await asyncio.sleep(0.05)
saved.remove_listener(log)
when.remove(no_argument)
saved.trigger(2)
await asyncio.sleep(0.05)
saved.remove_listener()
saved.trigger(3)
print("done")
</py-script>`);
  await expect(py.output("#out")).toHaveText("log {'id': 1}\nno argument\nasync {'id': 1}\nasync 2\ndone\n");
});

test("when() takes a list of Events, and a DOM handler can trigger an Event", async ({ py, page }) => {
  await py.open(`
<button id="go">Go</button>
<py-script id="out">
from pyscript import Event, when
opened, closed = Event(), Event()
@when([opened, closed])
def either(result):
    print("event", result)
@when("click", "#go")
def go(event):
    opened.trigger("from a click")
closed.trigger("closed")
</py-script>`);
  await page.click("#go");
  await expect(py.output("#out")).toHaveText("event closed\nevent from a click\n");
});

test("a failing Event listener's error reaches the code that triggered it; an async one's traceback is printed", async ({ py }) => {
  await py.open(`
<py-script id="out">
import asyncio
from pyscript import Event, when
broken = Event()
broken.add_listener(lambda result: 1 / 0)
try:
    broken.trigger()
except ZeroDivisionError:
    print("caught ZeroDivisionError")
later = Event()
@when(later)
async def fails(result):
    raise ValueError("async listener failed with " + str(result))
later.trigger(7)
await asyncio.sleep(0.05)
print("still running")
</py-script>`);
  await expect(py.output("#out")).toContainText("caught ZeroDivisionError\n");
  await expect(py.page.locator("#out .py-stderr")).toContainText("ValueError: async listener failed with 7");
  await expect(py.output("#out")).toContainText("still running\n");
});

test("when() and Event reject bad input with clear errors", async ({ py }) => {
  await py.open(`
<button id="go">Go</button>
<py-script id="out">
from pyscript import when, Event, document
def attempt(label, call):
    try:
        call()
        print(label, "no error")
    except (TypeError, ValueError) as error:
        print(label, type(error).__name__ + ":", error)
attempt("no selector", lambda: when("click"))
attempt("None element", lambda: when("click", document.querySelector("#missing")))
attempt("None in a list", lambda: when("click", [document.querySelector("#missing")]))
attempt("empty list", lambda: when("click", []))
attempt("bad selector", lambda: when("click", "#go >> ["))
attempt("number", lambda: when("click", 42))
attempt("bad option", lambda: when("click", "#go", twice=True))
attempt("event type", lambda: when(42, "#go"))
attempt("Event with selector", lambda: when(Event(), "#go"))
attempt("not a function", lambda: when("click", "#go")("text"))
attempt("listener", lambda: Event().add_listener(5))
</py-script>`);
  await expect(py.output("#out")).toHaveText([
    'no selector ValueError: when("click"): say which elements to listen to, e.g. when("click", "#my-button") ' +
      "(the selector is missing, empty or None: an element that wasn't found?).",
    'None element ValueError: when("click"): say which elements to listen to, e.g. when("click", "#my-button") ' +
      "(the selector is missing, empty or None: an element that wasn't found?).",
    "None in a list TypeError: when(): one of the elements is None (an element that wasn't found?). Check it before handling its events.",
    'empty list ValueError: when("click", []): no element on the page matches []. Check the selector, and that the element comes before this script (or is added before the decorator runs).',
    `bad selector ValueError: when(): "#go >> [" is not a CSS selector (Failed to execute 'querySelectorAll' on 'Document': '#go >> [' is not a valid selector.).`,
    "number TypeError: when(): 42 is not something with events. Give a CSS selector, an element, a pyscript.web element, or a list of those.",
    "bad option TypeError: when(): unknown listener option twice (addEventListener takes: once, capture, passive, signal).",
    'event type TypeError: when(): the first argument is an event name such as "click", or an Event; got 42.',
    'Event with selector TypeError: when(Event) takes no selector or listener options: they are for DOM events (when("click", "#id")).',
    "not a function TypeError: when() decorates a function, not str.",
    "listener ValueError: Event.add_listener() needs a function to call, not int.",
    "",
  ].join("\n"));
});
