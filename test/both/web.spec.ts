// pyscript.web: the page's elements as Python objects, as PyScript documents them.
import { test, expect } from "../fixtures";

test("pyscript.web imports every way PyScript code writes it, even as a page's first import", async ({ py }) => {
  await py.open(`
<py-script id="first">
from pyscript.web import page, div
print(div.__name__, page.title)
</py-script>
<py-script id="second">
import pyscript.web
from pyscript import web
print(web is pyscript.web, web.div is div, web.input is web.input_)
</py-script>
<py-script id="star">
from pyscript.web import *
from pyscript import web
print(p is web.p, page is web.page, map is web.map, input is web.input, object is web.object)
</py-script>`, { head: "<title>Imports</title>" });
  await expect(py.output("#first")).toHaveText("div Imports\n");
  await expect(py.output("#second")).toHaveText("True True True\n");
  await expect(py.output("#star")).toHaveText("True True False False False\n"); // the builtins stay
});

test("elements made in Python compose into the page with their children, id, classes, style and attributes", async ({ py, page }) => {
  await py.open(`
<py-script>
from pyscript import web
web.page.append(web.div(
    web.h1("Title", id="title"),
    web.p("Some text", id="para", className="text-content"),
    web.ul(web.li("one"), web.li("two"), children=[web.li("three")]),
    web.a("Click me", href="https://example.com/", target="_blank", classes=["link", "external"]),
    web.label("Name", for_="name"), web.input_(id="name", value="Ada", placeholder="your name"),
    id="box", classes="panel primary", style={"color": "rgb(255, 0, 0)", "font-size": "20px"},
))
</py-script>`);
  const box = page.locator("#box");
  await expect(box).toHaveClass("panel primary");
  await expect(box).toHaveCSS("color", "rgb(255, 0, 0)");
  await expect(box).toHaveCSS("font-size", "20px");
  await expect(box.locator("h1#title")).toHaveText("Title");
  await expect(box.locator("p#para")).toHaveClass("text-content");
  await expect(box.locator("ul > li")).toHaveText(["one", "two", "three"]);
  await expect(box.locator("a")).toHaveAttribute("href", "https://example.com/");
  await expect(box.locator("a")).toHaveAttribute("target", "_blank");
  await expect(box.locator("a")).toHaveClass("link external");
  await expect(box.locator("label")).toHaveAttribute("for", "name");
  await expect(box.locator("input#name")).toHaveValue("Ada");
  await expect(box.locator("input#name")).toHaveAttribute("placeholder", "your name");
});

test("strings given to elements are text, never HTML; innerHTML and HTML() are markup", async ({ py, page }) => {
  await py.open(`
<div id="host"></div>
<py-script>
from pyscript import web, HTML
host = web.page["host"]
host.append(web.p("&lt;b>made&lt;/b>", id="made"), "&lt;i>appended&lt;/i>", web.p(HTML("&lt;em>trusted&lt;/em>"), id="trusted"))
host.append(web.div(id="markup", innerHTML="&lt;strong>inner&lt;/strong>"))
</py-script>`);
  await expect(page.locator("#made")).toHaveText("<b>made</b>");
  await expect(page.locator("#host > span")).toHaveText("<i>appended</i>");
  await expect(page.locator("#host b, #host i")).toHaveCount(0);
  await expect(page.locator("#trusted em")).toHaveText("trusted");
  await expect(page.locator("#markup strong")).toHaveText("inner");
});

test("page finds elements by id and selector, and reads and sets the title", async ({ py, page }) => {
  await py.open(`
<div id="header">Header</div><p class="note">a</p><p class="note">b</p>
<py-script id="out">
from pyscript import web
print(web.page["header"].textContent, web.page["#header"].id, web.page["nope"], web.page["#nope"])
print(len(web.page.find(".note")), len(web.find("p.note")), len(web.page.find(".none")))
print(web.page.body.tagName, web.page.head.tagName, web.page.html.tagName, web.page["header"].parent.tagName)
print(web.page.title)
web.page.title = "New title"
web.page.append(web.p("at the end", id="last"))
</py-script>`, { head: "<title>Old title</title>" });
  await expect(py.output("#out")).toHaveText("Header header None None\n2 2 0\nBODY HEAD HTML BODY\nOld title\n");
  await expect(page).toHaveTitle("New title");
  await expect(page.locator("body > p#last")).toHaveText("at the end");
});

