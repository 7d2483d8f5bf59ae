/**
 * Starting a `<py-script worker>` script, the part in pyscript.js: the Web
 * Worker boots at once, told only its interpreter (`worker-thread.js?pyodide`),
 * so it starts downloading that while the page does everything else; the
 * page's side of it (`dist/worker-host.js`, loaded only by pages with
 * workers) takes it over when it arrives.
 */
import type { Assets } from "../assets.js";
import type { Config } from "../config.js";
import { PyScriptError } from "../errors.js";
import type { InterpreterRegistry } from "../interpreters/registry.js";
import { interpreterOfTag, type Source } from "../page-io/script-source.js";
import { report } from "../report.js";
import { WORKER_CONFIG, type WorkerHub } from "../worker-hub.js";

/** A worker started early, with any error from before worker-host.js took it over. */
export type BootedWorker = Worker & { bootError?: ErrorEvent };

/** What a worker script needs from its kernel. */
export interface WorkerKernel {
  hub: WorkerHub;
  assets: Assets;
  interpreters: InterpreterRegistry;
}

/** Run the script of `tag` in a Web Worker of its own. */
export function startWorkerScript(tag: Element, source: Promise<Source>, pageConfig: Config, kernel: WorkerKernel): Promise<void> {
  const config = withWorkerConfig(tag, pageConfig);
  const interpreter = interpreterOfTag(tag) ?? config.interpreter;
  const worker: BootedWorker = new Worker(`${kernel.assets.url("worker-thread.js")}?${interpreter}`, { type: "module" });
  worker.onerror = (event) => (worker.bootError = event); // before worker-host.js is there to say so
  return kernel.assets.import<typeof import("./worker-host.js")>("worker-host.js").then(
    ({ hostWorker }) => hostWorker({ tag, source, config, worker, kernel }),
    (error) => report(new PyScriptError("interpreter-load", `Could not load worker-host.js: ${(error as Error).message}`, {
      hint: "Serve the whole build folder.",
      element: tag,
    })),
  );
}

/** create_named_worker(config=…): its keys laid over the page's config, for this worker only (checked when it was given). */
function withWorkerConfig(tag: Element, config: Config): Config {
  const own = tag.getAttribute(WORKER_CONFIG);
  return own ? { ...config, ...(JSON.parse(own) as Partial<Config>) } : config;
}
