/**
 * The messages between the page and a worker, in one place. Everything is
 * structured-cloneable; Python values cross as JSON text inside them.
 */
import type { Config } from "../config.js";
import type { InterpreterInfo, Stream } from "../interpreters/interpreter.js";
import type { DomOp, Wire } from "./dom-wire.js";

/** How a worker starts: everything it needs, since it shares nothing with the page. */
export interface WorkerInit {
  name: string;
  info: InterpreterInfo;
  /** Folder of the interpreter's files. */
  baseURL: string;
  config: Config;
  /** The page's configured files: [path on Python's filesystem, absolute URL]. */
  files: [string, string][];
  code: string;
  filename: string;
  /** The page's base URL: relative URLs (fetch, js_modules) mean what they mean on the page. */
  pageURL: string;
  /** The id of the script's output element (what current_target() says). */
  target: string;
  /** For blocking requests (input, sync calls): present only if the page is cross-origin isolated. */
  channel?: SharedArrayBuffer;
  /** Pyodide's interrupt buffer (cross-origin isolated pages only). */
  interrupt?: SharedArrayBuffer;
}

/** An error, as it crosses from a worker. */
export interface ErrorData {
  code: string;
  message: string;
  hint: string;
  pythonType?: string;
  traceback?: string;
}

/** A value, or why there isn't one. */
export interface Answer {
  value?: unknown;
  error?: string;
}

export type ToWorker =
  | { type: "init"; init: WorkerInit }
  | { type: "call"; id: number; name: string; args: unknown[] } // the page calls an exported function
  | ({ type: "reply"; id: number } & Answer) // answer to the worker's "call"
  | { type: "callback"; id: number; args: Wire[] }; // the page calls a worker function it was given (an event handler)

export type FromWorker =
  | { type: "ready"; version: string; interruptible: boolean }
  | { type: "output"; text: string; stream: Stream; skipped?: number }
  | { type: "display"; target: string; mime: string; data: string; attributes: string }
  | { type: "clear"; target: string }
  | { type: "done" }
  | { type: "error"; error: ErrorData; started: boolean }
  | { type: "warning"; error: ErrorData } // a problem to show, though the worker goes on
  | ({ type: "result"; id: number } & Answer) // answer to the page's "call"
  | { type: "call"; id: number; name: string; args: unknown[] } // the worker calls a page function
  | { type: "block"; request: BlockingRequest } // answered through the channel
  | { type: "release"; dropped: [number, number][] }; // the worker dropped these page objects: [id, times received]

/** What a worker can wait for (only through a cross-origin isolated page's channel). */
export type BlockingRequest =
  | { kind: "input"; prompt: string }
  | { kind: "call"; name: string; args: unknown[] }
  | { kind: "element"; id: string } // is there an element with this id? (display(target=…))
  | { kind: "dom"; op: DomOp }; // the page's document and window
