/**
 * How every failure reaches people: logged to the console, dispatched as
 * `py-error`, and shown as a removable box — inside the element it belongs to
 * (a `<py-script>` tag), or at the top of the page. Warnings get the same
 * box in another colour, and no event.
 */
import { PyScriptError, reasonOf } from "./errors.js";
import { dispatch } from "./events.js";

/** Report an error (or a warning) the one standard way. */
export function report(error: PyScriptError, options: { warning?: boolean } = {}): void {
  if (options.warning) {
    console.warn(`🐍 ${error}`);
  } else {
    console.error(`🐍 ${error}${error.traceback ? "\n" + error.traceback : ""}`);
    dispatch("py-error", error);
  }
  showBox(error, options.warning ?? false);
}

/** Anything thrown, as a PyScriptError of `code` (kept as is if it already is one). */
export function asPyScriptError(thrown: unknown, make: (reason: string) => PyScriptError): PyScriptError {
  return thrown instanceof PyScriptError ? thrown : make(reasonOf(thrown));
}

function showBox(error: PyScriptError, warning: boolean): void {
  if (!document.body) return;
  const box = document.createElement("div");
  box.className = warning ? "py-error py-warning" : "py-error";
  box.setAttribute("role", warning ? "status" : "alert");
  box.dataset.code = error.code;
  const close = document.createElement("button");
  close.className = "py-error-close";
  close.type = "button";
  close.title = "Dismiss";
  close.textContent = "×";
  close.onclick = () => box.remove();
  const text = document.createElement("pre");
  text.textContent = error.traceback ?? error.message; // always text, never HTML
  box.append(close, text);
  if (error.hint) {
    const hint = document.createElement("p");
    hint.textContent = `How to fix: ${error.hint}`;
    box.append(hint);
  }
  (error.element?.isConnected ? error.element : topContainer()).append(box);
}

/** Page-level messages stack in one container at the top of the body. */
function topContainer(): Element {
  let container = document.querySelector(".py-errors");
  if (!container) {
    container = document.createElement("div");
    container.className = "py-errors";
    document.body.prepend(container);
  }
  return container;
}
