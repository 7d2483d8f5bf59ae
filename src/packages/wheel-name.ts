/**
 * What a wheel's file name says about it, and whether an interpreter can use
 * it. `humanize-4.9.0-py3-none-any.whl` is distribution "humanize", version
 * 4.9.0, for any Python 3, any ABI, any platform (PEP 427, PEP 425). Each
 * interpreter we run has a target: the tags it accepts, best first, the way
 * pip orders its supported-tags list, so that of several wheels of one
 * version the resolver takes the most specific one that works (a Pyodide
 * build of a package over its pure-Python fallback).
 */
import { normalizeName } from "./names.js";
import { parseVersion } from "./versions.js";

/** One compatibility tag: python tag, ABI tag, platform tag. */
export interface WheelTag {
  python: string;
  abi: string;
  platform: string;
}

/** A parsed wheel file name. */
export interface WheelName {
  /** The distribution name as written in the file name (with "_" for "-"). */
  name: string;
  /** The normalized name (PEP 503). */
  key: string;
  version: string;
  /** The optional build tag (starts with a digit), which breaks ties between builds of one version. */
  build?: string;
  /** The compressed tag sets expanded: `py2.py3-none-any` is two tags. */
  tags: WheelTag[];
}

/** The tags an interpreter accepts, each list best first. */
export interface WheelTarget {
  /** The interpreter's name for messages ("MicroPython"). */
  label: string;
  /** Python tags: the interpreter's own (`cp314`) first, then generic ones (`py314`, `py3`, `py313`…). */
  pythons: string[];
  /** ABI tags: the interpreter's own, `abi3` (stable ABI), `none`. */
  abis: string[];
  /** Platform tags, binary ones first, `any` last. */
  platforms: string[];
}

const DISTRIBUTION = /^[A-Za-z0-9](?:[A-Za-z0-9._]*[A-Za-z0-9])?$/;

/**
 * Parse `{dist}-{version}(-{build})?-{python}-{abi}-{platform}.whl`, or
 * undefined if the name isn't a wheel's. Anything up to a last "/" is
 * ignored; decoding `%2B` and the like is the caller's job.
 * @example parseWheelFilename("six-1.16.0-py2.py3-none-any.whl")!.tags.length // 2
 */
export function parseWheelFilename(filename: string): WheelName | undefined {
  const base = filename.slice(filename.lastIndexOf("/") + 1);
  if (!base.endsWith(".whl")) return undefined;
  const parts = base.slice(0, -4).split("-");
  if (parts.length !== 5 && parts.length !== 6) return undefined;
  const [name, version] = parts as [string, string];
  const [python, abi, platform] = parts.slice(-3) as [string, string, string];
  const build = parts.length === 6 ? parts[2]! : undefined;
  if (!DISTRIBUTION.test(name) || !parseVersion(version) || (build !== undefined && !/^\d\w*$/.test(build))) return undefined;
  if (![python, abi, platform].every((set) => /^[\w.]+$/.test(set) && set.split(".").every(Boolean))) return undefined;
  const tags = python.split(".").flatMap((p) => abi.split(".").flatMap((a) => platform.split(".").map((pl) => ({ python: p, abi: a, platform: pl }))));
  const wheel: WheelName = { name, key: normalizeName(name), version, tags };
  if (build !== undefined) wheel.build = build;
  return wheel;
}

/** Tags as written in file names: `cp312-cp312-manylinux_2_17_x86_64`, several joined with ", ". */
export function describeTags(tags: WheelTag[]): string {
  return tags.map((tag) => `${tag.python}-${tag.abi}-${tag.platform}`).join(", ");
}

/** True when every tag is pure Python (ABI `none`, platform `any`): files to unpack, nothing to load. */
export function isPureTags(tags: WheelTag[]): boolean {
  return tags.every((tag) => tag.abi === "none" && tag.platform === "any");
}

const supportedCache = new WeakMap<WheelTarget, Map<string, number>>();

