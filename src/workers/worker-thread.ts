/**
 * Inside a worker (`dist/worker-thread.js`): one `<py-script worker>` script
 * with an interpreter of its own. It starts the interpreter the same way the
 * page does (interpreters/start.ts), writes the page's configured files,
 * installs the `pyscript` package with the worker's bridge, runs the script,
 * and then stays to serve the functions it exported.
 */
import { bundleAssets } from "../assets.js";
import { fetchBytes } from "../fetch-url.js";
import type { Interpreter } from "../interpreters/interpreter.js";
import { adapterPath, BUILTIN_INTERPRETERS } from "../interpreters/registry.js";
import { beginLoading, startLoaded, whenLoaded, type Loading } from "../interpreters/start.js";
import type { InterpreterInfo } from "../interpreters/interpreter.js";
import { fromPackage, installPackage } from "../pyscript-package/install.js";
import { jsModuleEntries, loadJsModules } from "../pyscript-package/js-modules.js";
import type { PyScriptError } from "../errors.js";
import type { Prepared } from "../packages/packages.js";
import { wantsPackages } from "../config.js";
import type { Answer, ErrorData, FromWorker, ToWorker, WorkerInit } from "./messages.js";
import type { RemoteDom } from "./dom-remote.js";
import { workerBridge } from "./worker-bridge.js";
import { NOT_ISOLATED_HINT } from "./channel.js";
import { workerOutput } from "./worker-output.js";

const post = (message: FromWorker) => postMessage(message);
const output = workerOutput(post);

let interpreter: Interpreter | undefined;
let dispatchCall: ((name: string, argsJSON: string) => Promise<string>) | undefined;
let dom: RemoteDom | undefined; // the page's document and window (cross-origin isolated pages only)
const replies = new Map<number, (answer: Answer) => void>();
let nextCall = 0;

// Stop on Pyodide raises KeyboardInterrupt; its event loop re-raises that
// (a BaseException) after the script has already reported it. Once is enough.
addEventListener("error", (event) => {
  if (String(event.message).includes("KeyboardInterrupt")) event.preventDefault();
});
addEventListener("unhandledrejection", (event) => {
  if (String(event.reason?.message ?? event.reason).includes("KeyboardInterrupt")) event.preventDefault();
});

onmessage = ({ data }: MessageEvent<ToWorker>) => {
  if (data.type === "init") void start(data.init);
  else if (data.type === "call") void answerCall(data.id, data.name, data.args);
  else if (data.type === "callback") void dom?.callBack(data.id, data.args).finally(() => output.flush());
  else replies.get(data.id)?.(data), replies.delete(data.id);
};

const load = (info: InterpreterInfo, baseURL: string): Loading => beginLoading(info, baseURL, () => bundleAssets.import(adapterPath(info.name)));

/** The page boots us with our interpreter's name (worker-thread.js?micropython): start on it before the page says more. */
const booted = (() => {
  const info = BUILTIN_INTERPRETERS.find(({ name }) => name === location.search.slice(1));
  return info && load(info, bundleAssets.url(`${info.name}/`));
})();

async function start(init: WorkerInit): Promise<void> {
  try {
    interpreter = await startInterpreter(init);
  } catch (thrown) {
    post({ type: "error", error: errorData(thrown, "interpreter-start"), started: false });
    return;
  }
  post({ type: "ready", version: interpreter.version, interruptible: Boolean(init.interrupt && interpreter.setInterruptBuffer) });
  try {
    await interpreter.run(init.code, { filename: init.filename, value: false });
    output.flush();
    post({ type: "done" });
  } catch (thrown) {
    output.flush();
    post({ type: "error", error: errorData(thrown, "python"), started: true });
  }
}

async function startInterpreter(init: WorkerInit): Promise<Interpreter> {
  // A file that can't be downloaded is skipped, as on the page (which already reported it).
  const files = Promise.all(init.files.map(([path, url]) => fetchBytes(url, "file-fetch", path).then((bytes) => [path, bytes] as const, () => undefined)));
  const packages = wantsPackages(init.config) ? preparePackages(init) : undefined;
  const fits = booted?.info.name === init.info.name && booted.baseURL === init.baseURL;
  if (!fits) booted?.downloads.stop(false); // e.g. a custom interpreterURL: load from there instead
  const loading = fits ? booted : load(init.info, init.baseURL);
  // A relative pyodide_packages_url means the page's folder, not this script's.
  const packagesURL = init.config.pyodide_packages_url;
  const config = typeof packagesURL === "string" ? { ...init.config, pyodide_packages_url: new URL(packagesURL, init.pageURL).href } : init.config;
  const started = await startLoaded(loading, await whenLoaded(loading), config, { defaultWriter: output.write });
  if (init.interrupt) started.setInterruptBuffer?.(new Int32Array(init.interrupt));
  for (const file of await files) if (file) started.writeFile(...file);
  for (const error of await (await packages)?.install(started) ?? []) reportLater(error); // (shown at the worker's tag)
  const jsModules = await loadJsModules(jsModuleEntries(init.config, "worker", init.pageURL, reportLater), reportLater);
  const side = { init, interpreter: started, output, post, callMain, webURL: bundleAssets.url("python/pyscript-web.json") };
  const made = workerBridge(side);
  dom = made.dom;
  installPackage(started, made.bridge, { jsModules });
  return started;
}

/** The page's packages, installed in this worker's interpreter too: resolving and downloading start at once. */
function preparePackages(init: WorkerInit): Promise<Prepared> {
  const site = { config: init.config, info: init.info, interpreterFolder: init.baseURL, pageURL: init.pageURL };
  return bundleAssets.import<typeof import("../packages/packages.js")>("packages.js").then((module) => module.preparePackages(site));
}

/** A problem the page should show at the worker's tag, though the worker goes on (a js_modules entry that failed). */
function reportLater(error: PyScriptError): void {
  post({ type: "warning", error: errorData(error, error.code) });
}

/** The script calls one of the page's exposed functions (`await main.name()`). */
function callMain(name: string, args: unknown[]): Promise<string> {
  return new Promise<string>((resolve) => {
    const id = nextCall++;
    replies.set(id, (answer) => resolve(JSON.stringify(answer)));
    post({ type: "call", id, name, args });
  });
}

/** The page calls a function the script exported. */
async function answerCall(id: number, name: string, args: unknown[]): Promise<void> {
  try {
    if (!interpreter) throw new Error("the worker's interpreter isn't running");
    // Imported on the first call only: workers that export nothing never pay for it.
    // (awaited: CPython's runSync gives a promise)
    dispatchCall ??= (await interpreter.runSync(fromPackage("_workers", "_dispatch"), { filename: "<pyscript>" })) as typeof dispatchCall;
    const value = JSON.parse(await dispatchCall!(name, JSON.stringify(args)));
    post({ type: "result", id, value });
  } catch (thrown) {
    post({ type: "result", id, error: interpreter ? interpreter.toError(thrown).message : String(thrown) });
  } finally {
    output.flush();
  }
}

function errorData(thrown: unknown, code: string): ErrorData {
  const error = thrown as Partial<ErrorData> & { message?: string };
  const message = error.message ?? String(thrown);
  const notIsolated = error.pythonType === "RuntimeError" && message.includes("[not-isolated]");
  return {
    code: notIsolated ? "not-isolated" : error.code ?? code,
    message,
    hint: notIsolated ? NOT_ISOLATED_HINT : error.hint ?? "",
    pythonType: error.pythonType,
    traceback: error.traceback,
  };
}