test("an element passes DOM attributes and methods through, and knows its parent, children and descendants", async ({ py, page }) => {
  await py.open(`
<ul id="list"><li id="one" class="item">one</li><li id="two" class="item"><b id="deep">two</b></li></ul>
<input id="field" value="start">
<py-script id="out">
from pyscript import web
items = web.page["list"]
print(len(items.children), items[0].id, items[-1].id, [li.id for li in items[0:2]], [li.id for li in items])
print(items["deep"].textContent, items["#two"].parent.id, items.find("b")[0].parent.id, items["nope"])
field = web.page["field"]
print(field.value, field.tagName, field.getAttribute("id"), field == web.page["#field"], field != items)
field.value = "changed"
field.update(title="tip", classes=["wide"], style={"width": "300px"})
copy = items.clone("copy")
web.page.body.append(copy)
web.page["two"].remove()
</py-script>`);
  await expect(py.output("#out")).toHaveText("2 one two ['one', 'two'] ['one', 'two']\ntwo list two None\nstart INPUT field True True\n");
  await expect(page.locator("#field")).toHaveValue("changed");
  await expect(page.locator("#field")).toHaveAttribute("title", "tip");
  await expect(page.locator("#field")).toHaveClass("wide");
  await expect(page.locator("#field")).toHaveCSS("width", "300px");
  await expect(page.locator("#list li")).toHaveText(["one"]);
  await expect(page.locator("#copy li")).toHaveText(["one", "two"]);
});

test("a subclass of your own makes its own tag, and registered, wraps the elements found with it", async ({ py, page }) => {
  await py.open(`
<py-script id="out">
from pyscript import web
class my_card(web.ContainerElement):
    def title_text(self):
        return self.find("h2")[0].textContent
class fancy(web.div):
    pass
web.Element.register_element_classes([my_card])
web.page.append(my_card(web.h2("Card"), id="card"), fancy("plain", id="fancy"))
print(type(web.page["card"]).__name__, web.page["card"].title_text(), type(web.page["fancy"]).__name__)
</py-script>`);
  await expect(page.locator("mycard#card h2")).toHaveText("Card");
  await expect(page.locator("div#fancy")).toHaveText("plain");
  await expect(py.output("#out")).toHaveText("my_card Card div\n");
});

test("classes behave as a set whose changes show at once", async ({ py, page }) => {
  await py.open(`
<div id="box" class="start hidden"></div>
<py-script id="out">
from pyscript import web
box = web.page["box"]
classes = box.classes
classes.add("active")
classes.add("big bold", ["x", "y"])
classes.remove("hidden")
classes.discard("not-there")
classes.toggle("x")
classes.replace("y", "z")
print("active" in classes, classes.contains("hidden"), len(classes), sorted(classes), classes == {"start", "active", "big", "bold", "z"})
try:
    classes.remove("missing")
except KeyError as error:
    print("KeyError", error)
</py-script>`);
  await expect(page.locator("#box")).toHaveClass("start active big bold z");
  await expect(py.output("#out")).toContainText("True False 5 ['active', 'big', 'bold', 'start', 'z'] True\nKeyError");
  await expect(py.output("#out")).toContainText("the element has no class 'missing' (discard() removes a class only if it is there)");
  await py.page.evaluate(() => PyScript.runPython(`from pyscript import web\nweb.page["box"].classes.clear()`));
  await expect(page.locator("#box")).not.toHaveAttribute("class");
});

