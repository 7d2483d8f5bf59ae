/**
 * How every failure reaches people: logged to the console, dispatched as
 * `py-error`, and shown in a dismissable box near where it happened
 * (error-box.ts, loaded on the page's first problem: pages that work never
 * download it, from beside the bundle reporting). Warnings get the same box
 * in another colour, and no event.
 */
import { bundleAssets } from "./assets.js";
import { PyScriptError, reasonOf } from "./errors.js";
import { dispatch } from "./events.js";

let boxes: Promise<typeof import("./error-box.js")> | undefined;

/** Report an error (or a warning) the one standard way. */
export function report(error: PyScriptError, options: { warning?: boolean } = {}): void {
  const warning = options.warning ?? false;
  if (warning) {
    console.warn(`🐍 ${error}`);
  } else {
    console.error(`🐍 ${error}${error.traceback ? "\n" + error.traceback : ""}`);
    dispatch("py-error", error);
  }
  boxes ??= bundleAssets.import("error-box.js");
  boxes.then(({ showBox }) => showBox(error, warning), () => {
    // Even the error box couldn't load: plain text still tells what happened.
    document.body?.prepend(Object.assign(document.createElement("pre"), { textContent: String(error) }));
  });
}

/** Anything thrown, as a PyScriptError: kept as is if it already is one, else made by `make` from its reason. */
export function asPyScriptError(thrown: unknown, make: (reason: string) => PyScriptError): PyScriptError {
  return thrown instanceof PyScriptError ? thrown : make(reasonOf(thrown));
}
