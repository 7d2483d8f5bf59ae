/**
 * Starting an interpreter: the one path the page's kernel and every worker
 * take, so a new interpreter plugs in once.
 *
 * 1. `beginLoading`: every file of the runtime starts downloading (its
 *    WebAssembly compiling as it arrives) while the adapter module and the
 *    runtime's JavaScript load, all in parallel;
 * 2. `whenLoaded`: the runtime's JavaScript is there (the kernel announces
 *    `py-interpreter-loaded`);
 * 3. `startLoaded`: the runtime is instantiated with the config's options
 *    for it, and is ready to run code.
 *
 * Failures become PyScriptErrors that name the file and say how to fix it.
 */
import type { Config } from "../config.js";
import type { Progress } from "../events.js";
import { PyScriptError, reasonOf } from "../errors.js";
import { startDownloads, type Downloads, type FailedDownload } from "./early-downloads.js";
import type { Interpreter, InterpreterAdapter, InterpreterInfo, Writer } from "./interpreter.js";
import type { AdapterModule } from "./registry.js";

/** An interpreter on its way: its files downloading, its adapter loading. */
export interface Loading {
  info: InterpreterInfo;
  /** Folder URL of the runtime's files, ending in "/". */
  baseURL: string;
  downloads: Downloads;
  adapter: Promise<InterpreterAdapter>;
}

/** Where a started interpreter's output goes when no run claims it. */
export interface Writers {
  defaultWriter: Writer;
  /** Sees every chunk of output (the page announces it as `py-print`). */
  observe?: Writer;
}

/** Step 1: start every download now. `onProgress` counts bytes (the page's splash). */
export function beginLoading(info: InterpreterInfo, baseURL: string, loadModule: () => Promise<AdapterModule>,
  onProgress?: (progress: Progress) => void): Loading {
  const adapter = loadModule().catch((error: unknown) => Promise.reject(new MissingAdapter(error))).then(async (module) => {
    const created = module.createAdapter(info);
    await created.load(baseURL);
    return created;
  });
  adapter.catch(() => {}); // reported by whoever awaits it
  return { info, baseURL, downloads: startDownloads(info, baseURL, onProgress), adapter };
}

/** The adapter module (from the build folder, not the runtime's folder) didn't load. */
class MissingAdapter {
  constructor(readonly cause: unknown) {}
}

/** Step 2: the adapter and its runtime's JavaScript have arrived. */
export async function whenLoaded({ info, baseURL, downloads, adapter }: Loading): Promise<InterpreterAdapter> {
  try {
    return await adapter;
  } catch (error) {
    downloads.stop(false);
    const adapterMissing = error instanceof MissingAdapter;
    const reason = reasonOf(adapterMissing ? error.cause : error);
    const fromBundler = "From a bundler's app, serve a copy of node_modules/micropyscript/dist/ and pass its URL: createKernel({ assetsURL: \"/micropyscript/\" }).";
    throw new PyScriptError("interpreter-load", `Could not download ${adapterMissing ? `${info.label}'s adapter` : `${info.label} from ${baseURL}`}: ${reason}`, {
      hint: adapterMissing
        ? `Serve the whole build folder (with interpreters/). ${fromBundler}`
        : `Serve the whole build folder (it holds ${info.name}/ next to pyscript.js), or point "interpreterURL" in <py-config> at a folder that holds ${info.label}'s files. ${fromBundler}`,
      cause: adapterMissing ? error.cause : error,
    });
  }
}

/** Step 3: instantiate the runtime; rejects at once if one of its files can't be downloaded. */
export async function startLoaded(loading: Loading, adapter: InterpreterAdapter, config: Config, writers: Writers): Promise<Interpreter> {
  const { info, baseURL, downloads } = loading;
  try {
    const starting = adapter.start({ baseURL, options: optionsFor(info, config), ...writers });
    const interpreter = await Promise.race([starting, downloads.failed]);
    downloads.stop(true);
    return interpreter;
  } catch (error) {
    downloads.stop(false);
    throw startError(info, error, Boolean(config.interpreterURL));
  }
}

/** The config keys meant for this interpreter (e.g. MicroPython's heapsize). */
function optionsFor(info: InterpreterInfo, config: Config): Record<string, unknown> {
  return Object.fromEntries(Object.keys(info.options).filter((key) => key in config).map((key) => [key, config[key]]));
}

function startError(info: InterpreterInfo, error: unknown, customFolder: boolean): PyScriptError {
  if (error instanceof PyScriptError) return error; // the adapter already said what and how to fix it
  const missing = (error as FailedDownload).url ? (error as FailedDownload) : undefined;
  if (missing) {
    return new PyScriptError("interpreter-load", `Could not download ${missing.url} (${missing.reason}), so ${info.label} can't start.`, {
      hint: customFolder ? `Put all of ${info.label}'s files in the "interpreterURL" folder, or remove that key.` : `Serve the whole build folder, all of ${info.name}/ too.`,
      cause: error,
    });
  }
  return new PyScriptError("interpreter-start", `${info.label} failed to start: ${reasonOf(error)}`, {
    hint: "Reload the page. If you set interpreter options in <py-config> (such as heapsize), try the defaults.",
    cause: error,
  });
}
