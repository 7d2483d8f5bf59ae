/**
 * What the page knows about its workers: the running `<py-script worker>`
 * scripts by name, and the functions the page offers to them. Each kernel
 * owns one hub; `PyScript.workers` and `PyScript.expose()` show it to users,
 * the `pyscript` package's page bridge and the worker host use it.
 */
import type { PyScriptError } from "./errors.js";

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
  private exposed = new Map<string, Exposed>();
  private waiting = new Map<string, ((fn: Exposed) => void)[]>();

  /** `scriptsDone` resolves once the page's own scripts have all run (or never will). */
  constructor(private scriptsDone: Promise<void>) {}

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
