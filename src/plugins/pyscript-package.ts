/**
 * Python's `pyscript` package, as bundled text, and how to install it into
 * an interpreter: shared by the page (pyscript-bridge.ts) and by workers
 * (workers/worker.ts), which each register their own `_pyscript` module.
 */
import type { Interpreter } from "../interpreters/interpreter.js";
import INIT from "../python/pyscript/__init__.py";
import DISPLAY from "../python/pyscript/_display.py";
import EVENTS from "../python/pyscript/_events.py";
import FETCH from "../python/pyscript/_fetch.py";
import FFI from "../python/pyscript/_ffi.py";
import INPUT from "../python/pyscript/_input.py";
import WORKERS from "../python/pyscript/_workers.py";

const PACKAGE: Record<string, string> = {
  "__init__.py": INIT,
  "_display.py": DISPLAY,
  "_events.py": EVENTS,
  "_fetch.py": FETCH,
  "_ffi.py": FFI,
  "_input.py": INPUT,
  "_workers.py": WORKERS,
};

/** Builtin input() calls the pyscript package's, which is imported only then. */
const INSTALL_INPUT = `
import builtins
def input(prompt=""):
    from pyscript._input import ask
    return ask(prompt)
builtins.input = input
del builtins, input
`;

/** Register `bridge` as `_pyscript`, put the package on the path, and make input() work. */
export function installPackage(interpreter: Interpreter, bridge: object): void {
  interpreter.registerJsModule("_pyscript", bridge);
  for (const [name, source] of Object.entries(PACKAGE)) interpreter.writeFile(`${interpreter.libraryPath}/pyscript/${name}`, source);
  interpreter.runSync(INSTALL_INPUT, { filename: "<pyscript>", value: false });
}
