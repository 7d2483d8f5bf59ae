// Guards for the code layout of src/: folders don't import each other in a circle, only
// top-level files use the entry points, and files stay small enough to read in one go.
import { test, expect } from "@playwright/test";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), "../../src");
const ROOT = "(root)";
const ENTRY_POINTS = ["kernel.ts", "api.ts", "pyscript.ts", "index.ts"];
const MAX_LINES = 250;
const ALLOWED_LONGER = ["kernel.ts"];

/** Every .ts file under src/, as a path relative to src/ with "/" separators. */
function sourceFiles(folder = SRC): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith(".ts") ? [relative(SRC, path).split(sep).join("/")] : [];
  });
}

/** The folder directly under src/ a file belongs to; files directly in src/ belong to "(root)". */
function folderOf(file: string): string {
  return file.includes("/") ? file.slice(0, file.indexOf("/")) : ROOT;
}

/** Source without comments, so examples in doc comments don't count as imports. */
function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, " ").replace(/(^|[^:\\])\/\/.*$/gm, "$1");
}

/** Every module a file names: import/export … from, bare imports, import(…) and typeof import(…). */
function specifiers(source: string): string[] {
  const code = withoutComments(source);
  const patterns = [
    /^\s*(?:import|export)\b[^;]*?\bfrom\s*["']([^"']+)["']/gm, // import x from, import type, export … from (may span lines)
    /^\s*import\s*["']([^"']+)["']/gm, // import "./side-effect.js"
    /\bimport\s*\(\s*["']([^"']+)["']\s*\)/g, // import("…") and typeof import("…")
  ];
  return patterns.flatMap((pattern) => [...code.matchAll(pattern)].map((match) => match[1]!));
}

/** The src/ file a relative specifier names ("./x.js" is "./x.ts"), or undefined (packages, CSS, Python…). */
function resolveImport(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith(".")) return undefined;
  const base = resolve(SRC, dirname(from), specifier);
  const candidates = [base.replace(/\.js$/, ".ts"), base + ".ts", join(base, "index.ts"), base.replace(/\.js$/, ".d.ts")];
  const found = candidates.find((path) => path.endsWith(".ts") && existsSync(path) && statSync(path).isFile());
  return found && relative(SRC, found).split(sep).join("/");
}

/** The import graph of src/: each file with the src/ files it imports. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles()) {
    const source = readFileSync(join(SRC, file), "utf8");
    const targets = specifiers(source).map((specifier) => resolveImport(file, specifier)).filter((target) => target !== undefined);
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** A cycle among the subfolders of src/ as "a → b → a" with the file imports that make each step, or undefined. */
function folderCycle(graph: Map<string, string[]>): string | undefined {
  const edges = new Map<string, Map<string, string>>(); // folder → folder → one file import that links them
  for (const [file, targets] of graph) {
    for (const target of targets) {
      const [from, to] = [folderOf(file), folderOf(target)];
      if (from === to || from === ROOT || to === ROOT) continue;
      if (!edges.has(from)) edges.set(from, new Map());
      if (!edges.get(from)!.has(to)) edges.get(from)!.set(to, `${file} → ${target}`);
    }
  }
  const done = new Set<string>();
  const path: string[] = [];
  const visit = (folder: string): string[] | undefined => {
    if (path.includes(folder)) return [...path.slice(path.indexOf(folder)), folder];
    if (done.has(folder)) return undefined;
    path.push(folder);
    for (const next of [...(edges.get(folder)?.keys() ?? [])].sort()) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    done.add(folder);
    return undefined;
  };
  for (const folder of [...edges.keys()].sort()) {
    const cycle = visit(folder);
    if (cycle) {
      const steps = cycle.slice(1).map((to, i) => `  ${cycle[i]} → ${to}  (${edges.get(cycle[i]!)!.get(to)})`);
      return [cycle.join(" → "), ...steps].join("\n");
    }
  }
  return undefined;
}

/** Lines in a file, not counting the empty string after a final newline. */
function lineCount(text: string): number {
  return text.split("\n").length - (text.endsWith("\n") ? 1 : 0);
}

test("the import graph finds static, type-only, re-exported and dynamic imports", () => {
  const source = [
    'import { a } from "./a.js";',
    'import type {',
    '  B,',
    '} from "../b.js";',
    'export { c } from "./c.js";',
    'export * from "./d.js";',
    'import "./e.js";',
    'type F = typeof import("./f.js");',
    'const g = await import("./g.js");',
    '/** @example const h = await import("./not-an-import.js"); */',
    '// import { i } from "./commented-out.js";',
    'const url = "https://example.org/"; // and a URL is no comment',
  ].join("\n");
  expect(specifiers(source).sort()).toEqual(["../b.js", "./a.js", "./c.js", "./d.js", "./e.js", "./f.js", "./g.js"]);
});

test("the folder check finds a circle through several folders, names the imports, and ignores src/ itself", () => {
  const graph = new Map([
    ["kernel.ts", ["plugins/a.ts", "workers/c.ts"]],
    ["plugins/a.ts", ["page-io/b.ts", "config.ts"]],
    ["page-io/b.ts", ["workers/c.ts"]],
    ["workers/c.ts", ["plugins/a2.ts", "kernel.ts"]],
    ["plugins/a2.ts", []],
  ]);
  expect(folderCycle(graph)).toBe([
    "page-io → workers → plugins → page-io",
    "  page-io → workers  (page-io/b.ts → workers/c.ts)",
    "  workers → plugins  (workers/c.ts → plugins/a2.ts)",
    "  plugins → page-io  (plugins/a.ts → page-io/b.ts)",
  ].join("\n"));
  graph.set("workers/c.ts", ["kernel.ts", "interpreters/d.ts"]); // through (root) only: no circle
  expect(folderCycle(graph)).toBeUndefined();
});

test("no two subfolders of src/ import each other, directly or in a longer circle", () => {
  const graph = importGraph();
  expect(graph.size).toBeGreaterThan(10); // the walk found the sources
  const cycle = folderCycle(graph);
  expect(cycle, `Subfolders of src/ import each other in a circle:\n${cycle}`).toBeUndefined();
});

test("only files directly in src/ import the entry points (kernel, api, pyscript, index)", () => {
  const offenders = [...importGraph()]
    .filter(([file]) => folderOf(file) !== ROOT)
    .flatMap(([file, targets]) => targets.filter((target) => ENTRY_POINTS.includes(target)).map((target) => `${file} → ${target}`));
  expect(offenders, `Files in subfolders of src/ import an entry point:\n${offenders.join("\n")}`).toEqual([]);
});

test(`no file in src/ is over ${MAX_LINES} lines, except ${ALLOWED_LONGER.join(", ")}`, () => {
  const offenders = sourceFiles()
    .filter((file) => !ALLOWED_LONGER.includes(file))
    .map((file) => ({ file, lines: lineCount(readFileSync(join(SRC, file), "utf8")) }))
    .filter(({ lines }) => lines > MAX_LINES)
    .map(({ file, lines }) => `src/${file}: ${lines} lines`);
  expect(offenders, `Files over ${MAX_LINES} lines:\n${offenders.join("\n")}`).toEqual([]);
});
