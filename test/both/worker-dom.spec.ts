// The page's DOM from a worker: `document` and `window` reached synchronously
// through the channel of a cross-origin isolated page; without isolation, a
// coded error naming the headers at first use.
import { test, expect } from "../fixtures";
import type { Page } from "@playwright/test";

test.beforeEach(({ interpreter }) => test.slow(interpreter === "pyodide"));
// gc() in the worker, so the leak test needn't wait for the garbage collector's own time.
test.use({ launchOptions: { executablePath: "/usr/bin/chromium", args: ["--headless=new", "--no-sandbox", "--disable-gpu",
  "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--js-flags=--expose-gc"] } });

/** PyScript's script type for this test's interpreter. */
const typeOf = (interpreter: string) => (interpreter === "pyodide" ? "py" : "mpy");

/** Wait until the worker called `name` finished its script. */
async function finished(page: Page, name: string): Promise<void> {
  await page.waitForFunction((name) => ["done", "error"].includes(window.PyScript?.workers?.[name]?.state ?? ""), name);
}

test("a worker reads and writes the page through document and window: properties, methods, elements, lists", async ({ py, page }) => {
  await py.open(`
<p id="para" class="note">Hello</p>
<ul id="list"><li>one</li><li>two</li></ul>
<py-script id="w" worker="dom">
from pyscript import document, window
print(document.title)
document.title = "set by a worker"
para = document.getElementById("para")
print(para.textContent, para.className, para.tagName)
para.textContent = "changed"
items = document.querySelectorAll("#list li")
print(items.length, [item.textContent for item in items], items[1].textContent)
made = document.createElement("b")
made.id = "made"
made.textContent = "new"
document.body.appendChild(made)
print(document.getElementById("para") is para or para == document.getElementById("para"))
print(window.location.pathname.startswith("/test/"), window.innerWidth > 0)
from pyscript.ffi import is_none
print(is_none(document.getElementById("nothing")))
</py-script>`, { isolated: true, wait: "none", head: "<title>original</title>" });
  await finished(page, "dom");
  await expect(py.output("#w")).toHaveText("original\nHello note P\n2 ['one', 'two'] two\nTrue\nTrue True\nTrue\n");
  await expect(page).toHaveTitle("set by a worker");
  await expect(page.locator("#para")).toHaveText("changed");
  await expect(page.locator("b#made")).toHaveText("new");
});

test("in a worker, pyscript.web builds on the page, @when handlers run in the worker, display(target=) and input() work", async ({ py, page }) => {
  await py.open(`
<button id="go">Go</button>
<div id="out"></div>
<py-script id="w" worker="ui">
from pyscript import document, when, display, web

web.page["out"].append(web.p("from web", id="webp", classes=["made"]))
print(web.page.title, len(web.page.find("#go")))
clicks = []

@when("click", "#go")
def clicked(event):
    clicks.append(event.target.id)
    print("clicked", event.target.id, event.type, len(clicks))
    web.page["out"].append(web.span("click %d" % len(clicks)))

@when("click", web.page["webp"])
async def async_handler(event):
    print("async handler ran on", event.target.tagName)
    raise ValueError("handler failed")

display("shown", target="out")
name = input("Name? ")
document.getElementById("out").append("hello " + name)
</py-script>`, { isolated: true, wait: "none", head: "<title>original</title>" });
  await page.waitForFunction(() => window.PyScript?.workers?.ui?.state === "running");
  await expect(page.locator("#out p#webp.made")).toHaveText("from web");
  await expect(page.locator("#out .py-display")).toHaveText("shown");
  const field = page.locator("#w input.py-input");
  await field.fill("Ada");
  await field.press("Enter");
  await expect(page.locator("#out")).toContainText("hello Ada");
  await page.click("#go");
  await page.click("#go");
  await expect(page.locator("#out span")).toHaveText(["click 1", "click 2"]);
  await page.click("#webp");
  await expect(py.output("#w")).toContainText("original 1\nName? Ada\nclicked go click 1\nclicked go click 2\nasync handler ran on P\n");
  await expect(py.output("#w")).toContainText("ValueError: handler failed");
});

test("without COOP/COEP, document and window in a worker import fine and raise a coded error naming the headers at first use", async ({ py, page }) => {
  await py.open(`
<py-script id="w" worker>
from pyscript import document, window, when
print("imported")
try:
    window.innerWidth
except RuntimeError as error:
    print("RuntimeError:", error)
document.title = "never"
</py-script>
<py-script id="main">print("the page goes on")</py-script>`);
  const output = py.output("#w");
  await expect(output).toContainText("imported\nRuntimeError: [not-isolated] window: a worker reaches the page's document and window only when the page is cross-origin isolated.");
  await expect(output).toContainText("Cross-Origin-Opener-Policy: same-origin and Cross-Origin-Embedder-Policy: require-corp (npm start -- --isolated does)");
  await expect(py.errors("not-isolated")).toHaveCount(1);
  await expect(py.errors("not-isolated")).toContainText("[not-isolated] document:");
  await expect(py.output("#main")).toHaveText("the page goes on\n");
});

