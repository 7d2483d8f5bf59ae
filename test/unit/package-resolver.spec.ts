// Resolving packages (src/packages/): wheels by URL and by name from a simple
// index, dependency chains with markers and extras, one version per name,
// conflicts, what is installed already, and the checks on each wheel. The
// network is a map of URL → bytes (fetch replaced); wheels are built here.
import { test, expect } from "@playwright/test";
import { targetFor } from "../../src/packages/environments.js";
import { sha256InScript, hex } from "../../src/packages/hashes.js";
import { simpleIndex } from "../../src/packages/index-writer.js";
import { resolve, type Install } from "../../src/packages/resolver.js";
import { fromHTML, projectFiles } from "../../src/packages/simple-index.js";
import { readZip } from "../../src/packages/zip.js";
import type { InterpreterInfo } from "../../src/interpreters/interpreter.js";
import { buildWheel, wheelName, zip, type WheelSpec } from "../packages/wheels.js";

const BASE = "https://example.test/";
const info = (name: string, label: string): InterpreterInfo => ({ name, label, version: "1.0", description: "", files: {}, options: {} });
const MICROPYTHON = targetFor(info("micropython", "MicroPython"));
const PYODIDE = targetFor(info("pyodide", "Pyodide"));

/** Serve `specs` as wheels under BASE/wheels/ with an index there (as `npx micropyscript wheels` writes it). */
async function network(specs: WheelSpec[], extra: Record<string, Uint8Array | string> = {}): Promise<void> {
  const files = new Map<string, Uint8Array | string>(Object.entries(extra).map(([path, body]) => [BASE + path, body]));
  const wheels = specs.map((spec) => ({ filename: wheelName(spec), bytes: buildWheel(spec) }));
  for (const { filename, bytes } of wheels) files.set(`${BASE}wheels/${filename}`, bytes);
  for (const [path, html] of (await simpleIndex(wheels)).pages) files.set(`${BASE}wheels/${path.replace(/index\.html$/, "")}`, html);
  (globalThis as { location?: unknown }).location ??= { href: BASE }; // fetch-url.ts resolves against it, as in a worker
  globalThis.fetch = async (input: RequestInfo | URL) => {
    const url = String(input instanceof Request ? input.url : input);
    const body = files.get(url);
    if (body === undefined) return new Response("not found", { status: 404, statusText: "Not Found" });
    return new Response(body as BodyInit, { headers: { "Content-Type": url.endsWith("/") ? "text/html" : "application/octet-stream" } });
  };
}

const summary = (installs: Install[]) => installs.map(({ name, version }) => `${name} ${version}`);
const module = (name: string, version: string) => ({ [`${name}/__init__.py`]: `VERSION = "${version}"\n` });
const CHAIN: WheelSpec[] = [
  { name: "toplib", version: "1.0", files: module("toplib", "1.0"), extras: ["fancy"],
    requires: ["midlib (<2,>=1.0)", 'winonly; sys_platform == "win32"', 'fancydep; extra == "fancy"'] },
  { name: "midlib", version: "1.5", files: module("midlib", "1.5"), requires: ["base-lib"] },
  { name: "midlib", version: "2.0", files: module("midlib", "2.0"), requires: ["base-lib"] },
  { name: "Base_Lib", version: "0.1", files: module("base_lib", "0.1") },
  { name: "fancydep", version: "1.0", files: module("fancydep", "1.0") },
];

test("a name's dependency chain is followed, markers and unrequested extras leave dependencies out, dependencies come first", async () => {
  await network(CHAIN);
  const { installs, errors } = await resolve(["toplib"], { target: MICROPYTHON, indexURL: `${BASE}wheels/`, baseURL: BASE });
  expect(errors).toEqual([]);
  expect(summary(installs)).toEqual(["Base_Lib 0.1", "midlib 1.5", "toplib 1.0"]);
  const wheel = installs[2]!.kind === "wheel" ? installs[2]!.fetched.wheel : undefined;
  expect(new TextDecoder().decode(wheel!.files.get("toplib/__init__.py"))).toBe('VERSION = "1.0"\n');
  expect([...wheel!.files.keys()]).toContain("toplib-1.0.dist-info/METADATA");
});

