// Pages written for PyScript run unchanged: <script type="py"> and "mpy"
// tags, config= attributes and PyScript's files direction, and inline code
// with HTML in its strings run exactly as written.
import { test, expect } from "../fixtures";

test("<script type=\"py\"> and \"mpy\" run in document order with <py-script>, sharing globals; display() shows at the script", async ({ py, page }) => {
  await py.open(`
<script type="mpy">order = ["first"]</script>
<py-script id="middle">order.append("second")</py-script>
<div id="here"><script type="py">
from pyscript import display
order.append("third")
display(", ".join(order))
</script></div>`);
  await expect(page.locator("#here .py-script-output .py-display")).toHaveText("first, second, third");
  await expect(py.errors()).toHaveCount(0);
});

test("print() in a <script type=\"py\"> goes to the console as in PyScript, or to the page with the terminal attribute", async ({ py, page }) => {
  const logged: string[] = [];
  page.on("console", (message) => logged.push(message.text()));
  await py.open(`
<div id="quiet"><script type="py">print("to the console")</script></div>
<div id="loud"><script type="py" terminal>print("on the page")</script></div>`);
  await expect(page.locator("#loud .py-output")).toHaveText("on the page\n");
  await expect(page.locator("#quiet .py-output")).toHaveCount(0);
  expect(logged).toContain("to the console");
  const printed = await page.evaluate(() => (window as any).__events.filter((e: any) => e.name === "py-print").map((e: any) => e.detail.text).join(""));
  expect(printed).toContain("to the console\n");
});

test("target= sends a script's display() to that element (an id, with or without #)", async ({ py, page }) => {
  await py.open(`
<div id="results"></div><div id="more"></div>
<script type="py" target="results">from pyscript import display\ndisplay("in results")</script>
<script type="py" target="#more">from pyscript import display\ndisplay("in more")</script>`);
  await expect(page.locator("#results .py-display")).toHaveText("in results");
  await expect(page.locator("#more .py-display")).toHaveText("in more");
});

test("a target= naming no element is a coded error after the script, and the next script runs", async ({ py, page }) => {
  await py.open(`
<script type="py" target="nowhere">print("never")</script>
<script type="py" terminal>print("next one ran")</script>`);
  await expect(py.errors("config-value")).toContainText('target="nowhere"> names no element');
  await expect(page.locator(".py-script-output .py-output")).toHaveText("next one ran\n");
});

test("a <script type=\"py\"> src= file runs, and an inline one's traceback points at the HTML line", async ({ py, page }) => {
  await py.open(`<script type="py" src="./hello.py" terminal></script>
<div id="bad"><script type="py">
x = 1
raise ValueError("from a script tag")
</script></div>`);
  await expect(page.locator(".py-script-output .py-output").first()).toContainText("Hello from");
  const box = page.locator("#bad .py-error:not(.py-warning)");
  await expect(box).toContainText("ValueError: from a script tag");
  // pageHTML puts the body on line 2: the script tag opens on line 3, so `raise` is on line 5.
  await expect(box).toContainText(/File "generated-\w+\.html", line 5/);
});

test("inline <py-script> code with HTML in its strings runs exactly as written", async ({ py, page }) => {
  await py.open(`<py-script id="out">
from pyscript import display, HTML
print("<b>bold</b> stays text")
a, b = 1, 2
if a<b: print("less")
display(HTML('<a href="https://example.com/?q=1&amp;r=2" class=\\'link\\'>a <i>link</i></a>'))
print("<!-- kept -->", "Tom &amp; Jerry")
</py-script>`);
  const output = py.output("#out");
  await expect(output.first()).toContainText("<b>bold</b> stays text\nless\n");
  await expect(page.locator("#out a.link")).toHaveAttribute("href", "https://example.com/?q=1&r=2");
  await expect(page.locator("#out a.link i")).toHaveText("link");
  await expect(output.last()).toHaveText("<!-- kept --> Tom & Jerry\n");
  await expect(py.errors()).toHaveCount(0);
});

test("config= names a PyScript config file: its files point from URL to path, with {TEMPLATES}", async ({ py, page }) => {
  await py.open(`<div id="out"><script type="py" src="./pyscript/main.py" config="./pyscript/pyscript.toml"></script></div>
<py-script id="check">print(len(open("data/raw.bin", "rb").read()))</py-script>`);
  await expect(page.locator("#out .py-display").first()).toHaveText("notes ✓");
  await expect(page.locator("#out .py-display").last()).toHaveText("lib.hello");
  await expect(py.output("#check")).toHaveText(/^\d+\n$/);
  await expect(py.errors()).toHaveCount(0);
});

