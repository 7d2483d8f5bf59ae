// storage() as PyScript documents it: a dict kept in IndexedDB that survives a
// reload, sync(), clear() and the dict methods, Storage subclasses, workers, bad values.
import { test, expect } from "../fixtures";

/** Python that prints a store's entries sorted, the same way on both interpreters (MicroPython's dicts have no order). */
const SHOW = `
def show(value):
    if isinstance(value, dict):
        return "{" + ", ".join("%r: %s" % (key, show(value[key])) for key in sorted(value, key=str)) + "}"
    if isinstance(value, (bytearray, memoryview)):
        return "%s(%r)" % (type(value).__name__, bytes(value))
    if isinstance(value, str):
        return "'%s'" % value  # MicroPython's repr() escapes non-ASCII letters
    return repr(value)
def print_store(store):
    for key in sorted(store, key=str):
        print(repr(key), show(store[key]))`;

test("values of every documented type survive a reload; tuples come back as lists", async ({ py, page }) => {
  await py.open(`
<py-script id="out">
from pyscript import storage
${SHOW}
store = await storage("kinds")
if not store:
    store["none"] = None
    store["bool"] = True
    store["int"] = 7
    store["float"] = 2.5
    store["str"] = "text ✓"
    store["list"] = [1, [2, "three"]]
    store["dict"] = {"a": {"b": None}, "c": [True]}
    store["tuple"] = (1, 2)
    store["binary"] = bytearray(b"\\x00\\xff")
    store["view"] = memoryview(bytearray(b"ab"))
    store[3] = "an int key"
    await store.sync()
    print("saved", len(store))
else:
    print_store(store)
</py-script>`);
  await expect(py.output("#out")).toHaveText("saved 11\n");
  await page.reload();
  await py.settled();
  await expect(py.output("#out")).toHaveText([
    "3 'an int key'",
    "'binary' bytearray(b'\\x00\\xff')",
    "'bool' True",
    "'dict' {'a': {'b': None}, 'c': [True]}",
    "'float' 2.5",
    "'int' 7",
    "'list' [1, [2, 'three']]",
    "'none' None",
    "'str' 'text ✓'",
    "'tuple' [1, 2]",
    "'view' memoryview(b'ab')",
    "",
  ].join("\n"));
});

test("deleting, pop, setdefault, update and clear are saved too; each named store is separate", async ({ py, page }) => {
  await py.open(`
<py-script id="out">
from pyscript import storage
${SHOW}
notes = await storage("notes")
other = await storage("other")
if "visits" not in notes:
    notes.update({"a": 1, "b": 2, "c": 3}, d=4)
    del notes["a"]
    print(notes.pop("b"), notes.pop("missing", "default"), notes.setdefault("e", 5), notes.setdefault("c", 99))
    other["kept"] = True
    other.clear()
    other["after clear"] = 1
    notes["visits"] = 1
    await notes.sync()
    await other.sync()
    print("saved")
else:
    print_store(notes)
    print_store(other)
</py-script>`);
  await expect(py.output("#out")).toHaveText("2 default 5 3\nsaved\n");
  await page.reload();
  await py.settled();
  await expect(py.output("#out")).toHaveText("'c' 3\n'd' 4\n'e' 5\n'visits' 1\n'after clear' 1\n");
});

test("a second storage() of the same name sees what the first wrote, even before sync()", async ({ py }) => {
  await py.open(`
<py-script id="out">
from pyscript import storage
first = await storage("shared")
first["x"] = [1, 2]
second = await storage("shared")
print(second["x"], first is not second)
</py-script>`);
  await expect(py.output("#out")).toHaveText("[1, 2] True\n");
});

test("storage_class= gives a Storage subclass whose changed behaviour is what gets saved", async ({ py, page }) => {
  await py.open(`
<py-script id="out">
from pyscript import storage, Storage
class Shouting(Storage):
    def __setitem__(self, key, value):
        super().__setitem__(key, value.upper())
store = await storage("shouting", storage_class=Shouting)
print(type(store).__name__, isinstance(store, Storage), isinstance(store, dict))
if "greeting" not in store:
    store["greeting"] = "hello"
    store.update(farewell="bye")
    await store.sync()
print(store["greeting"], store["farewell"])
</py-script>`);
  await expect(py.output("#out")).toHaveText("Shouting True True\nHELLO BYE\n");
  await page.reload();
  await py.settled();
  await expect(py.output("#out")).toHaveText("Shouting True True\nHELLO BYE\n");
});

test("a worker's storage is the page's: what a worker saves, the page reads", async ({ py, page }) => {
  await py.open(`
<button id="read">Read</button>
<py-script id="w" worker>
from pyscript import storage
store = await storage("from-worker")
store["count"] = 41 + 1
store["name"] = "worker"
await store.sync()
print("saved in the worker")
</py-script>
<py-script id="out">
from pyscript import when, storage
@when("click", "#read")
async def read():
    store = await storage("from-worker")
    print(store.get("count"), store.get("name"))
</py-script>`);
  await expect(py.output("#w")).toHaveText("saved in the worker\n", { timeout: 30_000 });
  await page.click("#read");
  await expect(py.output("#out")).toHaveText("42 worker\n");
});

test("storage rejects bad names, classes, keys and values, and leaves the store unchanged", async ({ py }) => {
  await py.open(`
<py-script id="out">
from pyscript import storage
async def attempt(label, make):
    try:
        await make()
        print(label, "no error")
    except (TypeError, ValueError) as error:
        print(label, type(error).__name__ + ":", error)
    except OSError as error:  # IndexedDB refused: its own words follow
        print(label, "OSError:", str(error).split(": ")[0])
await attempt("no name", lambda: storage(""))
await attempt("class", lambda: storage("bad", storage_class=dict))
store = await storage("bad")
async def put(key, value):
    store[key] = value
await attempt("object", lambda: put("x", object()))
await attempt("nested binary", lambda: put("x", [bytearray(b"1")]))
await attempt("bytes", lambda: put("x", b"1"))
await attempt("key", lambda: put((1, 2), "value"))
loop = [1]
loop.append(loop)
await attempt("circular", lambda: put("x", loop))
await attempt("nested key", lambda: put("x", {(1, 2): 3}))
await attempt("NaN key", lambda: put(float("nan"), 1))
print("unchanged:", "x" not in store and len(store) == 0)
</py-script>`);
  await expect(py.output("#out")).toHaveText([
    'no name ValueError: storage() needs a name for the store, e.g. await storage("my-app"); got \'\'.',
    "class TypeError: storage(storage_class=...) must be Storage or a subclass of it, not <class 'dict'>.",
    "object TypeError: storage can't keep a value of type object. Store None, bool, int, float, str, or lists, tuples and dicts of those; or a bytearray or memoryview on its own.",
    "nested binary TypeError: storage can keep a bytearray only as a value of its own, not inside a list or dict.",
    "bytes TypeError: storage can't keep bytes: store bytearray(value) instead.",
    "key TypeError: storage keys are str, int or float, not tuple.",
    "circular ValueError: storage can't keep a list or dict that contains itself.",
    "nested key TypeError: storage can't keep a dict with a tuple key inside a value: use str keys.",
    'NaN key OSError: storage("bad")',
    "unchanged: True",
    "",
  ].join("\n"));
});
