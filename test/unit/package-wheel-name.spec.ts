// Wheel file names (PEP 427) and which interpreter takes which wheel, best tags first (PEP 425, pip's order).
import { test, expect } from "@playwright/test";
import { describeTags, isPureTags, parseWheelFilename, supportedTags, tagScore, TARGETS } from "../../src/packages/wheel-name.js";

const tagsOf = (filename: string) => parseWheelFilename(filename)!.tags;
const score = (filename: string, target: keyof typeof TARGETS) => tagScore(tagsOf(filename), TARGETS[target]);

test("wheel file names parse into name, version, build and expanded tags", () => {
  expect(parseWheelFilename("humanize-4.9.0-py3-none-any.whl")).toEqual({
    name: "humanize", key: "humanize", version: "4.9.0", tags: [{ python: "py3", abi: "none", platform: "any" }],
  });
  expect(parseWheelFilename("typing_extensions-4.12.2-py3-none-any.whl")).toMatchObject({ name: "typing_extensions", key: "typing-extensions" });
  expect(parseWheelFilename("Zope.Interface-6.0-1local-cp312-cp312-manylinux_2_17_x86_64.whl")).toMatchObject({
    key: "zope-interface", version: "6.0", build: "1local",
  });
  expect(parseWheelFilename("./wheels/arrr-1.0.0-py3-none-any.whl")!.name).toBe("arrr");
  expect(parseWheelFilename("torch-2.1.0+cpu-cp311-cp311-linux_x86_64.whl")!.version).toBe("2.1.0+cpu");
});

test("compressed tag sets expand to every combination", () => {
  expect(describeTags(tagsOf("six-1.16.0-py2.py3-none-any.whl"))).toBe("py2-none-any, py3-none-any");
  expect(tagsOf("numpy-1.26.4-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl")).toHaveLength(2);
  expect(tagsOf("a-1.0-py2.py3-none-linux_x86_64.macosx_11_0_arm64.whl")).toHaveLength(4);
  expect(describeTags(tagsOf("numpy-2.2.0-cp312-cp312-manylinux_2_17_x86_64.whl"))).toBe("cp312-cp312-manylinux_2_17_x86_64");
});

test("names that aren't wheels' give undefined", () => {
  for (const name of [
    "humanize-4.9.0.tar.gz", "humanize-4.9.0-py3-none-any.zip", "humanize-py3-none-any.whl", "humanize-4.9.0-py3-none.whl",
    "a-b-c-d-e-f-g.whl", "humanize-not_a_version-py3-none-any.whl", "humanize-4.9.0-x1-py3-none-any.whl", "-1.0-py3-none-any.whl",
    "humanize-4.9.0-py3..py2-none-any.whl", "humanize-4.9.0-py3-none-any.WHL", "",
  ]) {
    expect(parseWheelFilename(name), name).toBeUndefined();
  }
});

test("pure tags are abi none on platform any", () => {
  expect(isPureTags(tagsOf("six-1.16.0-py2.py3-none-any.whl"))).toBe(true);
  expect(isPureTags(tagsOf("a-1.0-cp312-none-any.whl"))).toBe(true);
  expect(isPureTags(tagsOf("a-1.0-py3-none-pyodide_2026_0_wasm32.whl"))).toBe(false);
  expect(isPureTags(tagsOf("a-1.0-cp314-abi3-any.whl"))).toBe(false);
});

test("MicroPython takes pure Python 3 wheels up to 3.4 only", () => {
  expect(score("six-1.16.0-py2.py3-none-any.whl", "micropython")).toBeDefined();
  expect(score("a-1.0-py3-none-any.whl", "micropython")).toBeDefined();
  expect(score("a-1.0-py34-none-any.whl", "micropython")).toBeGreaterThan(score("a-1.0-py3-none-any.whl", "micropython")!);
  expect(score("a-1.0-py30-none-any.whl", "micropython")).toBeDefined();
  for (const name of ["a-1.0-py2-none-any.whl", "a-1.0-py38-none-any.whl", "a-1.0-cp314-none-any.whl", "a-1.0-py3-none-pyodide_2026_0_wasm32.whl",
    "numpy-2.2.0-cp314-cp314-pyodide_2026_0_wasm32.whl"]) {
    expect(score(name, "micropython"), name).toBeUndefined();
  }
});

