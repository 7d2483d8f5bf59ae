/**
 * The page's `document` and `window` inside a worker (the page's side is
 * dom-host.ts). Each page object is a JavaScript Proxy here: reading,
 * writing and calling through it asks the page and sleeps until it answers
 * (the worker's blocking channel), so Python uses it like the real thing,
 * through its own FFI. One proxy per page object (identity holds); when the
 * interpreter drops a proxy and it is garbage-collected, the page is told to
 * let go of the object. Worker functions handed to the page (handlers)
 * become callback ids; the page posts their calls back, and they run here.
 */
import { DOCUMENT, probedBit, WINDOW, type DomOp, type Shape, type Wire } from "./dom-wire.js";
import type { Answer } from "./messages.js";

/** What the remote DOM needs from its worker. */
export interface DomLink {
  /** Ask the page and sleep until it answers. */
  request(op: DomOp): Answer;
  /** Tell the page these references were dropped: [id, how many times it was received] (not waited for). */
  release(dropped: [number, number][]): void;
  /** A handler the page called failed (or its promise rejected). */
  failed(error: unknown): void;
}

type Fn = (...args: unknown[]) => unknown;

export class RemoteDom {
  readonly window: object;
  readonly document: object;
  private proxies = new Map<number, WeakRef<object>>();
  private received = new Map<number, number>(); // how many times each page object arrived: the page counts them out
  private idOf = new WeakMap<object, number>();
  private dropped = new Set<number>();
  private finalizer = new FinalizationRegistry<number>((id) => this.onCollected(id));
  private callbackIds = new WeakMap<object, number>();
  private callbacks = new Map<number, Fn>();
  private nextCallback = 0;
  /** Method names known (per type tag) to be inherited methods: called in one round trip. */
  private methods = new Map<string, Set<string>>();

  constructor(private link: DomLink) {
    this.window = this.proxyFor(WINDOW, { f: 0, t: "Window", c: "Window", i: 0, p: 0, m: 0 });
    this.document = this.proxyFor(DOCUMENT, { f: 0, t: "HTMLDocument", c: "HTMLDocument", i: 0, p: 0, m: 0 });
  }

  /** Ask the page; its JavaScript error is thrown here (Pyodide raises it as JsException). */
  ask(op: DomOp): unknown {
    return this.decode(this.askRaw(op));
  }

  /** The page object `value` stands for, or undefined if it isn't one. */
  refOf(value: unknown): number | undefined {
    return value instanceof Object ? this.idOf.get(value) : undefined;
  }

  private askRaw(op: DomOp): Wire {
    const { value, error } = this.link.request(op);
    if (error !== undefined) throw new Error(`the page said: ${error}`);
    return value as Wire;
  }

  /** The page called one of our functions (an event handler): run it here. */
  async callBack(id: number, args: Wire[]): Promise<void> {
    const values = args.map((arg) => this.decode(arg)); // even for a forgotten function: the page counts what it sent
    const fn = this.callbacks.get(id);
    if (!fn) return;
    try {
      await fn(...values);
    } catch (error) {
      this.link.failed(error);
    }
  }

  /** A worker value on its way to the page. */
  encode(value: unknown): Wire {
    if (value === undefined) return { u: 1 };
    if (value === null || typeof value === "boolean" || typeof value === "string") return value;
    if (typeof value === "number") return Number.isFinite(value) ? value : { d: String(value) };
    if (typeof value === "bigint") return Number(value);
    const id = this.idOf.get(value as object);
    if (id !== undefined) return { r: id };
    if (typeof value === "function") return { c: this.callbackId(value as Fn) };
    if (Array.isArray(value)) return { a: value.map((item) => this.encode(item)) };
    const proto = Object.getPrototypeOf(value);
    if (proto === Object.prototype || proto === null) return { o: Object.entries(value as object).map(([key, item]) => [key, this.encode(item)]) };
    throw new TypeError(`${Object.prototype.toString.call(value)} can't be sent to the page: pass numbers, strings, page objects, functions, or dicts and lists converted with to_js()`);
  }

  decode(wire: Wire): unknown {
    if (wire === null || typeof wire !== "object") return wire;
    if ("u" in wire) return undefined;
    if ("d" in wire) return Number(wire.d);
    if ("r" in wire) {
      if (wire.r !== WINDOW && wire.r !== DOCUMENT) this.received.set(wire.r, (this.received.get(wire.r) ?? 0) + 1);
      return this.proxyFor(wire.r, wire.s);
    }
    if ("a" in wire) return wire.a.map((item) => this.decode(item));
    if ("o" in wire) return Object.fromEntries(wire.o.map(([key, item]) => [key, this.decode(item)]));
    throw new TypeError("the page sent a value the worker can't read");
  }

