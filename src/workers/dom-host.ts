/**
 * The page's side of a worker's `document` and `window` (see dom-wire.ts):
 * it does what the worker asks, synchronously, and keeps the page objects
 * the worker holds references to, one id per object, until the worker says
 * it dropped them (its proxies were garbage-collected). Each id counts how
 * often it was sent and the worker says how often it received it, so a
 * release crossing a new reference to the same object on the way (they go
 * by different paths) can't drop an object the worker holds. Worker functions
 * given to the page (event handlers) become page functions that post the
 * call to the worker, which runs it there.
 */
import { DOCUMENT, shapeOf, WINDOW, type DomOp, type Shape, type Wire } from "./dom-wire.js";
import type { Answer } from "./messages.js";
import { attempt } from "../pyscript-package/bridge.js";

export class DomHost {
  private objects: Map<number, unknown>;
  private ids: Map<unknown, number>;
  private sent = new Map<number, { shape: Shape; count: number }>();
  private callbacks = new Map<number, (...args: unknown[]) => void>();
  private next = 2;

  /** `callWorker(id, args)` posts a call of the worker's function `id`; `roots` are the page's window and document. */
  constructor(private callWorker: (id: number, args: Wire[]) => void, roots: [object, object] = [globalThis, document]) {
    this.objects = new Map([[WINDOW, roots[0]], [DOCUMENT, roots[1]]]);
    this.ids = new Map([[roots[0], WINDOW], [roots[1], DOCUMENT]]);
  }

  /** How many page objects the worker holds now (window and document included): what a leak would grow. */
  get held(): number {
    return this.objects.size;
  }

  /** Do one operation; a JavaScript error becomes the answer's error. */
  perform(op: DomOp): Answer {
    try {
      return { value: this.run(op) };
    } catch (thrown) {
      const error = thrown as Error;
      return { error: error instanceof Error ? `${error.name}: ${error.message}` : String(thrown) };
    }
  }

  /** The worker dropped these references: [id, how many times it received it]. */
  release(dropped: [number, number][]): void {
    for (const [id, received] of dropped) {
      const sent = this.sent.get(id);
      if (!sent || (sent.count -= received) > 0) continue; // sent again since: the worker holds it anew
      this.sent.delete(id);
      this.ids.delete(this.objects.get(id));
      this.objects.delete(id);
    }
  }

  private run(op: DomOp): Wire {
    const target = this.objects.get(op.ref) as Record<string, any>;
    if (target === undefined) throw new ReferenceError(`the page object #${op.ref} was already released`);
    switch (op.op) {
      case "get": {
        const value = target[op.key];
        // An inherited method (element.focus, document.getElementById): the worker calls it by name, one round trip.
        return typeof value === "function" && !Object.hasOwn(target, op.key) ? { m: 1 } : this.encode(value);
      }
      case "set": return (target[op.key] = this.decode(op.value), null);
      case "has": return op.key in target;
      case "delete": return delete target[op.key];
      case "call": return this.encode(target[op.key](...op.args.map((arg) => this.decode(arg))));
      case "apply": return this.encode(Reflect.apply(target as unknown as Function, this.decode(op.self), op.args.map((arg) => this.decode(arg))));
      case "new": return this.encode(Reflect.construct(target as unknown as Function, op.args.map((arg) => this.decode(arg))));
      case "items": return { a: Array.from(target as unknown as Iterable<unknown>, (item) => this.encode(item)) };
      case "select": return attempt(() => ({ a: [...(target as unknown as ParentNode).querySelectorAll(op.selector)].map((item) => this.encode(item)) }));
      case "try-set": return attempt(() => (Reflect.set(target, op.key, this.decode(op.value)) ? "" : `its "${op.key}" property is read-only`));
      case "try-call": return attempt(() => (target[op.key](...op.args.map((arg) => this.decode(arg))), ""));
    }
  }

  /** A page value on its way to the worker. */
  encode(value: unknown): Wire {
    if (value === undefined) return { u: 1 };
    if (value === null || typeof value === "boolean" || typeof value === "string") return value;
    if (typeof value === "number") return Number.isFinite(value) ? value : { d: String(value) };
    if (typeof value === "bigint") return Number(value);
    if (typeof value === "symbol") return String(value);
    let id = this.ids.get(value);
    if (id === undefined) {
      this.objects.set((id = this.next++), value);
      this.ids.set(value, id);
    }
    if (id === WINDOW || id === DOCUMENT) return { r: id }; // the worker always holds these two
    const sent = this.sent.get(id) ?? { shape: shapeOf(value), count: 0 };
    this.sent.set(id, { shape: sent.shape, count: sent.count + 1 });
    return { r: id, s: sent.shape };
  }

  /** A worker value arriving. */
  private decode(wire: Wire): unknown {
    if (wire === null || typeof wire !== "object") return wire;
    if ("u" in wire) return undefined;
    if ("d" in wire) return Number(wire.d);
    if ("r" in wire) return this.objects.get(wire.r);
    if ("c" in wire) return this.callback(wire.c);
    if ("a" in wire) return wire.a.map((item) => this.decode(item));
    if ("o" in wire) return Object.fromEntries(wire.o.map(([key, item]) => [key, this.decode(item)]));
    return undefined;
  }

  /** The page function standing for the worker's function `id` (the same one each time, so removeEventListener works). */
  private callback(id: number): (...args: unknown[]) => void {
    let fn = this.callbacks.get(id);
    if (!fn) this.callbacks.set(id, (fn = (...args: unknown[]) => this.callWorker(id, args.map((arg) => this.encode(arg)))));
    return fn;
  }
}
