// readConfig: <py-config> read, laid over the defaults and checked, with fake tags instead of a page.
import { test, expect } from "@playwright/test";
import { DEFAULT_CONFIG, readConfig } from "../../src/config.js";
import { PyScriptError } from "../../src/errors.js";
import type { InterpreterInfo } from "../../src/interpreters/interpreter.js";

const INTERPRETERS: Record<string, InterpreterInfo> = {
  micropython: {
    name: "micropython", label: "MicroPython", version: "1", description: "", files: {},
    options: { heapsize: "number", pystack: "number" },
  },
  pyodide: { name: "pyodide", label: "Pyodide", version: "1", description: "", files: {}, options: {} },
};

/** A stand-in for a <py-config> element with this text and these attributes. */
function configTag(text: string, attributes: Record<string, string> = {}) {
  return {
    localName: "py-config",
    textContent: text,
    firstElementChild: null as unknown,
    getAttribute: (name: string) => attributes[name] ?? null,
  };
}

/**
 * Read the config of a page holding these tags. Also says which files were
 * imported through `assets` (only the TOML parser should ever be).
 */
async function read(tags: ReturnType<typeof configTag>[], pageURL = "https://example.org/index.html") {
  const imported: string[] = [];
  const root = {
    querySelectorAll(selector: string) {
      // The config tags; no Python scripts (their config= and types are tested in the browser).
      return selector.includes("py-config") ? tags : [];
    },
  } as unknown as ParentNode;
  const assets = {
    import: async <T,>(path: string): Promise<T> => {
      imported.push(path);
      const modules: Record<string, () => Promise<unknown>> = {
        "pyscript-config.js": () => import("../../src/pyscript-config.js"),
        "config-json.js": () => import("../../src/config-json.js"),
        "toml.js": () => import("../../src/toml.js"),
      };
      return (await modules[path]!()) as T;
    },
  };
  const result = await readConfig(root, new URL(pageURL), INTERPRETERS, assets);
  return { ...result, imported };
}

const codes = (errors: PyScriptError[]) => errors.map((error) => error.code);

test("gives the defaults, and no problems, for a page without <py-config>", async () => {
  const { config, errors, warnings, imported } = await read([]);
  expect(config).toEqual(DEFAULT_CONFIG);
  expect(config.files).not.toBe(DEFAULT_CONFIG.files); // a fresh object plugins may change
  expect(Object.isFrozen(config)).toBe(false);
  expect(errors).toEqual([]);
  expect(warnings).toEqual([]);
  expect(imported).toEqual([]);
});

test("treats an empty or blank tag as an empty JSON config", async () => {
  const { config, errors, imported } = await read([configTag("  \n ")]);
  expect(config).toEqual(DEFAULT_CONFIG);
  expect(errors).toEqual([]);
  expect(imported).toEqual([]);
});

test("lays JSON over the defaults and keeps keys it doesn't know", async () => {
  const { config, errors, warnings, imported } = await read([configTag(`{
    "debug": true,
    "files": {"data/sales.csv": "./sales.csv"},
    "my-plugin": {"colour": "green"}
  }`)]);
  expect(config).toEqual({
    ...DEFAULT_CONFIG,
    debug: true,
    files: { "data/sales.csv": "./sales.csv" },
    "my-plugin": { colour: "green" },
  });
  expect(errors).toEqual([]);
  expect(warnings).toEqual([]);
  expect(imported).toEqual([]); // JSON needs no TOML parser
});

test("reports a JSON syntax error as config-parse with the line and column it is at, and uses the defaults", async () => {
  const text = '{\n  "debug": true,\n  "splash": false,\n}';
  const { config, errors } = await read([configTag(text)]);
  expect(codes(errors)).toEqual(["config-parse"]);
  expect(errors[0]!).toBeInstanceOf(PyScriptError);
  const [, line, column] = /at line (\d+), column (\d+)/.exec(errors[0]!.message)!;
  expect([Number(line), Number(column)]).toEqual([4, 1]); // the "}" after the trailing comma
  expect(errors[0]!.message).toContain("<py-config> is not valid JSON");
  expect(errors[0]!.hint).toContain("no comma after the last item");
  expect(config).toEqual(DEFAULT_CONFIG);
});

