/**
 * What MicroPython and Pyodide have in common as adapters: both are
 * Emscripten builds with the same virtual filesystem and the same way of
 * registering JS modules, and both get our output routing, working folder,
 * source memory (for tracebacks) and error conversion. Each adapter adds
 * only how its runtime runs code.
 */
import { PyScriptError, reasonOf } from "../errors.js";
import { enterHome, resolvePath, writeFile, type EmscriptenFS } from "./filesystem.js";
import type { Interpreter, InterpreterAdapter, InterpreterInfo, RunContext, RunOptions, StartOptions, Writer } from "./interpreter.js";
import type { OutputRouter } from "./output-router.js";
import { atLine, isPythonException, pythonError, remember, type Sources } from "./traceback.js";

/** The part of the runtimes' JS APIs both share. */
export interface EmscriptenRuntime {
  FS: EmscriptenFS;
  registerJsModule(name: string, module: object): void;
}

export abstract class EmscriptenPython<Runtime extends EmscriptenRuntime> {
  protected sources: Sources = new Map();
  /** What to suggest when the interpreter itself fails (not a Python exception). */
  protected crashHint = "The interpreter itself failed (often: out of memory). Reload the page.";

  constructor(
    readonly info: InterpreterInfo,
    readonly runtime: Runtime,
    protected router: OutputRouter,
  ) {
    enterHome(runtime.FS);
  }

  get defaultWriter(): Writer {
    return this.router.fallback;
  }

  set defaultWriter(writer: Writer) {
    this.router.fallback = writer;
  }

  get context(): RunContext {
    return this.router.context;
  }

  within<T>(context: RunContext, fn: () => Promise<T>): Promise<T> {
    return this.router.using(context, fn);
  }

  enter(context: RunContext): () => void {
    return this.router.enter(context);
  }

  writeFile(path: string, data: string | Uint8Array): void {
    writeFile(this.runtime.FS, path, data);
  }

  readFile(path: string): Uint8Array {
    return this.runtime.FS.readFile(resolvePath(path));
  }

  registerJsModule(name: string, module: object): void {
    this.runtime.registerJsModule(name, module);
  }

  toError(error: unknown): PyScriptError {
    if (isPythonException(error)) return pythonError(error, this.sources, undefined, this.info.name);
    return new PyScriptError("python", `${this.info.label} stopped: ${reasonOf(error)}`, { hint: this.crashHint, cause: error });
  }

  /** Remember the code for tracebacks; pad it so line numbers match its file. */
  protected prepare(code: string, { filename = "<string>", firstLine = 1 }: RunOptions): [string, string] {
    remember(this.sources, filename, code, firstLine);
    return [atLine(code, firstLine), filename];
  }
}

/**
 * An adapter for a runtime whose loader function lives in a module of its
 * folder (`micropython.mjs`, `pyodide.mjs`): `load()` imports that module,
 * `start()` hands its loader to `start`.
 */
export function loaderAdapter<Loader>(info: InterpreterInfo, file: string, pick: (module: any) => Loader,
  start: (loader: Loader, options: StartOptions) => Promise<Interpreter>): InterpreterAdapter {
  let loader: Loader | undefined;
  return {
    info,
    async load(baseURL) {
      loader = pick(await import(/* @vite-ignore */ `${baseURL}${file}`));
    },
    start: (options) => start(loader!, options),
  };
}
