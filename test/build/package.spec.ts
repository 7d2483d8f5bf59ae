// The npm package: what `npm pack` puts in the tarball, and a plain static
// page using it straight from node_modules, after installing the tarball
// into a fresh folder as a user would.
import { test, expect } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { freshInstall, openServed, packTarball, ROOT, writeFiles } from "./packed";
import { buildWheel, wheelName } from "../packages/wheels";

/** Bytes of every file under `folder`. */
const sizeOf = (folder: string): number => readdirSync(folder, { withFileTypes: true })
  .reduce((sum, entry) => sum + (entry.isDirectory() ? sizeOf(join(folder, entry.name)) : statSync(join(folder, entry.name)).size), 0);

let installed: string | undefined;
/** One fresh install of the tarball for this file's tests. */
const app = () => (installed ??= freshInstall({}));

test("the tarball holds the build output and nothing of the repository's own", () => {
  const { files, unpackedSize } = packTarball();
  const paths = files.map((file) => file.path);
  for (const path of ["package.json", "README.md", "dist/pyscript.js", "dist/pyscript.css", "dist/index.js", "dist/py-repl.js",
    "dist/types/index.d.ts", "dist/python/pyscript/__init__.pyi", "dist/micropython/micropython.wasm", "dist/pyodide/pyodide.asm.wasm",
    "dist/packages.js", "dist/index-writer.js", "bin/micropyscript.mjs"]) {
    expect(paths).toContain(path);
  }
  expect(paths.filter((path) => !/^(dist\/|bin\/micropyscript\.mjs$|package\.json$|README\.md$|LICENSE)/.test(path))).toEqual([]);
  expect(unpackedSize).toBeLessThan(sizeOf(join(ROOT, "dist")) + 200_000); // the build, and little more (package.json, README)
});

test("the package needs nothing at run time: every runtime is bundled into dist/", () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
  expect(manifest.dependencies ?? {}).toEqual({});
  expect(manifest.private).toBeUndefined();
  expect(manifest.scripts.prepare).toContain("build"); // installs from git build dist/ too
  expect(manifest.exports["."]).toEqual({ types: "./dist/types/index.d.ts", default: "./dist/index.js" });
});

test("a plain static page runs Python from the package installed from its tarball", async ({ page }) => {
  writeFiles(app(), {
    "index.html": `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,">
<link rel="stylesheet" href="node_modules/micropyscript/dist/pyscript.css"></head><body>
<py-script id="hello">print("Hello from Python")</py-script>
<script type="module" src="node_modules/micropyscript/dist/pyscript.js"></script>
</body></html>`,
  });
  await openServed(page, app(), "/index.html", async () => {
    await expect(page.locator("#hello .py-output")).toHaveText("Hello from Python\n");
  });
});

test("`npx micropyscript wheels` from the installed package indexes a folder of wheels", () => {
  writeFiles(app(), { "wheels/README.txt": "" });
  writeFileSync(join(app(), "wheels", wheelName(WHEEL)), buildWheel(WHEEL));
  const said = execFileSync("npx", ["--offline", "micropyscript", "wheels", "wheels"], { cwd: app(), encoding: "utf8" });
  expect(said).toContain("Wrote an index of 1 wheel(s) in 1 project(s)");
  expect(readFileSync(join(app(), "wheels/tiny/index.html"), "utf8")).toContain('href="../tiny-1.0-py3-none-any.whl#sha256=');
});

const WHEEL = { name: "tiny", version: "1.0", files: { "tiny.py": "X = 1\n" } };

test("Node resolves the package's entries through its exports map", () => {
  writeFiles(app(), {
    "resolve.mjs": `for (const name of ["micropyscript", "micropyscript/pyscript.js", "micropyscript/py-repl.js", "micropyscript/pyscript.css",
  "micropyscript/python/pyscript/__init__.pyi", "micropyscript/dist/micropython/micropython.wasm"]) console.log(import.meta.resolve(name).replace(/^.*node_modules\\//, ""));`,
  });
  expect(execFileSync("node", ["resolve.mjs"], { cwd: app(), encoding: "utf8" }).trim().split("\n")).toEqual([
    "micropyscript/dist/index.js", "micropyscript/dist/pyscript.js", "micropyscript/dist/py-repl.js", "micropyscript/dist/pyscript.css",
    "micropyscript/dist/python/pyscript/__init__.pyi", "micropyscript/dist/micropython/micropython.wasm"]);
});

test("a TypeScript app type-checks against the package's declarations", () => {
  writeFiles(app(), {
    "app.ts": `import { createKernel, PyScriptError, type Config, type Plugin } from "micropyscript";
const plugin: Plugin = { name: "typed", configure(config: Config) { config.files["a.py"] = "./a.py"; } };
const kernel = createKernel({ assetsURL: "/micropyscript/" });
kernel.api.registerPlugin(plugin);
document.addEventListener("py-error", (event) => console.log(event.detail instanceof PyScriptError, event.detail.code));
void kernel.start();
`,
    "tsconfig.json": JSON.stringify({ compilerOptions: { strict: true, target: "ES2022", module: "ESNext", moduleResolution: "Bundler", lib: ["ES2023", "DOM"], noEmit: true }, files: ["app.ts"] }),
  });
  execFileSync(join(ROOT, "node_modules", ".bin", "tsc"), ["-p", app()], { encoding: "utf8" }); // throws, with tsc's messages, on a type error
});
