/**
 * JavaScript as CPython sees it: the page's half of the FFI that upstream
 * CPython lacks (Python's half is src/python/cpython/_cpython_js.py). Python
 * asks by JSON requests over `/dev/pyscript` (wasi-files.ts); this answers
 * them against real objects. A JavaScript object travels to Python as a
 * numbered handle (the same object, the same number, so `==` works); a
 * Python function travels here as a JavaScript function that queues a call
 * into Python and resolves to its result.
 */

/** A value on the wire: JSON, with tagged objects for handles, dicts, bytes and Python objects. */
type Wire = null | boolean | number | string | Wire[] | { [key: string]: Wire };

/** A Python object (not a function) held by JavaScript. */
export class PythonObject {
  constructor(readonly id: number) {}
  toString(): string {
    return `<Python object ${this.id}>`;
  }
}

/** What Python asks of JavaScript, by `op` (see _cpython_js.py). */
interface Request {
  op: string;
  id?: number;
  this?: number | null;
  name?: Wire;
  item?: boolean;
  value?: Wire;
  args?: Wire[];
  convert?: Wire;
  free?: number[];
  token?: number;
}

export class JsForPython {
  /** Modules `import <name>` finds: `js` is the page's global scope. */
  readonly modules = new Map<string, object>([["js", globalThis]]);
  private objects = new Map<number, { value: unknown; refs: number }>();
  private ids = new Map<unknown, number>();
  private nextId = 1;
  private functions = new Map<number, (...args: unknown[]) => Promise<unknown>>();
  private pythonIds = new WeakMap<object, number>();
  private interrupted: (() => void) | undefined;

  /**
   * `call(id, args)`: run the Python function `id` with JavaScript arguments when Python is free;
   * `settle(token, outcome)`: tell Python's loop a promise one of its tasks awaits has settled.
   */
  constructor(private call: (id: number, args: Wire[]) => Promise<unknown>,
    private settle: (token: number, outcome: { v: Wire } | { e: [string, string] }) => void) {}

  /** Answer one request: its value, or its error, as JSON; a promise for `await`. */
  answer(request: Request): string | Promise<string> {
    this.free(request.free ?? []);
    if (request.op === "await" || request.op === "then") {
      const awaited = this.object(request.id);
      // As in Python (and on Pyodide): only what can be awaited may be; Python raises this as a TypeError it can catch.
      if (typeof (awaited as PromiseLike<unknown> | null)?.then !== "function") return JSON.stringify({ e: [NOT_AWAITABLE, "object JsProxy can't be used in 'await' expression: only a JavaScript Promise (or thenable) can be awaited"] });
      return request.op === "await" ? this.settled(awaited) : this.whenSettled(awaited, request.token!);
    }

    return this.reply(() => this.perform(request));
  }

  /** Ctrl-C: the promise Python waits for (if it waits for one) raises KeyboardInterrupt there. */
  interrupt(): void {
    this.interrupted?.();
  }

  /** `await promise` in a task: answered at once; the outcome goes to Python's loop when it settles. */
  private whenSettled(promise: unknown, token: number): string {
    Promise.resolve(promise).then((value) => this.settle(token, { v: this.toPython(value) }),
      (error) => this.settle(token, { e: [error instanceof Error ? error.name : "Error", error instanceof Error ? error.message : String(error)] }));
    return JSON.stringify({ v: null });
  }

  private settled(promise: unknown): Promise<string> {
    return new Promise<string>((resolve) => {
      this.interrupted = () => resolve(JSON.stringify({ e: ["KeyboardInterrupt", ""] }));
      Promise.resolve(promise).then((value) => resolve(this.reply(() => value)), (error) => resolve(this.reply(() => { throw error; })));
    }).finally(() => (this.interrupted = undefined));
  }

  /** A JavaScript value as Python will see it. */
  toPython(value: unknown): Wire {
    if (value === undefined || value === null) return null;
    if (typeof value === "boolean" || typeof value === "string") return value;
    if (typeof value === "number") return Number.isFinite(value) ? value : { n: String(value).toLowerCase().replace("infinity", "inf") };
    if (typeof value === "bigint") return Number(value);
    if (value instanceof PythonObject) return { py: value.id };
    const python = this.pythonIds.get(value as object);
    if (python !== undefined) return { py: python };
    return { $: this.handle(value), k: kindOf(value) };
  }

  /** A value from Python, as JavaScript. */
  fromPython(wire: Wire, dicts: (entries: [unknown, unknown][]) => unknown = Object.fromEntries): unknown {
    if (wire === null || typeof wire !== "object") return wire;
    if (Array.isArray(wire)) return wire.map((item) => this.fromPython(item, dicts));
    if ("$" in wire) return this.object(wire.$ as number);
    if ("d" in wire) return dicts((wire.d as Wire[][]).map(([key, item]) => [this.fromPython(key!, dicts), this.fromPython(item!, dicts)]));
    if ("b" in wire) return Uint8Array.from(atob(wire.b as string), (char) => char.charCodeAt(0));
    if ("f" in wire) return this.pythonFunction(wire.f as number);
    if ("o" in wire) return new PythonObject(wire.o as number);
    if ("n" in wire) return Number(String(wire.n).replace("inf", "Infinity").replace("nan", "NaN"));
    return wire;
  }

