/**
 * The package as npm would publish it: `npm pack` of this checkout (its
 * dist/ built by `npm test` first), installed from the tarball into a fresh
 * folder, and a plain static server for such folders. The Node side of the
 * package tests; nothing here touches the network (the package has no
 * dependencies, so `npm install --offline` of the tarball is enough).
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, type Page } from "@playwright/test";
// @ts-expect-error: our server is plain JavaScript
import { startServer } from "../../scripts/serve.mjs";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));

const made: string[] = [];
process.once("exit", () => made.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

/** A new empty folder in the system's temporary folder, removed when the test worker exits. */
export function tempFolder(prefix: string): string {
  const folder = mkdtempSync(join(tmpdir(), `micropyscript-${prefix}-`));
  made.push(folder);
  return folder;
}

/** What `npm pack --json` says about the tarball. */
export interface PackInfo {
  filename: string;
  size: number;
  unpackedSize: number;
  entryCount: number;
  files: { path: string }[];
}

let packed: PackInfo & { path: string } | undefined;

/** Pack this checkout once per test worker (the build is `npm test`'s; `npm pack` alone would build again, via `prepare`). */
export function packTarball(): PackInfo & { path: string } {
  if (packed) return packed;
  if (!existsSync(join(ROOT, "dist", "pyscript.js"))) throw new Error("dist/ is missing: run `npm run build` first.");
  const folder = tempFolder("pack");
  const [info] = JSON.parse(execFileSync("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", folder], { cwd: ROOT, encoding: "utf8" })) as PackInfo[];
  packed = { ...info, path: join(folder, info.filename) };
  return packed;
}

/** A fresh folder with the packed package installed from its tarball, and `files` (path → text) written into it. */
export function freshInstall(files: Record<string, string>): string {
  const app = tempFolder("app");
  writeFileSync(join(app, "package.json"), JSON.stringify({ name: "app", private: true, type: "module" }));
  execFileSync("npm", ["install", "--offline", "--no-audit", "--no-fund", "--ignore-scripts", packTarball().path], { cwd: app, stdio: "pipe" });
  writeFiles(app, files);
  return app;
}

export function writeFiles(folder: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), text);
  }
}

/** Serve `folder` as a site of its own, the way any static server would. */
async function serveFolder(folder: string): Promise<{ url: string; close: () => Promise<void> }> {
  return startServer({ mounts: { "/": [folder] }, port: 0 });
}

/** Collect what a page must never do: throw uncaught errors, or ask for anything outside `origin`. */
function watchPage(page: Page, origin: string): { uncaught: string[]; foreign: string[] } {
  const problems = { uncaught: [] as string[], foreign: [] as string[] };
  page.on("pageerror", (error) => problems.uncaught.push(error.message));
  page.on("request", (request) => {
    const url = request.url();
    if (!/^(data|blob):/.test(url) && new URL(url).origin !== origin) problems.foreign.push(url);
  });
  return problems;
}

/**
 * Serve `folder` as a site of its own, open `path` there, run `check`, and
 * expect the page clean: no uncaught errors, no request outside the site.
 */
export async function openServed(page: Page, folder: string, path: string, check: () => Promise<void>): Promise<void> {
  const server = await serveFolder(folder);
  try {
    const problems = watchPage(page, server.url);
    await page.goto(`${server.url}${path}`);
    await check();
    expect(problems).toEqual({ uncaught: [], foreign: [] });
  } finally {
    await server.close();
  }
}
