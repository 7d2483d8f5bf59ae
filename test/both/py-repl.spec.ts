// <py-repl>: an interactive terminal, typed into with real key events, on
// each interpreter: results, blocks, tracebacks, history, completion,
// paste, Ctrl-C, shared globals, several terminals, initial code, errors.
import { test, expect, pageHTML } from "../fixtures";
import { Terminal, withRepl } from "../terminal";

test("a terminal shows a banner and a prompt, and 1+1 Enter shows 2", async ({ py, page }) => {
  await py.open(withRepl("<py-repl></py-repl>"));
  const term = new Terminal(page);
  await term.ready();
  await expect.poll(async () => (await term.lines())[0], { message: "the banner replaces the Starting… line" }).toContain("Python"); // xterm draws on the next frame
  await term.enter("1+1");
  await term.endsWith(">>> 1+1", "2", ">>>");
});

test("a two-line function is defined at a ... prompt, then called", async ({ py, page }) => {
  await py.open(withRepl("<py-repl></py-repl>"));
  const term = new Terminal(page);
  await term.ready();
  await term.enter("def double(x):");
  await term.shows(">>> def double(x):", "...");
  await term.enter("return x * 2"); // the REPL indents the body itself
  await term.press("Backspace", "Enter"); // back to the margin, and an empty line ends the block
  await term.enter("double(21)");
  await term.endsWith(">>> def double(x):", "...     return x * 2", "...", ">>> double(21)", "42", ">>>");
});

test("a traceback shows inline, and the next prompt works", async ({ py, page }) => {
  await py.open(withRepl("<py-repl></py-repl>"));
  const term = new Terminal(page);
  await term.ready();
  await term.enter("1/0");
  await term.shows(">>> 1/0", "Traceback (most recent call last):");
  await expect.poll(() => term.screen()).toMatch(/ZeroDivisionError: divi\w+ by zero\n>>>$/);
  await term.enter("'still here'");
  await term.endsWith("'still here'", ">>>");
  await expect(py.errors(), "a REPL traceback is the REPL's business, not an error box").toHaveCount(0);
});

test("↑ recalls the previous line, and Enter runs it again", async ({ py, page }) => {
  await py.open(withRepl("<py-repl></py-repl>"));
  const term = new Terminal(page);
  await term.ready();
  await term.enter("6 * 7");
  await term.endsWith("42", ">>>");
  await term.press("ArrowUp");
  await term.endsWith("42", ">>> 6 * 7");
  await term.press("Enter");
  await term.endsWith(">>> 6 * 7", "42", ">>> 6 * 7", "42", ">>>");
});

test("Tab completes a name the page defined", async ({ py, page }) => {
  await py.open(withRepl("<py-repl></py-repl>"));
  const term = new Terminal(page);
  await term.ready();
  await term.enter("treasure_count = 42");
  await term.type("treasure_c");
  await term.press("Tab");
  await term.endsWith(">>> treasure_count");
  await term.press("Enter");
  await term.endsWith(">>> treasure_count", "42", ">>>");
});

test("a pasted three-line block runs as if typed", async ({ py, page }) => {
  await py.open(withRepl("<py-repl></py-repl>"));
  const term = new Terminal(page);
  await term.ready();
  await term.paste("for i in range(3):\n    print(i * 10)\nprint('done')\n");
  await term.endsWith(">>> for i in range(3):", "...     print(i * 10)", "...", "0", "10", "20", ">>> print('done')", "done", ">>>");
});

test("a pasted function with a blank line inside runs whole", async ({ py, page }) => {
  await py.open(withRepl("<py-repl></py-repl>"));
  const term = new Terminal(page);
  await term.ready();
  await term.paste('def area(w, h):\n    """Area."""\n\n    return w * h\n\nprint(area(6, 7))\n');
  await term.endsWith(">>> print(area(6, 7))", "42", ">>>");
  expect(await term.screen()).not.toContain("Error");
});

test("Ctrl-C drops the half-typed line and gives a fresh prompt", async ({ py, page }) => {
  await py.open(withRepl("<py-repl></py-repl>"));
  const term = new Terminal(page);
  await term.ready();
  await term.type("undefined_name_xyz");
  await term.press("Control+C");
  await term.enter("2 + 3");
  await term.endsWith(">>> 2 + 3", "5", ">>>");
  expect(await term.screen()).not.toContain("NameError");
});

