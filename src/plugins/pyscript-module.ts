/**
 * Python's `pyscript` package, as a built-in plugin. Its JavaScript half
 * (pyscript-bridge.ts, which carries the Python source too) starts
 * downloading as soon as the config is read, alongside the interpreter, and
 * is installed the moment the interpreter is ready, before any page code runs.
 */
import { importAsset } from "../assets.js";
import type { Plugin } from "../plugin.js";
import type { WorkerHub } from "../workers/hub.js";

type Bridge = typeof import("./pyscript-bridge.js");

export function pyscriptModulePlugin(hub: WorkerHub): Plugin {
  let bridge: Promise<Bridge>;
  return {
    name: "pyscript-module",
    configure() {
      // Not a config change: just the earliest moment to start the download.
      bridge = importAsset<Bridge>("pyscript-bridge.js");
    },
    async onInterpreterReady(config, interpreter) {
      (await bridge).install(interpreter, config, hub);
    },
  };
}
