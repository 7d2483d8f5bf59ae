// Tracebacks made to look the same on every interpreter (traceback.ts).
import { test, expect } from "@playwright/test";
import { atLine, cleanTraceback, isPythonException, pythonError, remember, type Sources } from "../../src/interpreters/traceback.js";
import { PyScriptError } from "../../src/errors.js";

const lines = (...all: string[]) => all.join("\n");

/** What Pyodide 0.29 (CPython 3.14) reports for an error two frames deep in a page script. */
const PYODIDE_TRACEBACK = lines(
  "Traceback (most recent call last):",
  '  File "/lib/python314.zip/_pyodide/_base.py", line 597, in eval_code_async',
  "    await CodeRunner(",
  "    ...<9 lines>...",
  "    .run_async(globals, locals)",
  '  File "/lib/python314.zip/_pyodide/_base.py", line 411, in run_async',
  "    coroutine = eval(self.code, globals, locals)",
  '  File "/home/pyscript/index.html", line 14, in <module>',
  "    print(divide(1, 0))",
  "          ~~~~~~^^^^^^",
  '  File "/home/pyscript/index.html", line 11, in divide',
  "    return a / b",
  "           ~~^~~",
  "ZeroDivisionError: division by zero",
  "",
);

/** The same error from MicroPython 1.27: no source lines, no carets. */
const MICROPYTHON_TRACEBACK = lines(
  "Traceback (most recent call last):",
  '  File "index.html", line 14, in <module>',
  '  File "index.html", line 11, in divide',
  "ZeroDivisionError: divide by zero",
  "",
);

/** index.html's lines 1–14, as the page holds them: the script from line 9, line 13 blank. */
function pageSources(): Sources {
  const sources: Sources = new Map();
  const page = Array.from({ length: 8 }, (_, i) => `<!-- html line ${i + 1} -->`);
  page.push("<py-script>", "    def divide(a, b):", "        return a / b", "", "", "    print(divide(1, 0))");
  sources.set("index.html", page);
  return sources;
}

test("drops Pyodide's own frames, their elided lines and every caret line", () => {
  expect(cleanTraceback(PYODIDE_TRACEBACK, new Map())).toBe(lines(
    "Traceback (most recent call last):",
    '  File "/home/pyscript/index.html", line 14, in <module>',
    "    print(divide(1, 0))",
    '  File "/home/pyscript/index.html", line 11, in divide',
    "    return a / b",
    "ZeroDivisionError: division by zero",
    "",
  ));
});

test("drops frames of Pyodide's pyodide package (webloop) too", () => {
  const raw = lines(
    "Traceback (most recent call last):",
    '  File "/lib/python314.zip/pyodide/webloop.py", line 421, in run_handle',
    "    handle._run()",
    "    ~~~~~~~~~~~^^",
    '  File "/home/pyscript/main.py", line 4, in tick',
    "    raise ValueError('late')",
    "ValueError: late",
  );
  expect(cleanTraceback(raw, new Map())).toBe(lines(
    "Traceback (most recent call last):",
    '  File "/home/pyscript/main.py", line 4, in tick',
    "    raise ValueError('late')",
    "ValueError: late",
    "",
  ));
});

test("adds each frame's source line, trimmed, to a MicroPython traceback", () => {
  expect(cleanTraceback(MICROPYTHON_TRACEBACK, pageSources())).toBe(lines(
    "Traceback (most recent call last):",
    '  File "index.html", line 14, in <module>',
    "    print(divide(1, 0))",
    '  File "index.html", line 11, in divide',
    "    return a / b",
    "ZeroDivisionError: divide by zero",
    "",
  ));
});

test("leaves frames alone when the file, the line or its text is unknown", () => {
  const sources = pageSources();
  const raw = lines(
    "Traceback (most recent call last):",
    '  File "other.py", line 2, in <module>',
    '  File "index.html", line 99, in f',
    '  File "index.html", line 13, in g',
    "NameError: name 'x' isn't defined",
  );
  expect(cleanTraceback(raw, sources)).toBe(raw + "\n"); // line 13 is blank
});

test("does not add a source line where the runtime already printed one", () => {
  const raw = lines('  File "index.html", line 11, in divide', "    return a/b  # as Pyodide printed it", "ZeroDivisionError: division by zero");
  expect(cleanTraceback(raw, pageSources())).toBe(raw + "\n");
});

