// <py-repl> on Pyodide: what our line editor and PyodideConsole add —
// top-level await, cancelling it, cursor editing, completion lists.
import { test, expect } from "../fixtures";
import { Terminal, withRepl } from "../terminal";

test("top-level await works at the prompt", async ({ py, page }) => {
  await py.open(withRepl("<py-repl></py-repl>"));
  const term = new Terminal(page);
  await term.ready();
  await term.enter("import asyncio");
  await term.enter("await asyncio.sleep(0.05); 'slept'");
  await term.endsWith("'slept'", ">>>");
});

test("Ctrl-C cancels code that is awaiting, and the prompt comes back", async ({ py, page }) => {
  await py.open(withRepl("<py-repl></py-repl>"));
  const term = new Terminal(page);
  await term.ready();
  await term.enter("import asyncio");
  await term.enter("await asyncio.sleep(60)");
  await term.endsWith(">>> await asyncio.sleep(60)");
  await term.press("Control+C");
  await term.endsWith(">>> await asyncio.sleep(60)", "KeyboardInterrupt", ">>>");
  await term.enter("'back'");
  await term.endsWith("'back'", ">>>");
});

test("cursor keys, Home and End edit the line anywhere", async ({ py, page }) => {
  await py.open(withRepl("<py-repl></py-repl>"));
  const term = new Terminal(page);
  await term.ready();
  await term.type("'ac'");
  await term.press("ArrowLeft", "ArrowLeft");
  await term.type("b");
  await term.press("Home");
  await term.type("x = ");
  await term.press("End");
  await term.type(" * 2");
  await term.endsWith(">>> x = 'abc' * 2");
  await term.press("Enter");
  await term.enter("x");
  await term.endsWith("'abcabc'", ">>>");
  await term.type("x[:3]!");
  await term.press("Backspace", "Enter");
  await term.endsWith("'abc'", ">>>");
});

test("Tab lists the choices when a name has several, and keeps the line", async ({ py, page }) => {
  await py.open(withRepl("<py-repl></py-repl>"));
  const term = new Terminal(page);
  await term.ready();
  await term.enter("import sys");
  await term.type("sys.ver");
  await term.press("Tab");
  await term.endsWith(">>> sys.version");
  await term.press("Tab");
  await term.endsWith(">>> sys.version", "version         version_info", ">>> sys.version");
  await term.type("_info.major");
  await term.press("Enter");
  await term.endsWith("3", ">>>");
});

test("a syntax error shows where it is, and the prompt comes back", async ({ py, page }) => {
  await py.open(withRepl("<py-repl></py-repl>"));
  const term = new Terminal(page);
  await term.ready();
  await term.enter("def broken(:");
  await term.shows("SyntaxError: invalid syntax");
  await term.enter("'fine'");
  await term.endsWith("'fine'", ">>>");
});
