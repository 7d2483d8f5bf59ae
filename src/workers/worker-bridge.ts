/**
 * `_pyscript` in a worker (see pyscript-package/bridge.ts): output and
 * displayed values go to the page, which does the drawing and the asking.
 * Waiting for the page (input(), `sync.f()`, checking a display() target,
 * the page's `document` and `window`) sleeps on the page's channel, which
 * only cross-origin isolated pages have.
 */
import type { Interpreter } from "../interpreters/interpreter.js";
import { attempt, failed, type WorkerBridge } from "../pyscript-package/bridge.js";
import { storageBridge } from "../pyscript-package/storage.js";
import { packagesBridge } from "../pyscript-package/packages-bridge.js";
import { bundleAssets } from "../assets.js";
import { loadWeb } from "../pyscript-package/web-files.js";
import { NOT_ISOLATED, NOT_ISOLATED_DOM, sendRequest, waitForAnswer } from "./channel.js";
import { RemoteDom } from "./dom-remote.js";
import type { DomOp } from "./dom-wire.js";
import type { Answer, BlockingRequest, FromWorker, WorkerInit } from "./messages.js";
import type { WorkerOutput } from "./worker-output.js";

/** What the bridge needs from its worker. */
export interface WorkerSide {
  init: WorkerInit;
  interpreter: Interpreter;
  output: WorkerOutput;
  post(message: FromWorker): void;
  /** Ask the page to run one of its exposed functions; resolves to JSON `{"value"}` or `{"error"}`. */
  callMain(name: string, args: unknown[]): Promise<string>;
  /** Where pyscript.web's modules are downloaded from. */
  webURL: string;
}

/** The bridge, and the page's DOM as this worker sees it (undefined where the page isn't cross-origin isolated). */
export function workerBridge(side: WorkerSide): { bridge: WorkerBridge; dom?: RemoteDom } {
  const { init, interpreter, output, post } = side;
  const { none } = interpreter;
  const block = (request: BlockingRequest) => ask(side, request);
  const send = (message: FromWorker) => (output.flush(), post(message));
  const dom = init.channel ? remoteDom(side, (op) => block({ kind: "dom", op })) : undefined;
  const bridge: WorkerBridge = {
    in_worker: true,
    can_block: Boolean(init.channel),
    cannot_block_reason: NOT_ISOLATED,
    cannot_reach_dom_reason: NOT_ISOLATED_DOM,
    page_url: init.pageURL,
    config_json: () => JSON.stringify(init.config),
    load_web: () => loadWeb(interpreter, side.webURL),
    current_target_id: () => init.target,
    // With a channel, check the element now, as on the page (display() raises ValueError); without, the page checks.
    display_target: (id) => (!id ? init.target : !init.channel || block({ kind: "element", id }).value ? id : none),
    display: (target, mime, data, attributes) => failed(() => send({ type: "display", target, mime, data, attributes })),
    clear: (target) => send({ type: "clear", target }),
    ask: (prompt) => (block({ kind: "input", prompt }).value as string | null) ?? none,
    // A worker has one tag: a task's unretrieved exception is printed there, as stderr.
    run_context: () => none,
    report_task_error: (_context, _type, traceback) => output.write(traceback, "stderr"),
    call_main: (name, argsJSON) => (output.flush(), side.callMain(name, JSON.parse(argsJSON))),
    call_main_sync: (name, argsJSON) => JSON.stringify(block({ kind: "call", name, args: JSON.parse(argsJSON) })),
    page_window: dom?.window ?? none,
    page_document: dom?.document ?? none,
    ...domBridge(dom),
    ...storageBridge(), // workers have IndexedDB too
    ...packagesBridge(interpreter, { config: init.config, info: init.info, interpreterFolder: init.baseURL, pageURL: init.pageURL }, bundleAssets),
  };
  return { bridge, dom };
}

/** The page's DOM through the channel; a handler that fails prints its traceback in the worker's tag. */
function remoteDom({ interpreter, output, post }: WorkerSide, request: (op: DomOp) => Answer): RemoteDom {
  return new RemoteDom({
    request,
    release: (dropped) => post({ type: "release", dropped }),
    failed: (error) => {
      const problem = interpreter.toError(error);
      output.write(problem.traceback ?? `${problem.message}\n`, "stderr");
    },
  });
}

/** pyscript.web's and when()'s calls on the page's objects, which must not throw (see bridge.ts). */
function domBridge(dom: RemoteDom | undefined): Pick<WorkerBridge, "listen" | "select" | "set_property" | "append_child"> {
  const refOf = (value: unknown): number => {
    const ref = dom?.refOf(value);
    if (ref === undefined) throw new TypeError(dom ? "that is not one of the page's objects" : NOT_ISOLATED);
    return ref;
  };
  const call = (target: object, key: string, ...args: unknown[]) =>
    dom!.ask({ op: "try-call", ref: refOf(target), key, args: args.map((arg) => dom!.encode(arg)) }) as string;
  return {
    select: (root, selector) => attempt(() => dom!.ask({ op: "select", ref: refOf(root), selector }) as object[] | string),
    set_property: (target, name, value) => attempt(() => dom!.ask({ op: "try-set", ref: refOf(target), key: name, value: dom!.encode(value) }) as string),
    append_child: (parent, child) => attempt(() => call(parent, "appendChild", child)),
    listen: (element, type, handler, options) => attempt(() => {
      const listener = (event: unknown) => handler(event); // runs here; an async handler's promise is awaited
      const problem = call(element, "addEventListener", type, listener, options ?? undefined);
      if (problem) return problem;
      return () => void attempt(() => call(element, "removeEventListener", type, listener, options ?? undefined));
    }),
  };
}

/** Ask the page and sleep until it answers (cross-origin isolated pages only). */
function ask({ init, interpreter, output, post }: WorkerSide, request: BlockingRequest): Answer {
  interpreter.flush(); // a prompt must be on the page before we sleep
  output.flush();
  if (request.kind === "dom") sendRequest(init.channel!, request); // the page waits for these in the channel itself
  else post({ type: "block", request });
  return waitForAnswer(init.channel!);
}
