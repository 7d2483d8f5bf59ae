/**
 * Python's `pyscript` package, as a built-in plugin. Its JavaScript half
 * (page-bridge.ts, which carries the Python source too) starts downloading
 * as soon as the config is read, alongside the interpreter, and is
 * installed the moment the interpreter is ready, before any page code runs.
 */
import type { Assets } from "../assets.js";
import type { Plugin } from "../plugin.js";
import type { WorkerHub } from "../worker-hub.js";
import type { JsModules } from "./js-modules.js";

type PageBridgeModule = typeof import("./page-bridge.js");

export function pyscriptPackagePlugin(hub: WorkerHub, assets: Assets, scriptsDone: Promise<void>): Plugin {
  let bridge: Promise<PageBridgeModule>;
  let jsModules: Promise<JsModules>;
  return {
    name: "pyscript-module", // the name page authors see in PyScript.plugins
    configKeys: ["js_modules"],
    configure(config) {
      // Not a config change: just the earliest moment to start the downloads.
      bridge = assets.import<PageBridgeModule>("page-bridge.js");
      jsModules = bridge.then((module) => module.loadPageJsModules(config));
      jsModules.catch(() => {}); // page-bridge.js missing: reported below
    },
    async onInterpreterReady(config, interpreter) {
      (await bridge).install({ interpreter, config, hub, assets, jsModules: await jsModules, scriptsDone });
    },
  };
}
