/**
 * The few styles our elements need, injected once. Sources of `<py-script>`
 * tags stay hidden until claimed, so Python code never flashes on the page.
 */
const CSS = `
py-config,py-script:not([data-py-state]){display:none}
py-script{display:block}
.py-output{margin:.25em 0;white-space:pre-wrap;font:14px/1.4 ui-monospace,monospace}
.py-stderr{color:#b00020}
.py-error{position:relative;margin:.5em 0;padding:.5em 2.2em .5em .8em;border:1px solid #d33;border-left:6px solid #d33;background:#fff5f5;color:#5c0011;font:14px/1.4 system-ui,sans-serif}
.py-error pre{margin:0;white-space:pre-wrap;font:13px/1.4 ui-monospace,monospace}
.py-error p{margin:.4em 0 0}
.py-warning{border-color:#c90;background:#fffbe6;color:#5c4400}
.py-error-close{position:absolute;top:.2em;right:.4em;border:0;background:none;color:inherit;font-size:1.3em;cursor:pointer}
`;

/** Add our stylesheet to the page (once). */
export function injectStyles(): void {
  if (document.getElementById("py-styles")) return;
  const style = document.createElement("style");
  style.id = "py-styles";
  style.textContent = CSS;
  document.head.append(style);
}
