// <py-script>: inline and src= code, output in the right place, document
// order, shared globals, tags added later, top-level await, errors.
import { test, expect, pageHTML } from "../fixtures";

test("each script prints inside its own tag, for inline code and src= files", async ({ py }) => {
  await py.open(`
<py-script id="a">print("first")</py-script>
<py-script id="b" src="./hello.py"></py-script>
<py-script id="c">print("third")</py-script>
<py-script id="d">print("fourth")</py-script>`);
  await expect(py.output("#a")).toHaveText("first\n");
  await expect(py.output("#b")).toHaveText(`Hello from ${py.interpreter === "micropython" ? "micropython" : "cpython"}\n`);
  await expect(py.output("#c")).toHaveText("third\n");
  await expect(py.output("#d")).toHaveText("fourth\n");
});

test("scripts run in document order even when an earlier src= file arrives last", async ({ py, page }) => {
  await page.route((url) => url.pathname === "/test/slow.py", async (route) => {
    // Arrive only once Python is ready, when the later scripts could already run.
    await page.waitForFunction(() => window.PyScript?.isInterpreterReady);
    await route.fulfill({ body: "order.append('slow src')\n", contentType: "text/x-python" });
  });
  await py.open(`
<py-script>order = ["first inline"]</py-script>
<py-script src="./slow.py"></py-script>
<py-script id="last">order.append("fast inline"); print(order)</py-script>`);
  await expect(py.output("#last")).toHaveText("['first inline', 'slow src', 'fast inline']\n");
});

test("Python globals are shared between the scripts of a page", async ({ py }) => {
  await py.open(`
<py-script>
def greet(name):
    return f"Hi {name}"
counter = 41
</py-script>
<py-script id="out">counter += 1; print(greet("Ada"), counter)</py-script>`);
  await expect(py.output("#out")).toHaveText("Hi Ada 42\n");
});

test("a tag added by JavaScript runs once Python is ready", async ({ py, page }) => {
  await py.open(`<py-script>x = "from the page"</py-script>`);
  await page.evaluate(() => {
    const tag = document.createElement("py-script");
    tag.id = "late";
    document.body.append(tag);
    tag.textContent = "print('late tag sees', x)";
  });
  await expect(py.output("#late")).toHaveText("late tag sees from the page\n");
});

test("top-level await works in a script", async ({ py }) => {
  await py.open(`
<py-script id="out">
import asyncio
await asyncio.sleep(0.05)
print("after await")
</py-script>`);
  await expect(py.output("#out")).toHaveText("after await\n");
});

test("a failing script shows its traceback at its tag and the next script still runs", async ({ py }) => {
  await py.open(`
<py-script id="bad">
print("before")
1/0
</py-script>
<py-script id="good">print("still running")</py-script>`);
  await expect(py.output("#bad")).toHaveText("before\n");
  const box = py.page.locator("#bad .py-error");
  await expect(box).toContainText("ZeroDivisionError");
  await expect(box).toContainText("How to fix");
  await expect(py.output("#good")).toHaveText("still running\n");
  await expect(py.page.locator("#bad")).toHaveAttribute("data-py-state", "error");
});

test("tracebacks name the page and its HTML line for inline code, and the file for src=", async ({ py, page }) => {
  const body = `
<py-script id="inline">
def explode():
    raise ValueError("boom")
explode()
</py-script>
<py-script id="file" src="./raises.py"></py-script>`;
  await py.open(body);
  const html = pageHTML(body);
  const line = (text: string) => html.split("\n").findIndex((l) => l.trim() === text) + 1;
  const inline = py.page.locator("#inline .py-error pre");
  await expect(inline).toContainText(new RegExp(`File "generated-\\w+\\.html", line ${line("explode()")}, in <module>`));
  await expect(inline).toContainText(new RegExp(`line ${line('raise ValueError("boom")')}, in explode`));
  await expect(inline).toContainText('raise ValueError("boom")');
  await expect(inline).toContainText("ValueError: boom");
  await expect(page.locator("#file .py-error pre")).toContainText('File "raises.py", line 3, in <module>');
});

test("stderr output appears at the tag, styled apart from stdout", async ({ py }) => {
  await py.open(`<py-script id="out">import sys\nprint("out")\nprint("err", file=sys.stderr)</py-script>`);
  await expect(py.page.locator("#out .py-output .py-stderr")).toHaveText("err\n");
  const colors = await py.page.evaluate(() => {
    const style = (sel: string) => getComputedStyle(document.querySelector(sel)!).color;
    return [style("#out .py-output"), style("#out .py-stderr")];
  });
  expect(colors[0]).not.toEqual(colors[1]);
});

test('output="id" sends a script\'s output to that element', async ({ py }) => {
  await py.open(`
<div id="target"></div>
<py-script id="src" output="target">print("over there")</py-script>`);
  await expect(py.output("#target")).toHaveText("over there\n");
  await expect(py.page.locator("#src .py-output")).toHaveCount(0);
});

test('output="id" naming a missing element is a clear error at the tag', async ({ py }) => {
  await py.open(`<py-script id="src" output="nowhere">print("lost")</py-script><py-script id="next">print("next")</py-script>`);
  await expect(py.page.locator("#src .py-error")).toContainText('no element with id="nowhere"');
  await expect(py.output("#next")).toHaveText("next\n");
});

test("HTML printed by Python is shown as text, never parsed", async ({ py, page }) => {
  page.on("dialog", (dialog) => dialog.dismiss());
  await py.open(`<py-script id="out">print("&lt;img src=x onerror=alert(1)>&lt;b>bold&lt;/b>")</py-script>`);
  await expect(py.output("#out")).toHaveText("<img src=x onerror=alert(1)><b>bold</b>\n");
  await expect(page.locator("#out img, #out b")).toHaveCount(0);
});

test("output without a newline shows, and joins the next output", async ({ py }) => {
  await py.open(`<py-script id="out">print("a", end="")\nprint("b", end="")\nprint("c")\nprint("no newline", end="")</py-script>`);
  await expect(py.output("#out")).toHaveText("abc\nno newline");
});

test("indented inline code is dedented, and HTML entities decoded", async ({ py }) => {
  await py.open(`
<div>
    <py-script id="out">
        if 1 &lt; 2:
            print("one is less &amp; fine")
    </py-script>
</div>`);
  await expect(py.output("#out")).toHaveText("one is less & fine\n");
});

test("a tag added by JavaScript whose text the browser parsed as HTML is a clear error, not silently changed code", async ({ py }) => {
  // Its exact text isn't in the page's source (a tag written in the page is: see pyscript-pages.spec.ts).
  await py.open(`<div id="slot"></div><py-script id="next">print("next")</py-script>
<script>document.getElementById("slot").innerHTML = '<py-script id="bad">print("<' + 'b>bold</b>")</py-script>';</script>`); // built, so its text isn't in the page's source
  const box = py.errors("inline-markup");
  await expect(box).toContainText("<b…>");
  await expect(box).toContainText("&lt;");
  await expect(py.page.locator("#bad .py-output")).toHaveCount(0);
  await expect(py.output("#next")).toHaveText("next\n");
});

test("Python source never flashes on the page", async ({ py, page }) => {
  await py.open(`<py-script id="out">print("shown")</py-script>`);
  await expect(page.locator("body")).not.toContainText('print("shown")');
});
