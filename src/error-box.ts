/**
 * The box that shows an error (or a warning) on the page (`dist/error-box.js`,
 * loaded on a page's first problem): inside the element it belongs to (a
 * `<py-script>` tag), or at the top of the page; labelled with its code
 * (`[config-parse]`) so people can search for it; dismissable; always text.
 */
import type { PyScriptError } from "./errors.js";
import { addStyleSheet } from "./styles.js";

const CSS = `.py-error{position:relative;margin:.5em 0;padding:.5em 2.2em .5em .8em;border:1px solid #d33;border-left:6px solid #d33;background:#fff5f5;color:#5c0011;font:14px/1.4 system-ui,sans-serif}
.py-error pre{margin:0;white-space:pre-wrap;font:13px/1.4 ui-monospace,monospace}
.py-error p{margin:.4em 0 0}
.py-error-code{display:block;margin-bottom:.2em;font:12px/1.2 ui-monospace,monospace;opacity:.75}
.py-warning{border-color:#c90;background:#fffbe6;color:#5c4400}
.py-error-close{position:absolute;top:.2em;right:.4em;border:0;background:none;color:inherit;font-size:1.3em;cursor:pointer}`;

/** Show `error` in a box near where it happened. */
export function showBox(error: PyScriptError, warning: boolean): void {
  addStyleSheet("py-error-styles", CSS);
  const box = document.createElement("div");
  box.className = warning ? "py-error py-warning" : "py-error";
  box.setAttribute("role", warning ? "status" : "alert");
  box.dataset.code = error.code;
  const close = Object.assign(document.createElement("button"), { type: "button", className: "py-error-close", title: "Dismiss", textContent: "×" });
  close.onclick = () => box.remove();
  const text = document.createElement("pre");
  text.textContent = error.traceback ?? error.message; // always text, never HTML
  // The code, as people can search for it (the docs, the console and py-error events use the same one).
  const code = Object.assign(document.createElement("small"), { className: "py-error-code", textContent: `[${error.code}]` });
  box.append(close, code, text);
  if (error.hint) box.append(Object.assign(document.createElement("p"), { textContent: `How to fix: ${error.hint}` }));
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
