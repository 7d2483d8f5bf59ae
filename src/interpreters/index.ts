/**
 * The registry of interpreters, keyed by lowercase name. It holds what is
 * known before anything downloads (name, version, files, options) and how to
 * load each adapter; adapters' code loads only when a page asks for them.
 */
import { assetURL, importAsset } from "../assets.js";
import type { Config } from "../config.js";
import type { InterpreterAdapter, InterpreterInfo } from "./interpreter.js";

/** What an adapter module (e.g. `dist/adapters/micropython.js`) exports. */
export type AdapterModule = { createAdapter(info: InterpreterInfo): InterpreterAdapter };

const registry: Record<string, { info: InterpreterInfo; load: () => Promise<AdapterModule> }> = {
  micropython: {
    info: {
      name: "micropython",
      label: "MicroPython",
      version: __MICROPYTHON_VERSION__,
      description: "A lean Python 3 for small devices: starts in milliseconds, about 225 kB to download.",
      files: __MICROPYTHON_FILES__,
      options: { heapsize: "number", pystack: "number" },
    },
    load: () => importAsset("adapters/micropython.js"),
  },
  pyodide: {
    info: {
      name: "pyodide",
      label: "Pyodide",
      version: __PYODIDE_VERSION__,
      description: "CPython with its standard library: everything Python has, about 6.4 MB to download and 2 s to start.",
      files: __PYODIDE_FILES__,
      options: {},
    },
    load: () => importAsset("adapters/pyodide.js"),
  },
};

/** Every known interpreter's facts, by name. */
export function availableInterpreters(): Record<string, InterpreterInfo> {
  return Object.fromEntries(Object.entries(registry).map(([name, entry]) => [name, entry.info]));
}

/**
 * The folder of an interpreter's files: `config.interpreterURL` for the
 * page's interpreter if set, else the folder named after it next to pyscript.js.
 */
export function interpreterFolder(info: InterpreterInfo, config: Config): string {
  const custom = config.interpreterURL && info.name === config.interpreter;
  return (custom ? new URL(config.interpreterURL, document.baseURI).href : assetURL(`${info.name}/`)).replace(/\/?$/, "/");
}

/** The adapter for a registered interpreter (downloads its adapter code). */
export async function getAdapter(name: string): Promise<InterpreterAdapter> {
  const entry = registry[name]!;
  return (await entry.load()).createAdapter(entry.info);
}

/**
 * Add an interpreter: its facts and a loader for a module exporting
 * `createAdapter(info)`. Register before the kernel reads the config.
 */
export function registerInterpreter(info: InterpreterInfo, load: () => Promise<AdapterModule>): void {
  registry[info.name.toLowerCase()] = { info, load };
}
