// MicroPython's own packaging: a package.json as `mip` reads it (files by
// URL relative to it, and dependencies), installed into /lib.
import { test, expect } from "../fixtures";
import { servedFolder } from "../packages/wheels";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

test("a mip package.json's files and its dependency are installed into /lib", async ({ py }) => {
  const { dir, url } = servedFolder();
  mkdirSync(join(dir, "greet"));
  mkdirSync(join(dir, "helper"));
  writeFileSync(join(dir, "greet/package.json"), JSON.stringify({ urls: [["greet/__init__.py", "greet.py"]], deps: [["../helper/package.json", "latest"]], version: "0.3" }));
  writeFileSync(join(dir, "greet/greet.py"), "from helper import shout\ndef hello(name):\n    return shout('hello ' + name)\n");
  writeFileSync(join(dir, "helper/package.json"), JSON.stringify({ urls: [["helper.py", "helper.py"]], version: "1.0" }));
  writeFileSync(join(dir, "helper/helper.py"), "def shout(text):\n    return text.upper()\n");
  await py.open(`<py-config>{"packages": ["${url}greet/package.json"]}</py-config>
<py-script id="out">
import greet, os
print(greet.hello("world"), sorted(os.listdir("/lib/greet")))
</py-script>`);
  await expect(py.output("#out")).toHaveText("HELLO WORLD ['__init__.py']\n");
  await expect(py.errors()).toHaveCount(0);
});
