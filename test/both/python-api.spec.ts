// Python's `pyscript` module: the same page API on MicroPython and Pyodide.
import { test, expect, pageHTML } from "../fixtures";

test("Python reads and writes the DOM through document and window (and import js still works)", async ({ py, page }) => {
  await py.open(`
<p id="greeting">Hello</p>
<py-script id="out">
from pyscript import document, window
import js
element = document.querySelector("#greeting")
print(element.innerText, window.location.pathname.endswith(".html"), js.document is not None)
element.innerText = "Changed by Python"
</py-script>`);
  await expect(py.output("#out")).toHaveText("Hello True True\n");
  await expect(page.locator("#greeting")).toHaveText("Changed by Python");
});

test("display() writes to this tag by default, in order with print(), and to target= elsewhere", async ({ py, page }) => {
  await py.open(`
<div id="elsewhere"><span>old</span></div>
<py-script id="out">
from pyscript import display
print("first")
display("second", 3)
print("fourth")
display("over there", target="elsewhere")
</py-script>`);
  const texts = await page.locator("#out > *").evaluateAll((nodes) => nodes.map((n) => `${n.className}:${n.textContent}`));
  expect(texts).toEqual(["py-output:first\n", "py-display:second", "py-display:3", "py-output:fourth\n"]);
  await expect(page.locator("#elsewhere")).toHaveText("oldover there");
});

test("display(append=False) replaces what the target showed", async ({ py, page }) => {
  await py.open(`
<div id="board"><span>old</span></div>
<py-script>
from pyscript import display
display("one", target="board")
display("new", target="#board", append=False)
</py-script>`);
  await expect(page.locator("#board")).toHaveText("new");
});

test("display() shows strings as text but HTML(), SVG, PNG and JPEG richly", async ({ py, page }) => {
  await py.open(`
<py-script id="out">
from pyscript import display, HTML
class Chart:
    def _repr_svg_(self):
        return '&lt;svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">&lt;rect width="10" height="10"/>&lt;/svg>'
class Photo:
    def __init__(self, kind): self.kind = kind
    def _repr_png_(self): return b"\\x89PNG fake" if self.kind == "png" else None
    def _repr_jpeg_(self): return "/9j/fake" if self.kind == "jpeg" else None
display("&lt;b>not bold&lt;/b>", HTML("&lt;b id='bold'>bold&lt;/b>"), Chart(), Photo("png"), Photo("jpeg"))
</py-script>`);
  await expect(page.locator("#out .py-display").first()).toHaveText("<b>not bold</b>");
  await expect(page.locator("#out b#bold")).toHaveText("bold");
  await expect(page.locator("#out svg rect")).toHaveCount(1);
  await expect(page.locator("#out img").nth(0)).toHaveAttribute("src", "data:image/png;base64,iVBORyBmYWtl");
  await expect(page.locator("#out img").nth(1)).toHaveAttribute("src", "data:image/jpeg;base64,/9j/fake");
});

test("display(target=…) naming a missing element is a clear Python error", async ({ py }) => {
  await py.open(`<py-script id="bad">from pyscript import display\ndisplay("x", target="nowhere")</py-script>`);
  await expect(py.page.locator("#bad .py-error")).toContainText('ValueError: display(target="nowhere"): there is no element with id="nowhere"');
});

test("@when handles real clicks, with or without the event argument, and prints into its script's tag", async ({ py, page }) => {
  await py.open(`
<button id="a">A</button><button id="b">B</button>
<py-script id="out">
from pyscript import when
@when("click", "#a")
def with_event(event):
    print("clicked", event.target.id)
@when("click", "#b")
def without_event():
    print("clicked without the event")
</py-script>`);
  await page.click("#a");
  await page.click("#b");
  await expect(py.output("#out")).toHaveText("clicked a\nclicked without the event\n");
});

test("an async handler can await before it finishes", async ({ py, page }) => {
  await py.open(`
<button id="go">Go</button><p id="status">idle</p>
<py-script>
import asyncio
from pyscript import when, document
@when("click", "#go")
async def go(event):
    document.querySelector("#status").innerText = "working"
    await asyncio.sleep(0.1)
    document.querySelector("#status").innerText = "done after await"
</py-script>`);
  await page.click("#go");
  await expect(page.locator("#status")).toHaveText("done after await");
});

test("an exception in a handler is shown at its script's tag, with the HTML line, and the page goes on", async ({ py, page }) => {
  const body = `
<button id="bad">Bad</button><button id="good">Good</button>
<py-script id="handlers">
from pyscript import when
@when("click", "#bad")
def bad(event):
    raise RuntimeError("handler broke")
@when("click", "#good")
def good(event):
    print("good still works")
</py-script>`;
  await py.open(body);
  await page.click("#bad");
  const box = page.locator("#handlers .py-error");
  await expect(box).toContainText("RuntimeError: handler broke");
  const line = pageHTML(body).split("\n").findIndex((l) => l.includes('raise RuntimeError("handler broke")')) + 1;
  await expect(box).toContainText(new RegExp(`File "generated-\\w+\\.html", line ${line}, in bad`));
  await expect(box).not.toContainText("pyscript/_events.py"); // our package's frames are hidden
  await page.click("#good");
  await expect(py.output("#handlers")).toHaveText("good still works\n");
});

