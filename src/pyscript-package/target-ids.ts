/**
 * The ids `current_target()` gives, in PyScript's format: an element's own
 * id, or else `mpy-N` (MicroPython) / `py-N` (Pyodide, CPython), N counting from 0 for
 * each interpreter. The first time one is needed, every `<py-script>` still
 * without an id gets one, in document order, so the numbers follow the page
 * whichever script asks first (ids already on the page are skipped).
 */

/** PyScript's names for the interpreters (its `config["type"]`). */
const TYPES: Record<string, string> = { micropython: "mpy", pyodide: "py", cpython: "py" };
const used: Record<string, number> = {};

/** The id of `element` (giving it one if it has none); `interpreter` is the page's. */
export function targetId(element: Element, interpreter: string): string {
  if (element.id) return element.id;
  for (const tag of document.querySelectorAll("py-script:not([id])")) tag.id = freshId(tagType(tag, interpreter));
  return (element.id ||= freshId(typeOf(interpreter)));
}

function typeOf(interpreter: string): string {
  const name = interpreter.toLowerCase();
  return TYPES[name] ?? name;
}

/** A worker tag may name an interpreter of its own. */
function tagType(tag: Element, interpreter: string): string {
  const own = tag.hasAttribute("worker") ? tag.getAttribute("interpreter") : null;
  return typeOf(own || interpreter);
}

function freshId(type: string): string {
  let id: string;
  do id = `${type}-${(used[type] = (used[type] ?? -1) + 1)}`;
  while (document.getElementById(id));
  return id;
}