test("the REPL shares the page's Python: <py-script> functions and config files", async ({ py, page }) => {
  await py.open(withRepl(`
<py-config>{"files": {"arrr.py": "./arrr.py"}}</py-config>
<py-script>
def greet(name):
    return f"Hello {name}"
</py-script>
<py-repl></py-repl>`));
  const term = new Terminal(page);
  await term.ready();
  await term.enter('greet("REPL")');
  await term.endsWith("'Hello REPL'", ">>>");
  await term.enter("import arrr");
  await term.enter('arrr.translate("Hello my friend")');
  await term.endsWith("'Ahoy me me bucko Arrr!'", ">>>");
});

test("two REPLs on a page keep their own output and share globals", async ({ py, page }) => {
  await py.open(withRepl(`
<py-script id="script">print("from the script")</py-script>
<py-repl id="a"></py-repl>
<py-repl id="b"></py-repl>`));
  const [a, b] = [new Terminal(page, "#a"), new Terminal(page, "#b")];
  await a.ready();
  await b.ready();
  await a.enter('print("from A")');
  await a.endsWith("from A", ">>>");
  await b.enter('print("from B")');
  await b.endsWith("from B", ">>>");
  await a.enter("shared = 'set in A'");
  await b.enter("shared");
  await b.endsWith("'set in A'", ">>>");
  await a.enter("1 + 1");
  await a.endsWith(">>> 1 + 1", "2", ">>>");
  const [screenA, screenB] = [await a.screen(), await b.screen()];
  expect(screenA).not.toContain("from B");
  expect(await a.lines(), "B's result stays in B").not.toContain("'set in A'");
  expect(screenB).not.toContain("from A");
  for (const screen of [screenA, screenB]) expect(screen).not.toContain("from the script");
  await expect(py.output("#script"), "REPL output never lands in a <py-script>").toHaveText("from the script\n");
});

test("py-repl.js works when its script tag comes after pyscript.js", async ({ py, page }) => {
  await page.route((url) => url.pathname === "/test/after.html", (route) => route.fulfill({
    contentType: "text/html",
    body: pageHTML("<py-repl></py-repl>").replace("</body>", '<script type="module" src="/py-repl.js"></script>\n</body>'),
  }));
  await py.goto("/test/after.html");
  expect(await page.content()).toMatch(/pyscript\.js[\s\S]*py-repl\.js/);
  const term = new Terminal(page);
  await term.ready();
  await term.enter("3 * 3");
  await term.endsWith("9", ">>>");
});

test("a tag's text is initial code, shown as typed and run, before the prompt is yours", async ({ py, page }) => {
  await py.open(withRepl(`
<py-repl>
    x = 6 * 7
    x
</py-repl>`));
  const term = new Terminal(page);
  await term.ready();
  await term.endsWith(">>> x = 6 * 7", ">>> x", "42", ">>>");
  await term.enter("x + 1");
  await term.endsWith("43", ">>>");
});

test("src= initial code runs; a src= that is missing is a clear error at its tag, and the terminal still works", async ({ py, page }) => {
  await py.open(withRepl(`<py-repl id="good" src="./hello.py"></py-repl><py-repl id="bad" src="./missing.py"></py-repl>`));
  const [good, bad] = [new Terminal(page, "#good"), new Terminal(page, "#bad")];
  await good.ready();
  await good.shows(`Hello from ${py.interpreter === "micropython" ? "micropython" : "cpython"}`);
  const box = page.locator('#bad .py-error[data-code="script-fetch"]');
  await expect(box).toContainText("missing.py");
  await expect(box).toContainText("404");
  await expect(box).toContainText("How to fix");
  await bad.ready();
  await bad.enter("2 ** 5");
  await bad.endsWith("32", ">>>");
});

test("auto-focus puts the cursor in the terminal, and rows= sets its height", async ({ py, page }) => {
  await py.open(withRepl(`<p>Some text</p><py-repl id="small" rows="6"></py-repl><py-repl id="focused" auto-focus></py-repl>`));
  const focused = new Terminal(page, "#focused");
  await focused.ready();
  await expect(page.locator("#focused .xterm-helper-textarea")).toBeFocused();
  await page.keyboard.type("40 + 2");
  await page.keyboard.press("Enter");
  await focused.endsWith("42", ">>>");
  await expect(page.locator("#small .xterm-rows > div")).toHaveCount(6);
  await expect(page.locator("#focused .xterm-rows > div")).toHaveCount(16);
});