  private perform(request: Request): unknown {
    const target = this.object(request.id) as any;
    const key = this.fromPython(request.name ?? null) as PropertyKey;
    switch (request.op) {
      case "get":
        if (!request.item && target[key] === undefined && !(key in Object(target))) {
          throw Object.assign(new Error(`${describe(target)} has no attribute '${String(key)}'`), { name: "AttributeError" });
        }
        return target[key];
      case "set":
        if (!Reflect.set(Object(target), key, this.fromPython(request.value ?? null))) throw new TypeError(`'${String(key)}' is read-only`);
        return undefined;
      case "delete":
        return void delete target[key];
      case "call":
        return Reflect.apply(target, this.object(request.this ?? undefined), this.fromPython(request.args ?? []) as unknown[]);
      case "new":
        return Reflect.construct(target, this.fromPython(request.args ?? []) as unknown[]);
      case "len":
        return target.length ?? target.size;
      case "list":
        return { raw: [...(target[Symbol.iterator] ? target : Array.from(target))].map((item) => this.toPython(item)) };
      case "has":
        return hasItem(target, this.fromPython(request.value ?? null));
      case "str":
        return String(target);
      case "typeof":
        return typeof target;
      case "keys":
        return { raw: Object.keys(target) };
      case "to_py":
        return { raw: JSON.parse(JSON.stringify(target) ?? "null") };
      case "bytes":
        return toBase64(target instanceof ArrayBuffer ? new Uint8Array(target) : new Uint8Array(target.buffer, target.byteOffset, target.byteLength));
      case "to_js":
        return this.toJs(request);
      case "module":
        return this.modules.get(key as string);
      default:
        throw new Error(`unknown request ${request.op}`);
    }
  }

  private toJs({ value, convert }: Request): unknown {
    const constructs = typeof convert === "object" && convert !== null && "new" in convert;
    const target = this.fromPython(convert ?? null) as ((entries: unknown) => unknown) | null;
    const converter = constructs ? (entries: unknown) => Reflect.construct(target as any, [entries]) : target;
    const dicts = converter && converter !== Object.fromEntries ? (entries: [unknown, unknown][]) => converter(entries) : Object.fromEntries;
    return this.fromPython(value ?? null, dicts);
  }

  private reply(work: () => unknown): string {
    try {
      const value = work();
      // Lists for iteration and to_py's plain data go as they are, never as handles.
      return JSON.stringify({ v: isRaw(value) ? value.raw : this.toPython(value) });
    } catch (error) {
      const { name, message } = error instanceof Error ? error : { name: "Error", message: String(error) };
      return JSON.stringify({ e: [name, message] });
    }
  }

  private handle(value: unknown): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.nextId++;
      this.ids.set(value, id);
      this.objects.set(id, { value, refs: 0 });
    }
    this.objects.get(id)!.refs++;
    return id;
  }

  private object(id: number | null | undefined): unknown {
    return id === null || id === undefined ? undefined : this.objects.get(id)?.value;
  }

  /** Python let go of these handles. */
  free(ids: number[]): void {
    for (const id of ids) {
      const entry = this.objects.get(id);
      if (!entry || --entry.refs > 0) continue;
      this.objects.delete(id);
      this.ids.delete(entry.value);
    }
  }

  /** The one JavaScript function for Python callable `id`, so adding and removing a listener match. */
  private pythonFunction(id: number): (...args: unknown[]) => Promise<unknown> {
    let fn = this.functions.get(id);
    if (!fn) {
      fn = (...args: unknown[]) => this.call(id, args.map((arg) => this.toPython(arg)));
      this.functions.set(id, fn);
      this.pythonIds.set(fn, id);
    }
    return fn;
  }
}

/** The error name that _cpython_js.py raises as Python's own TypeError (a JavaScript TypeError stays a JsException). */
const NOT_AWAITABLE = "PythonTypeError";

const isRaw = (value: unknown): value is { raw: unknown } => typeof value === "object" && value !== null && "raw" in value && Object.keys(value).length === 1;

/** How Python should treat a handle: "f" callable, "p" awaitable, "a" a sequence, "o" anything else. */
function kindOf(value: unknown): string {
  if (typeof value === "function") return "f";
  if (typeof (value as { then?: unknown }).then === "function") return "p";
  if (Array.isArray(value) || (typeof NodeList === "function" && (value instanceof NodeList || value instanceof HTMLCollection))) return "a"; // workers have no DOM
  return "o";
}

function hasItem(target: any, item: unknown): boolean {
  if (typeof target.includes === "function") return target.includes(item);
  if (typeof target.has === "function") return target.has(item);
  return (item as PropertyKey) in target;
}

function describe(target: unknown): string {
  return (target as object)?.constructor?.name ?? typeof target;
}

function toBase64(bytes: Uint8Array): string {
  let text = "";
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}