test("config= with inline JSON, and <mpy-config>, are read PyScript's way round", async ({ py }) => {
  await py.open(`<script type="py" config='{"files": {"./notes.txt": "./copy/notes.txt"}}'></script>
<py-script id="out">print(open("copy/notes.txt").read().strip())</py-script>`);
  await expect(py.output("#out")).toHaveText(/\S+\n/);
  await py.open(`<mpy-config>{"files": {"./hello.py": ""}}</mpy-config>
<py-script id="out">import hello</py-script>`);
  await expect(py.output("#out")).toContainText("Hello from");
});

test("bad PyScript configs are coded errors: a missing config file, an archive, two files to one path", async ({ py }) => {
  await py.open(`<script type="py" config="./no-such.toml"></script><py-script id="out">print("still runs")</py-script>`);
  await expect(py.errors("config-fetch")).toContainText("no-such.toml");
  await expect(py.output("#out")).toHaveText("still runs\n");
  await py.open(`<py-config>{"files": {"./data.zip": "./data/*", "./hello.py": "same.py", "./notes.txt": "same.py"}}</py-config>
<py-script id="out">print("still runs")</py-script>`);
  await expect(py.errors("config-value")).toHaveCount(2);
  await expect(py.errors("config-value").first()).toContainText("unpack an archive");
  await expect(py.errors("config-value").last()).toContainText('both copied to "same.py"');
  await expect(py.output("#out")).toHaveText("still runs\n");
});

test("a pinned PyScript interpreter version is a warning, and the page runs on the interpreter we ship", async ({ py, page, interpreter }) => {
  await py.open(`<py-config>{"interpreter": "0.29.0"}</py-config><py-script id="out">import sys; print(sys.implementation.name)</py-script>`);
  await expect(page.locator(".py-warning")).toContainText('"interpreter": "0.29.0" pins');
  await expect(py.output("#out")).toHaveText(`${interpreter === "micropython" ? "micropython" : "cpython"}\n`);
});

test("js_modules: the config's JavaScript modules import as pyscript.js_modules, with their stylesheets", async ({ py, page }) => {
  await py.open(`<py-config>{"js_modules": {"main": {"./js/greet.js": "greet", "./js/greet.css": "greet"}}}</py-config>
<p class="from-js-modules-css" id="styled">styled</p>
<py-script id="out">
from pyscript.js_modules import greet
from pyscript import js_modules
print(greet.greet("Ada"), js_modules.greet.answer)
</py-script>`);
  await expect(py.output("#out")).toHaveText("Hello, Ada! 42\n");
  await expect(page.locator("#styled")).toHaveCSS("color", "rgb(1, 2, 3)");
});

test("js_modules: a module that can't load is a coded error, and importing it raises ImportError", async ({ py }) => {
  await py.open(`<py-config>{"js_modules": {"main": {"./js/missing.js": "missing"}}}</py-config>
<py-script id="out">
try:
    from pyscript.js_modules import missing
except ImportError as error:
    print("ImportError:", error)
try:
    from pyscript.js_modules import never_configured
except ImportError as error:
    print("ImportError:", error)
</py-script>`);
  await expect(py.errors("js-module")).toContainText('"missing"');
  await expect(py.output("#out")).toContainText("ImportError: the JavaScript module 'missing' could not be loaded");
  await expect(py.output("#out")).toContainText("no JavaScript module called 'never_configured'");
});

test("js_modules.worker modules import in a worker", async ({ py }) => {
  await py.open(`<py-config>{"js_modules": {"worker": {"./js/greet.js": "greet"}}}</py-config>
<py-script id="w" worker>
from pyscript.js_modules import greet
print(greet.greet("worker"))
</py-script>`);
  await expect(py.output("#w")).toHaveText("Hello, worker!\n");
});

test("py-* attributes call the page's Python function named there, with the event", async ({ py, page }) => {
  await py.open(`
<button id="go" py-click="on_go">Go</button>
<input id="field" py-input="typed">
<button id="bad" py-click="no_such_function">Bad</button>
<div id="out"></div>
<script type="py">
from pyscript import document
def on_go(event):
    document.getElementById("out").textContent = "clicked " + event.target.id
def typed(event):
    document.getElementById("out").textContent = "typed " + event.target.value
</script>`);
  await page.click("#go");
  await expect(page.locator("#out")).toHaveText("clicked go");
  await page.fill("#field", "abc");
  await expect(page.locator("#out")).toHaveText("typed abc");
  await expect(py.errors("python")).toContainText('py-click="no_such_function": the page\'s Python has no function called');
});
