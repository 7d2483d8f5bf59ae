/**
 * How Python's output reaches the page, for `<py-script>` tags, the
 * `pyscript` package's `display()` and workers alike: printed text is
 * appended as text (never HTML) to a `<pre>` in the script's output element,
 * and displayed values become nodes of their own, in the order produced.
 */
import { PyScriptError } from "../errors.js";
import type { Writer } from "../interpreters/interpreter.js";

/**
 * Where a tag's output goes: the element named by `output=` (ours) or
 * `target=` (PyScript's: an id, or a CSS selector); else the tag itself, or
 * for a `<script>`, which can't show anything, an element right after it.
 */
export function outputTarget(tag: Element): Element {
  const attribute = tag.hasAttribute("output") ? "output" : "target";
  const name = tag.getAttribute(attribute);
  if (!name) return placeOf(tag);
  const target = document.getElementById(name.replace(/^#/, "")) ?? querySafely(name);
  if (target) return target;
  throw new PyScriptError("config-value", `<${tag.localName} ${attribute}="${name}"> names no element: there is no element with id="${name}".`, {
    hint: `Add an element with id="${name}" to the page, or remove the ${attribute} attribute to show output ${tag.localName === "script" ? "after the script" : "in the tag itself"}.`,
    element: placeOf(tag),
  });
}

const places = new WeakMap<Element, Element>();

/** The tag, or for a `<script>` the element after it that shows its output (made once). */
export function placeOf(tag: Element): Element {
  if (tag.localName !== "script") return tag;
  let place = places.get(tag);
  if (!place) {
    place = Object.assign(document.createElement("div"), { className: "py-script-output" });
    tag.after(place);
    places.set(tag, place);
  }
  return place;
}

function querySafely(selector: string): Element | null {
  try {
    return document.querySelector(selector);
  } catch {
    return null; // not a selector either: reported as a missing id
  }
}

/**
 * A writer that appends output as text (never HTML) to the `<pre>` at the end
 * of `target`, starting a new one after anything else (such as `display()`
 * output), so everything shows in the order it was produced.
 */
export function writerFor(target: Element): Writer {
  return (text, stream) => {
    const part = openPart(lastOutputBlock(target), text.length);
    const last = part.lastChild;
    if (stream === "stdout") part.append(text);
    else if (last instanceof HTMLSpanElement) last.append(text); // more of the same stderr text
    else part.append(Object.assign(document.createElement("span"), { className: "py-stderr", textContent: text }));
  };
}

/**
 * Long output is laid out in parts of about PART_CHARS, each a block of its
 * own (`div.py-output-part`, which the browser skips drawing while it is off
 * screen): appending to a `<pre>` lays out all its text again, so one
 * growing block would make every frame slower than the last. A part ends
 * only after a newline, so the text reads exactly as one block would.
 */
const PART_CHARS = 32_768;
const openParts = new WeakMap<Element, { part: Element; size: number }>(); // kept here: lastElementChild would walk every text node

function openPart(pre: Element, adding: number): Element {
  let open = openParts.get(pre);
  if (!open || open.part.parentNode !== pre && open.part !== pre) openParts.set(pre, (open = { part: pre, size: 0 }));
  if (open.size >= PART_CHARS && lastText(open.part).endsWith("\n")) {
    open.part = pre.appendChild(Object.assign(document.createElement("div"), { className: "py-output-part" }));
    open.size = 0;
  }
  open.size += adding;
  return open.part;
}

/** The last text node's text (in a stderr span or not). */
function lastText(part: Element): string {
  const last = part.lastChild;
  return (last instanceof HTMLSpanElement ? last.lastChild : last)?.nodeValue ?? "";
}

/** Where the next output of `target` goes (an input field waits there). */
export function outputEnd(target: Element): Element {
  return openPart(lastOutputBlock(target), 0);
}

/** The `<pre class="py-output">` ending `target`, added if something else ends it. */
export function lastOutputBlock(target: Element): Element {
  const last = target.lastElementChild;
  if (last?.matches("pre.py-output")) return last;
  return target.appendChild(Object.assign(document.createElement("pre"), { className: "py-output" }));
}

/**
 * One displayed value's node: text stays text; HTML and SVG come from trusted
 * reprs (HTML() or `_repr_html_`: the author's choice), as does JavaScript,
 * which runs. `attributes` (JSON) go on an image (width, height, alt…).
 */
export function render(mime: string, data: string, attributes = "{}"): Element {
  if (typeof data !== "string") throw new TypeError(`display(): the ${mime} data must be text, not ${typeof data}.`);
  if (mime === "image/png" || mime === "image/jpeg") {
    const image = Object.assign(document.createElement("img"), { className: "py-display", src: `data:${mime};base64,${data}` });
    for (const [name, value] of Object.entries(JSON.parse(attributes) as Record<string, string>)) {
      if (!/^(on|src$)/i.test(name)) image.setAttribute(name, value); // never an event handler or another source
    }
    return image;
  }
  if (mime === "application/javascript") return Object.assign(document.createElement("script"), { textContent: data });
  const node = document.createElement("div");
  node.className = mime === "text/markdown" ? "py-display py-markdown" : "py-display";
  if (mime === "text/html" || mime === "image/svg+xml") node.innerHTML = data;
  else node.textContent = data;
  return node;
}
