/**
 * The few styles our elements need, injected once. Sources of `<py-script>`
 * tags stay hidden until claimed, so Python code never flashes on the page.
 */
const CSS = `
py-config,py-script:not([data-py-state]){display:none}
py-script{display:block}
.py-output{margin:.25em 0;white-space:pre-wrap;font:14px/1.4 ui-monospace,monospace}
.py-stderr{color:#b00020}
.py-output-part{content-visibility:auto;contain-intrinsic-size:auto 30em}
.py-stop{font:13px system-ui,sans-serif;margin:.2em 0}
`;

/** Add our stylesheet to the page (once). */
export function injectStyles(): void {
  addStyleSheet("py-styles", CSS);
}

/** Add a stylesheet to the page, once per `id`. */
export function addStyleSheet(id: string, css: string): void {
  if (document.getElementById(id)) return;
  document.head.append(Object.assign(document.createElement("style"), { id, textContent: css }));
}
