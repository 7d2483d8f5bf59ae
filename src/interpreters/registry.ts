/**
 * Which interpreters a kernel can run, keyed by lowercase name: what is
 * known before anything downloads (name, version, files, options) and how to
 * load each adapter, whose code loads only when a page asks for it. Each
 * kernel has a registry of its own: the built-in interpreters, those given
 * to `registerInterpreter()` before it was made, and its own options'.
 */
import type { Assets } from "../assets.js";
import type { Config } from "../config.js";
import type { InterpreterAdapter, InterpreterInfo } from "./interpreter.js";
import { createAdapter as createMicroPython } from "./micropython.js";

/** What an adapter module (e.g. `dist/interpreters/micropython.js`) exports. */
export type AdapterModule = { createAdapter(info: InterpreterInfo): InterpreterAdapter };

/** An interpreter's facts and how to load its adapter module. */
export interface InterpreterEntry {
  info: InterpreterInfo;
  load(): Promise<AdapterModule>;
}

/** The interpreters we ship; their adapters sit in `interpreters/` of the build output. */
export const BUILTIN_INTERPRETERS: readonly InterpreterInfo[] = [
  {
    name: "micropython",
    label: "MicroPython",
    version: __MICROPYTHON_VERSION__,
    description: "A lean Python 3 for small devices: starts in milliseconds, about 225 kB to download.",
    files: __MICROPYTHON_FILES__,
    options: { heapsize: "number", pystack: "number" },
  },
  {
    name: "pyodide",
    label: "Pyodide",
    version: __PYODIDE_VERSION__,
    description: "CPython with its standard library: everything Python has, about 6.4 MB to download and 2 s to start.",
    files: __PYODIDE_FILES__,
    options: { snapshot: "boolean", pyodide_packages_url: "string" },
  },
  {
    name: "cpython",
    label: "CPython",
    version: __CPYTHON_VERSION__,
    description: "Upstream CPython for WASI, unmodified: the reference Python, about 12 MB to download; needs a browser with JSPI (Chromium).",
    files: __CPYTHON_FILES__,
    options: {},
  },
];

/** The folder URL of an interpreter's files (ending in "/"): `config.interpreterURL` for the chosen one, if set, else its folder in our build output. */
export function interpreterFolder(info: InterpreterInfo, config: Config, assets: Assets): string {
  const custom = config.interpreterURL && info.name === config.interpreter;
  return (custom ? new URL(config.interpreterURL, document.baseURI).href : assets.url(`${info.name}/`)).replace(/\/?$/, "/");
}

/** The URL path of a built-in interpreter's adapter module, in the build output. */
export const adapterPath = (name: string) => `interpreters/${name}.js`;

const registered: InterpreterEntry[] = [];

/**
 * Add an interpreter to every kernel made after this call: its facts and a
 * loader for a module exporting `createAdapter(info)`. (A kernel's own
 * `interpreters` option adds one to that kernel alone.)
 */
export function registerInterpreter(info: InterpreterInfo, load: () => Promise<AdapterModule>): void {
  registered.push({ info, load });
}

/** One kernel's interpreters. */
export class InterpreterRegistry {
  private entries = new Map<string, InterpreterEntry>();

  constructor(private assets: Assets, extra: readonly InterpreterEntry[] = []) {
    // The default interpreter's adapter is part of this bundle: one request less, and no wait for it.
    const micropython: AdapterModule = { createAdapter: (info) => createMicroPython(info, assets.url("interpreters/")) };
    for (const info of BUILTIN_INTERPRETERS) {
      this.add({ info, load: info.name === "micropython" ? async () => micropython : () => assets.import(adapterPath(info.name)) });
    }
    for (const entry of [...registered, ...extra]) this.add(entry);
  }

  /** Every known interpreter's facts, by name. */
  available(): Record<string, InterpreterInfo> {
    return Object.fromEntries([...this.entries].map(([name, entry]) => [name, entry.info]));
  }

  /** The entry for `name` (lowercase), if known. */
  get(name: string): InterpreterEntry | undefined {
    return this.entries.get(name);
  }

  /**
   * The folder of an interpreter's files: `config.interpreterURL` for the
   * page's interpreter if set, else the folder named after it in the build output.
   */
  folder(info: InterpreterInfo, config: Config): string {
    return interpreterFolder(info, config, this.assets);
  }

  private add(entry: InterpreterEntry): void {
    this.entries.set(entry.info.name.toLowerCase(), entry);
  }
}

/** The facts of every interpreter a kernel made now would know (built-in and registered). */
export function availableInterpreters(): Record<string, InterpreterInfo> {
  return Object.fromEntries([...BUILTIN_INTERPRETERS, ...registered.map((entry) => entry.info)].map((info) => [info.name.toLowerCase(), info]));
}
