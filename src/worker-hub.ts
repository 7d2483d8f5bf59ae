/**
 * What the page knows about its workers: the running `<py-script worker>`
 * scripts by name, and the functions the page offers to them. Each kernel
 * owns one hub; `PyScript.workers` and `PyScript.expose()` show it to users,
 * the `pyscript` package's page bridge and the worker host use it.
 */
import type { PyScriptError } from "./errors.js";

/** The attribute create_named_worker() puts its `config` in (JSON laid over the page's config for that worker). */
export const WORKER_CONFIG = "data-py-worker-config";

/** Where a worker's script is in its life. */
export type WorkerState = "starting" | "running" | "done" | "error" | "stopped";

/** A worker running a `<py-script worker>` script, as the page sees it. */
export interface WorkerHandle {
  readonly name: string;
  /** The interpreter it runs, e.g. "micropython". */
  readonly interpreter: string;
  readonly state: WorkerState;
  /** Resolves when the script has finished (well or not) or was stopped. */
  readonly done: Promise<void>;
  /**
   * Call a function the script exported; arguments and result cross as JSON.
   * Rejects with a {@link PyScriptError}: code "worker-call" when the worker
   * can't take the call, "python" when the function raised.
   */
  call(name: string, ...args: unknown[]): Promise<unknown>;
  /** How many page objects the worker holds references to (its document and window included): a leak would grow it. */
  readonly pageObjectsHeld: number;
  /** Stop it: a KeyboardInterrupt where the page can send one, else end the worker. */
  stop(): Promise<void>;
}

/** A worker started early by the <py-script> plugin, with any error from before workers.js took it over. */
export type BootedWorker = Worker & { bootError?: ErrorEvent };

/** A function the page offers workers: JSON-able arguments in, a JSON-able result (or promise) out. */
export type Exposed = (...args: any[]) => unknown;

/** The page's workers, and the functions the page offers them. */
export class WorkerHub {
  readonly workers: Record<string, WorkerHandle> = {};
  private named = new Map<string, ((handle: WorkerHandle) => void)[]>();
  private exposed = new Map<string, Exposed>();
  private waiting = new Map<string, ((fn: Exposed) => void)[]>();

  /** `scriptsDone` resolves once the page's own scripts have all run (or never will). */
  constructor(private scriptsDone: Promise<void>) {}

  /** Add a worker under its name (the name must be free). */
  add(handle: WorkerHandle): void {
    this.workers[handle.name] = handle;
    for (const waiter of this.named.get(handle.name) ?? []) waiter(handle);
    this.named.delete(handle.name);
  }

  /** The worker called `name`, once it is there (a tag added just now gets its worker a little later). */
  whenNamed(name: string): Promise<WorkerHandle> {
    const known = this.workers[name];
    if (known) return Promise.resolve(known);
    return new Promise((resolve) => this.named.set(name, [...(this.named.get(name) ?? []), resolve]));
  }

  /** Offer `fn` to workers as `name`. */
  expose(name: string, fn: Exposed): void {
    this.exposed.set(name, fn);
    for (const waiter of this.waiting.get(name) ?? []) waiter(fn);
    this.waiting.delete(name);
  }

  /**
   * The function exposed as `name`. A worker may ask before the page's
   * script that exposes it has run: wait for it, or for the page's scripts
   * to finish (then it really isn't there).
   */
  async find(name: string): Promise<Exposed | undefined> {
    const found = this.exposed.get(name);
    if (found) return found;
    const exposed = new Promise<Exposed>((resolve) => this.waiting.set(name, [...(this.waiting.get(name) ?? []), resolve]));
    return Promise.race([exposed, this.scriptsDone.then(() => this.exposed.get(name))]);
  }

  /** The names of the functions offered so far. */
  names(): string[] {
    return [...this.exposed.keys()];
  }
}