test("an extra asked for brings its dependencies", async () => {
  await network(CHAIN);
  const { installs } = await resolve(["toplib[fancy]"], { target: MICROPYTHON, indexURL: `${BASE}wheels/`, baseURL: BASE });
  expect(summary(installs)).toContain("fancydep 1.0");
});

test("two packages needing versions of a third that can't both hold are a conflict naming the chain; the rest still resolves", async () => {
  await network([
    { name: "a", version: "1.0", files: module("a", "1"), requires: ["shared==1.0"] },
    { name: "b", version: "1.0", files: module("b", "1"), requires: ["shared>=2"] },
    { name: "shared", version: "1.0", files: module("shared", "1") },
    { name: "shared", version: "2.0", files: module("shared", "2") },
    { name: "ok", version: "1.0", files: module("ok", "1") },
  ]);
  const { installs, errors } = await resolve(["a", "b", "ok"], { target: MICROPYTHON, indexURL: `${BASE}wheels/`, baseURL: BASE });
  expect(errors.map((error) => error.code)).toContain("package-conflict");
  expect(errors[0]!.message).toMatch(/^a → shared: needs shared ==1\.0/);
  expect(summary(installs)).toEqual(["ok 1.0"]);
});

test("what is installed already is kept, and a requirement it doesn't meet is a conflict", async () => {
  await network(CHAIN);
  const installed = new Map([["base-lib", "0.1"], ["midlib", "1.5"]]);
  const { installs } = await resolve(["toplib"], { target: MICROPYTHON, indexURL: `${BASE}wheels/`, baseURL: BASE, installed });
  expect(summary(installs)).toEqual(["toplib 1.0"]);
  const { errors } = await resolve(["midlib>=2"], { target: MICROPYTHON, indexURL: `${BASE}wheels/`, baseURL: BASE, installed });
  expect(errors[0]!.code).toBe("package-conflict");
});

test("a missing dependency names the whole chain and the interpreter", async () => {
  await network([
    { name: "a", version: "1.0", files: module("a", "1"), requires: ["b"] },
    { name: "b", version: "1.0", files: module("b", "1"), requires: ["c"] },
    { name: "c", version: "1.0", files: module("c", "1"), tags: "cp312-cp312-manylinux_2_17_x86_64" },
  ]);
  const { installs, errors } = await resolve(["a"], { target: MICROPYTHON, indexURL: `${BASE}wheels/`, baseURL: BASE });
  expect(installs).toEqual([]);
  expect(errors.map(String)).toEqual([expect.stringMatching(/^\[package-incompatible\] a → b → c: .*cp312-cp312-manylinux_2_17_x86_64.*MicroPython/)]);
});

test("Pyodide takes wheels built for it as binary, and Requires-Python is checked against its Python", async () => {
  await network([
    { name: "fast", version: "1.0", files: module("fast", "1"), tags: "cp314-cp314-pyemscripten_2026_0_wasm32" },
    { name: "future", version: "1.0", files: module("future", "1"), requiresPython: ">=3.99" },
  ]);
  const { installs, errors } = await resolve(["fast", "future"], { target: PYODIDE, indexURL: `${BASE}wheels/`, baseURL: BASE });
  expect(installs.map((install) => install.kind === "wheel" && install.binary)).toEqual([true]);
  expect(errors.map((error) => error.code)).toEqual(["package-incompatible"]);
  expect(errors[0]!.message).toContain(">=3.99");
});

test("bad files: 404, not a zip, a hash that doesn't match, a name the index lacks, and no index for a name", async () => {
  await network([{ name: "tampered", version: "1.0", files: module("tampered", "1"), tamper: true }], { "wheels/notzip-1.0-py3-none-any.whl": "plain text" });
  const { errors } = await resolve([`${BASE}wheels/gone-1.0-py3-none-any.whl`, "./wheels/notzip-1.0-py3-none-any.whl", "tampered", "nosuch"],
    { target: MICROPYTHON, indexURL: `${BASE}wheels/`, baseURL: BASE });
  expect(errors.map((error) => error.code)).toEqual(["package-fetch", "package-invalid", "package-invalid", "package-not-found"]);
  expect(errors[2]!.message).toContain("hash");
  const noIndex = await resolve(["humanize"], { target: MICROPYTHON, baseURL: BASE });
  expect(noIndex.errors.map((error) => error.code)).toEqual(["package-index"]);
});

