/**
 * MicroPython behind the Interpreter interface, wrapping `loadMicroPython()`
 * from `@micropython/micropython-webassembly-pyscript`. What this adapter
 * smooths over:
 * - its `runPython` returns nothing and names every file `<stdin>`, so we
 *   `compile()` with the real filename and capture a final expression's value;
 * - top-level `await` only works through `runPythonAsync`, used as a fallback;
 * - it starts in `/`, so we move it to the shared working folder;
 * - output comes a byte at a time: we decode it into text chunks.
 * MicroPython allows one instance per JS realm (its globals are global).
 */
import { routeOutput, type ByteDecoder, type OutputRouter } from "./output-router.js";
import { EmscriptenPython, loaderAdapter, type EmscriptenRuntime } from "./emscripten-python.js";
import { isPythonException } from "./traceback.js";
import { PyScriptError } from "../errors.js";
import type { Interpreter, InterpreterAdapter, InterpreterInfo, Repl, RunOptions, Writer } from "./interpreter.js";

/** The part of MicroPython's JS API we use. */
interface MicroPythonRuntime extends EmscriptenRuntime {
  PyProxy: { toJs(value: unknown): unknown };
  globals: { __dict__: object; get(name: string): unknown; delete(name: string): void };
  pyimport(name: string): any;
  registerJsModule(name: string, module: object): void;
  runPythonAsync(code: string): Promise<unknown>;
  replInit(): void;
  replProcessChar(byte: number): number;
}

interface MicroPythonOptions {
  heapsize?: number;
  pystack?: number;
  linebuffer: boolean;
  stdout: (bytes: Uint8Array) => void;
  stderr: (bytes: Uint8Array) => void;
}

type LoadMicroPython = (options: MicroPythonOptions) => Promise<MicroPythonRuntime>;

/** This file's folder (not written `new URL(".", import.meta.url)`: see assets.ts). */
const HERE = import.meta.url.slice(0, import.meta.url.lastIndexOf("/") + 1);

/**
 * The adapter the registry hands to the kernel. `engines`: the folder of the
 * REPL engines (`interpreters/` of the build output); by default this file's,
 * which it is unless this adapter is bundled into pyscript.js (it is: the default interpreter).
 */
export function createAdapter(info: InterpreterInfo, engines = HERE): InterpreterAdapter {
  return loaderAdapter(info, "micropython.mjs", (module) => module.loadMicroPython as LoadMicroPython,
    async (loadMicroPython, { options, defaultWriter, observe }) => {
      const { router, stdout, stderr } = routeOutput(defaultWriter, observe);
      const runtime = await loadMicroPython({
        ...options,
        linebuffer: false, // one byte at a time: we decode and flush ourselves
        stdout: (bytes) => stdout.push(bytes[0]!),
        stderr: (bytes) => stderr.push(bytes[0]!),
      });
      writeInPieces(runtime, 1, stdout);
      writeInPieces(runtime, 2, stderr);
      return new MicroPython(info, runtime, router, [stdout, stderr], engines);
    });
}

/**
 * MicroPython's Emscripten streams call us once per byte: for 8 MB of output
 * that is 8 million calls, most of the time spent printing. Where its file
 * system lets us, take each write whole instead (4 pieces for `print("hi", 1)`).
 */
function writeInPieces(runtime: MicroPythonRuntime, fd: number, decoder: ByteDecoder): void {
  type StreamOps = { write?: (stream: unknown, buffer: Uint8Array, offset: number, length: number) => number };
  const stream = (runtime.FS as { streams?: ({ stream_ops?: StreamOps } | null)[] }).streams?.[fd];
  if (!stream?.stream_ops?.write) return; // another build: stay with bytes
  stream.stream_ops = {
    ...stream.stream_ops,
    write: (_stream, buffer, offset, length) => (decoder.pushChunk(buffer.subarray(offset, offset + length)), length),
  };
}

const VALUE = "__pyscript_value__";

class MicroPython extends EmscriptenPython<MicroPythonRuntime> implements Interpreter {
  readonly version: string;
  readonly libraryPath = "/lib"; // on MicroPython's sys.path, though it doesn't exist until we write to it
  readonly none = null; // undefined would arrive as a JsProxy
  protected override crashHint = "The interpreter itself failed (often: out of memory). Reload the page; if it happens again, raise \"heapsize\" in <py-config>.";
  private builtins: any;

  constructor(info: InterpreterInfo, runtime: MicroPythonRuntime, router: OutputRouter, private decoders: ByteDecoder[], private engines: string) {
    super(info, runtime, router);
    this.builtins = runtime.pyimport("builtins");
    this.version = String(runtime.pyimport("sys").version);
  }

