/**
 * The browser entry, `pyscript.js`: creates `window.PyScript` and starts the
 * page's Python as soon as the document is parsed. Pages include it with
 * `<script type="module" src="pyscript.js"></script>`.
 */
import { createKernel } from "./kernel.js";
import type { PyScriptAPI } from "./api.js";

declare global {
  interface Window {
    PyScript: PyScriptAPI;
  }
}

const kernel = createKernel(); // our other files are found next to this one
window.PyScript = kernel.api;

if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", () => kernel.start(), { once: true });
} else {
  kernel.start();
}
