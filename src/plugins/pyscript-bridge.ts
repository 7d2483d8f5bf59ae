/**
 * The JavaScript half of Python's `pyscript` module (`dist/pyscript-bridge.js`,
 * loaded by every page in parallel with the interpreter). It writes the
 * module onto Python's path, registers `_pyscript` (the few things Python
 * can't do alone: draw output, listen to events, ask for input), and replaces
 * `input()`, which on MicroPython would otherwise hang the page forever.
 */
import type { Config } from "../config.js";
import type { Interpreter, RunContext } from "../interpreters/interpreter.js";
import { report } from "../report.js";
import { rewriteTraceback } from "./page-source.js";
import INIT from "../python/pyscript/__init__.py";
import DISPLAY from "../python/pyscript/_display.py";
import EVENTS from "../python/pyscript/_events.py";
import FETCH from "../python/pyscript/_fetch.py";
import FFI from "../python/pyscript/_ffi.py";
import INPUT from "../python/pyscript/_input.py";

/** The package's files, written to the interpreter's library folder. */
const PACKAGE = { "__init__.py": INIT, "_display.py": DISPLAY, "_events.py": EVENTS, "_fetch.py": FETCH, "_ffi.py": FFI, "_input.py": INPUT };

/** Builtin input() calls the pyscript package's, which is imported only then. */
const INSTALL_INPUT = `
import builtins
def input(prompt=""):
    from pyscript._input import ask
    return ask(prompt)
builtins.input = input
del builtins, input
`;

const CSS = ".py-display{margin:.25em 0}.py-display img,img.py-display{max-width:100%}" +
  ".py-input{font:inherit;color:inherit;background:none;border:0;border-bottom:1px solid;outline:none;min-width:12em}";

/** Put the `pyscript` module on `interpreter`'s path and make input() work. */
export function install(interpreter: Interpreter, config: Config, inWorker = false): void {
  if (!inWorker) document.head.append(Object.assign(document.createElement("style"), { textContent: CSS }));
  interpreter.registerJsModule("_pyscript", bridge(interpreter, config, inWorker));
  for (const [name, source] of Object.entries(PACKAGE)) interpreter.writeFile(`${interpreter.libraryPath}/pyscript/${name}`, source);
  interpreter.runSync(INSTALL_INPUT, { filename: "<pyscript>", value: false });
}

let targetIds = 0;

/** What Python's `_pyscript` module holds. Names are Python-style on purpose. */
function bridge(interpreter: Interpreter, config: Config, inWorker: boolean) {
  const { none } = interpreter;
  return {
    in_worker: inWorker,
    config_json: () => JSON.stringify(config),
    current_target: () => interpreter.context.target ?? none,
    current_target_id: () => {
      const target = interpreter.context.target;
      if (target) target.id ||= `py-target-${++targetIds}`;
      return target?.id ?? none;
    },
    display: (element: Element, mime: string, data: string) => element.append(render(mime, data)),
    clear: (element: Element) => element.replaceChildren(),
    listen: (element: EventTarget, type: string, handler: (event: Event) => unknown) =>
      listen(interpreter, element, type, handler, interpreter.context),
    ask: (prompt: string) => window.prompt(prompt) ?? none,
    ask_inline: async (prompt: string) => (await askInline(interpreter.context.target, prompt)) ?? none,
  };
}

/** One value's node: text stays text; HTML and SVG come from trusted reprs. */
function render(mime: string, data: string): Element {
  if (mime === "image/png" || mime === "image/jpeg") {
    return Object.assign(document.createElement("img"), { className: "py-display", src: `data:${mime};base64,${data}` });
  }
  const node = document.createElement("div");
  node.className = mime === "text/markdown" ? "py-display py-markdown" : "py-display";
  if (mime === "text/html" || mime === "image/svg+xml") node.innerHTML = data; // HTML() or _repr_html_: the author's choice
  else node.textContent = data;
  return node;
}

/**
 * Call `handler` for each `type` event on `element`, as part of the run that
 * made it (its output goes to that tag); an exception is reported at that tag.
 * Returns the function that stops listening.
 */
function listen(interpreter: Interpreter, element: EventTarget, type: string, handler: (event: Event) => unknown, context: RunContext) {
  const listener = async (event: Event) => {
    try {
      await interpreter.within(context, async () => handler(event)); // an async def's coroutine is awaited too
    } catch (thrown) {
      const error = interpreter.toError(thrown);
      error.element = context.target;
      if (error.traceback) error.traceback = await rewriteTraceback(error.traceback);
      report(error);
    }
  };
  element.addEventListener(type, listener);
  return () => element.removeEventListener(type, listener);
}

/** An input field at the end of the target's output; resolves on Enter, or undefined on Escape. */
function askInline(target: Element | undefined, prompt: string): Promise<string | undefined> {
  if (!target) return Promise.resolve(window.prompt(prompt) ?? undefined);
  return new Promise((resolve) => {
    let output = target.lastElementChild;
    if (!output?.matches("pre.py-output")) output = target.appendChild(Object.assign(document.createElement("pre"), { className: "py-output" }));
    const field = Object.assign(document.createElement("input"), { className: "py-input", type: "text" });
    field.setAttribute("aria-label", prompt.trim() || "Input for Python");
    field.addEventListener("keydown", (event) => {
      if (event.key !== "Enter" && event.key !== "Escape") return;
      field.remove();
      resolve(event.key === "Enter" ? field.value : undefined);
    });
    output.append(field);
    field.focus();
  });
}
