/**
 * The one interface every Python runtime is wrapped in. The kernel, the
 * plugins and page authors only ever talk to this; each runtime's quirks
 * (MicroPython returns no values and has no filenames in tracebacks, Pyodide
 * adds internal frames, their working folders differ…) stay in its adapter.
 */
import type { PyScriptError } from "../errors.js";

/** Which output stream a piece of text was written to. */
export type Stream = "stdout" | "stderr";

/** Receives Python's output as text chunks, in order, as soon as they exist. */
export type Writer = (text: string, stream: Stream) => void;

/** Static facts about an interpreter, known before it is downloaded. */
export interface InterpreterInfo {
  /** Registry key, lowercase: what `config.interpreter` names. */
  name: string;
  /** Human name, e.g. "MicroPython". */
  label: string;
  /** Version of the runtime we ship, e.g. "1.27.0". */
  version: string;
  /** One sentence on what it is and when to choose it. */
  description: string;
  /** The runtime's files, relative to its folder, with their sizes in bytes. */
  files: Record<string, number>;
  /** Config keys only this interpreter understands, with their types. */
  options: Record<string, "number" | "string" | "boolean">;
}

/** Where a run's output goes, and the element `display()` draws in. */
export interface RunContext {
  /** Where this run's output goes, instead of the default writer. */
  output?: Writer;
  /** The element this run belongs to: Python's `display()` writes there, and its event handlers report errors there. */
  target?: Element;
}

/** How to run a piece of code. */
export interface RunOptions extends RunContext {
  /** The file name tracebacks show, e.g. "index.html" or "hello.py". */
  filename?: string;
  /** The line of that file where `code` starts (1-based), for tracebacks. */
  firstLine?: number;
  /** Return a final expression's value (default: true). Saves MicroPython a compile when false. */
  value?: boolean;
}

/** What every adapter offers once started. */
export interface Interpreter {
  readonly info: InterpreterInfo;
  /** The runtime's own version string (`sys.version`). */
  readonly version: string;
  /**
   * Run code in the page's shared globals. Top-level `await` works. Resolves
   * to the value of a final expression, converted to JS, where the runtime
   * can tell; rejects with a {@link PyScriptError} of code "python".
   */
  run(code: string, options?: RunOptions): Promise<unknown>;
  /** Like {@link run}, synchronously, without top-level `await`. */
  runSync(code: string, options?: RunOptions): unknown;
  /** Write a file, creating parent folders. Relative paths land in the working folder. */
  writeFile(path: string, data: string | Uint8Array): void;
  /** Read a file from the interpreter's filesystem. */
  readFile(path: string): Uint8Array;
  /** Make a JS object importable from Python as `import <name>`. */
  registerJsModule(name: string, module: object): void;
  /** Where the run in progress sends output and `display()` (empty outside runs). */
  readonly context: RunContext;
  /**
   * Run `fn` (JS code calling into Python, e.g. an event handler) as part of
   * a run with `context`, so its output goes where that run's went.
   */
  within<T>(context: RunContext, fn: () => Promise<T>): Promise<T>;
  /**
   * The step-by-step twin of {@link within}: output goes where `context`'s
   * went until the returned function is called (a background task's steps).
   */
  enter?(context: RunContext): () => void;
  /** How it started: "snapshot" when from a stored memory snapshot (Pyodide), else "plain". */
  bootedFrom?: "plain" | "snapshot";
  /** Called once when the page's scripts have run and it is idle (Pyodide makes its snapshot then). */
  pageSettled?(): void;
  /** The JS value that arrives in Python as `None` (MicroPython: null; Pyodide: undefined). */
  readonly none: null | undefined;
  /** A folder on Python's `sys.path` for packages we provide (e.g. `pyscript`). */
  readonly libraryPath: string;
  /** What the runtime threw (e.g. from a Python function called by JS), as our error with a clean traceback. */
  toError(thrown: unknown): PyScriptError;
  /** Deliver output held back (a partial line) now, e.g. before the thread blocks. */
  flush(): void;
  /**
   * Where the runtime can stop a running program (Pyodide): setting
   * `buffer[0] = 2` raises KeyboardInterrupt in Python. Absent otherwise.
   */
  setInterruptBuffer?(buffer: Int32Array): void;
  /** Where output goes when no run says otherwise (console and `py-print`). */
  defaultWriter: Writer;
  /**
   * Open an interactive session (a REPL) in the page's shared globals. It
   * writes its banner and first prompt to `output` at once, then echoes what
   * it is fed, with results, prints and tracebacks, as terminal text (VT100
   * sequences; a bare `\n` means a new line). Its engine downloads on first use.
   * Optional: an interpreter without one makes `<py-repl>` say so.
   */
  createRepl?(output: Writer): Promise<Repl>;
  /** The runtime's own API object, for what this interface doesn't cover. */
  readonly runtime: unknown;
}

/**
 * One interactive session, fed by one terminal. Sessions share the page's
 * globals; each one's output goes only to its own terminal.
 *
 * @example
 * const repl = await interpreter.createRepl((text) => terminal.write(text));
 * terminal.onData((data) => repl.input(data));
 */
export interface Repl {
  /**
   * Keys as a terminal sends them: `"1+1\r"` (Enter is `\r`), `"\x1b[A"` (↑),
   * `"\t"` (Tab), `"\x03"` (Ctrl-C). Code runs when a statement is complete.
   */
  input(data: string): void;
  /**
   * Enter code as if typed line by line, each complete statement run in
   * turn (a paste, or a `<py-repl>` tag's initial code). Text without a final
   * newline is left on the prompt line, as a terminal paste would.
   * Resolves once everything it entered has run.
   */
  paste(text: string): Promise<void>;
  /** End the session: later input is ignored and its output dropped. */
  close(): void;
}

/** The options an adapter is started with (from config, already validated). */
export interface StartOptions {
  /** Folder URL holding the runtime's files, ending in "/". */
  baseURL: string;
  /** Interpreter-specific config keys (see {@link InterpreterInfo.options}). */
  options: Record<string, unknown>;
  /** Receives all output that no run claimed. */
  defaultWriter: Writer;
  /** Sees every chunk of output, claimed or not (the kernel announces it as `py-print`). */
  observe?: Writer;
}

/** An interpreter before it has started: what the registry hands out. */
export interface InterpreterAdapter {
  readonly info: InterpreterInfo;
  /** Download the runtime's JavaScript. */
  load(baseURL: string): Promise<void>;
  /** Instantiate the runtime (downloads and compiles its WebAssembly). */
  start(options: StartOptions): Promise<Interpreter>;
}

/**
 * Every interpreter runs in this folder, so relative `files` paths, `import`
 * and relative `open()` behave the same everywhere.
 */
export const HOME = "/home/pyscript";
