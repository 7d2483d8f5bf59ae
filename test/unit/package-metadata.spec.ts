// The .dist-info files an installer reads: METADATA headers, WHEEL, and RECORD's CSV of hashes.
import { test, expect } from "@playwright/test";
import { parseMetadata, parseRecord, parseWheelInfo } from "../../src/packages/metadata.js";

// Shaped like requests 2.32's METADATA (Metadata 2.1, as setuptools writes it), shortened.
const REQUESTS = [
  "Metadata-Version: 2.1",
  "Name: requests",
  "Version: 2.32.3",
  "Summary: Python HTTP for Humans.",
  "Home-page: https://requests.readthedocs.io",
  "Author: Kenneth Reitz",
  "License: Apache-2.0",
  "Classifier: Development Status :: 5 - Production/Stable",
  "Requires-Python: >=3.8",
  "Description-Content-Type: text/markdown",
  "License-File: LICENSE",
  "Requires-Dist: charset-normalizer<4,>=2",
  "Requires-Dist: idna<4,>=2.5",
  "Requires-Dist: urllib3<3,>=1.21.1",
  "Requires-Dist: certifi>=2017.4.17",
  "Provides-Extra: security",
  "Provides-Extra: socks",
  'Requires-Dist: PySocks!=1.5.7,>=1.5.6; extra == "socks"',
  "Provides-Extra: use_chardet_on_py3",
  'Requires-Dist: chardet<6,>=3.0.2; extra == "use-chardet-on-py3"',
  "",
  "# Requests",
  "",
  "Requires-Dist: not-a-header-this-is-the-description",
].join("\r\n");

test("METADATA gives name, version, dependencies, extras, Requires-Python and summary", () => {
  expect(parseMetadata(REQUESTS)).toEqual({
    name: "requests",
    version: "2.32.3",
    requiresDist: ["charset-normalizer<4,>=2", "idna<4,>=2.5", "urllib3<3,>=1.21.1", "certifi>=2017.4.17",
      'PySocks!=1.5.7,>=1.5.6; extra == "socks"', 'chardet<6,>=3.0.2; extra == "use-chardet-on-py3"'],
    requiresPython: ">=3.8",
    providesExtra: ["security", "socks", "use_chardet_on_py3"],
    summary: "Python HTTP for Humans.",
  });
});

test("header names are case-insensitive, continuation lines join, and absent fields stay absent", () => {
  const text = "name: tiny\nVERSION:1.0\nSummary: a summary\n  that goes on\n\tand on\nDescription: first\n       |second\n";
  expect(parseMetadata(text)).toEqual({ name: "tiny", version: "1.0", requiresDist: [], providesExtra: [], summary: "a summary that goes on and on" });
  expect(parseMetadata("\uFEFFName: bom\nVersion: 2\n").name).toBe("bom");
  expect(parseMetadata("Name: x\nVersion: 1\nnonsense line\nRequires-Dist: y\n").requiresDist).toEqual(["y"]);
});

test("METADATA without a Name or Version throws an error that says so", () => {
  expect(() => parseMetadata("Version: 1.0\n")).toThrow('The wheel\'s METADATA has no "Name:" header');
  expect(() => parseMetadata("Name: x\nVersion:\n")).toThrow('no "Version:" header');
  expect(() => parseMetadata("\nName: x\nVersion: 1\n")).toThrow("no \"Name:\" header"); // headers end at the first empty line
  expect(() => parseMetadata("")).toThrow("Rebuild the wheel");
});

test("WHEEL gives the format version, purelib flag and tags", () => {
  const text = "Wheel-Version: 1.0\nGenerator: bdist_wheel (0.43.0)\nRoot-Is-Purelib: true\nTag: py2-none-any\nTag: py3-none-any\n";
  expect(parseWheelInfo(text)).toEqual({ version: "1.0", rootIsPurelib: true, tags: ["py2-none-any", "py3-none-any"] });
  const binary = "Wheel-Version: 1.0\r\nGenerator: pyodide-build\r\nRoot-Is-Purelib: false\r\nTag: cp314-cp314-pyodide_2026_0_wasm32\r\n";
  expect(parseWheelInfo(binary)).toEqual({ version: "1.0", rootIsPurelib: false, tags: ["cp314-cp314-pyodide_2026_0_wasm32"] });
  expect(parseWheelInfo("Wheel-Version: 1.0\nRoot-Is-Purelib: True\n")).toEqual({ version: "1.0", rootIsPurelib: true, tags: [] });
  expect(() => parseWheelInfo("Tag: py3-none-any\n")).toThrow('The wheel\'s WHEEL file has no "Wheel-Version:" header');
});

test("RECORD lists paths with hashes and sizes, RECORD itself without", () => {
  const text = [
    "six.py,sha256=xRyR9wPbq0pBN9Zn9Y8xbNJrqzbhJXlHSMfMkuS6XK0,34549",
    "six-1.16.0.dist-info/LICENSE,sha256=i7hQxWWqOJ_cFvOkaWWtI9gq3_YPI5P8J2K2MYXo5sk,1066",
    "six-1.16.0.dist-info/RECORD,,",
    "",
  ].join("\n");
  expect(parseRecord(text)).toEqual([
    { path: "six.py", hash: { algorithm: "sha256", digest: "xRyR9wPbq0pBN9Zn9Y8xbNJrqzbhJXlHSMfMkuS6XK0" }, size: 34549 },
    { path: "six-1.16.0.dist-info/LICENSE", hash: { algorithm: "sha256", digest: "i7hQxWWqOJ_cFvOkaWWtI9gq3_YPI5P8J2K2MYXo5sk" }, size: 1066 },
    { path: "six-1.16.0.dist-info/RECORD" },
  ]);
});

test("RECORD paths may be quoted, hold commas and quotes, and lines may end in CRLF", () => {
  const text = '"data/a, b.txt",sha256=AAAA,3\r\n"data/say ""hi"".txt",sha256=BBBB,0\r\nplain/q"uote.py,,\r\n"multi\nline",SHA256=CC-_,7';
  expect(parseRecord(text)).toEqual([
    { path: "data/a, b.txt", hash: { algorithm: "sha256", digest: "AAAA" }, size: 3 },
    { path: 'data/say "hi".txt', hash: { algorithm: "sha256", digest: "BBBB" }, size: 0 },
    { path: 'plain/q"uote.py' },
    { path: "multi\nline", hash: { algorithm: "sha256", digest: "CC-_" }, size: 7 },
  ]);
  expect(parseRecord("")).toEqual([]);
});

test("a malformed RECORD throws an error naming the line", () => {
  expect(() => parseRecord("a.py,sha256=AAAA,12\nb.py,AAAA,12\n")).toThrow('RECORD is malformed at line 2 ("b.py,AAAA,12"): the hash "AAAA" is not algorithm=digest');
  expect(() => parseRecord("a.py,sha256=,12\n")).toThrow("is not algorithm=digest");
  expect(() => parseRecord("a.py,sha256=AAAA,twelve\n")).toThrow('the size "twelve" is not a number of bytes');
  expect(() => parseRecord(",sha256=AAAA,12\n")).toThrow("the path is empty");
  expect(() => parseRecord('"a.py,sha256=AAAA,12\n')).toThrow("a quote that is never closed");
});
