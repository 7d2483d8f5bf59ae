// PEP 508 requirements as real wheels write them in Requires-Dist, and their markers evaluated for an interpreter.
import { test, expect } from "@playwright/test";
import { evaluateMarker, parseMarker, parseRequirement, type MarkerEnvironment } from "../../src/packages/requirements.js";

const PYODIDE: MarkerEnvironment = {
  python_version: "3.14", python_full_version: "3.14.2", implementation_name: "cpython", implementation_version: "3.14.2",
  platform_python_implementation: "CPython", sys_platform: "emscripten", platform_system: "Emscripten", platform_machine: "wasm32",
  platform_release: "5.0.3", platform_version: "#1", os_name: "posix",
};
const MICROPYTHON: MarkerEnvironment = {
  ...PYODIDE, python_version: "3.4", python_full_version: "3.4.0", implementation_name: "micropython", implementation_version: "1.27.0",
  platform_python_implementation: "MicroPython", sys_platform: "webassembly", platform_system: "", platform_release: "", platform_version: "",
};
const holds = (marker: string, env = PYODIDE, extras?: string[]): boolean => evaluateMarker(parseMarker(marker), env, extras);

test("plain names, specifiers with and without parentheses, and whitespace anywhere", () => {
  expect(parseRequirement("requests")).toEqual({ name: "requests", key: "requests", extras: [], specifier: "", text: "requests" });
  expect(parseRequirement("Django>=4.2")).toMatchObject({ name: "Django", key: "django", specifier: ">=4.2" });
  expect(parseRequirement("zope.interface (>=5.0, <7)")).toMatchObject({ key: "zope-interface", specifier: ">=5.0,<7" });
  expect(parseRequirement("  six >= 1.5 , != 1.6.* ")).toMatchObject({ name: "six", specifier: ">=1.5,!=1.6.*", text: "six >= 1.5 , != 1.6.*" });
  expect(parseRequirement("attrs(>=19.2)").specifier).toBe(">=19.2");
  expect(parseRequirement("typing_extensions~=4.0").key).toBe("typing-extensions");
});

test("extras are normalized, and markers follow the semicolon", () => {
  const requirement = parseRequirement('requests[Security, socks_proxy] >=2.8.1 ; python_version < "3.10" and sys_platform != "win32"');
  expect(requirement).toMatchObject({ key: "requests", extras: ["security", "socks-proxy"], specifier: ">=2.8.1" });
  expect(requirement.marker).toEqual({
    kind: "and",
    left: { kind: "compare", left: { variable: "python_version" }, operator: "<", right: { value: "3.10" } },
    right: { kind: "compare", left: { variable: "sys_platform" }, operator: "!=", right: { value: "win32" } },
  });
  expect(parseRequirement("black[]").extras).toEqual([]);
  expect(parseRequirement("pytest>=6; extra == 'testing'").marker).toMatchObject({ left: { variable: "extra" }, right: { value: "testing" } });
});

test("the name @ url form keeps the URL whole, with an optional marker after a space", () => {
  expect(parseRequirement("pip @ https://github.com/pypa/pip/archive/1.3.1.zip#sha1=da9234ee9982d4bbb3c72346a6de940a148ea686")).toMatchObject({
    key: "pip", specifier: "", url: "https://github.com/pypa/pip/archive/1.3.1.zip#sha1=da9234ee9982d4bbb3c72346a6de940a148ea686",
  });
  const withMarker = parseRequirement("arrr[fast]@ ./wheels/arrr-1.0-py3-none-any.whl ; os_name == 'posix'");
  expect(withMarker).toMatchObject({ extras: ["fast"], url: "./wheels/arrr-1.0-py3-none-any.whl" });
  expect(withMarker.marker).toBeDefined();
});

test("requirements copied from real METADATA files parse and evaluate for Pyodide", () => {
  const applies = (text: string, extras?: string[]): boolean => {
    const { marker } = parseRequirement(text);
    return marker === undefined || evaluateMarker(marker, PYODIDE, extras);
  };
  expect(applies('importlib-metadata>=3.6; python_version < "3.10"')).toBe(false);
  expect(applies('colorama; platform_system == "Windows"')).toBe(false);
  expect(applies('pytest>=6; extra == "testing"')).toBe(false);
  expect(applies('pytest>=6; extra == "testing"', ["Testing"])).toBe(true);
  expect(applies('tomli>=1.1.0; python_version < "3.11"')).toBe(false);
  expect(applies('exceptiongroup>=1.0.0rc8; python_version < "3.11"')).toBe(false);
  expect(applies("typing-extensions>=4.6.0,!=4.7.0")).toBe(true);
  expect(applies('charset_normalizer<4,>=2')).toBe(true);
  expect(applies('PySocks!=1.5.7,>=1.5.6; extra == "socks"', ["socks"])).toBe(true);
  expect(applies('cffi>=1.12; platform_python_implementation != "PyPy"')).toBe(true);
  expect(applies('pywin32>=226; sys_platform == "win32" and platform_python_implementation != "PyPy"')).toBe(false);
  expect(applies('backports.zoneinfo; python_version >= "3.8" and python_version < "3.9"')).toBe(false);
  expect(applies('coverage[toml]>=5.2.1; extra == "tests" or extra == "cov"', ["cov"])).toBe(true);
});

