/**
 * `_pyscript` in a worker (see pyscript-package/bridge.ts): output and
 * displayed values go to the page, which does the drawing and the asking.
 * Waiting for the page (input(), `sync.f()`, checking a display() target)
 * sleeps on the page's channel, which only cross-origin isolated pages have.
 */
import type { Interpreter } from "../interpreters/interpreter.js";
import { failed, type WorkerBridge } from "../pyscript-package/bridge.js";
import { storageBridge } from "../pyscript-package/storage.js";
import { NOT_ISOLATED, waitForAnswer } from "./channel.js";
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
}

export function workerBridge(side: WorkerSide): WorkerBridge {
  const { init, interpreter, output, post } = side;
  const { none } = interpreter;
  const block = (request: BlockingRequest) => ask(side, request);
  const send = (message: FromWorker) => (output.flush(), post(message));
  return {
    in_worker: true,
    can_block: Boolean(init.channel),
    cannot_block_reason: NOT_ISOLATED,
    page_url: init.pageURL,
    config_json: () => JSON.stringify(init.config),
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
    ...storageBridge(), // workers have IndexedDB too
  };
}

/** Ask the page and sleep until it answers (cross-origin isolated pages only). */
function ask({ init, interpreter, output, post }: WorkerSide, request: BlockingRequest): Answer {
  interpreter.flush(); // a prompt must be on the page before we sleep
  output.flush();
  post({ type: "block", request });
  return waitForAnswer(init.channel!);
}