/**
 * The tags a target accepts, best first, in pip's order: the interpreter's
 * own ABI on its binary platforms, then the stable ABI (`abi3`, also built
 * for older minors), then `none` there, then generic Python tags on binary
 * platforms, then `cpXY-none-any` and the generic `pyXY-none-any` ones.
 */
export function supportedTags(target: WheelTarget): string[] {
  const binary = target.platforms.filter((platform) => platform !== "any");
  const interpreters = target.pythons.filter((python) => /^cp\d+$/.test(python));
  const generics = target.pythons.filter((python) => /^py\d+$/.test(python));
  const none = target.abis.includes("none");
  const tags: string[] = [];
  const add = (python: string, abi: string, platforms: string[]): void => {
    for (const platform of platforms) tags.push(`${python}-${abi}-${platform}`);
  };
  for (const interpreter of interpreters) {
    if (target.abis.includes(interpreter)) add(interpreter, interpreter, binary);
    if (target.abis.includes("abi3")) add(interpreter, "abi3", binary);
    if (none) add(interpreter, "none", binary);
    if (target.abis.includes("abi3")) for (const older of olderCpythons(interpreter)) add(older, "abi3", binary);
  }
  if (none) for (const generic of generics) add(generic, "none", binary);
  if (none && target.platforms.includes("any")) for (const python of [...interpreters, ...generics]) add(python, "none", ["any"]);
  return [...new Set(tags)];
}

/** `cp314` → cp313, cp312 … cp32: the stable ABI of an older minor still loads on a newer one. */
function olderCpythons(interpreter: string): string[] {
  const minor = /^cp3(\d+)$/.exec(interpreter)?.[1];
  return minor ? Array.from({ length: Math.max(0, Number(minor) - 2) }, (_, i) => `cp3${Number(minor) - 1 - i}`) : [];
}

/**
 * How well a wheel's tags suit a target: undefined when none is compatible,
 * else a positive number, higher for more specific tags (a `cp314-cp314-
 * pyodide_2026_0_wasm32` build beats `py3-none-any`).
 * @example tagScore(parseWheelFilename("a-1.0-py3-none-any.whl")!.tags, TARGETS.micropython) // a number
 */
export function tagScore(tags: WheelTag[], target: WheelTarget): number | undefined {
  let ranks = supportedCache.get(target);
  if (!ranks) {
    const supported = supportedTags(target);
    ranks = new Map(supported.map((tag, i) => [tag, supported.length - i]));
    supportedCache.set(target, ranks);
  }
  const scores = tags.map((tag) => ranks.get(describeTags([tag]))).filter((score) => score !== undefined);
  return scores.length ? Math.max(...scores) : undefined;
}

/** `pyXY` tags for X.Y down to X.0, with the bare `py3` right after the first, as pip lists them. */
function genericPythons(minor: number): string[] {
  const tags = Array.from({ length: minor + 1 }, (_, i) => `py3${minor - i}`);
  tags.splice(1, 0, "py3");
  return tags;
}

/**
 * The interpreters we install wheels for. MicroPython and our WASI CPython
 * can't load extension modules, so they take pure-Python wheels only;
 * Pyodide (Python 3.14.2, ABI 2026_0, Emscripten 5.0.3) also takes its own
 * binary wheels.
 */
export const TARGETS: Record<"micropython" | "pyodide" | "cpython", WheelTarget> = {
  micropython: { label: "MicroPython", pythons: genericPythons(4), abis: ["none"], platforms: ["any"] },
  pyodide: {
    label: "Pyodide",
    pythons: ["cp314", ...genericPythons(14)],
    abis: ["cp314", "abi3", "none"],
    platforms: ["pyemscripten_2026_0_wasm32", "pyodide_2026_0_wasm32", "emscripten_5_0_3_wasm32", "any"],
  },
  cpython: { label: "CPython", pythons: ["cp312", ...genericPythons(12)], abis: ["none"], platforms: ["any"] },
};
