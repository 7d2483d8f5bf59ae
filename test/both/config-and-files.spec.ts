// <py-config> in JSON, TOML or from src=, its defaults and its mistakes;
// configured files landing on Python's filesystem.
import { test, expect, LABEL } from "../fixtures";

test("with no <py-config>, every key has its default", async ({ py, page, interpreter }) => {
  await py.open(`<py-script>pass</py-script>`);
  expect(await page.evaluate(() => window.PyScript.config)).toEqual({
    interpreter, files: {}, splash: true, interpreterURL: "", urlOverride: true, debug: false, pluginTimeout: 10_000,
  });
});

test("JSON config is laid over the defaults and unknown keys are kept for plugins", async ({ py, page }) => {
  await py.open(`<py-config>{"splash": false, "my-plugin": {"colour": "red"}}</py-config><py-script>pass</py-script>`);
  const config = await page.evaluate(() => window.PyScript.config);
  expect(config).toMatchObject({ splash: false, "my-plugin": { colour: "red" }, files: {}, debug: false });
});

test("TOML config works, typed or detected, and its parser is downloaded only when needed", async ({ py, page }) => {
  const requested: string[] = [];
  page.on("request", (r) => requested.push(new URL(r.url()).pathname));
  await py.open(`<py-config type="toml">
splash = false
[files]
"arrr.py" = "./arrr.py"
</py-config><py-script id="out">import arrr; print(arrr.translate("Hello"))</py-script>`);
  await expect(py.output("#out")).toHaveText("Ahoy Arrr!\n");
  expect(requested).toContain("/toml.js");

  await py.open(`<py-config>
# no type attribute: detected as TOML
debug = false
my_key = "kept"
</py-config><py-script>pass</py-script>`);
  expect(await page.evaluate(() => window.PyScript.config!.my_key)).toBe("kept");
});

test("JSON pages never download the TOML parser", async ({ py, page }) => {
  const requested: string[] = [];
  page.on("request", (r) => requested.push(new URL(r.url()).pathname));
  await py.open(`<py-config>{"splash": false}</py-config><py-script>pass</py-script>`);
  expect(requested).not.toContain("/toml.js");
});

test("<py-config src=…> reads JSON or TOML from a file", async ({ py, page }) => {
  await py.open(`<py-config src="./config.json"></py-config><py-script id="out">import arrr; print(arrr.translate("My friend"))</py-script>`);
  await expect(py.output("#out")).toHaveText("Me me bucko Arrr!\n");
  await py.open(`<py-config src="./config.toml"></py-config><py-script id="out">import arrr; print(arrr.translate("Hi"))</py-script>`);
  await expect(py.output("#out")).toHaveText("Arrr Arrr!\n");
});

test("bad JSON is a visible error with line and column, and the page still runs", async ({ py }) => {
  await py.open(`<py-config>{
  "files": {"a.py": "./a.py",}
}</py-config><py-script id="out">print("still here")</py-script>`);
  const box = py.errors("config-parse");
  await expect(box).toContainText("is not valid JSON at line 2, column");
  await expect(box).toContainText('double quotes');
  await expect(py.output("#out")).toHaveText("still here\n");
});

test("JSON written the Python way (True, None, 'quotes') is an error with line and column suggesting true/null", async ({ py }) => {
  await py.open(`<py-config>{
  "splash": False,
  "debug": True
}</py-config><py-script id="out">print("still here")</py-script>`);
  const box = py.errors("config-parse");
  await expect(box).toContainText("is not valid JSON at line 2, column 13: False is not JSON; write false.");
  await expect(box).toContainText("true, false and null (not True, False, None)");
  await expect(box.locator(".py-error-code")).toHaveText("[config-parse]"); // the box shows its code, to search for
  await expect(py.output("#out")).toHaveText("still here\n");
});

test("bad TOML is a visible error with line and column, and the page still runs", async ({ py }) => {
  await py.open(`<py-config type="toml">
splash = false
files = {"a.py" = }
</py-config><py-script id="out">print("still here")</py-script>`);
  await expect(py.errors("config-parse")).toContainText("is not valid TOML at line 3, column");
  await expect(py.output("#out")).toHaveText("still here\n");
});

