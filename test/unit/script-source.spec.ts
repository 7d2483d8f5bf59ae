// dedent: inline <py-script> text made into Python, with its line numbers kept.
import { test, expect } from "@playwright/test";
import { dedent } from "../../src/page-io/script-source.js";

const lines = (...all: string[]) => all.join("\n");

test("removes the indentation common to all lines and keeps deeper indentation", () => {
  const inline = lines("", "    def f():", "        return 1", "    print(f())", "  ");
  expect(dedent(inline)).toBe(lines("", "def f():", "    return 1", "print(f())", ""));
});

test("keeps every line, blank ones included, so line numbers still match the page", () => {
  const inline = lines("", "      a = 1", "", "      b = 2", "   ", "      c = 3", "");
  const result = dedent(inline);
  expect(result.split("\n")).toHaveLength(inline.split("\n").length);
  expect(result.split("\n").indexOf("c = 3")).toBe(5);
  expect(result).toBe(lines("", "a = 1", "", "b = 2", "", "c = 3", ""));
});

test("ignores blank and whitespace-only lines when finding the common indentation", () => {
  const inline = lines("  ", "        x = 1", " ", "        if x:", "            y = 2");
  expect(dedent(inline)).toBe(lines("", "x = 1", "", "if x:", "    y = 2"));
});

test("removes tab indentation, and tabs before deeper space indentation", () => {
  expect(dedent(lines("\t\tfor i in range(2):", "\t\t    print(i)"))).toBe(lines("for i in range(2):", "    print(i)"));
  expect(dedent(lines("\tx = 1", "\ty = 2"))).toBe(lines("x = 1", "y = 2"));
});

test("leaves code that starts at the margin, and empty or blank text, as it is", () => {
  const atMargin = lines("x = 1", "if x:", "    print(x)");
  expect(dedent(atMargin)).toBe(atMargin);
  expect(dedent("")).toBe("");
  expect(dedent("\n\n")).toBe("\n\n");
});

test("keeps indentation inside a multi-line string relative to the code", () => {
  const inline = lines('    text = """', "      indented in the string", '    """');
  expect(dedent(inline)).toBe(lines('text = """', "  indented in the string", '"""'));
});
