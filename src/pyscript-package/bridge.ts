/**
 * `_pyscript`: the JavaScript module Python's `pyscript` package calls for
 * what Python can't do alone (draw output, listen to events, ask for input,
 * reach other threads). It has two implementations behind this one typed
 * shape: the page's (page-bridge.ts) and a worker's (workers/worker-bridge.ts).
 * Names are Python-style on purpose: Python calls them. `None` is the value
 * the interpreter turns into Python's None (`interpreter.none`).
 */

/** The JS value that arrives in Python as None. */
export type None = null | undefined;

/** What both sides offer. `Where` is where display() draws: an element on the page, its id in a worker. */
interface BridgeBase<Where> {
  /** The page's config, as JSON text. */
  config_json(): string;
  /** The id of the element this run's output goes to, or None outside a tag. */
  current_target_id(): string | None;
  /**
   * Where display() draws: the element with id `id` (None if there is none),
   * or with no id this run's output element ("" when there is none, e.g. the REPL).
   */
  display_target(id: string | null): Where | "" | None;
  /** Show one value, already turned into a MIME type and its data. */
  display(where: Where, mime: string, data: string): void;
  /** Remove what `where` showed (display(append=False)). */
  clear(where: Where): void;
  /** input(): the answer, or None when it was cancelled. */
  ask(prompt: string): string | None;
  /** The run in progress (opaque to Python): a background task made now reports to it (tasks.ts). */
  run_context(): unknown;
  /** A background task's exception nobody retrieved: report it at the run that made the task. */
  report_task_error(context: unknown, type: string, traceback: string): void;
}

/** `_pyscript` on the page. */
export interface PageBridge extends BridgeBase<Element> {
  in_worker: false;
  /** `import pyscript.web`: download and write its modules (synchronously: imports can't wait). */
  load_web(): void;
  /** This run's output element (None outside a tag). */
  current_target(): Element | None;
  /** Call `handler` for each `type` event on `element`, as part of this run; returns the function that stops it. */
  listen(element: EventTarget, type: string, handler: (event: Event) => unknown): () => void;
  /**
   * DOM work that may throw, for `pyscript.web`: MicroPython can't catch a
   * JavaScript exception (it stops the interpreter), so these return the
   * browser's message instead. `select`: `root.querySelectorAll(selector)` as
   * an array, or the message when the selector isn't valid CSS.
   */
  select(root: ParentNode, selector: string): Element[] | string;
  /** `target[name] = value`: "" when done, else the browser's message (a read-only property, say). */
  set_property(target: object, name: string, value: unknown): string;
  /** `parent.appendChild(child)`: "" when done, else the browser's message (a parent into its own child, say). */
  append_child(parent: Node, child: Node): string;
  /** input() in a tag where Python can wait for a promise: a field in the output. */
  ask_inline(prompt: string): Promise<string | None>;
  /** @export on the page: offer a JSON-in, JSON-out function to workers. */
  expose(name: string, call: (argsJSON: string) => Promise<string>): void;
  has_worker(name: string): boolean;
  /** The page's workers' names, as a JSON list. */
  worker_names(): string;
  /** Call a worker's exported function; resolves to JSON `{"value": …}` or `{"error": "…"}`. */
  call_worker(name: string, fn: string, argsJSON: string): Promise<string>;
}

/** `_pyscript` in a worker. */
export interface WorkerBridge extends BridgeBase<string> {
  in_worker: true;
  /** Can this worker wait for the page (input(), sync calls)? Only on cross-origin isolated pages. */
  can_block: boolean;
  /** Why it can't, and how to fix that. */
  cannot_block_reason: string;
  /** `await main.name(...)`: resolves to JSON `{"value": …}` or `{"error": "…"}`. */
  call_main(name: string, argsJSON: string): Promise<string>;
  /** `sync.name(...)`: the same, waited for. */
  call_main_sync(name: string, argsJSON: string): string;
}

export type Bridge = PageBridge | WorkerBridge;
