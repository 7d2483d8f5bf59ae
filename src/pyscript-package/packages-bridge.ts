/**
 * `await pyscript.install(...)`: both bridges' `install_packages`. The code
 * that installs (`dist/packages.js`) loads on the first call, unless the
 * config's `packages` loaded it already.
 */
import type { Assets } from "../assets.js";
import type { Interpreter } from "../interpreters/interpreter.js";
import type { InstallHooks, PackageSite } from "../packages/packages.js";
import { messageOf } from "./bridge.js";

type PackagesModule = typeof import("../packages/packages.js");

/** `install_packages(entriesJSON)`: resolves to "" once all are installed, else to the errors' text (Python raises it). */
export function packagesBridge(interpreter: Interpreter, site: PackageSite, assets: Pick<Assets, "import">, hooks?: InstallHooks) {
  return {
    install_packages: async (entriesJSON: string): Promise<string> => {
      try {
        const { installNow } = await assets.import<PackagesModule>("packages.js");
        const errors = await installNow(JSON.parse(entriesJSON) as string[], interpreter, site, hooks);
        return errors.map(String).join("\n");
      } catch (thrown) {
        return messageOf(thrown);
      }
    },
  };
}
