/**
 * How every failure reaches people: logged to the console, dispatched as
 * `py-error`, and shown in a dismissable box near where it happened
 * (error-box.ts, loaded on the page's first problem: pages that work never
 * download it, from beside the bundle reporting). Warnings get the same box
 * in another colour, and no event.
 */
import { bundleAssets, type Assets } from "./assets.js";
import { PyScriptError, reasonOf } from "./errors.js";
import { dispatch } from "./events.js";

let boxes: Promise<typeof import("./error-box.js")> | undefined;
let boxesFrom: Assets = bundleAssets;

/**
 * Where error-box.js is, when this bundle isn't in the build folder (a
 * bundler's app passing `assetsURL` to createKernel()). Any copy of the box
 * draws the same, so the last kernel that says where it is wins.
 */
export function findErrorBoxIn(assets: Assets): void {
  if (!boxes) boxesFrom = assets;
}

/** Report an error (or a warning) the one standard way. */
export function report(error: PyScriptError, options: { warning?: boolean } = {}): void {
  const warning = options.warning ?? false;
  if (warning) {
    console.warn(`🐍 ${error}`);
  } else {
    console.error(`🐍 ${error}${error.traceback ? "\n" + error.traceback : ""}`);
    dispatch("py-error", error);
  }
  boxes ??= boxesFrom.import("error-box.js");
  boxes.then(({ showBox }) => showBox(error, warning), () => showPlainText(error));
}

/** Even the error box couldn't load (the build folder isn't where we look): plain text still tells what happened. */
function showPlainText(error: PyScriptError): void {
  const pre = Object.assign(document.createElement("pre"), { className: "py-error", textContent: String(error) });
  pre.dataset.code = error.code;
  pre.style.cssText = "white-space:pre-wrap;overflow-wrap:anywhere;border-left:6px solid #d33";
  document.body?.prepend(pre);
}

/** Anything thrown, as a PyScriptError: kept as is if it already is one, else made by `make` from its reason. */
export function asPyScriptError(thrown: unknown, make: (reason: string) => PyScriptError): PyScriptError {
  return thrown instanceof PyScriptError ? thrown : make(reasonOf(thrown));
}
