/**
 * Pyodide's own packages (numpy, pandas…): its lock file names each one's
 * wheel, built for Pyodide, and what it depends on. The `pyodide` npm package
 * ships the lock file but none of the wheels: a page author who wants them
 * copies them next to it (or says where they are with `pyodide_packages_url`),
 * and Pyodide's `loadPackage()` installs them from there.
 */
import { PyScriptError } from "../errors.js";
import { normalizeName } from "./names.js";

export interface LockPackage {
  name: string;
  version: string;
  file_name: string;
  depends: string[];
}

export type Lock = Map<string, LockPackage>;

/** The lock file at `url`, by normalized name; empty if it can't be read (then nothing is found in it). */
export async function readLock(url: string): Promise<Lock> {
  try {
    const response = await fetch(url);
    if (!response.ok) return new Map();
    const { packages } = (await response.json()) as { packages: Record<string, LockPackage> };
    return new Map(Object.values(packages).map((entry) => [normalizeName(entry.name), entry]));
  } catch {
    return new Map();
  }
}

/** `key`'s lock entry and those of everything it depends on, dependencies first. */
export function withDependencies(lock: Lock, key: string): LockPackage[] {
  const seen = new Map<string, LockPackage>();
  const visit = (name: string) => {
    const found = lock.get(normalizeName(name));
    if (!found || seen.has(normalizeName(name))) return;
    seen.set(normalizeName(name), found);
    found.depends.forEach(visit);
    seen.delete(normalizeName(name)); // re-insert after its dependencies
    seen.set(normalizeName(name), found);
  };
  visit(key);
  return [...seen.values()];
}

/**
 * Check each wheel is where Pyodide will look for it (and, downloading it
 * now, have it in the browser's cache by the time Pyodide wants it).
 */
export async function fetchLockWheels(packages: LockPackage[], packagesURL: string, version: string): Promise<PyScriptError | undefined> {
  const missing: string[] = [];
  await Promise.all(packages.map(async ({ file_name }) => {
    const response = await fetch(new URL(file_name, packagesURL)).catch(() => undefined);
    if (!response?.ok) missing.push(file_name);
    else await response.arrayBuffer();
  }));
  if (!missing.length) return undefined;
  return new PyScriptError("package-not-found", `Pyodide's wheel ${missing.sort().join(", ")} is not at ${packagesURL}.`, {
    hint: `Pyodide's own packages aren't in the pyodide npm package: download Pyodide ${version}'s full release (pyodide-${version}.tar.bz2 from github.com/pyodide/pyodide/releases) and copy ${missing.length > 1 ? "these wheels" : "this wheel"} into ${packagesURL} (or set "pyodide_packages_url" to the folder that has them).`,
  });
}
