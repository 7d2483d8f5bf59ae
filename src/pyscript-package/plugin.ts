/**
 * Python's `pyscript` package, as a built-in plugin. Its JavaScript half
 * (page-bridge.ts, which carries the Python source too) starts downloading
 * as soon as the config is read, alongside the interpreter, and is
 * installed the moment the interpreter is ready, before any page code runs.
 */
import type { Assets } from "../assets.js";
import type { Plugin } from "../plugin.js";
import type { WorkerHub } from "../worker-hub.js";

type PageBridgeModule = typeof import("./page-bridge.js");

export function pyscriptPackagePlugin(hub: WorkerHub, assets: Assets): Plugin {
  let bridge: Promise<PageBridgeModule>;
  return {
    name: "pyscript-module", // the name page authors see in PyScript.plugins
    configure() {
      // Not a config change: just the earliest moment to start the download.
      bridge = assets.import<PageBridgeModule>("page-bridge.js");
    },
    async onInterpreterReady(config, interpreter) {
      (await bridge).install({ interpreter, config, hub, assets });
    },
  };
}
