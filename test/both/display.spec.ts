// display() as PyScript documents it: blank values, target= and append=, the
// representation methods and their metadata; the same on both interpreters.
import { test, expect } from "../fixtures";


test("empty strings and newlines add nothing; other values each add one node", async ({ py, page }) => {
  await py.open(`
<py-script id="out">
from pyscript import display, HTML
display("", "\\n", "  \\n", "kept", HTML(""), 0)
</py-script>`);
  const nodes = await page.locator("#out > *").evaluateAll((all) => all.map((node) => `${node.className}:${node.textContent}`));
  expect(nodes).toEqual(["py-display:kept", "py-display:0"]);
});

test("append=False with several values keeps the last; with none it clears the target", async ({ py, page }) => {
  await py.open(`
<div id="board"><span>old</span></div><div id="wipe"><span>old</span></div>
<py-script>
from pyscript import display
display("one", "two", "three", target="board", append=False)
display(target="#wipe", append=False)
</py-script>`);
  await expect(page.locator("#board")).toHaveText("three");
  await expect(page.locator("#board > *")).toHaveCount(1);
  await expect(page.locator("#wipe > *")).toHaveCount(0);
});

test('display(target="") and other targets that name no element are clear errors', async ({ py }) => {
  await py.open(`
<py-script id="out">
from pyscript import display
for target in ("", "#", 5, "nowhere"):
    try:
        display("x", target=target)
    except (ValueError, TypeError) as error:
        print(type(error).__name__ + ":", error)
</py-script>`);
  await expect(py.output("#out")).toHaveText([
    "ValueError: display(target=''): give the id of an element, e.g. target=\"output\", or leave out target= to show output in this tag.",
    "ValueError: display(target='#'): give the id of an element, e.g. target=\"output\", or leave out target= to show output in this tag.",
    "TypeError: display(target=...) takes an element's id (a string), not int.",
    'ValueError: display(target="nowhere"): there is no element with id="nowhere" on the page. Add one, or leave out target= to show output in this tag.',
    "",
  ].join("\n"));
});

test("a _repr_html_ returning (html, metadata) shows the HTML, and the script goes on, also after an await", async ({ py, page }) => {
  await py.open(`
<py-script id="now">
from pyscript import display
class Card:
    def _repr_html_(self):
        return ("&lt;b class='card'>now&lt;/b>", {"isolated": True})
display(Card())
print("after")
</py-script>
<py-script id="later">
import asyncio
from pyscript import display
class Card:
    def _repr_html_(self):
        return ("&lt;b class='card'>later&lt;/b>", {})
await asyncio.sleep(0)
display(Card())
print("after await")
</py-script>`);
  await expect(page.locator("#now b.card")).toHaveText("now");
  await expect(py.output("#now")).toHaveText("after\n");
  await expect(page.locator("#later b.card")).toHaveText("later");
  await expect(py.output("#later")).toHaveText("after await\n");
  await expect(py.errors()).toHaveCount(0);
});

test("_repr_mimebundle_ picks the richest format it offers, with metadata as image attributes", async ({ py, page }) => {
  await py.open(`
<py-script id="out">
from pyscript import display
class Table:
    def _repr_mimebundle_(self):
        return {"text/plain": "a table", "text/html": "&lt;table id='t'>&lt;tr>&lt;td>1&lt;/td>&lt;/tr>&lt;/table>"}
class Picture:
    def _repr_mimebundle_(self):
        return ({"image/png": b"\\x89PNG", "text/plain": "a picture"}, {"image/png": {"width": 40, "alt": "tiny", "onerror": "x()"}})
class Unknown:
    def _repr_mimebundle_(self):
        return {"application/x-custom": "?"}
    def __repr__(self):
        return "Unknown()"
display(Table(), Picture(), Unknown())
</py-script>`);
  await expect(page.locator("#out table#t td")).toHaveText("1");
  const image = page.locator("#out img");
  await expect(image).toHaveAttribute("src", "data:image/png;base64,iVBORw==");
  await expect(image).toHaveAttribute("width", "40");
  await expect(image).toHaveAttribute("alt", "tiny");
  await expect(image).not.toHaveAttribute("onerror", /.*/);
  await expect(page.locator("#out .py-display").last()).toHaveText("Unknown()");
});

test("representation methods go in PyScript's order: PNG before HTML, and (data, metadata) works for each", async ({ py, page }) => {
  await py.open(`
<py-script id="out">
from pyscript import display
class Both:
    def _repr_html_(self): return "&lt;b>html&lt;/b>"
    def _repr_png_(self): return (b"PNG!", {"height": 8})
class Figure:  # like matplotlib's
    def savefig(self, buffer, format):
        buffer.write(b"fig:" + format.encode())
display(Both(), Figure())
</py-script>`);
  await expect(page.locator("#out img").nth(0)).toHaveAttribute("src", "data:image/png;base64,UE5HIQ==");
  await expect(page.locator("#out img").nth(0)).toHaveAttribute("height", "8");
  await expect(page.locator("#out img").nth(1)).toHaveAttribute("src", "data:image/png;base64,ZmlnOnBuZw==");
  await expect(page.locator("#out b")).toHaveCount(0);
});

test("_repr_json_ shows JSON as text and _repr_javascript_ runs its script", async ({ py, page }) => {
  await py.open(`
<py-script id="out">
from pyscript import display
class Data:
    def _repr_json_(self): return {"a": [1, 2]}
class Script:
    def _repr_javascript_(self): return "document.title = 'ran from Python'"
display(Data(), Script())
</py-script>`);
  await expect(page.locator("#out .py-display").first()).toHaveText('{"a": [1, 2]}');
  await expect(page).toHaveTitle("ran from Python");
});

test("a representation giving the wrong kind of data is a clear error", async ({ py }) => {
  await py.open(`
<py-script id="out">
from pyscript import display
class Broken:
    def _repr_png_(self): return 42
try:
    display(Broken())
except TypeError as error:
    print("TypeError:", error)
</py-script>`);
  await expect(py.output("#out")).toHaveText("TypeError: display(): image/png data must be bytes or base64 text, not int.\n");
});

test("a worker's display() keeps image metadata and drops blank values too", async ({ py, page }) => {
  await py.open(`
<py-script id="w" worker>
from pyscript import display
class Picture:
    def _repr_png_(self): return (b"PNG!", {"width": 12})
display("", Picture(), "\\n", "text")
</py-script>`);
  await expect(page.locator("#w img")).toHaveAttribute("width", "12", { timeout: 30_000 });
  await expect(page.locator("#w .py-display")).toHaveCount(2);
});

test("the page's display bridge answers anything but text with an error message, instead of throwing into Python (which hangs MicroPython)", async ({ py }) => {
  await py.open(`
<py-script id="out">
import asyncio
import _pyscript
await asyncio.sleep(0)  # as in a coroutine, where MicroPython used to hang
error = _pyscript.display(_pyscript.current_target(), "text/html", ("&lt;b>x&lt;/b>", {}), "{}")
print("refused:", error)
print("still running")
</py-script>`);
  await expect(py.output("#out")).toHaveText(/^refused: display\(\): the text\/html data must be text, not \w+\.\nstill running\n$/);
});