test("Pyodide takes its own binary wheels, the stable ABI of older minors, and pure wheels, preferring the specific", () => {
  const ranked = [
    "a-1.0-cp314-cp314-pyemscripten_2026_0_wasm32.whl",
    "a-1.0-cp314-cp314-pyodide_2026_0_wasm32.whl",
    "a-1.0-cp314-cp314-emscripten_5_0_3_wasm32.whl",
    "a-1.0-cp314-abi3-pyodide_2026_0_wasm32.whl",
    "a-1.0-cp314-none-pyodide_2026_0_wasm32.whl",
    "a-1.0-cp313-abi3-pyodide_2026_0_wasm32.whl",
    "a-1.0-cp32-abi3-pyodide_2026_0_wasm32.whl",
    "a-1.0-py314-none-pyodide_2026_0_wasm32.whl",
    "a-1.0-py3-none-emscripten_5_0_3_wasm32.whl",
    "a-1.0-cp314-none-any.whl",
    "a-1.0-py314-none-any.whl",
    "a-1.0-py3-none-any.whl",
    "a-1.0-py313-none-any.whl",
    "a-1.0-py30-none-any.whl",
  ];
  const scores = ranked.map((name) => score(name, "pyodide"));
  expect(scores.every((s) => s !== undefined), JSON.stringify(scores)).toBe(true);
  expect([...scores].sort((a, b) => b! - a!)).toEqual(scores);
  expect(new Set(scores).size).toBe(scores.length);
  for (const name of [
    "a-1.0-cp313-cp313-pyodide_2026_0_wasm32.whl", // another minor's own ABI
    "a-1.0-cp315-abi3-pyodide_2026_0_wasm32.whl", // the stable ABI of a newer minor
    "a-1.0-cp314-abi3-any.whl", "a-1.0-cp314-cp314-any.whl", // ABIs need a binary platform
    "a-1.0-cp314-cp314-pyodide_2025_0_wasm32.whl", // an older Pyodide ABI
    "a-1.0-cp314-cp314-emscripten_3_1_58_wasm32.whl", "a-1.0-cp314-cp314-manylinux_2_17_x86_64.whl",
    "a-1.0-py315-none-any.whl", "a-1.0-py2-none-any.whl", "a-1.0-pp310-none-any.whl",
  ]) {
    expect(score(name, "pyodide"), name).toBeUndefined();
  }
});

test("a wheel with several tags scores by its best compatible one", () => {
  expect(score("a-1.0-py2.py3-none-any.whl", "pyodide")).toBe(score("a-1.0-py3-none-any.whl", "pyodide"));
  expect(score("a-1.0-cp314-cp314-manylinux_2_17_x86_64.pyodide_2026_0_wasm32.whl", "pyodide")).toBe(
    score("a-1.0-cp314-cp314-pyodide_2026_0_wasm32.whl", "pyodide"));
});

test("our WASI CPython takes pure wheels up to 3.12, and no binary ones", () => {
  expect(score("a-1.0-cp312-none-any.whl", "cpython")).toBeGreaterThan(score("a-1.0-py312-none-any.whl", "cpython")!);
  expect(score("a-1.0-py312-none-any.whl", "cpython")).toBeGreaterThan(score("a-1.0-py3-none-any.whl", "cpython")!);
  expect(score("a-1.0-py3-none-any.whl", "cpython")).toBeGreaterThan(score("a-1.0-py311-none-any.whl", "cpython")!);
  for (const name of ["a-1.0-cp312-cp312-wasi_0_0_0_wasm32.whl", "a-1.0-cp312-abi3-wasi_0_0_0_wasm32.whl", "a-1.0-py313-none-any.whl",
    "a-1.0-cp311-none-any.whl", "a-1.0-cp314-cp314-pyodide_2026_0_wasm32.whl"]) {
    expect(score(name, "cpython"), name).toBeUndefined();
  }
});

test("the supported-tags list follows pip's order and has no repeats", () => {
  expect(supportedTags(TARGETS.micropython)).toEqual(["py34-none-any", "py3-none-any", "py33-none-any", "py32-none-any", "py31-none-any", "py30-none-any"]);
  const pyodide = supportedTags(TARGETS.pyodide);
  expect(pyodide.slice(0, 3)).toEqual(["cp314-cp314-pyemscripten_2026_0_wasm32", "cp314-cp314-pyodide_2026_0_wasm32", "cp314-cp314-emscripten_5_0_3_wasm32"]);
  expect(pyodide.slice(-17, -15)).toEqual(["cp314-none-any", "py314-none-any"]);
  expect(new Set(pyodide).size).toBe(pyodide.length);
  expect(TARGETS.pyodide.label).toBe("Pyodide");
});
