// fetch() as PyScript documents it: awaiting the call or chaining a body method
// on it, the Response's properties, request options, and failures.
import { test, expect } from "../fixtures";

test("body methods chain on the un-awaited call: json, text, bytearray, arrayBuffer, blob and bytes", async ({ py }) => {
  await py.open(`
<py-script id="out">
from pyscript import fetch
print((await fetch("./config.json").json())["files"])
print((await fetch("./notes.txt").text()).strip())
data = await fetch("./bytes.bin").bytearray()
print(type(data).__name__, list(data))
view = await fetch("./bytes.bin").arrayBuffer()
print(type(view).__name__, bytes(view))
print(await fetch("./bytes.bin").bytes())
blob = await fetch("./notes.txt").blob()
print(blob.size, blob.type)
</py-script>`);
  await expect(py.output("#out")).toHaveText([
    "{'arrr.py': './arrr.py'}",
    "notes ✓",
    "bytearray [0, 1, 254, 255, 128, 10, 13]",
    "memoryview b'\\x00\\x01\\xfe\\xff\\x80\\n\\r'",
    "b'\\x00\\x01\\xfe\\xff\\x80\\n\\r'",
    "10 text/plain",
    "",
  ].join("\n"));
});

test("the response has ok, status, statusText, url, redirected, type, bodyUsed and headers", async ({ py }) => {
  await py.open(`
<py-script id="out">
from pyscript import fetch
response = await fetch("./notes.txt")
print(response.ok, response.status, response.statusText, response.url.endswith("/test/notes.txt"), response.redirected, response.type)
print(response.headers.get("Content-Type"), response.headers["content-type"], "content-type" in response.headers)
print(response.headers.get("x-missing"), response.headers.get("x-missing", "default"), response.headers.has("content-type"))
print(response.bodyUsed, len(await response.clone().text()), response.bodyUsed, len(await response.text()), response.bodyUsed)
missing = await fetch("./nope.txt")
print(missing.ok, missing.status, missing.statusText)
</py-script>`);
  await expect(py.output("#out")).toHaveText([
    "True 200 OK True False basic",
    "text/plain; charset=utf-8 text/plain; charset=utf-8 True",
    "None default True",
    "False 8 False 8 True", // characters: "notes ✓\n"
    "False 404 Not Found",
    "",
  ].join("\n"));
});

test("request options go to fetch(): method, headers and body; a redirect shows in redirected and url", async ({ py, page }) => {
  await page.route((url) => url.pathname === "/test/echo", (route) => route.fulfill({
    contentType: "application/json",
    body: JSON.stringify({ method: route.request().method(), body: route.request().postData(), header: route.request().headers()["x-test"] }),
  }));
  await page.route((url) => url.pathname === "/test/moved", (route) => route.fulfill({ status: 302, headers: { location: "/test/notes.txt" } }));
  await py.open(`
<py-script id="out">
import json
from pyscript import fetch
echo = await fetch("./echo", method="POST", body=json.dumps({"a": 1}), headers={"x-test": "yes"}).json()
print(echo["method"], echo["body"], echo["header"])
moved = await fetch("./moved")
print(moved.redirected, moved.url.endswith("/test/notes.txt"), moved.status)
</py-script>`);
  await expect(py.output("#out")).toHaveText('POST {"a": 1} yes\nTrue True 200\n');
});

test("a worker's fetch() resolves relative URLs against the page, as on the page", async ({ py }) => {
  await py.open(`
<py-script id="w" worker>
from pyscript import fetch
response = await fetch("./notes.txt")
print(response.status, (await response.text()).strip())
</py-script>`);
  await expect(py.output("#w")).toHaveText("200 notes ✓\n", { timeout: 30_000 });
});

test("failures are clear Python errors: a network error, a body read twice, bad JSON, a URL that isn't one", async ({ py, page }) => {
  await page.route((url) => url.pathname === "/test/broken", (route) => route.abort());
  await py.open(`
<py-script id="out">
from pyscript import fetch
async def attempt(label, make):
    try:
        await make()
    except (OSError, TypeError) as error:
        print(label, type(error).__name__, error)
    except ValueError:  # bad JSON (json.JSONDecodeError on Pyodide)
        print(label, "ValueError")
async def read_twice():
    response = await fetch("./notes.txt")
    await response.text()
    await response.text()
await attempt("network", lambda: fetch("./broken").text())
await attempt("twice", read_twice)
await attempt("json", lambda: fetch("./notes.txt").json())
try:
    fetch(None)
except TypeError as error:
    print("None", error)
headers = (await fetch("./notes.txt")).headers
try:
    headers.get("not a name")
except ValueError as error:
    print("header", error)
</py-script>`);
  const lines = (await py.output("#out").textContent())!.split("\n");
  expect(lines[0]).toBe('network OSError fetch("./broken") failed: TypeError: Failed to fetch. Check the URL, and that the server ' +
    "is reachable; another site must also allow this page's origin (CORS).");
  expect(lines[1]).toMatch(/^twice OSError response\.text\(\) failed: TypeError: .*body stream already read/);
  expect(lines.slice(2)).toEqual(["json ValueError", "None fetch() takes the URL as a string (or a JavaScript URL or Request), not NoneType.",
    "header 'not a name' is not a header name (letters, digits and !#$%&'*+-.^_`|~ only).", ""]);
});
