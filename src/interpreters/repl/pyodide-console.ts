/**
 * The Python half of the Pyodide REPL: a `pyodide.console.PyodideConsole`
 * in the page's globals whose running task Ctrl-C can cancel, and `settle`,
 * which awaits a line's outcome inside Python and hands JS plain values.
 * Set up once per runtime, on the first REPL.
 */

/** The part of Pyodide's API the REPL uses. */
export interface PyodideREPLRuntime {
  runPython(code: string, options: { filename: string; globals?: unknown }): unknown;
  toPy(value: object): unknown;
}

/** A Python object held from JS; `destroy()` frees it. */
export interface PyProxy {
  destroy(): void;
}

export interface ConsoleFuture extends PyProxy {
  syntax_check: "complete" | "incomplete" | "syntax-error";
  formatted_error: string | undefined;
}

export interface ReplConsole extends PyProxy {
  push(line: string): ConsoleFuture;
  complete(source: string): PyProxy & { toJs(): [string[], number] };
  interrupt(): void;
  forget(): void;
}

/** What `settle` gives back: a line's outcome, as `[ok, text to show]`. */
type Outcome = PyProxy & { toJs(): [boolean, string | undefined] };

export interface Helpers {
  banner: string;
  open_console(): ReplConsole;
  /** Returns an awaitable proxy: await it, then destroy it. */
  settle(future: ConsoleFuture): PyProxy & PromiseLike<Outcome>;
}

/**
 * Python side: a console in the page's globals whose running task Ctrl-C
 * can cancel (and whose syntax errors read as CPython's), and `settle`, which awaits a line's future inside Python
 * (awaiting the proxy from JS would destroy it) and returns plain values.
 */
const HELPERS = `
import ast, asyncio, builtins, __main__
from pyodide.console import BANNER as banner, PyodideConsole, repr_shorten

INTERRUPTED = object()

class ReplConsole(PyodideConsole):
    task = None

    async def runcode(self, source, code):
        self.task = asyncio.current_task()
        try:
            return await super().runcode(source, code)
        except asyncio.CancelledError:
            return INTERRUPTED
        finally:
            self.task = None

    def interrupt(self):
        if self.task:
            self.task.cancel()

    def forget(self):
        self.buffer.clear()

    def formatsyntaxerror(self, e):
        # The console compiles with "incomplete input allowed" even on its
        # last try, so some plain syntax errors come out as the internal
        # _IncompleteInputError; compile again to get the real message.
        if type(e).__name__ == "_IncompleteInputError":
            try:
                compile("\\n".join(self.buffer), self.filename, "single", ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
            except SyntaxError as real:
                e = real
        return super().formatsyntaxerror(e)

def open_console():
    return ReplConsole(__main__.__dict__)

async def settle(future):
    try:
        value = await future
    except BaseException:
        return [False, future.formatted_error]
    if value is INTERRUPTED:
        return [False, "KeyboardInterrupt\\n"]
    if value is None:
        return [True, None]
    builtins._ = value
    return [True, repr_shorten(value, separator="\\n<long output truncated>\\n") + "\\n"]
`;

const helpersOf = new WeakMap<PyodideREPLRuntime, Helpers>();

/** The runtime's REPL helpers, set up on first use. */
export function consoleHelpers(runtime: PyodideREPLRuntime): Helpers {
  let helpers = helpersOf.get(runtime);
  if (!helpers) {
    const namespace = runtime.toPy({}) as { get(name: string): any };
    runtime.runPython(HELPERS, { filename: "<pyscript-repl>", globals: namespace });
    helpers = { banner: namespace.get("banner"), open_console: namespace.get("open_console"), settle: namespace.get("settle") };
    helpersOf.set(runtime, helpers);
  }
  return helpers;
}