test("reads TOML, detected because it doesn't start with {, with its types", async () => {
  const { config, errors, warnings, imported } = await read([configTag(`
    debug = true
    splash = "<p>Loading…</p>"
    heapsize = 8388608

    [files]
    "data/sales.csv" = "./sales.csv"
  `)]);
  expect(imported).toEqual(["toml.js"]);
  expect(errors).toEqual([]);
  expect(warnings).toEqual([]);
  expect(config.debug).toBe(true);
  expect(config.splash).toBe("<p>Loading…</p>");
  expect(config.heapsize).toBe(8388608);
  expect({ ...config.files }).toEqual({ "data/sales.csv": "./sales.csv" });
  expect(config.interpreter).toBe("micropython");
});

test("reads TOML when type=\"toml\" says so, and reports a TOML error with its line and column", async () => {
  const { config, errors, imported } = await read([configTag('debug = true\nsplash = \ninterpreter = "pyodide"', { type: "toml" })]);
  expect(imported).toEqual(["toml.js"]);
  expect(codes(errors)).toEqual(["config-parse"]);
  expect(errors[0]!.message).toMatch(/^<py-config> is not valid TOML at line 2, column \d+: /);
  expect(errors[0]!.message).not.toContain("\n"); // only the first line of the parser's message
  expect(config).toEqual(DEFAULT_CONFIG);
});

test("reports each key of the wrong type as config-value and uses its default", async () => {
  const { config, errors } = await read([configTag(JSON.stringify({
    debug: "yes",
    splash: 0,
    urlOverride: null,
    interpreterURL: 3,
    files: { "data/": "./data/", "a.py": "./a.py" },
    interpreter: ["pyodide"],
  }))]);
  expect(codes(errors)).toEqual(Array(6).fill("config-value"));
  const messages = errors.map((error) => error.message).join("\n");
  expect(messages).toContain('"debug" must be true or false, but it is the string "yes".');
  expect(messages).toContain('"urlOverride" must be true or false, but it is null.');
  expect(messages).toContain('"interpreter" must be a string, but it is a list.');
  expect(errors.find((error) => error.message.includes('"splash"'))!.hint).toContain("Using the default (true)");
  expect(config).toEqual(DEFAULT_CONFIG);
});

test("reports an interpreter nobody knows as unknown-interpreter and uses MicroPython", async () => {
  const { config, errors } = await read([configTag('{"interpreter": "cpython"}')]);
  expect(codes(errors)).toEqual(["unknown-interpreter"]);
  expect(errors[0]!.message).toContain('"cpython"');
  expect(errors[0]!.message).toContain("micropython, pyodide");
  expect(config.interpreter).toBe("micropython");
});

test("accepts interpreter names in any case", async () => {
  const { config, errors } = await read([configTag('{"interpreter": "Pyodide"}')]);
  expect(errors).toEqual([]);
  expect(config.interpreter).toBe("pyodide");
});

test("lets ?interpreter= in the page URL choose the interpreter unless urlOverride is false", async () => {
  const url = "https://example.org/index.html?interpreter=pyodide";
  expect((await read([], url)).config.interpreter).toBe("pyodide");
  expect((await read([configTag('{"interpreter": "micropython"}')], url)).config.interpreter).toBe("pyodide");
  const locked = await read([configTag('{"urlOverride": false}')], url);
  expect(locked.config.interpreter).toBe("micropython");
  expect(locked.errors).toEqual([]);
  const unknown = await read([], "https://example.org/?interpreter=rustpython");
  expect(codes(unknown.errors)).toEqual(["unknown-interpreter"]);
  expect(unknown.config.interpreter).toBe("micropython");
});

test("warns about an option of the other interpreter and checks the chosen one's option types", async () => {
  const other = await read([configTag('{"interpreter": "pyodide", "heapsize": 1000000}')]);
  expect(other.errors).toEqual([]);
  expect(codes(other.warnings)).toEqual(["config-value"]);
  expect(other.warnings[0]!.message).toContain('"heapsize" is a MicroPython option, but this page runs Pyodide');
  expect(other.config.heapsize).toBe(1000000); // kept: a warning changes nothing

  const wrong = await read([configTag('{"heapsize": "8M", "pystack": 2000}')]);
  expect(codes(wrong.errors)).toEqual(["config-value"]);
  expect(wrong.errors[0]!.message).toContain('"heapsize" must be a number, but it is the string "8M"');
  expect("heapsize" in wrong.config).toBe(false);
  expect(wrong.config.pystack).toBe(2000);
  expect(wrong.warnings).toEqual([]);
});