  async run(code: string, options: RunOptions = {}): Promise<unknown> {
    const [source, filename] = this.prepare(code, options);
    return this.router.using(options, async () => {
      try {
        return this.execute(source, filename, options.value ?? true);
      } catch (error) {
        if (!needsTopLevelAwait(error)) throw this.toError(error);
        return await this.executeAsync(source, filename);
      } finally {
        this.flush();
      }
    });
  }

  runSync(code: string, options: RunOptions = {}): unknown {
    const [source, filename] = this.prepare(code, options);
    return this.router.usingSync(options, () => {
      try {
        return this.execute(source, filename, options.value ?? true);
      } catch (error) {
        throw this.toError(error);
      } finally {
        this.flush();
      }
    });
  }

  /** A terminal on MicroPython's one native REPL, shared by all terminals (see repl/micropython.ts). */
  async createRepl(output: Writer): Promise<Repl> {
    const engine: typeof import("./repl/micropython-repl.js") = await import(/* @vite-ignore */ `${this.engines}micropython-repl.js`);
    return engine.openRepl(this.runtime, this.router, () => this.flush(), output);
  }

  /** exec() the code under its real filename; return a final expression's value. */
  private execute(source: string, filename: string, wantValue: boolean): unknown {
    const { builtins, runtime } = this;
    const globals = runtime.globals.__dict__;
    const capturing = wantValue && captureLastExpression(source);
    const compiled = capturing && this.tryCompile(capturing, filename);
    if (!compiled) {
      builtins.exec(builtins.compile(source, filename, "exec"), globals);
      return undefined;
    }
    builtins.exec(compiled, globals);
    const value = runtime.PyProxy.toJs(runtime.globals.get(VALUE));
    runtime.globals.delete(VALUE);
    return value ?? undefined;
  }

  private tryCompile(source: string, filename: string): unknown {
    try {
      return this.builtins.compile(source, filename, "exec");
    } catch {
      return undefined; // not an expression after all: run the code as written
    }
  }

  /** Top-level `await` only compiles through runPythonAsync, which calls every file `<stdin>`. */
  private async executeAsync(source: string, filename: string): Promise<unknown> {
    try {
      await this.runtime.runPythonAsync(source);
      return undefined;
    } catch (error) {
      if (isPythonException(error)) {
        (error as Error).message = (error as Error).message.replaceAll('File "<stdin>"', `File "${filename}"`);
      }
      throw this.toError(error);
    }
  }

  flush(): void {
    for (const decoder of this.decoders) decoder.flush();
  }

  /**
   * MicroPython awaits (and loops over) a JavaScript object through its `then`
   * or `Symbol.iterator`; one that has neither throws a JavaScript TypeError
   * that Python can't catch. The run stops, the interpreter goes on: say it as
   * the TypeError it is.
   */
  override toError(error: unknown): PyScriptError {
    if (isPythonException(error) || !NOT_AWAITABLE.test((error as Error)?.message ?? "")) return super.toError(error);
    return new PyScriptError("python", "TypeError: a JavaScript object that is neither a Promise nor iterable was awaited or looped over.", {
      pythonType: "TypeError",
      hint: "Await only promises (and coroutines), and loop over JavaScript arrays or iterables. On MicroPython this error can't be caught with try/except: check the object first.",
      cause: error,
    });
  }
}

const NOT_AWAITABLE = /^proxy_js_ref\[\w+\](\.then|\[Symbol\.iterator\]) is not a function/;

function needsTopLevelAwait(error: unknown): boolean {
  const { type, message } = error as { type?: string; message?: string };
  return type === "SyntaxError" && /'await' outside|async for\/with outside/.test(message ?? "");
}

/**
 * Rewrite code so a final expression's value is kept, as Pyodide does:
 * `x = 1\nx + 1` becomes `x = 1\n__pyscript_value__ = (x + 1\n)`. Line numbers
 * stay the same. Returns undefined when the last statement is indented or
 * blank; when it is not an expression, the rewrite simply fails to compile.
 */
function captureLastExpression(source: string): string | undefined {
  const lines = source.trimEnd().split("\n");
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!;
    if (line.trim() === "" || line.startsWith("#")) continue;
    if (/^[\s)\]}]/.test(line)) continue; // inside a block or a bracket: look further up
    return [...lines.slice(0, i), `${VALUE} = (${line}`, ...lines.slice(i + 1), ")"].join("\n");
  }
  return undefined;
}
