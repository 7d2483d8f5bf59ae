// In <py-repl>, as in CPython's REPL, one empty line ends a block, however
// deeply nested, on every interpreter (MicroPython's own REPL wants up to three).
import { test } from "../fixtures";
import { Terminal, withRepl } from "../terminal";

test("one empty line ends a block: a function, nested blocks, and a line of typed spaces", async ({ py, page, interpreter }) => {
  test.slow();
  await py.open(withRepl("<py-repl></py-repl>"));
  const term = new Terminal(page);
  await term.ready();
  const indented = (line: string) => (interpreter === "micropython" ? line : `    ${line}`); // MicroPython auto-indents, Pyodide's console doesn't

  await term.enter("def double(x):");
  await term.enter(indented("return x * 2"));
  await term.enter(); // one empty line
  await term.endsWith(">>>");
  await term.enter("double(21)");
  await term.endsWith(">>> double(21)", "42", ">>>");

  await term.enter("for i in range(3):");
  await term.enter(indented("if i % 2:"));
  await term.enter(indented(indented("print('odd', i)")));
  await term.enter();
  await term.endsWith("odd 1", ">>>");

  await term.enter("if True:");
  await term.enter(indented("x = 'in'"));
  await term.enter("  "); // only spaces, typed by hand
  await term.endsWith(">>>");
  await term.enter("x");
  await term.endsWith(">>> x", "'in'", ">>>");
});
