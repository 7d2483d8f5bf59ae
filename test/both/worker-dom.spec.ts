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
