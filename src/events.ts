/**
 * The lifecycle events, their `detail` types, and the one function that
 * dispatches them on `document`. The names are public API. Listening is
 * typed for users: `document.addEventListener("py-configured", (e) => e.detail.files)`.
 */
import type { Config } from "./config.js";
import type { PyScriptError } from "./errors.js";
import type { Interpreter, Stream } from "./interpreters/interpreter.js";
import type { Plugin } from "./plugin.js";

/** What a download of the interpreter has done so far (see `py-progress`). */
export interface Progress {
  /** The interpreter being loaded. */
  interpreter: string;
  /**
   * "downloading" while bytes arrive, "compiling" the WebAssembly, "starting" Python, then "ready";
   * then "installing" for each package in config.packages (`loaded` is its number, `total` their count).
   */
  stage: "downloading" | "compiling" | "starting" | "ready" | "installing";
  /** Bytes received so far (decoded size), over all of the interpreter's files. */
  loaded: number;
  /** Bytes expected in all (decoded size). */
  total: number;
  /** The file the latest bytes belong to (the package, when installing). */
  file: string;
}

/** Each event name with the type of its `detail`. */
export interface PyScriptEventDetails {
  "py-configured": Config;
  "py-plugin-registered": { config: Config; plugin: Plugin };
  "py-file-fetched": { path: string; content: Uint8Array };
  "py-interpreter-loaded": string;
  "py-plugin-started": { config: Config; plugin: Plugin };
  "py-interpreter-ready": Interpreter;
  "py-files-loaded": undefined;
  "py-package-installed": { name: string; version: string };
  "py-finished-setup": { interpreter: Interpreter };
  "py-error": PyScriptError;
  "py-print": { text: string; stream: Stream };
  "py-progress": Progress;
}

export type PyScriptEventName = keyof PyScriptEventDetails;

type PyScriptEvents = { [K in PyScriptEventName]: CustomEvent<PyScriptEventDetails[K]> };

declare global {
  // Makes `document.addEventListener("py-…", e => e.detail)` typed.
  interface DocumentEventMap extends PyScriptEvents {}
}

/** Dispatch a lifecycle event on `document`. */
export function dispatch<K extends PyScriptEventName>(name: K, detail: PyScriptEventDetails[K]): void {
  document.dispatchEvent(new CustomEvent(name, { detail }));
}