test("wrong-typed values are errors naming the key and the fix, and the default is used", async ({ py, page }) => {
  await py.open(`<py-config>{"files": ["a.py"], "splash": 3, "debug": "yes"}</py-config><py-script id="out">print("ran")</py-script>`);
  await expect(py.errors("config-value")).toHaveCount(3);
  const files = py.errors("config-value").filter({ hasText: '"files"' });
  await expect(files).toContainText('"files" must be an object mapping file paths to URL strings, but it is a list');
  await expect(files).toContainText('Write it like "files": {"data/sales.csv": "./sales.csv"}');
  await expect(py.errors("config-value").filter({ hasText: '"debug"' })).toContainText('it is the string "yes"');
  expect(await page.evaluate(() => window.PyScript.config!.files)).toEqual({});
  await expect(py.output("#out")).toHaveText("ran\n");
});

test("an unknown interpreter is an error listing the known ones", async ({ py }) => {
  await py.open(`<py-config>{"interpreter": "cobra"}</py-config><py-script id="out">print("ran anyway")</py-script>`,
    { chooseInterpreter: false });
  await expect(py.errors("unknown-interpreter")).toContainText('no interpreter called "cobra". Known interpreters: micropython, pyodide');
  await expect(py.output("#out")).toHaveText("ran anyway\n");
});

test("HTML tags inside an inline <py-config> are a clear error saying to write &lt;", async ({ py }) => {
  await py.open(`<py-config>{"splash": "<b>Loading</b>"}</py-config><py-script id="out">print("ran")</py-script>`);
  await expect(py.errors("inline-markup")).toContainText("<py-config> contains <b…>");
  await expect(py.errors("inline-markup")).toContainText("write &lt; for every <");
  await expect(py.output("#out")).toHaveText("ran\n");
});

test("a missing <py-config src> file is an error naming the URL", async ({ py }) => {
  await py.open(`<py-config src="./no-such-config.json"></py-config><py-script id="out">print("ran")</py-script>`);
  await expect(py.errors("config-fetch")).toContainText('"./no-such-config.json": the server answered 404');
  await expect(py.output("#out")).toHaveText("ran\n");
});

test("configured files land on Python's filesystem: text, exact bytes, nested folders, absolute paths", async ({ py }) => {
  await py.open(`<py-config>{"files": {
    "arrr.py": "./arrr.py",
    "data/nested/deep/bytes.bin": "./bytes.bin",
    "/opt/elsewhere/notes.txt": "./notes.txt"
  }}</py-config>
<py-script id="out">
import os, arrr
print(arrr.translate("Hello my friend"))
print(list(open("data/nested/deep/bytes.bin", "rb").read()))
print(open("/opt/elsewhere/notes.txt").read().strip())
print(os.getcwd())
</py-script>`);
  await expect(py.output("#out")).toHaveText("Ahoy me me bucko Arrr!\n[0, 1, 254, 255, 128, 10, 13]\nnotes ✓\n/home/pyscript\n");
});

test("a file that can't be downloaded is an error naming it, and the other files and scripts still work", async ({ py }) => {
  await py.open(`<py-config>{"files": {"missing.py": "./missing.py", "arrr.py": "./arrr.py"}}</py-config>
<py-script id="out">import arrr; print(arrr.translate("Hi there"))</py-script>`);
  await expect(py.errors("file-fetch")).toContainText('Could not download the file "missing.py" from "./missing.py": the server answered 404');
  await expect(py.output("#out")).toHaveText("Arrr thar Arrr!\n");
});

test("a <py-script src> that can't be downloaded is an error at its tag", async ({ py, page }) => {
  await py.open(`<py-script id="bad" src="./nope.py"></py-script><py-script id="next">print("next")</py-script>`);
  await expect(page.locator("#bad .py-error")).toContainText('"./nope.py": the server answered 404');
  await expect(py.output("#next")).toHaveText("next\n");
});

test("interpreter options are checked: a MicroPython option is used there and is a clear warning elsewhere", async ({ py, page, interpreter }) => {
  await py.open(`<py-config>{"heapsize": 4194304}</py-config><py-script id="out">print("ran")</py-script>`);
  await expect(py.output("#out")).toHaveText("ran\n");
  const warnings = page.locator(".py-warning");
  if (interpreter === "micropython") {
    await expect(warnings).toHaveCount(0);
  } else {
    await expect(warnings).toContainText(`"heapsize" is a MicroPython option, but this page runs ${LABEL[interpreter]}, which ignores it`);
  }
});

test("an interpreter option of the wrong type is an error and the interpreter's default is used", async ({ py }) => {
  await py.open(`<py-config>{"interpreter": "micropython", "pystack": "lots"}</py-config><py-script id="out">print("ran")</py-script>`,
    { chooseInterpreter: false });
  await expect(py.errors("config-value")).toContainText('"pystack" must be a number, but it is the string "lots"');
  await expect(py.output("#out")).toHaveText("ran\n");
});
