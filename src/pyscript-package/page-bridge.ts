/**
 * The page's half of Python's `pyscript` package (`dist/page-bridge.js`,
 * loaded only by pages whose code may use it: see plugin.ts). It installs the
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
import { WORKER_CONFIG, type WorkerHub } from "../worker-hub.js";
import { attempt, failed, messageOf, type None, type PageBridge } from "./bridge.js";
import { fromPackage, installPackage } from "./install.js";
import { jsModuleEntries, loadJsModules, type JsModules } from "./js-modules.js";
import { report } from "../report.js";
import { storageBridge } from "./storage.js";
import { packagesBridge } from "./packages-bridge.js";
import { dispatch } from "../events.js";
import { interpreterFolder } from "../interpreters/registry.js";
import { targetId } from "./target-ids.js";
import { loadWeb } from "./web-files.js";

const CSS = ".py-display{margin:.25em 0}.py-display img,img.py-display{max-width:100%}" +
  ".py-input{font:inherit;color:inherit;background:none;border:0;border-bottom:1px solid;outline:none;min-width:12em}";

/** What the page's bridge needs from its kernel. */
export interface PageBridgeContext {
  interpreter: Interpreter;
  config: Config;
  hub: WorkerHub;
  assets: Assets;
  /** The config's `js_modules.main`, loaded. */
  jsModules: JsModules;
}

/** Put the `pyscript` package on the page interpreter's path and make input() work. */
export function install(context: PageBridgeContext): void {
  addStyleSheet("py-display-styles", CSS);
  installPackage(context.interpreter, pageBridge(context), { jsModules: context.jsModules });
}

/**
 * PyScript's `<button py-click="handle">`: each such attribute names a page
 * function to call on that event. The kernel binds them once the page's
 * scripts have run (they define the functions), before `PyScript.scriptsDone` resolves.
 */
export async function bindAttributes(interpreter: Interpreter, assets: Assets): Promise<void> {
  const found = document.evaluate("//*[@*[starts-with(name(), 'py-')]]", document, null, XPathResult.ORDERED_NODE_SNAPSHOT_TYPE, null);
  if (!found.snapshotLength) return;
  // (awaited: CPython's runSync and the functions it hands JavaScript give promises)
  const bind = await interpreter.runSync(fromPackage("_attributes", "bind"), { filename: "<pyscript>" }) as (element: Element, event: string, name: string) => unknown;
  for (let i = 0; i < found.snapshotLength; i++) {
    const element = found.snapshotItem(i) as Element;
    for (const { name, value } of [...element.attributes].filter((attribute) => attribute.name.startsWith("py-"))) {
      try {
        await bind(element, name.slice(3), value.trim());
      } catch (thrown) {
        await reportAtTag(interpreter.toError(thrown), undefined, assets);
      }
    }
  }
}

/** Start loading the config's `js_modules.main` (and its stylesheets). */
export function loadPageJsModules(config: Config): Promise<JsModules> {
  return loadJsModules(jsModuleEntries(config, "main", document.baseURI, report), report);
}

function pageBridge({ interpreter, config, hub, assets }: PageBridgeContext): PageBridge {
  const { none } = interpreter;
  return {
    in_worker: false,
    load_web: () => loadWeb(interpreter, assets.url("python/pyscript-web.json")),
    config_json: () => JSON.stringify(config),
    current_target: () => interpreter.context.target ?? none,
    current_target_id: () => {
      const target = interpreter.context.target;
      return target ? targetId(target, interpreter.info.name) : none;
    },
    display_target: (id) => (id ? document.getElementById(id) ?? none : interpreter.context.target ?? ""),
    display: (element, mime, data, attributes) => failed(() => element.append(render(mime, data, attributes))),
    clear: (element) => element.replaceChildren(),
    run_context: () => runHandle(interpreter),
    report_task_error: (context, type, traceback) => void reportAtTag(
      interpreter.toError(Object.assign(new Error(traceback), { name: "PythonError", type })), (context as RunContext | None)?.target, assets),
    listen: (element, type, handler, options) => listen({ interpreter, assets, context: interpreter.context }, element, type, handler, options),
    select: (root, selector) => attempt(() => [...root.querySelectorAll(selector)]),
    set_property: (target, name, value) => attempt(() => setProperty(target, name, value)),
    append_child: (parent, child) => attempt(() => (parent.appendChild(child), "")),
    ask: (prompt) => window.prompt(prompt) ?? none,
    ask_inline: async (prompt) => (await askInline(interpreter.context.target, prompt)) ?? none,
    // Workers: @export on the page offers a function to them; workers["name"] calls theirs.
    expose: (name, call) => hub.expose(name, async (...args: unknown[]) => JSON.parse(await call(JSON.stringify(args)))),
    has_worker: (name) => name in hub.workers,
    worker_names: () => JSON.stringify(Object.keys(hub.workers).sort()),
    call_worker: (name, fn, argsJSON) => hub.workers[name]!.call(fn, ...JSON.parse(argsJSON))
      .then((value) => JSON.stringify({ value }), (error: Error) => JSON.stringify({ error: error.message })),
    worker_ready: (name) => workerReady(hub, name),
    create_worker: (src, name, type, configJSON) => attempt(() => createWorkerTag(hub, src, name, type, configJSON)),
    ...storageBridge(),
    ...packagesBridge(interpreter, { config, info: interpreter.info, interpreterFolder: interpreterFolder(interpreter.info, config, assets), pageURL: document.baseURI }, assets, {
      installed: ({ name, version }) => dispatch("py-package-installed", { name, version }),
    }),
  };
}

/** The run in progress, for a task it makes: where its output goes, and `enter()` to send output there again. */
function runHandle(interpreter: Interpreter): RunContext & { enter(): () => void } {
  const context = interpreter.context;
  return { ...context, enter: () => interpreter.enter?.(context) ?? (() => {}) };
}

/** `await workers["name"]`: "" once the worker's script has run, else why it can't be used. */
async function workerReady(hub: WorkerHub, name: string): Promise<string> {
  const worker = await hub.whenNamed(name);
  await worker.done;
  return worker.state === "done" ? "" : `its script ${worker.state === "stopped" ? "was stopped" : "failed (see the error at its tag)"}, so its functions can't be called`;
}

/** create_named_worker(): a `<script type="py|mpy" worker name="…" src="…">` tag, which the <py-script> plugin starts. */
function createWorkerTag(hub: WorkerHub, src: string, name: string, type: string, configJSON: string | None): string {
  if (hub.workers[name] || document.querySelector(`[worker="${window.CSS.escape(name)}"], [worker][name="${window.CSS.escape(name)}"]`)) {
    throw new Error(`there is already a worker called "${name}": give this one another name`);
  }
  const tag = Object.assign(document.createElement("script"), { type });
  tag.setAttribute("worker", "");
  tag.setAttribute("name", name);
  tag.setAttribute("src", src);
  if (configJSON != null) tag.setAttribute(WORKER_CONFIG, workerConfigText(configJSON));
  document.body.append(tag);
  return "";
}

/** The config= of create_named_worker(), checked: a JSON object. */
function workerConfigText(json: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (error) {
    throw new Error(`config is not valid JSON (${messageOf(error)}): give a dict or JSON text`);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new Error("config must be a dict (a JSON object)");
  return json;
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

/** `target[name] = value`, throwing when the property can't be set (assignment alone would say nothing). */
function setProperty(target: object, name: string, value: unknown): "" {
  if (!Reflect.set(target, name, value)) throw new TypeError(`its "${name}" property is read-only`);
  return "";
}
