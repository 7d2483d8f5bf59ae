/**
 * `window.PyScript`: read-only views of the kernel's state plus the few
 * things anyone may do (register a plugin, run Python). Nothing internal
 * leaks out: every property is a getter over the kernel's own state.
 */
import type { Config } from "./config.js";
import { PyScriptError } from "./errors.js";
import type { Interpreter, InterpreterInfo } from "./interpreters/interpreter.js";
import type { InterpreterRegistry } from "./interpreters/registry.js";
import type { Plugin, PluginRegistry } from "./plugin.js";
import type { Deferred } from "./deferred.js";
import type { Exposed, WorkerHandle, WorkerHub } from "./worker-hub.js";

/** The kernel's state, as the API reads it. */
export interface KernelState {
  config?: Config;
  interpreter?: Interpreter;
  timings: Record<string, number>;
  hub: WorkerHub;
  configured: Deferred<Config>;
  loaded: Deferred<void>;
  ready: Deferred<Interpreter>;
  finished: Deferred<Interpreter>;
  /** Resolved once the page's `<py-script>` tags have run (or never will). */
  scriptsDone: Deferred<void>;
}

/**
 * The public API, available as `window.PyScript`.
 *
 * @example
 * await PyScript.ready;
 * PyScript.runPython("6 * 7"); // 42
 */
export interface PyScriptAPI {
  /** MicroPyScript's own version. */
  readonly version: string;
  /** The page's config, once read (frozen once plugins have configured it). */
  readonly config: Config | undefined;
  /** Registered plugins, in registration order. */
  readonly plugins: readonly Plugin[];
  /** Every interpreter this build can run, by name. */
  readonly availableInterpreters: Readonly<Record<string, InterpreterInfo>>;
  /** The page's interpreter, once ready. */
  readonly interpreter: Interpreter | undefined;
  readonly isInterpreterReady: boolean;
  /** Resolves with the interpreter at `py-finished-setup`; rejects if start-up fails. */
  readonly ready: Promise<Interpreter>;
  /**
   * Resolves once setup has finished and the page's `<py-script>` tags have
   * all run (also those added meanwhile), so their globals are defined; also
   * resolves, without running anything, if start-up fails.
   */
  readonly scriptsDone: Promise<void>;
  /** When each lifecycle event happened, in ms since navigation start. */
  readonly timings: Readonly<Record<string, number>>;
  /** Register a plugin (see Plugin); late plugins catch up at once. */
  registerPlugin(plugin: Plugin): void;
  /**
   * Run Python synchronously; returns a final expression's value. Throws before the interpreter is ready.
   * On MicroPython, the first code that may use the `pyscript` package (or `input()`, asyncio) while the
   * page's scripts haven't needed it yet gets a promise of its value instead: the package loads first.
   */
  runPython(code: string): unknown;
  /** Run Python allowing top-level `await`; resolves to a final expression's value. */
  runPythonAsync(code: string): Promise<unknown>;
  /** The `<py-script worker>` scripts, by name: `await PyScript.workers.name.call("fn", 1, 2)`, `.stop()`. */
  readonly workers: Readonly<Record<string, WorkerHandle>>;
  /** Offer a JS function to workers: Python there calls `await main.name(...)` or `sync.name(...)`. */
  expose(name: string, fn: Exposed): void;
}

/**
 * `prepare(code)`: what code needs before it runs (the kernel's: the pyscript
 * package, the first time code may use it), or undefined when nothing.
 */
export function createAPI(state: KernelState, plugins: PluginRegistry, interpreters: InterpreterRegistry,
  prepare: (code: string) => Promise<unknown> | undefined = () => undefined): PyScriptAPI {
  const interpreter = (): Interpreter => {
    if (state.interpreter) return state.interpreter;
    throw new PyScriptError("not-ready", "Python isn't ready yet: runPython() was called before the interpreter started.", {
      hint: "Wait for it first: `await PyScript.ready`, or listen for the py-finished-setup event.",
    });
  };
  return Object.freeze({
    version: __MICROPYSCRIPT_VERSION__,
    get config() { return state.config; },
    get plugins() { return [...plugins.plugins]; },
    get availableInterpreters() { return interpreters.available(); },
    get interpreter() { return state.interpreter; },
    get isInterpreterReady() { return state.interpreter !== undefined; },
    get ready() { return state.finished.promise; },
    get scriptsDone() { return state.scriptsDone.promise; },
    get timings() { return { ...state.timings }; },
    registerPlugin: (plugin: Plugin) => plugins.register(plugin),
    runPython: (code: string) => {
      const python = interpreter();
      const waiting = prepare(code);
      return waiting ? waiting.then(() => python.runSync(code)) : python.runSync(code);
    },
    runPythonAsync: async (code: string) => {
      const python = interpreter();
      await prepare(code);
      return python.run(code);
    },
    get workers() { return { ...state.hub.workers }; },
    expose: (name: string, fn: Exposed) => state.hub.expose(name, fn),
  });
}