test("keeps the source lines of a multi-line call but drops its carets and ...<N lines>... marker", () => {
  const raw = lines(
    "Traceback (most recent call last):",
    '  File "/home/pyscript/main.py", line 3, in <module>',
    "    total = add(",
    "            ~~~^",
    "        1,",
    "        ^^",
    "    ...<2 lines>...",
    "        4,",
    "        ^^",
    "    )",
    "    ^",
    "TypeError: add() takes 2 positional arguments but 4 were given",
  );
  expect(cleanTraceback(raw, new Map())).toBe(lines(
    "Traceback (most recent call last):",
    '  File "/home/pyscript/main.py", line 3, in <module>',
    "    total = add(",
    "        1,",
    "        4,",
    "    )",
    "TypeError: add() takes 2 positional arguments but 4 were given",
    "",
  ));
});

test("keeps a syntax error's location and message without its caret", () => {
  const raw = lines('  File "/home/pyscript/index.html", line 3', '    print("hi"', "         ^", "SyntaxError: '(' was never closed");
  expect(cleanTraceback(raw, new Map())).toBe(lines('  File "/home/pyscript/index.html", line 3', '    print("hi"', "SyntaxError: '(' was never closed", ""));
});

test("keeps chained exceptions with their blank separator lines and ends with exactly one newline", () => {
  const raw = lines(
    "Traceback (most recent call last):",
    '  File "index.html", line 11, in divide',
    "ZeroDivisionError: divide by zero",
    "",
    "During handling of the above exception, another exception occurred:",
    "",
    "Traceback (most recent call last):",
    '  File "index.html", line 14, in <module>',
    "RuntimeError: wrapped",
    "", "", "",
  );
  const cleaned = cleanTraceback(raw, pageSources());
  expect(cleaned.split("\n")).toEqual([
    "Traceback (most recent call last):",
    '  File "index.html", line 11, in divide',
    "    return a / b",
    "ZeroDivisionError: divide by zero",
    "",
    "During handling of the above exception, another exception occurred:",
    "",
    "Traceback (most recent call last):",
    '  File "index.html", line 14, in <module>',
    "    print(divide(1, 0))",
    "RuntimeError: wrapped",
    "",
  ]);
});

test("pythonError wraps a runtime's exception as a 'python' error summarised by the last traceback line", () => {
  const thrown = { type: "ZeroDivisionError", message: PYODIDE_TRACEBACK };
  const element = { localName: "py-script" } as unknown as Element;
  const error = pythonError(thrown, new Map(), element);
  expect(error).toBeInstanceOf(PyScriptError);
  expect(error.code).toBe("python");
  expect(error.message).toBe("ZeroDivisionError: division by zero");
  expect(error.pythonType).toBe("ZeroDivisionError");
  expect(error.traceback).toBe(cleanTraceback(PYODIDE_TRACEBACK, new Map()));
  expect(error.traceback).not.toContain("_pyodide");
  expect(error.element).toBe(element);
  expect(error.cause).toBe(thrown);
  expect(error.hint).toContain("The last line of the traceback names the problem");
});

test("pythonError gives a specific hint for common beginner errors and adds MicroPython's source lines", () => {
  const micropython = pythonError({ type: "ImportError", message: lines(
    "Traceback (most recent call last):", '  File "index.html", line 14, in <module>', "ImportError: no module named 'numpy'", "",
  ) }, pageSources(), undefined, "micropython");
  expect(micropython.message).toBe("ImportError: no module named 'numpy'");
  expect(micropython.traceback).toContain('line 14, in <module>\n    print(divide(1, 0))\n');
  expect(micropython.hint).toContain("?interpreter=pyodide"); // MicroPython's missing module is an ImportError
  expect(pythonError({ type: "ImportError", message: "ImportError: can't import name x" }, new Map()).hint).toContain("spelled right");
  const missing = pythonError({ type: "ModuleNotFoundError", message: "ModuleNotFoundError: No module named 'numpy'" }, new Map(), undefined, "micropython");
  expect(missing.hint).toContain('"files"');
  expect(missing.hint).toContain("?interpreter=pyodide");
  expect(pythonError({ type: "NameError", message: "NameError: name 'x' isn't defined" }, new Map()).hint).toContain("Check the spelling");
  expect(pythonError({ type: "IndentationError", message: "IndentationError: unexpected indent" }, new Map()).hint).toContain("Indent");
});

test("pythonError falls back to the thrown value's text when it has no message", () => {
  const error = pythonError("KeyboardInterrupt", new Map());
  expect(error.message).toBe("KeyboardInterrupt");
  expect(error.traceback).toBe("KeyboardInterrupt\n");
  expect(error.pythonType).toBeUndefined();
});

test("isPythonException recognises only Errors named PythonError", () => {
  const pythonError = Object.assign(new Error("Traceback…"), { name: "PythonError" });
  expect(isPythonException(pythonError)).toBe(true);
  expect(isPythonException(new Error("boom"))).toBe(false);
  expect(isPythonException({ name: "PythonError", message: "not an Error" })).toBe(false);
  expect(isPythonException("PythonError")).toBe(false);
  expect(isPythonException(undefined)).toBe(false);
});