test("when.remove() stops a handler", async ({ py, page }) => {
  await py.open(`
<button id="go">Go</button><button id="stop">Stop</button>
<py-script id="out">
from pyscript import when
@when("click", "#go")
def go(event):
    print("go")
@when("click", "#stop")
def stop(event):
    when.remove(go)
    print("removed")
</py-script>`);
  await page.click("#go");
  await page.click("#stop");
  await page.click("#go");
  await expect(py.output("#out")).toHaveText("go\nremoved\n");
});

test("many clicks keep working: the module owns the handler's proxy", async ({ py, page }) => {
  await py.open(`
<button id="go">Go</button><p id="count">0</p>
<py-script>
from pyscript import when, document
clicks = 0
@when("click", "#go")
def go(event):
    global clicks
    clicks += 1
    document.querySelector("#count").innerText = str(clicks)
</py-script>`);
  for (let i = 0; i < 60; i++) await page.click("#go");
  await expect(page.locator("#count")).toHaveText("60");
  await expect(py.errors()).toHaveCount(0);
});

test("@when with a selector that matches nothing is a clear error", async ({ py }) => {
  await py.open(`<py-script id="bad">from pyscript import when\n@when("click", "#missing")\ndef f(): pass</py-script>`);
  await expect(py.page.locator("#bad .py-error")).toContainText('no element on the page matches "#missing"');
});

test("input() in a click handler asks with a dialog showing the prompt, and echoes the answer", async ({ py, page }) => {
  await py.open(`
<button id="ask">Ask</button>
<py-script id="out">
from pyscript import when
@when("click", "#ask")
def ask(event):
    name = input("Your name? ")
    print("Hello,", name)
</py-script>`);
  const prompts: string[] = [];
  page.once("dialog", async (dialog) => {
    prompts.push(`${dialog.type()}:${dialog.message()}`);
    await dialog.accept("Ada");
  });
  await page.click("#ask");
  await expect(py.output("#out")).toHaveText("Your name? Ada\nHello, Ada\n");
  expect(prompts).toEqual(["prompt:Your name? "]);
});

test("input() cancelled raises EOFError, as in CPython", async ({ py, page }) => {
  page.on("dialog", (dialog) => dialog.dismiss());
  await py.open(`
<button id="ask">Ask</button>
<py-script id="out">
from pyscript import when
@when("click", "#ask")
def ask(event):
    try:
        input("Anything? ")
    except EOFError:
        print("got EOFError")
</py-script>`);
  await page.click("#ask");
  await expect(py.output("#out")).toContainText("got EOFError");
});

test("input() in a script asks inline where the interpreter can wait (Pyodide, CPython), or with a dialog", async ({ py, page, interpreter }) => {
  page.on("dialog", (dialog) => dialog.accept(`dialog answer`));
  await py.open(`<py-script id="out">answer = input("Colour? ")\nprint("You said", answer)</py-script>`, { wait: "none" });
  // Setup may take long on a busy machine: wait for it, then for the script to ask.
  await page.waitForFunction(() => window.PyScript?.isInterpreterReady);
  if (interpreter !== "micropython") {
    const field = page.locator("#out input.py-input");
    await expect(field).toBeFocused();
    await field.fill("blue");
    await field.press("Enter");
    await py.settled();
    await expect(py.output("#out")).toHaveText("Colour? blue\nYou said blue\n");
  } else {
    await py.settled();
    await expect(py.output("#out")).toHaveText("Colour? dialog answer\nYou said dialog answer\n");
  }
});

test("fetch() gets local files as text, JSON and exact bytes, with status", async ({ py }) => {
  await py.open(`
<py-script id="out">
from pyscript import fetch
response = await fetch("./notes.txt")
print(response.status, response.ok, (await response.text()).strip())
print((await (await fetch("./config.json")).json())["files"])
print(list(await (await fetch("./bytes.bin")).bytes()))
missing = await fetch("./nope.txt")
print(missing.status, missing.ok)
</py-script>`);
  await expect(py.output("#out")).toHaveText("200 True notes ✓\n{'arrr.py': './arrr.py'}\n[0, 1, 254, 255, 128, 10, 13]\n404 False\n");
});

test("config, current_target() and RUNNING_IN_WORKER describe where the code runs", async ({ py, interpreter }) => {
  await py.open(`
<py-config>{"my-key": [1, 2]}</py-config>
<py-script id="here">
from pyscript import config, current_target, RUNNING_IN_WORKER
print(config["interpreter"], config["my-key"], current_target(), RUNNING_IN_WORKER)
</py-script>`);
  await expect(py.output("#here")).toHaveText(`${interpreter} [1, 2] here False\n`);
});

test("the pyscript module works from runPython too, and display() there prints text", async ({ py, page }) => {
  await py.open(`<py-script>pass</py-script>`);
  const result = await page.evaluate(() => window.PyScript.runPython("import pyscript\npyscript.current_target() is None"));
  expect(result).toBe(true);
});
