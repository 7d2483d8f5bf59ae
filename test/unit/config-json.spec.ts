// parseJSON: a config's JSON, with Python-style values found and placed by line and column.
import { test, expect } from "@playwright/test";
import { findPythonism, parseJSON } from "../../src/config-json.js";
import type { PyScriptError } from "../../src/errors.js";

/** The message of the error parsing `text` gives. */
function failure(text: string): string {
  try {
    parseJSON(text, "<py-config>");
  } catch (error) {
    expect((error as PyScriptError).code).toBe("config-parse");
    return (error as PyScriptError).message;
  }
  throw new Error("it parsed");
}

test("True, False and None are placed by line and column and given their JSON spelling", () => {
  expect(failure('{\n  "debug": True\n}')).toBe("<py-config> is not valid JSON at line 2, column 12: True is not JSON; write true.");
  expect(failure('{"a": 1, "b": False}')).toContain("at line 1, column 15: False is not JSON; write false.");
  expect(failure('{"a": None}')).toContain("None is not JSON; write null.");
});

test("single quotes and bare words are placed and told to use double quotes", () => {
  expect(failure("{'debug': true}")).toContain('at line 1, column 2: \' is not JSON; write "double quotes"');
  expect(failure('{"interpreter": pyodide}')).toContain('at line 1, column 17: pyodide is not JSON; write "pyodide"');
  expect(failure('{debug: true}')).toContain('at line 1, column 2: debug is not JSON');
});

test("words inside strings, numbers with exponents and JSON's own words are not Python-style", () => {
  expect(findPythonism('{"a": "True None \'x\'", "b": 1e5, "c": -2.5E-3, "d": [true, false, null]}')).toBeUndefined();
  expect(findPythonism('{"a": "say \\"None\\"", "b": None}')).toMatchObject({ found: "None", suggestion: "null" });
});

test("other mistakes keep V8's position, and valid or empty text parses", () => {
  expect(failure('{\n  "a": 1,\n}')).toMatch(/at line 3, column 1: /);
  expect(parseJSON('{"debug": true}', "x")).toEqual({ debug: true });
  expect(parseJSON("  ", "x")).toEqual({});
});
