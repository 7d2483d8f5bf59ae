/**
 * Choosing and fetching one distribution's wheel: from the files a package
 * index lists, the best version the requirements allow that has a wheel
 * this interpreter takes (by its tags, and Requires-Python), then its
 * download, checked against the index's hash, and opened.
 */
import { PyScriptError, reasonOf } from "../errors.js";
import { fetchBytes } from "../fetch-url.js";
import type { PackageTarget } from "./environments.js";
import { hex, sha256 } from "./hashes.js";
import { projectFiles, type IndexFile } from "./simple-index.js";
import { bestVersion, matchesSpecifier } from "./versions.js";
import { BadWheel, openWheel, type Wheel } from "./wheel.js";
import { describeTags, parseWheelFilename, tagScore, type WheelName } from "./wheel-name.js";

/** A wheel chosen and opened. */
export interface Fetched {
  name: WheelName;
  url: string;
  wheel: Wheel;
}

/** Why no wheel was chosen: an error for the chain that asked (`what` is e.g. "a → b"). */
export type Refusal = (what: string) => PyScriptError;

/** `error` as a refusal: a new error each time, its message led by the chain. */
export const refusalOf = (error: PyScriptError): Refusal => (what) => new PyScriptError(error.code, `${what}: ${error.message}`, { hint: error.hint });

/** Download the wheel at `url` (absolute), check it fits `target` and (if given) its hash, and open it. */
export async function fetchWheel(url: string, target: PackageTarget, sha?: string): Promise<Fetched | Refusal> {
  const filename = decodeURIComponent(new URL(url).pathname.split("/").pop() ?? "");
  const name = parseWheelFilename(filename);
  if (!name) {
    return (what) => new PyScriptError("package-invalid", `${what}: "${url}" is not a wheel: its name doesn't end in -{python}-{abi}-{platform}.whl.`, {
      hint: 'List wheel files (…-py3-none-any.whl) or names looked up in package_index. Copy single modules with "files" instead.',
    });
  }
  const refusal = incompatibility(name, target);
  if (refusal) return refusal;
  const bytes = await fetchBytes(url, "package-fetch", `the wheel ${filename}`).catch((error: PyScriptError) => error);
  if (bytes instanceof PyScriptError) return refusalOf(bytes);
  if (sha && hex(await sha256(bytes)) !== sha.toLowerCase()) {
    return (what) => new PyScriptError("package-invalid", `${what}: ${filename} doesn't match the sha256 hash its index gives, so it was not installed.`, {
      hint: "The file changed after the index was written: write the index again (npx micropyscript wheels <folder>), or replace the file.",
    });
  }
  try {
    return { name, url, wheel: await openWheel(bytes, name, filename) };
  } catch (error) {
    if (!(error instanceof BadWheel)) throw error;
    return (what) => new PyScriptError("package-invalid", `${what}: ${error.message}.`, {
      hint: "Build the wheel again (python -m build, or pip wheel) and check it with `python -m zipfile -l`.",
    });
  }
}

/** Why a wheel with this name can't be installed on `target`, if it can't. */
export function incompatibility(name: WheelName, target: PackageTarget, requiresPython?: string): Refusal | undefined {
  if (tagScore(name.tags, target.wheels) === undefined) {
    return (what) => new PyScriptError("package-incompatible", `${what}: the wheel ${name.name}-${name.version} is built for ${describeTags(name.tags)}, which ${target.label} can't use.`, {
      hint: target.binary
        ? `${target.label} takes pure-Python wheels (py3-none-any) and wheels built for it (${target.wheels.platforms[0]}).`
        : `${target.label} takes only pure-Python wheels (py3-none-any): binary wheels hold compiled code for another Python.`,
    });
  }
  if (requiresPython && target.requiresPython && !fits(target.requiresPython, requiresPython)) {
    return (what) => new PyScriptError("package-incompatible", `${what}: ${name.name} ${name.version} requires Python ${requiresPython}, and ${target.label} is Python ${target.requiresPython}.`, {
      hint: `Pin a version of ${name.name} that supports Python ${target.requiresPython}, or use another interpreter.`,
    });
  }
  return undefined;
}

function fits(version: string, specifier: string): boolean {
  try {
    return matchesSpecifier(version, specifier, { prereleases: true });
  } catch {
    return true; // an unreadable Requires-Python refuses nothing (as pip)
  }
}

/**
 * The best file the index lists for `key` allowed by `specifier` (all the
 * requirements on it, joined with commas); undefined when the index doesn't
 * know the project.
 */
export async function chooseFromIndex(indexURL: string, key: string, specifier: string, target: PackageTarget): Promise<IndexFile | Refusal | undefined> {
  const files = await projectFiles(indexURL, key);
  if (!files) return undefined;
  const wheels = files.flatMap((file) => {
    const name = parseWheelFilename(file.filename);
    return name && name.key === key ? [{ file, name }] : [];
  });
  const usable = wheels.filter(({ file, name }) => !incompatibility(name, target, file.requiresPython) && (!file.yanked || /===?/.test(specifier)));
  if (!usable.length) {
    if (!wheels.length) {
      return (what) => new PyScriptError("package-not-found", `${what}: the package index has no wheels of ${key}${files.length ? " (only source archives, which can't be installed in the browser)" : ""}.`, {
        hint: `Build a wheel of it (pip wheel ${key}), put it in your wheels folder and write the index again (npx micropyscript wheels <folder>).`,
      });
    }
    const newest = wheels.at(-1)!;
    return incompatibility(newest.name, target, newest.file.requiresPython) ?? ((what) => new PyScriptError("package-not-found", `${what}: every wheel of ${key} in the package index is yanked.`, {
      hint: `Pin an exact version (${key}==…) to install a yanked release anyway.`,
    }));
  }
  let version: string | undefined;
  try {
    version = bestVersion([...new Set(usable.map(({ name }) => name.version))], specifier);
  } catch (error) {
    return (what) => new PyScriptError("package-not-found", `${what}: "${specifier}" is not a version specifier: ${reasonOf(error)}.`, {
      hint: "Write versions as in pip: >=1.0, ==2.*, ~=1.4, !=1.5.",
    });
  }
  if (!version) {
    const known = [...new Set(usable.map(({ name }) => name.version))].join(", ");
    return (what) => new PyScriptError("package-not-found", `${what}: no version of ${key} matches "${specifier}" (the package index has ${known}).`, {
      hint: `Change the version asked for, or add a wheel of ${key} that matches to the index.`,
    });
  }
  const best = usable.filter(({ name }) => name.version === version)
    .sort((a, b) => tagScore(b.name.tags, target.wheels)! - tagScore(a.name.tags, target.wheels)!)[0]!;
  return best.file;
}
