/**
 * The page's half of Python's `pyscript` package (`dist/page-bridge.js`,
 * loaded by every page in parallel with the interpreter). It installs the
 * package and registers the page's `_pyscript` (see bridge.ts): drawing
 * output, listening to events, asking for input, reaching workers. It also
 * replaces `input()`, which on MicroPython would otherwise hang the page.
 */
import type { Assets } from "../assets.js";
import type { Config } from "../config.js";
import type { Interpreter, RunContext } from "../interpreters/interpreter.js";
import { askInline } from "../page-io/input-field.js";
import { render } from "../page-io/output.js";
import { reportAtTag } from "../page-io/tracebacks.js";
import { addStyleSheet } from "../styles.js";
import type { WorkerHub } from "../worker-hub.js";
import { failed, messageOf, type None, type PageBridge } from "./bridge.js";
import { installPackage } from "./install.js";
import { storageBridge } from "./storage.js";
import { targetId } from "./target-ids.js";

const CSS = ".py-display{margin:.25em 0}.py-display img,img.py-display{max-width:100%}" +
  ".py-input{font:inherit;color:inherit;background:none;border:0;border-bottom:1px solid;outline:none;min-width:12em}";

/** What the page's bridge needs from its kernel. */
export interface PageBridgeContext {
  interpreter: Interpreter;
  config: Config;
  hub: WorkerHub;
  assets: Assets;
}

/** Put the `pyscript` package on the page interpreter's path and make input() work. */
export function install(context: PageBridgeContext): void {
  addStyleSheet("py-display-styles", CSS);
  installPackage(context.interpreter, pageBridge(context));
}

function pageBridge({ interpreter, config, hub, assets }: PageBridgeContext): PageBridge {
  const { none } = interpreter;
  return {
    in_worker: false,
    config_json: () => JSON.stringify(config),
    current_target: () => interpreter.context.target ?? none,
    current_target_id: () => {
      const target = interpreter.context.target;
      return target ? targetId(target, interpreter.info.name) : none;
    },
    display_target: (id) => (id ? document.getElementById(id) ?? none : interpreter.context.target ?? ""),
    display: (element, mime, data, attributes) => failed(() => element.append(render(mime, data, attributes))),
    clear: (element) => element.replaceChildren(),
    listen: (element, type, handler, options) => listen({ interpreter, assets, context: interpreter.context }, element, type, handler, options),
    select: (selector) => {
      try {
        return [...document.querySelectorAll(selector)];
      } catch (thrown) {
        return messageOf(thrown);
      }
    },
    ask: (prompt) => window.prompt(prompt) ?? none,
    ask_inline: async (prompt) => (await askInline(interpreter.context.target, prompt)) ?? none,
    // Workers: @export on the page offers a function to them; workers["name"] calls theirs.
    expose: (name, call) => hub.expose(name, async (...args: unknown[]) => JSON.parse(await call(JSON.stringify(args)))),
    has_worker: (name) => name in hub.workers,
    worker_names: () => JSON.stringify(Object.keys(hub.workers).sort()),
    call_worker: (name, fn, argsJSON) => hub.workers[name]!.call(fn, ...JSON.parse(argsJSON))
      .then((value) => JSON.stringify({ value }), (error: Error) => JSON.stringify({ error: error.message })),
    ...storageBridge(),
  };
}

/** The run a listener belongs to, and what reporting its errors needs. */
interface ListenerRun {
  interpreter: Interpreter;
  assets: Assets;
  context: RunContext;
}

/**
 * Call `handler` for each `type` event on `element`, as part of the run that
 * made it (its output goes to that tag); an exception is reported at that tag.
 * Returns the function that stops listening.
 */
function listen({ interpreter, assets, context }: ListenerRun, element: EventTarget, type: string,
  handler: (event: Event) => unknown, options: AddEventListenerOptions | None): (() => void) | string {
  const listener = async (event: Event) => {
    try {
      await interpreter.within(context, async () => handler(event)); // an async def's coroutine is awaited too
    } catch (thrown) {
      await reportAtTag(interpreter.toError(thrown), context.target, assets);
    }
  };
  try {
    element.addEventListener(type, listener, options ?? undefined);
  } catch (thrown) {
    return messageOf(thrown);
  }
  return () => element.removeEventListener(type, listener, options ?? undefined);
}