test("the terminal is as wide as its tag, in a readable size", async ({ py, page }) => {
  await py.open(withRepl(`<div style="width: 500px"><py-repl></py-repl></div>`));
  await new Terminal(page).ready();
  const { tag, screen, fontSize } = await page.evaluate(() => ({
    tag: document.querySelector("py-repl")!.getBoundingClientRect().width,
    screen: document.querySelector("py-repl .xterm-screen")!.getBoundingClientRect().width,
    fontSize: parseFloat(getComputedStyle(document.querySelector("py-repl .xterm-rows")!).fontSize),
  }));
  expect(screen).toBeLessThanOrEqual(tag);
  expect(screen).toBeGreaterThan(tag * 0.85);
  expect(fontSize).toBeGreaterThanOrEqual(13);
});

test("a bad rows= value is a visible warning, and the terminal uses the default", async ({ py, page }) => {
  await py.open(withRepl(`<py-repl rows="lots"></py-repl>`));
  await new Terminal(page).ready();
  await expect(page.locator('py-repl .py-warning[data-code="config-value"]')).toContainText('rows="lots"');
  await expect(page.locator("py-repl .xterm-rows > div")).toHaveCount(16);
});

test("a page without <py-repl> downloads no REPL code", async ({ py, page }) => {
  const requested: string[] = [];
  page.on("request", (request) => requested.push(new URL(request.url()).pathname));
  await py.open(`<py-script id="out">print("no terminal here")</py-script>`);
  await expect(py.output("#out")).toHaveText("no terminal here\n");
  expect(requested.filter((path) => /repl/.test(path))).toEqual([]);
});

test("initial code of several REPLs runs in page order, after the page's scripts", async ({ py, page }) => {
  await py.open(withRepl(`
<py-script>colour = "green"</py-script>
<py-repl id="first" rows="6">shade = "dark " + colour</py-repl>
<py-repl id="second" rows="6">print("second sees", shade)</py-repl>`));
  const second = new Terminal(page, "#second");
  await second.ready();
  await second.endsWith("second sees dark green", ">>>");
});

test("a <py-repl> removed from the page stops, and the others go on", async ({ py, page }) => {
  await py.open(withRepl(`<py-repl id="a" rows="6"></py-repl><py-repl id="b" rows="6"></py-repl>`));
  const [a, b] = [new Terminal(page, "#a"), new Terminal(page, "#b")];
  await a.ready();
  await b.ready();
  await a.type("half_typed = ");
  await page.evaluate(() => document.querySelector("#a")!.remove());
  await b.enter("1 + 1");
  await b.endsWith(">>> 1 + 1", "2", ">>>");
});

test("a pasted script with decorators, else clauses and a multi-line string runs as written", async ({ py, page }) => {
  await py.open(withRepl(`<py-repl rows="40"></py-repl>`));
  const term = new Terminal(page);
  await term.ready();
  await term.paste(`def shout(f):
    return lambda *args: f(*args).upper()

@shout
def hi():
    return "hi"

def classify(n):
    if n < 0:
        return "negative"

    elif n == 0:
        return "zero"
    return "positive"
doc = """first

last"""
if classify(1) == "positive":
    print(hi(), classify(-1), classify(0), len(doc.splitlines()))
else:
    print("wrong")
`);
  await term.endsWith("HI negative zero 3", ">>>");
  expect(await term.screen()).not.toContain("Error");
});

test("input() typed at the prompt asks with a dialog showing the prompt, and the answer comes back", async ({ py, page }) => {
  await py.open(withRepl("<py-repl></py-repl>"));
  const term = new Terminal(page);
  await term.ready();
  const prompts: string[] = [];
  page.once("dialog", async (dialog) => {
    prompts.push(dialog.message());
    await dialog.accept("Ada");
  });
  await term.enter('name = input("Name? ")');
  await term.enter("name.upper()");
  await term.shows("'ADA'");
  expect(prompts).toEqual(["Name? "]);
});
