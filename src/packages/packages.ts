/**
 * Packages (`dist/packages.js`, loaded only by pages whose config lists
 * `packages`, and on the first `pyscript.install()`): the config's keys
 * checked, resolution and downloads started as soon as the config is read
 * (while the interpreter downloads), the installs once it is ready, and
 * `install()` at run time. The same code serves the page and its workers.
 */
import type { Announce } from "../announce.js";
import type { Config } from "../config.js";
import { dispatch } from "../events.js";
import { describeValue } from "../config-sources.js";
import { PyScriptError } from "../errors.js";
import type { Interpreter, InterpreterInfo } from "../interpreters/interpreter.js";
import { targetFor } from "./environments.js";
import { installAll, type InstallHooks } from "./installer.js";
import { normalizeName } from "./names.js";
import { readLock } from "./pyodide-lock.js";
import { resolve, type Install, type Sources } from "./resolver.js";

export type { Install } from "./resolver.js";
export type { InstallHooks } from "./installer.js";

/** Where a kernel (or worker) is. */
export interface PackageSite {
  config: Config;
  info: InterpreterInfo;
  /** The interpreter's files' folder (absolute URL; Pyodide's lock file is there). */
  interpreterFolder: string;
  /** What relative URLs in the config are relative to: the page. */
  pageURL: string;
}

/** Resolved and downloaded, waiting for the interpreter. */
export interface Prepared {
  /**
   * Install onto `interpreter`; the problems found (resolving and installing), each already a coded error.
   * On the page, `announce` announces each package, and its progress goes to the splash.
   */
  install(interpreter: Interpreter, announce?: Announce): Promise<PyScriptError[]>;
}

/** Check the config's package keys and start resolving and downloading at once. */
export function preparePackages(site: PackageSite): Prepared {
  const configErrors = checkConfig(site.config);
  const entries = Array.isArray(site.config.packages) ? site.config.packages.filter((entry): entry is string => typeof entry === "string") : [];
  const resolving = resolve(entries, sourcesFor(site));
  resolving.catch(() => {}); // awaited by install()
  return {
    async install(interpreter, announce) {
      const { installs, errors } = await resolving;
      const failed = await installAll(installs, interpreter, withMemory(interpreter, announce && pageHooks(interpreter, announce)));
      return [...configErrors, ...errors, ...failed];
    },
  };
}

/** `await pyscript.install(...)`: resolve against what is installed already, then install; the errors. */
export async function installNow(entries: string[], interpreter: Interpreter, site: PackageSite, hooks?: InstallHooks): Promise<PyScriptError[]> {
  const { installs, errors } = await resolve(entries, { ...sourcesFor(site), installed: installedOn(interpreter) });
  if (errors.length) return errors; // install() raises: nothing half-installed
  return installAll(installs, interpreter, withMemory(interpreter, hooks));
}

/** Each install announced as `py-package-installed`, and shown on the splash ("installing humanize 2/5"). */
function pageHooks(interpreter: Interpreter, announce: Announce): InstallHooks {
  return {
    installing: ({ name }, index, count) => dispatch("py-progress", { interpreter: interpreter.info.name, stage: "installing", loaded: index, total: count, file: name }),
    installed: ({ name, version }) => announce("py-package-installed", { name, version }),
  };
}

/** What each interpreter has installed, by normalized name: later installs resolve against it. */
const installedVersions = new WeakMap<Interpreter, Map<string, string>>();

function installedOn(interpreter: Interpreter): Map<string, string> {
  let versions = installedVersions.get(interpreter);
  if (!versions) installedVersions.set(interpreter, (versions = new Map()));
  return versions;
}

function withMemory(interpreter: Interpreter, hooks: InstallHooks = {}): InstallHooks {
  return {
    ...hooks,
    installed(install: Install) {
      installedOn(interpreter).set(install.kind === "mip" ? install.key : normalizeName(install.name), install.version);
      if (install.kind === "pyodide") for (const dependency of install.packages) installedOn(interpreter).set(normalizeName(dependency.name), dependency.version);
      hooks.installed?.(install);
    },
  };
}

function sourcesFor({ config, info, interpreterFolder, pageURL }: PackageSite): Sources {
  const index = typeof config.package_index === "string" && config.package_index ? new URL(config.package_index, pageURL).href : undefined;
  const target = targetFor(info);
  const sources: Sources = { target, indexURL: index, baseURL: pageURL };
  if (target.binary) {
    const packagesURL = typeof config.pyodide_packages_url === "string" && config.pyodide_packages_url
      ? new URL(config.pyodide_packages_url.replace(/\/?$/, "/"), pageURL).href : interpreterFolder;
    sources.pyodide = { lock: readLock(new URL("pyodide-lock.json", interpreterFolder).href), packagesURL, version: info.version };
  }
  return sources;
}

function checkConfig(config: Config): PyScriptError[] {
  const errors: PyScriptError[] = [];
  const { packages, package_index } = config;
  if (!Array.isArray(packages) || packages.some((entry) => typeof entry !== "string")) {
    errors.push(new PyScriptError("config-value", `<py-config> "packages" must be a list of strings, but it is ${describeValue(packages)}.`, {
      hint: 'Write it like "packages": ["./wheels/mylib-1.0-py3-none-any.whl", "humanize"]: wheel URLs, or names looked up in "package_index".',
    }));
  }
  if (package_index !== undefined && typeof package_index !== "string") {
    errors.push(new PyScriptError("config-value", `<py-config> "package_index" must be a URL string, but it is ${describeValue(package_index)}.`, {
      hint: 'Write it like "package_index": "./simple/" (a folder indexed with `npx micropyscript wheels <folder>`).',
    }));
  }
  return errors;
}
