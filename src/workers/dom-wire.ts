/**
 * How the page's objects cross to a worker and back (the worker's side is
 * dom-remote.ts, the page's dom-host.ts). Values cross as JSON: strings,
 * booleans, finite numbers and null as themselves, everything else tagged.
 * A page object crosses as a reference (`{r: id}`), with the few facts an
 * interpreter asks about every new object (is it a function, iterable, what
 * is its type tag…), so the worker can answer those without a round trip. A worker function crosses as a callback id (`{c: id}`): the
 * page calls it by posting a message, and the worker runs it.
 */

/** Facts about a page object the worker answers locally. */
export interface Shape {
  /** 1 for a function. */
  f: number;
  /** Its type tag, e.g. "HTMLDivElement" (what Object.prototype.toString shows). */
  t: string;
  /** Its constructor's name. */
  c: string;
  /** 1 if it is iterable (NodeList, HTMLCollection, arrays…). */
  i: number;
  /** Bits: which of {@link PROBED} it has. */
  p: number;
  /** Bits: which of {@link PROBED} are methods. */
  m: number;
}

/** Names interpreters look up on every new JavaScript object (Pyodide's type flags, MicroPython's iteration). */
export const PROBED = ["then", "next", "get", "set", "has", "includes", "length", "size"] as const;

/** A value on the wire. */
export type Wire =
  | null | boolean | number | string
  | { u: 1 } // undefined
  | { d: string } // NaN, Infinity, -Infinity
  | { r: number; s?: Shape } // a page object (only window and document come without their shape)
  | { m: 1 } // an inherited method of the object asked about: call it with op "call"
  | { c: number } // a worker function
  | { a: Wire[] } // an array, by value
  | { o: [string, Wire][] }; // a plain object, by value

/** One operation the worker asks the page to do (refs are page objects). */
export type DomOp =
  | { op: "get"; ref: number; key: string }
  | { op: "set"; ref: number; key: string; value: Wire }
  | { op: "has"; ref: number; key: string }
  | { op: "delete"; ref: number; key: string }
  | { op: "call"; ref: number; key: string; args: Wire[] } // ref[key](...args)
  | { op: "apply"; ref: number; self: Wire; args: Wire[] } // a function ref, called
  | { op: "new"; ref: number; args: Wire[] }
  | { op: "items"; ref: number } // Array.from(ref), by value
  | { op: "select"; ref: number; selector: string } // [...ref.querySelectorAll(selector)], or the browser's message
  | { op: "try-set"; ref: number; key: string; value: Wire } // "" or why the property can't be set
  | { op: "try-call"; ref: number; key: string; args: Wire[] }; // "" or the browser's message

/** The page's window and document: references every worker knows. */
export const WINDOW = 0;
export const DOCUMENT = 1;

/** What a page object is, in the few words the worker needs. */
export function shapeOf(value: object): Shape {
  let p = 0, m = 0;
  PROBED.forEach((name, bit) => {
    if (name === "then") return; // page objects are never awaited from a worker: they'd need the worker to wait
    if (name in value) p |= 1 << bit;
    if (typeof (value as Record<string, unknown>)[name] === "function") m |= 1 << bit;
  });
  const tag = Object.prototype.toString.call(value).slice(8, -1);
  const iterable = typeof (value as { [Symbol.iterator]?: unknown })[Symbol.iterator] === "function";
  let constructorName = "";
  try {
    constructorName = String((value as { constructor?: { name?: string } }).constructor?.name ?? "");
  } catch { /* a cross-origin object */ }
  return { f: typeof value === "function" ? 1 : 0, t: tag, c: constructorName, i: iterable ? 1 : 0, p, m };
}

/** The bit of a probed name in a {@link Shape}, or -1. */
export const probedBit = (name: string): number => (PROBED as readonly string[]).indexOf(name);