test("style behaves as a dict of CSS properties whose changes show at once", async ({ py, page }) => {
  await py.open(`
<div id="box" style="margin: 4px">box</div>
<py-script id="out">
from pyscript import web
style = web.page["box"].style
style["color"] = "rgb(0, 128, 0)"
style["backgroundColor"] = "rgb(0, 0, 255)"
style.set(font_size="30px", padding="2px")
del style["margin"]
style.remove("padding")
print(style["color"], "margin" in style, style.get("margin"), style.get("margin", "none"), sorted(style.keys()))
for bad in ("colr", "color"):
    try:
        style[bad] = "not a colour"
    except ValueError as error:
        print("ValueError", error)
try:
    style["margin"]
except KeyError as error:
    print("KeyError", error)
</py-script>`);
  const box = page.locator("#box");
  await expect(box).toHaveCSS("color", "rgb(0, 128, 0)");
  await expect(box).toHaveCSS("background-color", "rgb(0, 0, 255)");
  await expect(box).toHaveCSS("font-size", "30px");
  await expect(box).toHaveCSS("margin-top", "0px");
  const out = py.output("#out");
  await expect(out).toContainText("rgb(0, 128, 0) False None none ['background-color', 'color', 'font-size']\n");
  await expect(out).toContainText("style['colr'] = 'not a colour': the browser ignored it");
  await expect(out).toContainText("style['color'] = 'not a colour': the browser ignored it");
  await expect(out).toContainText("KeyError"); // CPython quotes a KeyError's message, MicroPython doesn't
  await expect(out).toContainText("style['margin']: the element's style doesn't set it");
});

test("an ElementCollection indexes, slices and finds, and setting on it sets every element", async ({ py, page }) => {
  await py.open(`
<div class="item" id="a"><span class="sub">1</span></div>
<div class="item" id="b"><span class="sub" id="inner">2</span></div>
<div class="item" id="c"></div>
<py-script id="out">
from pyscript import web
items = web.page.find(".item")
print(len(items), items[0].id, items[-1].id, len(items[1:]), items[1:][0].id, items["b"].id, items["#inner"].id, items["nope"])
print([item.id for item in items], items.id, len(items.find(".sub")), items.find("span")[1].id)
items.innerHTML = "same"
items.classes.add("done")
items.style["color"] = "rgb(1, 2, 3)"
items[2:].update_all(title="last", classes=["end"])
print(items.style["color"], "done" in items.classes)
try:
    items[5]
except IndexError as error:
    print("IndexError", error)
</py-script>`);
  await expect(py.output("#out")).toHaveText(
    "3 a c 2 b b inner None\n['a', 'b', 'c'] ['a', 'b', 'c'] 2 inner\n" +
    "['rgb(1, 2, 3)', 'rgb(1, 2, 3)', 'rgb(1, 2, 3)'] True\nIndexError collection[5]: the collection has 3 element(s)\n");
  const items = page.locator(".item");
  await expect(items).toHaveText(["same", "same", "same"]);
  await expect(items).toHaveClass(["item done", "item done", "item done end"]);
  await expect(items.nth(1)).toHaveCSS("color", "rgb(1, 2, 3)");
  await expect(items.nth(2)).toHaveAttribute("title", "last");
});

test("on_click listeners run on real clicks, with or without the event, async too, until removed", async ({ py, page }) => {
  await py.open(`
<py-script id="out">
import asyncio
from pyscript import web
def with_event(event):
    print("clicked", event.target.id)
def without_event():
    print("no event")
async def later(event):
    await asyncio.sleep(0.05)
    web.page["status"].textContent = "async done"
button = web.button("Go", id="go", on_click=with_event)
button.on_click.add_listener(without_event)
web.page.append(button, web.p("idle", id="status"))
web.page["go"].on_click.add_listener(later)
</py-script>`);
  await page.click("#go");
  await expect(page.locator("#status")).toHaveText("async done");
  await expect(py.output("#out")).toHaveText("clicked go\nno event\n");
  await page.evaluate(() => PyScript.runPython(`from pyscript import web\nweb.page["go"].on_click.remove_listener(with_event)`));
  await page.click("#go");
  await expect(py.output("#out")).toHaveText("clicked go\nno event\nno event\n");
});

