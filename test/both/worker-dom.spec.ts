// The page's DOM from a worker: `document` and `window` reached synchronously
// through the channel of a cross-origin isolated page; without isolation, a
// coded error naming the headers at first use.
import { test, expect } from "../fixtures";
import type { Page } from "@playwright/test";

test.beforeEach(({ interpreter }) => test.slow(interpreter === "pyodide"));

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
