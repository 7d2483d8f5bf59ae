/**
 * Python's `pyscript` package, as a built-in plugin, loaded only when used.
 * Its JavaScript half (page-bridge.js, which carries the Python source too)
 * is a sixth of what a page downloads besides the interpreter, and
 * installing it runs Python: a page that never uses it (a hello world)
 * never loads it. The kernel calls `ensure()` before running code that may
 * use it (see {@link usesPackage}), before a plugin other than the built-in
 * ones gets the interpreter (a `<py-repl>`, whose lines can't be read
 * beforehand), and before the page's scripts count as done when the page has
 * `py-*` event attributes. Its download starts alongside the interpreter's
 * when the page has `py-*` attributes, and as soon as a script that may use
 * it is read ({@link PyscriptPackage.prefetch}): on a slow network that is a
 * round trip less before the first click or that script. With `js_modules`
 * in the config it is also installed before the first script, as those
 * modules must be there. So it goes on MicroPython,
 * where installing it was a third of start-up, and on CPython, where it was
 * a fifth (about 350 ms: its Python imports come from a zip). Pyodide
 * installs it before any code runs: there it is about 1% of start-up, and it
 * keeps Pyodide's event loop from raising a script's `sys.exit()` (or
 * `unittest.main()`'s) again, uncaught.
 */
import type { Assets } from "../assets.js";
import type { Config } from "../config.js";
import { PyScriptError, reasonOf } from "../errors.js";
import type { Interpreter } from "../interpreters/interpreter.js";
import type { Plugin } from "../plugin.js";
import { report } from "../report.js";
import type { WorkerHub } from "../worker-hub.js";
import type { JsModules } from "./js-modules.js";

type PageBridgeModule = typeof import("./page-bridge.js");

/**
 * Might this Python code use what the package installs: `pyscript` itself,
 * `input()` (MicroPython's own never returns), asyncio tasks (their output
 * and errors reach their tag), or code only known when it runs (`exec`,
 * `__import__`…)? A false "yes" costs a download; a false "no" would break
 * the page, so any mention counts.
 */
export function usesPackage(code: string): boolean {
  return /\b(?:_?pyscript\w*|input|asyncio|async|await|exec|eval|__import__|import_module|builtins)\b/.test(code);
}

/** The package: its plugin, and `ensure()` to install it now. */
export interface PyscriptPackage {
  readonly plugin: Plugin;
  /** Is it installed (or failed to, which was reported)? */
  readonly settled: boolean;
  /** Download and install it, once; never rejects (a failure is reported, and `import pyscript` then fails). */
  ensure(): Promise<void>;
  /** Start downloading it (not installing it) when code that may use it is known before it runs. */
  prefetch(): void;
  /** Install it, then bind the page's `py-*` event attributes (once the page's scripts have run). */
  bind(): Promise<void>;
}

export function pyscriptPackage(hub: WorkerHub, assets: Assets, ready: Promise<Interpreter>): PyscriptPackage {
  let config: Config;
  let bridge: Promise<PageBridgeModule> | undefined;
  let jsModules: Promise<JsModules>;
  let installing: Promise<void> | undefined;
  let settled = false;

  function download(): Promise<PageBridgeModule> {
    if (bridge) return bridge;
    bridge = assets.import<PageBridgeModule>("page-bridge.js");
    jsModules = bridge.then((module) => module.loadPageJsModules(config));
    jsModules.catch(() => {}); // page-bridge.js missing: reported by ensure()
    return bridge;
  }

  async function install(): Promise<void> {
    try {
      const interpreter = await ready;
      (await download()).install({ interpreter, config, hub, assets, jsModules: await jsModules });
    } catch (error) {
      report(new PyScriptError("plugin-hook", `Python's pyscript package could not be installed: ${reasonOf(error)}`, {
        hint: "Serve the whole build folder: page-bridge.js must sit next to pyscript.js. Code that imports pyscript fails until then.",
        cause: error,
      }));
    } finally {
      settled = true;
    }
  }

  let early = false; // js_modules: installed before any script runs
  return {
    get settled() { return settled; },
    ensure: () => (installing ??= install()),
    // (a failed install was reported: nothing to bind then)
    bind: () => (installing ??= install()).then(async () => (await bridge!).bindAttributes(await ready, assets)).catch(() => {}),
    prefetch: download, // install() awaits the same download, and reports its failure
    plugin: {
      name: "pyscript-module", // the name page authors see in PyScript.plugins
      configKeys: ["js_modules"],
      configure(pageConfig) {
        config = pageConfig;
        // Not config changes: the bridge starts downloading alongside the interpreter when the page
        // will need it (installed only when it does), and with js_modules it is installed before any script.
        early = config.js_modules !== undefined;
        if (early || hasEventAttributes()) void download();
      },
      onInterpreterReady(_config, interpreter) {
        if (early || interpreter.info.name === "pyodide") return (installing ??= install());
      },
    },
  };
}

/** Does the page have PyScript's event attributes (`<button py-click="handle">`), which the package binds? */
export function hasEventAttributes(): boolean {
  return document.evaluate("//*[@*[starts-with(name(), 'py-')]]", document, null, XPathResult.FIRST_ORDERED_NODE_TYPE, null).singleNodeValue !== null;
}
