/**
 * The one way a failure in the page's Python is shown at its tag: as a
 * PyScriptError on that element, with inline-script frames pointing at the
 * page's HTML lines. Used by `<py-script>`, event handlers and workers alike.
 * `sys.exit()` (SystemExit) is not a failure: it just ends that code.
 */
import type { Assets } from "../assets.js";
import { PyScriptError } from "../errors.js";
import { asPyScriptError, report } from "../report.js";

/**
 * Report `thrown` at `element` (as a "python" error unless it already is a
 * PyScriptError), its traceback mapped to the page's lines.
 */
export async function reportAtTag(thrown: unknown, element: Element | undefined, assets: Assets): Promise<PyScriptError> {
  const error = asPyScriptError(thrown, (reason) => new PyScriptError("python", reason));
  error.element = element ?? error.element;
  if (error.pythonType === "SystemExit") {
    // sys.exit() ends just that code (a script, a handler, a task), as a program ends: quietly, with a note for developers.
    console.info(`🐍 ${error.message || "SystemExit"}: the code that called sys.exit() ended there; the rest of the page goes on.`);
    return error;
  }
  await pointAtPage(error, assets);
  report(error);
  return error;
}

/** Map a traceback's inline-script frames to the page's lines (loads page-source.js only now). */
export async function pointAtPage(error: PyScriptError, assets: Assets): Promise<void> {
  if (!/<(py-script|script) #/.test(error.traceback ?? "")) return;
  try {
    const { rewriteTraceback } = await assets.import<typeof import("./page-source.js")>("page-source.js");
    error.traceback = await rewriteTraceback(error.traceback!);
  } catch {
    // Without the helper, the script's own names and line numbers still say where.
  }
}
