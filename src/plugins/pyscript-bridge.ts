/**
 * The page's half of Python's `pyscript` package (`dist/pyscript-bridge.js`,
 * loaded by every page in parallel with the interpreter). It installs the
 * package and registers `_pyscript`: the few things Python can't do alone
 * (draw output, listen to events, ask for input, reach workers). It also
 * replaces `input()`, which on MicroPython would otherwise hang the page.
 */
import type { Config } from "../config.js";
import type { Interpreter, RunContext } from "../interpreters/interpreter.js";
import { report } from "../report.js";
import type { WorkerHub } from "../workers/hub.js";
import { rewriteTraceback } from "./page-source.js";
import { installPackage } from "./pyscript-package.js";
const CSS = ".py-display{margin:.25em 0}.py-display img,img.py-display{max-width:100%}" +
  ".py-input{font:inherit;color:inherit;background:none;border:0;border-bottom:1px solid;outline:none;min-width:12em}";

/** Put the `pyscript` package on the page interpreter's path and make input() work. */
export function install(interpreter: Interpreter, config: Config, hub: WorkerHub): void {
  document.head.append(Object.assign(document.createElement("style"), { textContent: CSS }));
  installPackage(interpreter, bridge(interpreter, config, hub));
}

let targetIds = 0;

/** What Python's `_pyscript` module holds on the page. Names are Python-style on purpose. */
function bridge(interpreter: Interpreter, config: Config, hub: WorkerHub) {
  const { none } = interpreter;
  return {
    in_worker: false,
    config_json: () => JSON.stringify(config),
    current_target: () => interpreter.context.target ?? none,
    current_target_id: () => {
      const target = interpreter.context.target;
      if (target) target.id ||= `py-target-${++targetIds}`;
      return target?.id ?? none;
    },
    // display(): an element by id (none if there is no such element), else this run's target ("" outside tags).
    display_target: (id: string | null) => (id ? document.getElementById(id) ?? none : interpreter.context.target ?? ""),
    display: (element: Element, mime: string, data: string) => element.append(render(mime, data)),
    clear: (element: Element) => element.replaceChildren(),
    listen: (element: EventTarget, type: string, handler: (event: Event) => unknown) =>
      listen(interpreter, element, type, handler, interpreter.context),
    ask: (prompt: string) => window.prompt(prompt) ?? none,
    ask_inline: async (prompt: string) => (await askInline(interpreter.context.target, prompt)) ?? none,
    // Workers: @export on the page offers a function to them; workers["name"] calls theirs.
    expose: (name: string, call: (argsJSON: string) => Promise<string>) =>
      hub.expose(name, async (...args: unknown[]) => JSON.parse(await call(JSON.stringify(args)))),
    has_worker: (name: string) => name in hub.workers,
    worker_names: () => Object.keys(hub.workers).join(", "),
    call_worker: (name: string, fn: string, argsJSON: string) => hub.workers[name]!.call(fn, ...JSON.parse(argsJSON))
      .then((value) => JSON.stringify({ value }), (error: Error) => JSON.stringify({ error: error.message })),
  };
}

/** One value's node: text stays text; HTML and SVG come from trusted reprs. */
export function render(mime: string, data: string): Element {
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
export function askInline(target: Element | undefined, prompt: string): Promise<string | undefined> {
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
