/**
 * From the page's `packages` list to the wheels to install: each entry (a
 * wheel URL, a requirement such as `humanize>=4`, or a mip package.json) and
 * every dependency its METADATA requires for this interpreter (markers
 * evaluated, extras followed), one version per distribution, found in the
 * package index (or, on Pyodide, in its lock file). Level by level, so all
 * the downloads of one level run at once and the outcome doesn't depend on
 * which download finished first. No backtracking: the first version chosen
 * for a name stays, and a later requirement it doesn't meet is a conflict.
 */
import { PyScriptError, reasonOf } from "../errors.js";
import { chooseFromIndex, fetchWheel, refusalOf, type Fetched, type Refusal } from "./candidates.js";
import type { PackageTarget } from "./environments.js";
import { fetchMipPackage, isMipEntry, type MipPackage } from "./mip.js";
import { normalizeName } from "./names.js";
import { fetchLockWheels, withDependencies, type Lock, type LockPackage } from "./pyodide-lock.js";
import { evaluateMarker, parseRequirement, type Requirement } from "./requirements.js";
import { matchesSpecifier } from "./versions.js";
import { isPureTags } from "./wheel-name.js";

/** Where names and URLs are looked up. */
export interface Sources {
  target: PackageTarget;
  /** The package index (absolute URL), if the page configured one. */
  indexURL?: string;
  /** What relative URLs are relative to (the page). */
  baseURL: string;
  /** Pyodide only: its lock file, and the folder its wheels are in. */
  pyodide?: { lock: Promise<Lock>; packagesURL: string; version: string };
  /** What the interpreter has installed already (normalized name → version): kept, and checked against. */
  installed?: Map<string, string>;
  /** (Set by resolve: fetchWheel, once per URL.) */
  fetchOnce?: (url: string, sha?: string) => Promise<Fetched | Refusal>;
}

/** One thing to install. */
export type Install =
  | { kind: "wheel"; key: string; name: string; version: string; fetched: Fetched; binary: boolean }
  | { kind: "pyodide"; key: string; name: string; version: string; packages: LockPackage[] }
  | { kind: "mip"; key: string; name: string; version: string; mip: MipPackage };

export interface Resolution {
  /** Dependencies before what needs them. */
  installs: Install[];
  errors: PyScriptError[];
}

/** Something asked for: `text` (an entry, or a Requires-Dist line) by a chain of packages from root entry `root`. */
interface Demand {
  text: string;
  chain: string[];
  root: number;
}

interface Chosen {
  install: Install;
  roots: Set<number>;
  extras: Set<string>;
}