  private proxyFor(id: number, shape?: Shape): object {
    const alive = this.proxies.get(id)?.deref();
    if (alive || !shape) return alive!; // only window and document come without a shape, and they stay alive
    const proxy = new Proxy(shape.f ? function () {} : {}, this.handler(id, shape));
    this.proxies.set(id, new WeakRef(proxy));
    this.idOf.set(proxy, id);
    if (id !== WINDOW && id !== DOCUMENT) this.finalizer.register(proxy, id);
    return proxy;
  }

  private handler(ref: number, shape: Shape): ProxyHandler<any> {
    const probed = (key: string) => probedBit(key);
    const has = (bits: number, key: string) => probed(key) >= 0 && Boolean(bits & (1 << probed(key)));
    return {
      get: (_target, key) => {
        if (typeof key === "symbol") return this.symbol(ref, shape, key);
        if (key === "then" || key === "_ref" || key.startsWith("$$")) return undefined; // never thenable, never mistaken for the interpreter's own proxies
        if (key === "constructor") return { name: shape.c };
        if (probed(key) >= 0 && !has(shape.p, key)) return undefined;
        if (this.methods.get(shape.t)?.has(key)) return this.method(ref, key);
        const wire = this.askRaw({ op: "get", ref, key });
        if (!(wire instanceof Object && "m" in wire)) return this.decode(wire);
        this.methods.set(shape.t, (this.methods.get(shape.t) ?? new Set()).add(key));
        return this.method(ref, key);
      },
      has: (_target, key) => {
        if (typeof key === "symbol") return key === Symbol.iterator && Boolean(shape.i);
        if (key === "then" || key === "_ref" || key.startsWith("$$")) return false;
        if (probed(key) >= 0) return has(shape.p, key);
        return this.ask({ op: "has", ref, key }) as boolean;
      },
      set: (_target, key, value) => (typeof key === "string" && this.ask({ op: "set", ref, key, value: this.encode(value) }), true),
      deleteProperty: (_target, key) => (typeof key === "string" ? (this.ask({ op: "delete", ref, key }) as boolean) : true),
      // `this` is a page object, or nothing (an interpreter may pass its own global scope).
      apply: (_target, self, args) => this.ask({ op: "apply", ref, self: this.refOf(self) === undefined ? { u: 1 } : this.encode(self), args: args.map((arg) => this.encode(arg)) }),
      construct: (_target, args) => this.ask({ op: "new", ref, args: args.map((arg) => this.encode(arg)) }) as object,
      getOwnPropertyDescriptor: (target, key) => (typeof key === "string" && probed(key) >= 0 && has(shape.p, key)
        ? { value: undefined, writable: true, enumerable: true, configurable: true }
        : Reflect.getOwnPropertyDescriptor(target, key)),
    };
  }

  /** `element.focus`: a function calling the page object's method by name. */
  private method(ref: number, key: string): Fn {
    return (...args: unknown[]) => this.ask({ op: "call", ref, key, args: args.map((arg) => this.encode(arg)) });
  }

  private symbol(ref: number, shape: Shape, key: symbol): unknown {
    if (key === Symbol.toStringTag) return shape.t;
    if (key === Symbol.iterator && shape.i) return () => (this.ask({ op: "items", ref }) as unknown[])[Symbol.iterator]();
    return undefined;
  }

  private callbackId(fn: Fn): number {
    let id = this.callbackIds.get(fn);
    if (id === undefined) {
      id = this.nextCallback++;
      this.callbackIds.set(fn, id);
      // Pyodide destroys a function it lent for one call: keep a copy of our own, as long as the page may call it.
      const copy = (fn as { copy?: () => Fn }).copy;
      this.callbacks.set(id, typeof copy === "function" && typeof (fn as { destroy?: unknown }).destroy === "function" ? copy.call(fn) : fn);
    }
    return id;
  }

  private onCollected(id: number): void {
    if (this.proxies.get(id)?.deref()) return; // a new proxy for the same object is in use
    this.dropped.add(id);
    queueMicrotask(() => this.flushReleases());
  }

  /** Tell the page which references we dropped, and how many times each had arrived. */
  private flushReleases(): void {
    if (!this.dropped.size) return;
    const dropped = [...this.dropped].filter((id) => !this.proxies.get(id)?.deref()).map((id): [number, number] => [id, this.received.get(id) ?? 0]);
    this.dropped.clear();
    for (const [id] of dropped) this.proxies.delete(id), this.received.delete(id);
    if (dropped.length) this.link.release(dropped);
  }
}