test("atLine pads code with blank lines so its first line gets the given number", () => {
  expect(atLine("x = 1", 3)).toBe("\n\nx = 1");
  expect(atLine("x = 1").split("\n")).toEqual(["x = 1"]);
  expect(atLine("x = 1", 0)).toBe("x = 1");
  expect(atLine("a\nb", 5).split("\n").indexOf("b") + 1).toBe(6);
});

test("remember stores each script's lines at their place in the file, so scripts can share a page", () => {
  const sources: Sources = new Map();
  remember(sources, "index.html", "a = 1\nb = 2", 10);
  remember(sources, "index.html", "c = 3", 20);
  remember(sources, "main.py", "print('hi')");
  const page = sources.get("index.html")!;
  expect([page[9], page[10], page[19]]).toEqual(["a = 1", "b = 2", "c = 3"]);
  expect(page[0]).toBeUndefined();
  expect(sources.get("main.py")).toEqual(["print('hi')"]);
  const raw = '  File "index.html", line 20, in <module>\n  File "index.html", line 11, in <module>\nNameError: x\n';
  expect(cleanTraceback(raw, sources)).toBe('  File "index.html", line 20, in <module>\n    c = 3\n  File "index.html", line 11, in <module>\n    b = 2\nNameError: x\n');
});

test("frames of our pyscript package are dropped on both interpreters, wherever the package is", () => {
  const micropython = lines(
    "Traceback (most recent call last):",
    '  File "/lib/pyscript/_events.py", line 40, in _call',
    '  File "index.html", line 5, in clicked',
    "ZeroDivisionError: divide by zero",
  );
  const pyodide = lines(
    "Traceback (most recent call last):",
    '  File "/lib/python3.13/site-packages/pyscript/_events.py", line 40, in _call',
    "    result = handler(event)",
    '  File "/home/pyscript/index.html", line 5, in clicked',
    "    1 / 0",
    "ZeroDivisionError: division by zero",
  );
  expect(cleanTraceback(micropython, new Map())).toBe(lines("Traceback (most recent call last):", '  File "index.html", line 5, in clicked', "ZeroDivisionError: divide by zero", ""));
  expect(cleanTraceback(pyodide, new Map())).not.toContain("pyscript/_events.py");
  expect(cleanTraceback(pyodide, new Map())).toContain('  File "/home/pyscript/index.html", line 5, in clicked\n    1 / 0\n');
  expect(cleanTraceback('  File "/home/pyscript/my_pyscript/lib/pyscript/x.py", line 1, in f\nE\n', new Map())).toContain("x.py");
});

/** What Pyodide 314 says for `import numpy` (numpy is in its distribution, not installed). */
const PYODIDE_MISSING_NUMPY = lines(
  "Traceback (most recent call last):",
  '  File "/home/pyscript/index.html", line 3, in <module>',
  "    import numpy",
  "ModuleNotFoundError: The module 'numpy' is included in the Pyodide distribution, but it is not installed.",
  "You can install it by calling:",
  '  await micropip.install("numpy") or',
  '  await pyodide.loadPackage("numpy")',
  "See https://pyodide.org/en/stable/usage/loading-packages.html for more details.",
);

test("a missing module's hint fits the interpreter: MicroPython suggests Pyodide, Pyodide says how its packages install", () => {
  const onPyodide = pythonError({ type: "ModuleNotFoundError", message: PYODIDE_MISSING_NUMPY }, new Map(), undefined, "pyodide");
  expect(onPyodide.hint).not.toContain("?interpreter=pyodide");
  expect(onPyodide.hint).toContain('"packages" once their wheels are copied');
  expect(onPyodide.hint).toContain('"files"');
  const elsewhere = pythonError({ type: "ModuleNotFoundError", message: "ModuleNotFoundError: No module named 'x'" }, new Map(), undefined, "lua");
  expect(elsewhere.hint).not.toContain("pyodide");
});

test("the error's message is the line naming the exception, not a note printed after it", () => {
  const error = pythonError({ type: "ModuleNotFoundError", message: PYODIDE_MISSING_NUMPY }, new Map(), undefined, "pyodide");
  expect(error.message).toBe("ModuleNotFoundError: The module 'numpy' is included in the Pyodide distribution, but it is not installed.");
  expect(pythonError({ type: "JsException", message: "Traceback...\npyodide.ffi.JsException: Error: boom\n" }, new Map()).message)
    .toBe("pyodide.ffi.JsException: Error: boom");
  expect(pythonError({ type: "KeyboardInterrupt", message: "Traceback...\nKeyboardInterrupt\n" }, new Map()).message).toBe("KeyboardInterrupt");
});
