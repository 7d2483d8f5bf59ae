// <py-repl> on MicroPython: its native REPL's own features, and how one
// native session serves several terminals.
import { test, expect } from "../fixtures";
import { Terminal, withRepl } from "../terminal";

test("paste mode: Ctrl-E, lines kept as typed, Ctrl-D runs them", async ({ py, page }) => {
  await py.open(withRepl("<py-repl></py-repl>"));
  const term = new Terminal(page);
  await term.ready();
  await term.press("Control+E");
  await term.shows("paste mode; Ctrl-C to cancel, Ctrl-D to finish", "===");
  await term.enter("def f():");
  await term.enter("  return 'pasted'"); // no auto-indent in paste mode
  await term.enter("print(f())");
  await term.press("Control+D");
  await term.endsWith("=== print(f())", "===", "pasted", ">>>");
});

test("typing in a second terminal cancels the first one's half-typed line and leaves it a fresh prompt", async ({ py, page }) => {
  await py.open(withRepl(`<py-repl id="a"></py-repl><py-repl id="b"></py-repl>`));
  const [a, b] = [new Terminal(page, "#a"), new Terminal(page, "#b")];
  await a.ready();
  await b.ready();
  await a.type("half = 'typed'");
  await b.enter("1 + 1");
  await b.endsWith(">>> 1 + 1", "2", ">>>");
  await a.endsWith(">>> half = 'typed'", ">>>");
  await a.enter("2 + 2");
  await a.endsWith(">>> 2 + 2", "4", ">>>");
  expect(await b.lines()).not.toContain("4");
});

test("a paste with non-ASCII text goes through paste mode, since the line editor takes ASCII only", async ({ py, page }) => {
  await py.open(withRepl("<py-repl></py-repl>"));
  const term = new Terminal(page);
  await term.ready();
  await term.paste('word = "héllo wörld"\nprint(word, len(word))\n');
  await term.endsWith(">>> print(word, len(word))", "héllo wörld 11", ">>>");
});

test("Ctrl-D on an empty line and sys.exit() leave the REPL open at a fresh prompt", async ({ py, page }) => {
  await py.open(withRepl("<py-repl></py-repl>"));
  const term = new Terminal(page);
  await term.ready();
  await term.press("Control+D");
  await term.enter("1 + 2");
  await term.endsWith(">>> 1 + 2", "3", ">>>");
  await term.enter("import sys");
  await term.enter("sys.exit()");
  await term.endsWith(">>> sys.exit()", ">>>");
  await term.enter("2 + 3");
  await term.endsWith(">>> 2 + 3", "5", ">>>");
});

test("Ctrl-A at an empty prompt does not switch to the raw REPL", async ({ py, page }) => {
  await py.open(withRepl("<py-repl></py-repl>"));
  const term = new Terminal(page);
  await term.ready();
  await term.press("Control+A");
  await term.enter("7 * 6");
  await term.endsWith(">>> 7 * 6", "42", ">>>");
  expect(await term.screen()).not.toContain("raw REPL");
});

// Not about MicroPython, but run once: the check is the same on every interpreter.
test("inline code the browser read as HTML runs as written, from the page's source", async ({ py, page }) => {
  await py.open(withRepl(`<py-repl>print("<b>bold</b>")</py-repl>`));
  const term = new Terminal(page);
  await term.ready();
  await term.endsWith('>>> print("<b>bold</b>")', "<b>bold</b>", ">>>");
  await expect(py.errors()).toHaveCount(0);
});

test("a <py-repl> added by JavaScript whose text the browser read as HTML is a clear error at the tag, and the terminal still works", async ({ py, page }) => {
  await py.open(withRepl(`<div id="slot"></div><script>document.getElementById("slot").innerHTML = '<py-repl>print("<' + 'b>bold</b>")</py-repl>';</script>`)); // built, so its text isn't in the page's source
  const term = new Terminal(page);
  await term.ready();
  await expect(page.locator('py-repl .py-error[data-code="inline-markup"]')).toContainText("&lt;");
  await term.enter("'ok'");
  await term.endsWith("'ok'", ">>>");
});
