/**
 * `_pyscript`: the JavaScript module Python's `pyscript` package calls for
 * what Python can't do alone (draw output, listen to events, ask for input,
 * reach other threads). It has two implementations behind this one typed
 * shape: the page's (page-bridge.ts) and a worker's (workers/worker-bridge.ts).
 * Names are Python-style on purpose: Python calls them. `None` is the value
 * the interpreter turns into Python's None (`interpreter.none`).
 *
 * Nothing here may throw: MicroPython can't catch a JavaScript error thrown
 * by a function it calls (the run stops, and after an `await` it hangs). A
 * call that can fail returns its error message ("" when it worked), or for
 * an async call resolves to it, and Python raises it (see {@link failed}).
 */

/** The JS value that arrives in Python as None. */
export type None = null | undefined;

/** A key of `pyscript.storage` (Python str, int or float). */
export type StorageKey = string | number;

/** Run `fn`; its error's message, or "" when it worked: what a bridge call that can fail returns. */
export function failed(fn: () => unknown): string {
  try {
    fn();
    return "";
  } catch (thrown) {
    return messageOf(thrown);
  }
}

/** What `work` returns, or the message of what it threw: for bridge calls that return their error. */
export function attempt<T>(work: () => T): T | string {
  try {
    return work();
  } catch (thrown) {
    return messageOf(thrown);
  }
}

/** What went wrong, as text. */
export const messageOf = (thrown: unknown): string => (thrown instanceof Error ? thrown.message : String(thrown));

/** What both sides offer. `Where` is where display() draws: an element on the page, its id in a worker. */
interface BridgeBase<Where> {
  /** The page's config, as JSON text. */
  config_json(): string;
  /** `import pyscript.web`: download and write its modules (synchronously: imports can't wait). */
  load_web(): void;
  /** The id of the element this run's output goes to, or None outside a tag. */
  current_target_id(): string | None;
  /**
   * Where display() draws: the element with id `id` (None if there is none),
   * or with no id this run's output element ("" when there is none, e.g. the REPL).
   */
  display_target(id: string | null): Where | "" | None;
  /**
   * Show one value, already turned into a MIME type and its data (text: base64
   * for images), with `attributes` (JSON of name → value) for an image. Returns an error message, or "".
   */
  display(where: Where, mime: string, data: string, attributes: string): string;
  /** Remove what `where` showed (display(append=False)). */
  clear(where: Where): void;
  /** input(): the answer, or None when it was cancelled. */
  ask(prompt: string): string | None;
  /** The run in progress (opaque to Python): a background task made now reports to it (tasks.ts). */
  run_context(): unknown;
  /** A background task's exception nobody retrieved: report it at the run that made the task. */
  report_task_error(context: unknown, type: string, traceback: string): void;
  /**
   * `await storage(name)`: open (or make) the IndexedDB store `name`; resolves
   * to JSON `{"entries": [[key, text], …]}` or `{"error": "…"}`.
   */
  storage_open(name: string): Promise<string>;
  /** Queue writing `text` (a serialized Python value) under `key`; an error message, or "". */
  storage_set(name: string, key: StorageKey, text: string): string;
  /** Queue deleting `key`; an error message, or "". */
  storage_delete(name: string, key: StorageKey): string;
  /** Queue deleting every entry; an error message, or "". */
  storage_clear(name: string): string;
  /** `await store.sync()`: resolves once every change so far is written, to an error message if one failed, or "". */
  storage_sync(name: string): Promise<string>;
  /** `await install(...)`: install packages (JSON list of wheel URLs and requirements); resolves to "" or the errors' text. */
  install_packages(entriesJSON: string): Promise<string>;
}

/** `_pyscript` on the page. */
export interface PageBridge extends BridgeBase<Element> {
  in_worker: false;
  /** This run's output element (None outside a tag). */
  current_target(): Element | None;
  /**
   * Call `handler` for each `type` event on `element`, as part of this run,
   * with addEventListener's `options` (once, capture, passive, signal); returns the function that stops it,
   * or an error message.
   */
  listen(element: EventTarget, type: string, handler: (event: Event) => unknown, options: AddEventListenerOptions | None): (() => void) | string;
  /** The elements under `root` matching a CSS selector, or an error message for a selector that isn't one. */
  select(root: ParentNode, selector: string): Element[] | string;
  /** `target[name] = value` for `pyscript.web`: "" when done, else the browser's message (a read-only property, say). */
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
  /** Resolves to "" once the worker called `name` has run its script, else to why it can't be used. */
  worker_ready(name: string): Promise<string>;
  /** create_named_worker(): add a worker tag for `src`; an error message, or "". */
  create_worker(src: string, name: string, type: string, configJSON: string | None): string;
}

/** `_pyscript` in a worker. */
export interface WorkerBridge extends BridgeBase<string> {
  in_worker: true;
  /** Can this worker wait for the page (input(), sync calls)? Only on cross-origin isolated pages. */
  can_block: boolean;
  /** The page's base URL, which relative URLs (fetch) are resolved against, as on the page. */
  page_url: string;
  /** Why it can't, and how to fix that. */
  cannot_block_reason: string;
  /** Why it can't reach the page's `%s` (document or window), and how to fix that: a %-format for Python. */
  cannot_reach_dom_reason: string;
  /** `await main.name(...)`: resolves to JSON `{"value": …}` or `{"error": "…"}`. */
  call_main(name: string, argsJSON: string): Promise<string>;
  /** `sync.name(...)`: the same, waited for. */
  call_main_sync(name: string, argsJSON: string): string;
  /** The page's window and document, reached through the channel (None where the page isn't cross-origin isolated). */
  page_window: object | None;
  page_document: object | None;
  /** As on the page (see PageBridge), on the page's objects; the handler runs in the worker. */
  listen(element: object, type: string, handler: (event: unknown) => unknown, options: object | None): (() => void) | string;
  select(root: object, selector: string): object[] | string;
  set_property(target: object, name: string, value: unknown): string;
  append_child(parent: object, child: object): string;
}

export type Bridge = PageBridge | WorkerBridge;
