/**
 * The few styles our elements need (src/pyscript.css), injected once.
 * Sources of `<py-script>` tags stay hidden until claimed, so Python code
 * never flashes. dist/pyscript.css, for pages to link in <head>, holds the
 * same rules and src/pyscript-head.css (what only <head> needs, such as
 * what a page says if we never run).
 */
import CSS from "./pyscript.css";

/** Add our stylesheet to the page (once), and mark the page as started (pyscript.css explains a page that never is). */
export function injectStyles(): void {
  document.documentElement.setAttribute("data-micropyscript", "");
  addStyleSheet("py-styles", CSS);
}

/** Add a stylesheet to the page, once per `id`. */
export function addStyleSheet(id: string, css: string): void {
  if (document.getElementById(id)) return;
  document.head.append(Object.assign(document.createElement("style"), { id, textContent: css }));
}
