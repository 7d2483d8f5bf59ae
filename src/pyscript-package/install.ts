/**
 * Python's `pyscript` package, as bundled text, and how to install it into
 * an interpreter: shared by the page (page-bridge.ts) and by workers
 * (workers/worker-thread.ts), which each register their own `_pyscript`
 * module (bridge.ts).
 * Only `__init__.py` is written at start-up (writing files is slow while
 * the filesystem code is cold); the rest the first time Python needs it.
 */
import type { Interpreter } from "../interpreters/interpreter.js";
import type { Bridge } from "./bridge.js";
import INIT from "../python/pyscript/__init__.py";
import DISPLAY from "../python/pyscript/_display.py";
import EVENTS from "../python/pyscript/_events.py";
import FETCH from "../python/pyscript/_fetch.py";
import FFI from "../python/pyscript/_ffi.py";
import INPUT from "../python/pyscript/_input.py";
import WORKERS from "../python/pyscript/_workers.py";
import JS_MODULES from "../python/pyscript/js_modules.py";
import type { JsModules } from "./js-modules.js";

const REST: Record<string, string> = {
  "_display.py": DISPLAY,
  "_events.py": EVENTS,
  "_fetch.py": FETCH,
  "_ffi.py": FFI,
  "_input.py": INPUT,
  "_workers.py": WORKERS,
  "js_modules.py": JS_MODULES,
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
 * `__init__.py` on the path, and make input() work.
 */
export function installPackage(interpreter: Interpreter, bridge: Bridge, jsModules: JsModules = { loaded: {}, failed: {} }): void {
  const folder = `${interpreter.libraryPath}/pyscript`;
  let loaded = false;
  const load_package = () => {
    if (loaded) return;
    loaded = true;
    for (const [name, source] of Object.entries(REST)) interpreter.writeFile(`${folder}/${name}`, source);
  };
  interpreter.registerJsModule("_pyscript", { ...bridge, load_package });
  interpreter.registerJsModule("_pyscript_js_modules", jsModules);
  interpreter.writeFile(`${folder}/__init__.py`, INIT);
  interpreter.runSync(INSTALL_INPUT, { filename: "<pyscript>", value: false });
}
