/**
 * Python's `pyscript` package, as bundled text, and how to install it into
 * an interpreter: shared by the page (page-bridge.ts) and by workers
 * (workers/worker-thread.ts), which each register their own `_pyscript`
 * module (bridge.ts).
 * Only `__init__.py` is written at start-up (writing files is slow while
 * the filesystem code is cold); the rest the first time Python needs it:
 * when a lazy name is used (`from pyscript import when`), or when Python's
 * import system first looks into the package's folder (`import
 * pyscript.ffi`, `from pyscript.util import …`), which lazy-folder.ts watches.
 */
import type { Interpreter } from "../interpreters/interpreter.js";
import type { Bridge } from "./bridge.js";
import { fillOnFirstLook, type LazyFS } from "./lazy-folder.js";
import INIT from "../python/pyscript/__init__.py";
import DISPLAY from "../python/pyscript/_display.py";
import EVENTS from "../python/pyscript/events.py";
import FETCH from "../python/pyscript/_fetch.py";
import FFI from "../python/pyscript/ffi.py";
import INPUT from "../python/pyscript/_input.py";
import STORAGE from "../python/pyscript/_storage.py";
import UTIL from "../python/pyscript/util.py";
import WORKERS from "../python/pyscript/_workers.py";
import ATTRIBUTES from "../python/pyscript/_attributes.py";
import JS_MODULES from "../python/pyscript/js_modules.py";
import WEB from "../python/pyscript/web.py";
import INSTALL from "../python/pyscript/_install.py";
import type { JsModules } from "./js-modules.js";
import { INSTALL_TASKS } from "./tasks.js";

const REST: Record<string, string> = {
  "_display.py": DISPLAY,
  "_fetch.py": FETCH,
  "_input.py": INPUT,
  "_storage.py": STORAGE,
  "_workers.py": WORKERS,
  "_install.py": INSTALL,
  "events.py": EVENTS,
  "ffi.py": FFI,
  "util.py": UTIL,
  "_attributes.py": ATTRIBUTES,
  "js_modules.py": JS_MODULES,
  "web.py": WEB, // the rest of pyscript.web is downloaded on its first import (web-files.ts)
};

/** Builtin input() calls the pyscript package's, which is loaded only then. */
const INSTALL_INPUT = `
import builtins
def input(prompt=""):
    import _pyscript
    _pyscript.load_package()
    from pyscript._input import ask
    return ask(prompt)
builtins.input = input
del builtins, input
`;

/** Python code that loads the whole package, then evaluates to `name` in it. */
export const fromPackage = (module: string, name: string) =>
  `import _pyscript
_pyscript.load_package()
import pyscript.${module}
pyscript.${module}.${name}`;

/**
 * Register `bridge` (plus `load_package()`) as `_pyscript` and the config's
 * JavaScript modules as `_pyscript_js_modules`, put the package's
 * `__init__.py` on the path, and make input() and background tasks work
 * (tasks.ts).
 */
export function installPackage(interpreter: Interpreter, bridge: Bridge, extras: { jsModules?: JsModules } = {}): void {
  const folder = `${interpreter.libraryPath}/pyscript`;
  const files: Record<string, string> = { ...REST };
  let loaded = false;
  const load_package = (): boolean => {
    if (loaded) return false;
    loaded = true;
    for (const [name, source] of Object.entries(files)) interpreter.writeFile(`${folder}/${name}`, source);
    return true;
  };
  interpreter.registerJsModule("_pyscript", { ...bridge, load_package });
  interpreter.registerJsModule("_pyscript_js_modules", extras.jsModules ?? { loaded: {}, failed: {} });
  interpreter.writeFile(`${folder}/__init__.py`, INIT);
  const fs = (interpreter.runtime as { FS?: LazyFS }).FS;
  if (fs) fillOnFirstLook(fs, folder, Object.keys(files), load_package);
  else load_package(); // not an Emscripten filesystem: write everything now
  interpreter.runSync(INSTALL_INPUT, { filename: "<pyscript>", value: false });
  interpreter.runSync(INSTALL_TASKS, { filename: "<pyscript>", value: false });
}
