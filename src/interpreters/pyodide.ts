/**
 * Pyodide (CPython compiled to WebAssembly) behind the Interpreter interface,
 * wrapping `loadPyodide()` from the `pyodide` npm package, served from our
 * own build output (`indexURL`), never from a CDN. What this adapter smooths over:
 * - output: we take raw chunks (`setStdout({write})`), so a prompt without a
 *   newline shows at once instead of waiting for the next line;
 * - tracebacks: its internal `_pyodide/_base.py` frames are dropped;
 * - results: a final expression's value comes back converted to plain JS;
 * - the working folder: `/home/pyscript`, as for every interpreter.
 */
import { routeOutput, type OutputRouter } from "./output-router.js";
import { EmscriptenPython, loaderAdapter, type EmscriptenRuntime } from "./emscripten-python.js";
import type { Interpreter, InterpreterAdapter, InterpreterInfo, Repl, RunOptions, Writer } from "./interpreter.js";
import { HOME } from "./interpreter.js";
import { AFTER_RESTORE, canSnapshot, dropSnapshot, makeSnapshotLater, readSnapshot, snapshotKey } from "./pyodide-snapshot.js";

/** The part of Pyodide's JS API we use. */
interface PyodideRuntime extends EmscriptenRuntime {
  version: string;
  runPython(code: string, options: { filename: string }): unknown;
  runPythonAsync(code: string, options: { filename: string }): Promise<unknown>;
  registerJsModule(name: string, module: object): void;
  toPy(value: object): unknown;
  setStdout(options: { write(buffer: Uint8Array): number; isatty?: boolean }): void;
  setStderr(options: { write(buffer: Uint8Array): number; isatty?: boolean }): void;
  setInterruptBuffer(buffer: Int32Array): void;
  /** Set by us when it booted from a memory snapshot. */
  fromSnapshot?: boolean;
}

type BootOptions = { indexURL: string; env: Record<string, string>; packageBaseUrl?: string };
type LoadPyodide = (options: BootOptions & { _loadSnapshot?: Uint8Array }) => Promise<PyodideRuntime>;

const ENV = { HOME, PYTHONUNBUFFERED: "1" }; // output shows as printed, like `python -u`

/** The adapter the registry hands to the kernel. */
export function createAdapter(info: InterpreterInfo): InterpreterAdapter {
  return loaderAdapter(info, "pyodide.mjs", (module) => module.loadPyodide as LoadPyodide, async (loadPyodide, { baseURL, defaultWriter, observe, options }) => {
    const key = options.snapshot !== false && canSnapshot() ? snapshotKey(baseURL, info.version, __MICROPYSCRIPT_VERSION__, ENV) : undefined;
    // Where loadPackage() finds Pyodide's own packages' wheels (packages/pyodide-lock.ts): its lock file's folder, or the page's choice.
    const packages = options.pyodide_packages_url as string | undefined;
    const boot: BootOptions = { indexURL: baseURL, env: ENV };
    if (packages) boot.packageBaseUrl = new URL(packages.replace(/\/?$/, "/"), globalThis.document?.baseURI ?? location.href).href; // (undefined would unset its default)
    const runtime = (key && await fromSnapshot(loadPyodide, boot, key)) || await loadPyodide(boot);
    const { router, stdout, stderr } = routeOutput(defaultWriter, observe);
    runtime.setStdout({ write: (buffer) => (stdout.pushAll(buffer), buffer.length) });
    runtime.setStderr({ write: (buffer) => (stderr.pushAll(buffer), buffer.length) });
    const pyodide = new Pyodide(info, runtime, router);
    pyodide.bootedFrom = runtime.fromSnapshot ? "snapshot" : "plain";
    if (key && !runtime.fromSnapshot) {
      pyodide.pageSettled = () => makeSnapshotLater(new URL("./pyodide-snapshot-maker.js", import.meta.url).href, { indexURL: baseURL, env: ENV, key });
    }
    return pyodide;
  });
}

/** Pyodide booted from the stored snapshot, or undefined (none, or it failed: then it is dropped). */
async function fromSnapshot(loadPyodide: LoadPyodide, boot: BootOptions, key: string): Promise<PyodideRuntime | undefined> {
  const snapshot = await readSnapshot(key);
  if (!snapshot) return undefined;
  try {
    const runtime = await loadPyodide({ ...boot, _loadSnapshot: snapshot });
    runtime.runPython(AFTER_RESTORE, { filename: "<init>" });
    return Object.assign(runtime, { fromSnapshot: true });
  } catch {
    await dropSnapshot(key);
    return undefined;
  }
}

class Pyodide extends EmscriptenPython<PyodideRuntime> implements Interpreter {
  readonly version: string;
  readonly libraryPath: string;
  readonly none = undefined; // null would arrive as pyodide.ffi.jsnull
  bootedFrom: "plain" | "snapshot" = "plain";
  pageSettled?: () => void;

  constructor(info: InterpreterInfo, runtime: PyodideRuntime, router: OutputRouter) {
    super(info, runtime, router);
    this.version = String(runtime.runPython("import sys; sys.version", { filename: "<init>" }));
    const python = runtime.FS.readdir("/lib").find((name) => /^python3\.\d+$/.test(name));
    this.libraryPath = `/lib/${python}/site-packages`;
  }

  async run(code: string, options: RunOptions = {}): Promise<unknown> {
    const [source, filename] = this.prepare(code, options);
    return this.router.using(options, async () => {
      try {
        return toJs(await this.runtime.runPythonAsync(source, { filename }));
      } catch (error) {
        throw this.toError(error);
      }
    });
  }

  runSync(code: string, options: RunOptions = {}): unknown {
    const [source, filename] = this.prepare(code, options);
    return this.router.usingSync(options, () => {
      try {
        return toJs(this.runtime.runPython(source, { filename }));
      } catch (error) {
        throw this.toError(error);
      }
    });
  }

  flush(): void {
    // Output reaches us unbuffered (PYTHONUNBUFFERED): nothing is held back.
  }

  setInterruptBuffer(buffer: Int32Array): void {
    this.runtime.setInterruptBuffer(buffer);
  }

  /** A terminal on its own `PyodideConsole` in the page's globals (see repl/pyodide.ts). */
  async createRepl(output: Writer): Promise<Repl> {
    const engine: typeof import("./repl/pyodide-repl.js") = await import(/* @vite-ignore */ new URL("./pyodide-repl.js", import.meta.url).href);
    return engine.openRepl(this.runtime, this.router, output);
  }

}

/**
 * A returned PyProxy becomes plain JS (lists → arrays, dicts → objects) where
 * it can. A None inside becomes null, as MicroPython gives it.
 */
function toJs(value: unknown): unknown {
  const proxy = value as { toJs?: (options: object) => unknown; destroy?: () => void } | undefined;
  if (typeof proxy?.toJs !== "function") return value;
  const converted = proxy.toJs({ dict_converter: Object.fromEntries });
  if (converted === value) return value;
  proxy.destroy?.();
  return noneAsNull(converted);
}

function noneAsNull(value: unknown): unknown {
  if (value === undefined) return null;
  if (Array.isArray(value)) return value.map(noneAsNull);
  if (value?.constructor === Object) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, noneAsNull(item)]));
  }
  return value;
}