test("page objects a worker drops are released on the page: no leak after 10,000 calls", async ({ py, page }) => {
  await py.open(`
<py-script id="w" worker="leaky">
import gc
import js
from pyscript import document
for i in range(10_000):
    made = document.createElement("div")
    made.id = "n%d" % i
    document.body.tagName
print("made", made.id)
def collect():
    made = None
    gc.collect()
    js.gc()
__export__ = ["collect"]
</py-script>`, { isolated: true, wait: "none" });
  await finished(page, "leaky");
  expect(await page.locator("#w").innerText()).toContain("made n9999"); // on failure, shows what the tag shows
  await expect.poll(async () => {
    await page.evaluate(() => window.PyScript.workers.leaky.call("collect"));
    return page.evaluate(() => window.PyScript.workers.leaky.pageObjectsHeld);
  }, { timeout: 30_000 }).toBeLessThanOrEqual(4); // window, document, body, and at most the last element
});

/** The page: a worker writes the page through document and pyscript.web, handles a click, asks input(), and is driven from the page. */
const doneWhenPage = (type: string) => `
<button id="go">Go</button>
<div id="board"></div>
<script type="${type}" worker name="painter">
from pyscript import document, web, when
document.getElementById("board").textContent = "painted by document. "
web.page["board"].append(web.p("painted by web", id="webp"))

@when("click", "#go")
def go(event):
    web.page["board"].append(web.span("clicked"))

def greet():
    name = input("Your name? ")
    document.title = "Hello " + name
    return "greeted " + name

def spans():
    return document.querySelectorAll("#board span").length

__export__ = ["greet", "spans"]
</script>
<py-script id="main">
from pyscript import workers, create_named_worker
painter = await workers["painter"]
print(await painter.greet())
helper = await create_named_worker("./helper.py", "helper", type="${type}")
print(await helper.paint("helper was here"))
</py-script>
<py-script id="other">print("the page goes on")</py-script>`;

const HELPER = `from pyscript import document
def paint(text):
    document.getElementById("board").append(text)
    return "painted"
__export__ = ["paint"]
`;

test("done when: an isolated page's worker writes the DOM (document, pyscript.web), handles a click, asks input(), and is driven with await workers[name].f() and create_named_worker", async ({ py, page, interpreter }) => {
  await page.route((url) => url.pathname === "/test/helper.py", (route) => route.fulfill({ contentType: "text/x-python", body: HELPER }));
  await py.open(doneWhenPage(typeOf(interpreter)), { isolated: true, wait: "none" });
  await page.waitForSelector("#board p#webp"); // as long as the worker's interpreter takes to start
  await expect(page.locator("#board")).toContainText("painted by document.");
  await expect(page.locator("#board p#webp")).toHaveText("painted by web");
  const field = page.locator("input.py-input");
  await field.fill("Ada");
  await field.press("Enter");
  await expect(py.output("#main")).toHaveText("greeted Ada\npainted\n");
  await expect(page).toHaveTitle("Hello Ada");
  await expect(page.locator("#board")).toContainText("helper was here");
  await page.click("#go");
  await page.click("#go");
  await expect(page.locator("#board span")).toHaveText(["clicked", "clicked"]);
  expect(await page.evaluate(() => window.PyScript.workers.painter.call("spans"))).toBe(2);
  await expect(py.output("#other")).toHaveText("the page goes on\n");
});

test("done when, without isolation: the worker's DOM use is a coded error at its tag, and the rest of the page works", async ({ py, page, interpreter }) => {
  await page.route((url) => url.pathname === "/test/helper.py", (route) => route.fulfill({ contentType: "text/x-python", body: HELPER }));
  await py.open(doneWhenPage(typeOf(interpreter)));
  await expect(py.errors("not-isolated")).toHaveCount(1);
  await expect(py.errors("not-isolated")).toContainText("Cross-Origin-Opener-Policy: same-origin");
  await expect(py.errors("not-isolated")).toContainText("npm start -- --isolated");
  await expect(page.locator("#main .py-error")).toContainText("worker 'painter': its script failed");
  await expect(py.output("#other")).toHaveText("the page goes on\n");
});
