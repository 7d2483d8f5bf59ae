/**
 * Putting resolved packages onto Python's filesystem: a pure wheel's files
 * (with its `.dist-info`, so `importlib.metadata` finds it) and a mip
 * package's files go into the interpreter's site folder; Pyodide installs
 * its binary wheels and its lock file's packages itself (`loadPackage`,
 * which also loads their shared libraries).
 */
import { PyScriptError, reasonOf } from "../errors.js";
import type { Interpreter } from "../interpreters/interpreter.js";
import type { Install } from "./resolver.js";

/** What a page (or a worker) wants to hear about each install. */
export interface InstallHooks {
  /** Before `install`, the `index`-th (from 1) of `count`. */
  installing?(install: Install, index: number, count: number): void;
  installed?(install: Install): void;
}

interface PyodideLoader {
  loadPackage(names: string | string[], options: { messageCallback(message: string): void; errorCallback(message: string): void }): Promise<unknown>;
}

/** Install each in turn (dependencies come first); the errors of those that failed. */
export async function installAll(installs: Install[], interpreter: Interpreter, hooks: InstallHooks = {}): Promise<PyScriptError[]> {
  const errors: PyScriptError[] = [];
  for (const [i, install] of installs.entries()) {
    hooks.installing?.(install, i + 1, installs.length);
    try {
      await installOne(install, interpreter);
      hooks.installed?.(install);
    } catch (error) {
      errors.push(error instanceof PyScriptError ? error : new PyScriptError("package-invalid", `${install.name} ${install.version} could not be installed: ${reasonOf(error)}.`, {
        hint: "Check the package's files: a path the filesystem refuses, or a wheel built for another Pyodide.",
      }));
    }
  }
  if (installs.length && interpreter.info.name !== "micropython") {
    // Python caches what its import folders hold: new files are seen only after this.
    await interpreter.runSync("import importlib as _i; _i.invalidate_caches(); del _i", { filename: "<pyscript>", value: false });
  }
  return errors;
}

async function installOne(install: Install, interpreter: Interpreter): Promise<void> {
  const site = interpreter.libraryPath;
  if (install.kind === "mip") {
    for (const [path, content] of install.mip.files) interpreter.writeFile(`${site}/${path}`, content);
  } else if (install.kind === "wheel" && !install.binary) {
    for (const [path, content] of install.fetched.wheel.files) interpreter.writeFile(`${site}/${path}`, content);
  } else {
    await loadWithPyodide(interpreter, install.kind === "wheel" ? install.fetched.url : install.packages.map(({ name }) => name), install.name);
  }
}

/** Pyodide's loadPackage reports failures through its callback, not by throwing. */
async function loadWithPyodide(interpreter: Interpreter, what: string | string[], name: string): Promise<void> {
  const problems: string[] = [];
  await (interpreter.runtime as PyodideLoader).loadPackage(what, { messageCallback: () => {}, errorCallback: (message) => problems.push(message) });
  if (problems.length) {
    throw new PyScriptError("package-invalid", `Pyodide could not install ${name}: ${problems.join(" ")}`, {
      hint: "A wheel built for Pyodide must match this Pyodide's version (its platform tag names it).",
    });
  }
}