test("an element's event can be triggered from Python, and set by assignment", async ({ py }) => {
  await py.open(`
<py-script id="out">
from pyscript import web
field = web.input_(id="field")
field.on_input = lambda event: print("input got", event)
field.on_input.trigger("a value")
print(field.on_input is web.Element(dom_element=field._dom_element).on_input)
</py-script>`);
  await expect(py.output("#out")).toHaveText("input got a value\nTrue\n");
});

test("@when handles events of web elements and collections", async ({ py, page }) => {
  await py.open(`
<button class="b" id="one">1</button><button class="b" id="two">2</button>
<py-script id="out">
from pyscript import web, when
@when("click", web.page["one"])
def one(event):
    print("one")
@when("click", web.page.find(".b"))
def every(event):
    print("any", event.target.id)
</py-script>`);
  await page.click("#one");
  await page.click("#two");
  await expect(py.output("#out")).toHaveText("one\nany one\nany two\n");
});

test("select options can be added, read, chosen and removed", async ({ py, page }) => {
  await py.open(`
<select id="pick"><option value="a">A</option></select>
<py-script id="out">
from pyscript import web
pick = web.page["pick"]
pick.options.add(value="c", html="C &amp;amp; D")
pick.options.add(value="b", text="B", before=1, selected=True)
print(len(pick.options), [o.value for o in pick.options], pick.options.selected.value, pick.options[0].text)
pick.options.remove(0)
print([o.value for o in pick.options])
</py-script>`);
  await expect(py.output("#out")).toHaveText("3 ['a', 'b', 'c'] b A\n['b', 'c']\n");
  await expect(page.locator("#pick")).toHaveValue("b");
  await expect(page.locator("#pick option")).toHaveText(["B", "C & D"]);
});

test("mistakes raise Python errors that say what happened and how to fix it, and the page goes on", async ({ py }) => {
  await py.open(`
<p id="para">text</p>
<py-script id="out">
from pyscript import web
attempts = [
    lambda: web.page.find("&lt;&lt;bad"),
    lambda: web.page["para"].find("p["),
    lambda: web.blink("x"),
    lambda: web.img("child"),
    lambda: web.page["para"].on_clik,
    lambda: setattr(web.page["para"], "tagName", "DIV"),
    lambda: web.page["para"].append(3.5j),
    lambda: web.page[0],
    lambda: web.Element(),
]
for attempt in attempts:
    try:
        attempt()
        print("no error")
    except Exception as error:
        print(type(error).__name__ + ":", error)
</py-script>
<py-script id="after">print("still running")</py-script>`);
  const out = py.output("#out");
  await expect(py.output("#after")).toHaveText("still running\n");
  for (const line of [
    `ValueError: page.find('<<bad'): that is not a valid CSS selector (the browser says: Failed to execute 'querySelectorAll' on 'Document': '<<bad' is not a valid selector). Write one such as "div"`,
    "ValueError: find('p['): that is not a valid CSS selector",
    "AttributeError: pyscript.web has no 'blink'. Elements are named by their HTML tag",
    "TypeError: web.img('child'): <img> is a void element and can't have children",
    "ValueError: <p id=\"para\"> has no 'on_clik' event: names are on_ and the DOM event's name",
    "AttributeError: <p id=\"para\">.tagName = 'DIV': its \"tagName\" property is read-only",
    "TypeError: <p id=\"para\">.append(3.5j): can't add a complex",
    "TypeError: page[0]: look elements up by id (a str)",
    "TypeError: Element() needs dom_element=",
  ]) await expect(out).toContainText(line);
  await expect(out).not.toContainText("no error");
});

test("in a worker on a page that isn't cross-origin isolated, pyscript.web imports, and its first use says what it needs", async ({ py }) => {
  await py.open(`
<py-script worker="w" id="out">
from pyscript import web
print("imported")
try:
    web.page.title
except RuntimeError as error:
    print("RuntimeError:", error)
</py-script>`);
  await expect(py.output("#out")).toHaveText(/^imported\nRuntimeError: \[not-isolated\] document: a worker reaches the page's document and window only when the page is cross-origin isolated/);
});