test("a mip package.json's files and URL dependencies are fetched (MicroPython only)", async () => {
  await network([], {
    "mip/thing/package.json": JSON.stringify({ urls: [["thing/__init__.py", "thing.py"]], deps: [["../other/package.json", "latest"]], version: "0.2" }),
    "mip/thing/thing.py": "X = 1\n",
    "mip/other/package.json": JSON.stringify({ urls: [["other.py", "other.py"]], version: "1" }),
    "mip/other/other.py": "Y = 2\n",
  });
  const { installs, errors } = await resolve(["./mip/thing/package.json"], { target: MICROPYTHON, baseURL: BASE });
  expect(errors).toEqual([]);
  expect(installs.map((install) => install.kind === "mip" && [...install.mip.files.keys()])).toEqual([["other.py"], ["thing/__init__.py"]]);
  expect((await resolve(["./mip/thing/package.json"], { target: PYODIDE, baseURL: BASE })).errors[0]!.code).toBe("package-incompatible");
});

test("the zip reader reads stored and deflated members (c.txt is stored: deflating wouldn't shrink it) and refuses what isn't a zip", async () => {
  const bytes = new Uint8Array(zip([{ path: "a/b.txt", data: new TextEncoder().encode("hello ".repeat(100)) }, { path: "c.txt", data: new TextEncoder().encode("x") }]));
  const members = await readZip(bytes);
  expect(new TextDecoder().decode(members.get("a/b.txt"))).toBe("hello ".repeat(100));
  expect(members.get("c.txt")!.length).toBe(1);
  await expect(readZip(new TextEncoder().encode("not a zip at all, nope"))).rejects.toThrow("not a zip");
});

test("SHA-256 written in script agrees with the platform's", async () => {
  for (const length of [0, 3, 55, 56, 64, 1000]) {
    const bytes = new Uint8Array(length).map((_, i) => (i * 7) & 255);
    expect(hex(sha256InScript(bytes))).toBe(hex(new Uint8Array(await crypto.subtle.digest("SHA-256", bytes))));
  }
});

test("PEP 503 pages: hashes, Requires-Python with entities, yanked files, relative links", () => {
  const files = fromHTML(`<a href="../../files/x-1.0-py3-none-any.whl#sha256=${"ab".repeat(32)}" data-requires-python="&gt;=3.8">x-1.0-py3-none-any.whl</a>
<a href='x-0.9-py3-none-any.whl' data-yanked>x-0.9-py3-none-any.whl</a>`, "https://example.test/simple/x/");
  expect(files).toEqual([
    { filename: "x-1.0-py3-none-any.whl", url: "https://example.test/files/x-1.0-py3-none-any.whl", sha256: "ab".repeat(32), requiresPython: ">=3.8", yanked: false },
    { filename: "x-0.9-py3-none-any.whl", url: "https://example.test/simple/x/x-0.9-py3-none-any.whl", sha256: undefined, requiresPython: undefined, yanked: true },
  ]);
});

test("PEP 691 JSON pages are read when the index answers with JSON; an unknown project is undefined", async () => {
  globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    expect(new Headers(init?.headers).get("Accept")).toContain("application/vnd.pypi.simple.v1+json");
    if (url !== "https://index.test/simple/x/") return new Response("", { status: 404 });
    return new Response(JSON.stringify({ meta: { "api-version": "1.0" }, name: "x", files: [
      { filename: "x-1.0-py3-none-any.whl", url: "../../files/x-1.0-py3-none-any.whl", hashes: { sha256: "cd".repeat(32) }, "requires-python": ">=3.9", yanked: false },
      { filename: "x-0.1-py3-none-any.whl", url: "https://files.test/x-0.1-py3-none-any.whl", hashes: {}, yanked: "broken" },
    ] }), { headers: { "Content-Type": "application/vnd.pypi.simple.v1+json" } });
  };
  expect(await projectFiles("https://index.test/simple", "x")).toEqual([
    { filename: "x-1.0-py3-none-any.whl", url: "https://index.test/files/x-1.0-py3-none-any.whl", sha256: "cd".repeat(32), requiresPython: ">=3.9", yanked: false },
    { filename: "x-0.1-py3-none-any.whl", url: "https://files.test/x-0.1-py3-none-any.whl", sha256: undefined, requiresPython: undefined, yanked: true },
  ]);
  expect(await projectFiles("https://index.test/simple/", "y")).toBeUndefined();
});
