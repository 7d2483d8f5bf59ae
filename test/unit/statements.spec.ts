// splitStatements: a paste cut into the top-level statements a REPL runs one by one.
import { test, expect } from "@playwright/test";
import { splitStatements } from "../../src/interpreters/repl/statements.js";

/** Join lines with "\n", so each case reads like the code it stands for. */
const code = (...lines: string[]) => lines.join("\n");

test("gives each simple statement at the left margin its own statement", () => {
  expect(splitStatements(code("x = 1", "y = 2", "print(x + y)"))).toEqual([["x = 1"], ["y = 2"], ["print(x + y)"]]);
});

test("gives nothing for empty input or input of only blank and comment lines", () => {
  expect(splitStatements("")).toEqual([]);
  expect(splitStatements(code("", "   ", "# a comment", "    # an indented comment", ""))).toEqual([]);
});

test("drops blank and comment lines between statements", () => {
  expect(splitStatements(code("# setup", "a = 1", "", "", "# next", "b = 2", ""))).toEqual([["a = 1"], ["b = 2"]]);
});

test("keeps a function with blank and comment lines in its body as one statement without those lines", () => {
  const pasted = code(
    "def area(w, h):",
    "    # width times height",
    "    result = w * h",
    "",
    "    return result",
    "",
    "print(area(2, 3))",
  );
  expect(splitStatements(pasted)).toEqual([
    ["def area(w, h):", "    result = w * h", "    return result"],
    ["print(area(2, 3))"],
  ]);
});

test("keeps a class with blank lines between its methods as one statement", () => {
  const pasted = code("class Point:", "    def __init__(self):", "        self.x = 0", "", "    def move(self):", "        self.x += 1", "p = Point()");
  expect(splitStatements(pasted)).toEqual([
    ["class Point:", "    def __init__(self):", "        self.x = 0", "    def move(self):", "        self.x += 1"],
    ["p = Point()"],
  ]);
});

test("keeps decorators with the definition they decorate, even with a comment or blank line between", () => {
  const pasted = code("@cache", "# the second one", "@log(level=2)", "", "def f():", "    return 1", "f()");
  expect(splitStatements(pasted)).toEqual([["@cache", "@log(level=2)", "def f():", "    return 1"], ["f()"]]);
});

test("keeps else, elif, except and finally clauses with the statement above them", () => {
  const pasted = code(
    "if x > 0:", "    sign = 1", "", "elif x < 0:", "    sign = -1", "else:", "    sign = 0",
    "try:", "    risky()", "except* ValueError:", "    pass", "except (KeyError, OSError) as e:", "    print(e)", "else:", "    ok()", "finally:", "    done()",
    "for i in range(3):", "    pass", "else:", "    print('no break')",
  );
  expect(splitStatements(pasted)).toEqual([
    ["if x > 0:", "    sign = 1", "elif x < 0:", "    sign = -1", "else:", "    sign = 0"],
    ["try:", "    risky()", "except* ValueError:", "    pass", "except (KeyError, OSError) as e:", "    print(e)", "else:", "    ok()", "finally:", "    done()"],
    ["for i in range(3):", "    pass", "else:", "    print('no break')"],
  ]);
});

test("starts a new statement at a name that only begins like a clause keyword", () => {
  expect(splitStatements(code("if a:", "    pass", "else_value = 3", "elsewhere()", "finally_done = True"))).toEqual([
    ["if a:", "    pass"], ["else_value = 3"], ["elsewhere()"], ["finally_done = True"],
  ]);
});

test("keeps a triple-quoted string with blank lines, comment signs and left-margin lines verbatim", () => {
  const pasted = code('text = """first', "", "# not a comment", "at the margin", '    indented"""', "print(text)");
  expect(splitStatements(pasted)).toEqual([
    ['text = """first', "", "# not a comment", "at the margin", '    indented"""'],
    ["print(text)"],
  ]);
});

test("keeps a single-quoted triple string and a docstring inside a function whole", () => {
  const pasted = code("def f():", "    '''Doc.", "", "    More doc.", "'''", "    return 1", "x = '''one line'''", "y = 2");
  expect(splitStatements(pasted)).toEqual([
    ["def f():", "    '''Doc.", "", "    More doc.", "'''", "    return 1"],
    ["x = '''one line'''"],
    ["y = 2"],
  ]);
});

test("keeps brackets that span lines in one statement, even when a line inside is at the margin or blank", () => {
  const pasted = code("data = {", '    "a": [1,', "", "2, (3,", "4)],", "}", "total = sum(", "  data['a']", ")", "print(total)");
  expect(splitStatements(pasted)).toEqual([
    ["data = {", '    "a": [1,', "", "2, (3,", "4)],", "}"],
    ["total = sum(", "  data['a']", ")"],
    ["print(total)"],
  ]);
});

test("keeps backslash continuations in one statement", () => {
  expect(splitStatements(code("total = 1 + \\", "2 + \\", "3", "print(total)"))).toEqual([
    ["total = 1 + \\", "2 + \\", "3"], ["print(total)"],
  ]);
});

test("ignores brackets and comment signs inside one-line strings and brackets inside comments", () => {
  const pasted = code('a = "(#["', "b = ')'  # (", 'c = "say \\"(\\""', "d = 4");
  expect(splitStatements(pasted)).toEqual([['a = "(#["'], ["b = ')'  # ("], ['c = "say \\"(\\""'], ["d = 4"]]);
});

test("does not let a one-quote string left open swallow the next line", () => {
  expect(splitStatements(code("x = 'oops", "y = 1"))).toEqual([["x = 'oops"], ["y = 1"]]);
});

test("keeps comment-looking lines inside an open bracket", () => {
  expect(splitStatements(code("items = [", "    # first", "    1,", "]", "# after", "z = 0"))).toEqual([
    ["items = [", "    # first", "    1,", "]"], ["z = 0"],
  ]);
});

test("a backslash ending a comment does not join the next statement", () => {
  expect(splitStatements(code("def f():", "    return 1  # see C:\\", "print(f())")))
    .toEqual([["def f():", "    return 1  # see C:\\"], ["print(f())"]]);
});

test("a decorator spanning several lines stays with its def, and an @ inside brackets starts nothing", () => {
  expect(splitStatements(code("@app.route(", '    "/x")', "def f():", "    pass", "f()")))
    .toEqual([["@app.route(", '    "/x")', "def f():", "    pass"], ["f()"]]);
  expect(splitStatements(code("x = (a", "@ b)", "y = 1"))).toEqual([["x = (a", "@ b)"], ["y = 1"]]);
});