const isURL = (entry: string) => /^[a-z][a-z0-9+.-]*:|^\.{0,2}\/|\.whl([?#].*)?$/i.test(entry);

export async function resolve(entries: string[], sources: Sources): Promise<Resolution> {
  const chosen = new Map<string, Chosen>();
  const errors: PyScriptError[] = [];
  const failed = new Set<number>();
  const fail = (demand: Demand, refusal: Refusal) => {
    failed.add(demand.root);
    errors.push(refusal(demand.chain.join(" → ")));
  };
  // Demands of one level for the same name download it once.
  const downloads = new Map<string, Promise<Fetched | Refusal>>();
  const withDownloads: Sources = { ...sources, fetchOnce: (url, sha) => downloads.get(url) ?? downloads.set(url, fetchWheel(url, sources.target, sha)).get(url)! };
  let level: Demand[] = entries.map((text, root) => ({ text, chain: [text], root }));
  while (level.length) {
    const found = await Promise.all(level.map((demand) => find(demand, level, chosen, withDownloads).catch((error) => errorRefusal(error))));
    const next: Demand[] = [];
    level.forEach((demand, i) => {
      const outcome = found[i]!;
      if (typeof outcome === "function") return fail(demand, outcome);
      if (!outcome) return; // already chosen (or installed), and it fits
      const have = sources.installed?.get(outcome.install.key);
      if (have !== undefined) {
        if (have !== outcome.install.version) fail(demand, conflict(outcome.install.name, have, outcome.install.version));
        return;
      }
      const known = chosen.get(outcome.install.key);
      if (known) { // chosen by an earlier demand of this level
        known.roots.add(demand.root);
        if (known.install.version !== outcome.install.version) fail(demand, conflict(outcome.install.name, known.install.version, outcome.install.version));
        next.push(...dependencies(known, outcome.extras, demand, sources.target, false));
        return;
      }
      const entry: Chosen = { install: outcome.install, roots: new Set([demand.root]), extras: new Set() };
      chosen.set(outcome.install.key, entry);
      next.push(...dependencies(entry, outcome.extras, demand, sources.target, true));
    });
    level = next;
  }
  const installs = [...chosen.values()].filter(({ roots }) => [...roots].some((root) => !failed.has(root))).map(({ install }) => install).reverse();
  return { installs, errors };
}

/** What a demand finds: a new install (with the extras asked for), nothing new (undefined), or why not. */
async function find(demand: Demand, level: Demand[], chosen: Map<string, Chosen>, sources: Sources): Promise<{ install: Install; extras: string[] } | Refusal | undefined> {
  const { text } = demand;
  if (isMipEntry(text)) return fromMip(text, sources);
  if (isURL(text)) return fromWheel(await sources.fetchOnce!(new URL(text, sources.baseURL).href));
  let requirement: Requirement;
  try {
    requirement = parseRequirement(text);
  } catch (error) {
    return (what) => new PyScriptError("package-not-found", `${what}: "${text}" is neither a wheel URL nor a requirement: ${reasonOf(error)}.`, {
      hint: 'Write a wheel URL ("./wheels/name-1.0-py3-none-any.whl"), or a name with an optional version ("humanize", "humanize>=4.0").',
    });
  }
  if (requirement.url) return fromWheel(await sources.fetchOnce!(new URL(requirement.url, sources.baseURL).href), requirement.extras);
  const have = sources.installed?.get(requirement.key);
  if (have !== undefined) return fits(have, requirement.specifier) ? undefined : conflict(requirement.name, have, requirement.specifier);
  const known = chosen.get(requirement.key);
  if (known) {
    if (!fits(known.install.version, requirement.specifier)) return conflict(requirement.name, known.install.version, requirement.specifier);
    const extras = requirement.extras.filter((extra) => !known.extras.has(extra));
    return extras.length ? { install: known.install, extras } : undefined;
  }
  // Every requirement on this name in this level counts: choose a version that fits them all.
  const specifiers = [...new Set(level.map((other) => sameName(other.text, requirement.key)).filter(Boolean))];
  const found = await fromIndex(requirement, specifiers.join(","), sources);
  if (typeof found === "function" && specifiers.length > 1 && found("").message.includes("no version of")) {
    return conflict(requirement.name, `(${specifiers.filter((other) => other !== requirement.specifier).join(" and ")} for another package)`, requirement.specifier);
  }
  return found;
}

async function fromIndex(requirement: Requirement, specifier: string, sources: Sources): Promise<{ install: Install; extras: string[] } | Refusal> {
  const { key, name, extras } = requirement;
  let refusal: Refusal | undefined;
  if (sources.indexURL) {
    const file = await chooseFromIndex(sources.indexURL, key, specifier, sources.target);
    if (typeof file === "function") refusal = file;
    else if (file) return fromWheel(await sources.fetchOnce!(file.url, file.sha256), extras);
  }
  const lock = await sources.pyodide?.lock;
  const locked = lock?.get(key);
  if (locked && sources.pyodide) { // not in the index, or nothing there fits Pyodide (numpy from PyPI, say)
    if (!fits(locked.version, specifier)) return conflict(name, locked.version, specifier);
    const packages = withDependencies(lock!, key);
    const missing = await fetchLockWheels(packages, sources.pyodide.packagesURL, sources.pyodide.version);
    if (missing) return refusalOf(missing);
    return { install: { kind: "pyodide", key, name: locked.name, version: locked.version, packages }, extras: [] };
  }
  if (refusal) return refusal;
  if (!sources.indexURL) {
    return (what) => new PyScriptError("package-index", `${what}: "${name}" is a name, and there is no package index to look it up in.`, {
      hint: `Set "package_index" in <py-config> to a folder of wheels indexed with \`npx micropyscript wheels <folder>\` (or to an index you trust, such as "https://pypi.org/simple/"), or list the wheel's URL instead of its name.`,
    });
  }
  return (what) => new PyScriptError("package-not-found", `${what}: the package index at ${sources.indexURL} has no package called "${name}".`, {
    hint: `Check the spelling, or add a wheel of ${name} to the index's folder and write the index again (npx micropyscript wheels <folder>).`,
  });
}

function fromWheel(fetched: Fetched | Refusal, extras: string[] = []): { install: Install; extras: string[] } | Refusal {
  if (typeof fetched === "function") return fetched;
  const { metadata } = fetched.wheel;
  const install: Install = { kind: "wheel", key: normalizeName(metadata.name), name: metadata.name, version: metadata.version, fetched, binary: !isPureTags(fetched.name.tags) };
  return { install, extras };
}

async function fromMip(entry: string, sources: Sources): Promise<{ install: Install; extras: string[] } | Refusal> {
  if (sources.target.wheels.platforms.length > 1 || sources.target.label !== "MicroPython") {
    return (what) => new PyScriptError("package-incompatible", `${what}: "${entry}" is a MicroPython package (mip's package.json), and this page runs ${sources.target.label}.`, {
      hint: "Install a wheel of the same library instead, or run the page with MicroPython.",
    });
  }
  const mip = await fetchMipPackage(entry, sources.baseURL);
  return { install: { kind: "mip", key: `mip:${entry}`, name: mip.name, version: mip.version, mip }, extras: [] };
}

/**
 * The demands an install makes: its Requires-Dist lines whose markers hold
 * here. `first`: the install is new; else only what the newly asked `extras` add.
 */
function dependencies(chosen: Chosen, extras: string[], demand: Demand, target: PackageTarget, first: boolean): Demand[] {
  const { install } = chosen;
  const before = [...chosen.extras];
  extras.forEach((extra) => chosen.extras.add(extra));
  const after = [...chosen.extras];
  const chain = [...demand.chain.slice(0, -1), install.name];
  if (install.kind === "mip") return first ? install.mip.deps.map((text) => ({ text, chain: [...chain, text], root: demand.root })) : [];
  if (install.kind !== "wheel") return [];
  return install.fetched.wheel.metadata.requiresDist.flatMap((line) => {
    let requirement: Requirement;
    try {
      requirement = parseRequirement(line);
    } catch {
      return []; // a line we can't read is skipped, as pip warns and goes on
    }
    if (!wanted(requirement, after, target) || (!first && wanted(requirement, before, target))) return [];
    const text = line.split(";")[0]!.trim();
    return [{ text, chain: [...chain, requirement.name], root: demand.root }];
  });
}

function wanted(requirement: Requirement, extras: readonly string[], target: PackageTarget): boolean {
  if (!requirement.marker) return true;
  try {
    return evaluateMarker(requirement.marker!, target.markers, extras);
  } catch {
    return false; // a marker on something we don't know: not for us
  }
}

function sameName(text: string, key: string): string {
  try {
    if (isMipEntry(text) || isURL(text)) return "";
    const requirement = parseRequirement(text);
    return requirement.key === key ? requirement.specifier : "";
  } catch {
    return "";
  }
}

function fits(version: string, specifier: string): boolean {
  try {
    return matchesSpecifier(version, specifier, { prereleases: true });
  } catch {
    return false;
  }
}

/** `wanted` of `name` can't be had along with `chosen` (a version, or what others need). */
function conflict(name: string, chosen: string, wanted: string): Refusal {
  const other = chosen.startsWith("(") ? `${name} ${chosen.slice(1, -1)}, and no version fits both` : `${name} ${chosen} is installed or being installed`;
  return (what) => new PyScriptError("package-conflict", `${what}: needs ${name} ${wanted || "(any version)"}, but ${other}.`, {
    hint: `Pin one version of ${name} that every package accepts, in "packages" (e.g. "${name}==…"), or remove one of the packages that need it.`,
  });
}

function errorRefusal(error: unknown): Refusal {
  return refusalOf(error instanceof PyScriptError ? error : new PyScriptError("package-fetch", reasonOf(error)));
}