test("uses only the first of two <py-config> tags and says so", async () => {
  const { config, errors } = await read([configTag('{"debug": true}'), configTag('{"splash": false}')]);
  expect(codes(errors)).toEqual(["config-value"]);
  expect(errors[0]!.message).toContain("2 configs (<py-config>, <py-config>); only the first is used");
  expect(config.debug).toBe(true);
  expect(config.splash).toBe(true);
});

test("reports a config that is not an object as config-parse", async () => {
  const list = await read([configTag("[1, 2]", { type: "json" })]);
  expect(codes(list.errors)).toEqual(["config-parse"]);
  expect(list.errors[0]!.message).toBe("<py-config> must hold an object of settings, but it holds a list.");
  expect(list.config).toEqual(DEFAULT_CONFIG);
  const nullConfig = await read([configTag("null", { type: "json" })]);
  expect(nullConfig.errors[0]!.message).toContain("but it holds null");
  const undetected = await read([configTag("[1,2]")]); // not "{": read as TOML, and not valid TOML either
  expect(codes(undetected.errors)).toEqual(["config-parse"]);
  expect(undetected.config).toEqual(DEFAULT_CONFIG);
});

test("reports HTML tags the browser made of the inline text as inline-markup", async () => {
  const tag = { ...configTag('{"splash": "'), firstElementChild: { localName: "b" } };
  const { config, errors } = await read([tag]);
  expect(codes(errors)).toEqual(["inline-markup"]);
  expect(errors[0]!.message).toContain("<b…>");
  expect(config).toEqual(DEFAULT_CONFIG);
});

test("reads files written PyScript's way round (URL → path), with templates, same-name and folder destinations", async () => {
  const { config, errors, imported } = await read([configTag(JSON.stringify({
    files: {
      "{FROM}": "https://example.org/lib", "{TO}": "./pkg/",
      "{FROM}/__init__.py": "{TO}", "{FROM}/util.py": "{TO}tools.py",
      "./data.csv": "", "../shared/notes.txt": "./docs/",
    },
  }))]);
  expect(errors).toEqual([]);
  expect(config.files).toEqual({
    "pkg/__init__.py": "https://example.org/lib/__init__.py",
    "pkg/tools.py": "https://example.org/lib/util.py",
    "data.csv": "./data.csv",
    "docs/notes.txt": "../shared/notes.txt",
  });
  expect(imported).toEqual(["pyscript-config.js"]); // loaded only for PyScript's dialect
});

test("keeps our own files direction (path → URL) as it is", async () => {
  const { config, imported } = await read([configTag('{"files": {"arrr.py": "./arrr.py", "data/x.csv": "https://example.org/x.csv"}}')]);
  expect(config.files).toEqual({ "arrr.py": "./arrr.py", "data/x.csv": "https://example.org/x.csv" });
  expect(imported).toEqual([]);
});

test("PyScript files that can't be copied are config-value errors, and the others still are", async () => {
  const { config, errors } = await read([configTag(JSON.stringify({
    files: { "./a.zip": "./a/*", "./one.py": "same.py", "./two.py": "same.py", "./ok.py": "", "./bad.py": 3 },
  }))]);
  expect(codes(errors)).toEqual(["config-value", "config-value", "config-value"]);
  expect(errors.map((e) => e.message).join("\n")).toMatch(/unpack an archive[\s\S]*both copied to "same.py"[\s\S]*maps to 3/);
  expect(config.files).toEqual({ "same.py": "./one.py", "ok.py": "./ok.py" });
});

test("a pinned PyScript interpreter version is dropped with a warning", async () => {
  const { config, warnings } = await read([configTag('{"interpreter": "0.29.0"}')]);
  expect(config.interpreter).toBe("micropython");
  expect(warnings.map((w) => w.message).join()).toContain('"interpreter": "0.29.0" pins a PyScript interpreter version');
});