test("markers compare versions as versions, and other things as strings", () => {
  expect(holds('python_version >= "3.8"')).toBe(true); // "3.14" > "3.8" only as versions
  expect(holds('python_version < "3.10"', MICROPYTHON)).toBe(true);
  expect(holds('python_full_version >= "3.14.0rc1"')).toBe(true);
  expect(holds('python_version == "3.*"')).toBe(true);
  expect(holds('python_version ~= "3.12"')).toBe(true);
  expect(holds('"3.9" < python_version')).toBe(true);
  expect(holds('platform_machine == "wasm32"')).toBe(true);
  expect(holds('platform_system > "Darwin"')).toBe(true); // strings: "Emscripten" > "Darwin"
  expect(holds('implementation_name == "micropython"', MICROPYTHON)).toBe(true);
  expect(holds('platform_release >= "5"', MICROPYTHON)).toBe(false); // "" is no version: "" < "5"
  expect(holds('python_full_version === "3.14.2"')).toBe(true);
  expect(holds('"linux" in sys_platform')).toBe(false);
  expect(holds('"emscripten" in sys_platform')).toBe(true);
  expect(holds("'win' not in sys_platform")).toBe(true);
});

test("and binds tighter than or, parentheses group, and old variable spellings still work", () => {
  expect(holds('os_name == "nt" and python_version < "3" or sys_platform == "emscripten"')).toBe(true);
  expect(holds('sys_platform == "emscripten" or os_name == "nt" and python_version < "3"')).toBe(true);
  expect(holds('(sys_platform == "emscripten" or os_name == "nt") and python_version < "3"')).toBe(false);
  expect(holds('((python_version>"3"))and(os_name=="posix")')).toBe(true);
  expect(holds('sys.platform == "emscripten" and python_implementation == "CPython" and os.name == "posix"')).toBe(true);
});

test("the extra marker is true only for requested extras, and false when none are", () => {
  expect(holds('extra == "test"')).toBe(false);
  expect(holds('extra == "test"', PYODIDE, [])).toBe(false);
  expect(holds('extra == "Test_Utils"', PYODIDE, ["test.utils"])).toBe(true);
  expect(holds('extra != "test"', PYODIDE, ["docs"])).toBe(true);
  expect(holds('"test" == extra', PYODIDE, ["test"])).toBe(true);
  expect(() => holds('extra >= "test"')).toThrow("only == and != work with extra");
});

test("bad requirements throw errors that quote the requirement and where it went wrong", () => {
  const cases: [string, string][] = [
    ["", "expected a distribution name"],
    ["-foo", "expected a distribution name"],
    ["foo bar", 'expected a version specifier, \';\' and a marker, or the end (at "bar")'],
    ["foo >=", 'Invalid version specifier ">=": ">=" is not an operator (==, !=, <=, >=, <, >, ~=, ===) followed by a version'],
    ["foo (>=1.0", "expected ')' to close the version specifier"],
    ["foo[bar", "expected ',' or ']'"],
    ["foo[bar,]", "expected an extra's name"],
    ["foo @", "expected a URL after '@'"],
    ["foo @ http://x.org/foo.whl extra", "expected ';' and a marker after the URL"],
    ["foo; ", "expected a marker variable"],
    ['foo; python_version < "3', "expected a marker variable (like python_version) or a quoted string"],
    ['foo; python_version', "expected a comparison operator"],
    ['foo; python_version <> "3"', "expected a marker variable"],
    ['foo; (python_version < "3"', "expected ')' to close the parenthesis"],
    ['foo; python_version < "3" and', "expected a marker variable"],
    ['foo; platform_tag == "x"', '"platform_tag" is not a marker variable (known: python_version'],
  ];
  for (const [text, why] of cases) {
    expect(() => parseRequirement(text), text).toThrow(why);
    expect(() => parseRequirement(text), text).toThrow(`Invalid requirement "${text.trim()}"`);
  }
  expect(() => parseMarker('os_name == "posix" os_name')).toThrow("expected 'and', 'or' or the end");
});

test("markers that can't be evaluated throw", () => {
  expect(() => holds('os_name ~= "posix"')).toThrow("~= needs versions on both sides");
  expect(() => evaluateMarker(parseMarker('os_name == "posix"'), {} as MarkerEnvironment)).toThrow('The marker environment has no "os_name"');
});
