/**
 * THE STORY: how a page starts Python. Read top to bottom.
 *
 * The kernel reads the config, downloads and starts the interpreter, walks
 * plugins through their lifecycle, copies configured files onto Python's
 * filesystem, and announces each step with an event on `document`:
 *
 * | # | event                  | when                                          | detail              |
 * |---|------------------------|-----------------------------------------------|---------------------|
 * | 1 | py-configured          | `<py-config>` read and laid over the defaults | the config          |
 * | 2 | py-plugin-registered   | a plugin's configure(config) has run          | {config, plugin}    |
 * | 3 | py-file-fetched        | one configured file has downloaded            | {path, content}     |
 * | 4 | py-interpreter-loaded  | the interpreter's code has downloaded         | interpreter name    |
 * | 5 | py-plugin-started      | a plugin's start(config) has run              | {config, plugin}    |
 * | 6 | py-interpreter-ready   | the interpreter can run code                  | the interpreter     |
 * | 7 | py-files-loaded        | every configured file is on the filesystem    | —                   |
 * | 8 | py-finished-setup      | ready and files loaded: page code may run     | {interpreter}       |
 *
 * After 1, plugins are configured, files fetched and the interpreter
 * downloaded, all in parallel. The kernel orders its steps with promises;
 * the events are for observers and plugins. Any failure is reported (see
 * report.ts) and never leaves the splash up or the page hanging silently.
 */
import { readConfig, type Config } from "./config.js";
import { PyScriptError, reasonOf } from "./errors.js";
import { dispatch, type PyScriptEventDetails, type PyScriptEventName } from "./events.js";
import { downloadBytes } from "./download.js";
import { availableInterpreters, getAdapter, interpreterFolder } from "./interpreters/index.js";
import type { Interpreter, InterpreterAdapter, Writer } from "./interpreters/interpreter.js";
import { preload, startDownloads, type Downloads, type FailedDownload } from "./interpreters/downloads.js";
import { PluginRegistry } from "./plugin.js";
import { pyScriptPlugin } from "./plugins/py-script.js";
import { pyscriptModulePlugin } from "./plugins/pyscript-module.js";
import { asPyScriptError, report } from "./report.js";
import { showSplashSoon } from "./splash.js";
import { injectStyles } from "./styles.js";
import { createAPI, type KernelState, type PyScriptAPI } from "./api.js";
import { assetURL, setAssetsURL } from "./assets.js";
import { WorkerHub } from "./workers/hub.js";

/** Options for {@link createKernel}. */
export interface KernelOptions {
  /** Where to find `<py-config>` and `<py-script>` tags. Default: `document`. */
  root?: ParentNode;
  /** URL of the folder holding our build output; interpreters live in its subfolders. Default: this file's folder. */
  assetsURL?: string;
  /** Register the built-in plugins (`<py-script>`, Python's `pyscript` module). Default: `true`. */
  builtins?: boolean;
}

/** A kernel: its public API, and `start()` to run the story once. */
export interface Kernel {
  readonly api: PyScriptAPI;
  start(): Promise<void>;
}

/** An interpreter whose code has downloaded, with its downloads still under way. */
interface LoadedInterpreter {
  adapter: InterpreterAdapter;
  downloads: Downloads;
  baseURL: string;
}

/** A file from `config.files`, downloaded. */
interface FetchedFile {
  path: string;
  content: Uint8Array;
}

/** Make a kernel. Nothing happens until `start()`. */
export function createKernel(options: KernelOptions = {}): Kernel {
  const root = options.root ?? document;
  if (options.assetsURL) setAssetsURL(options.assetsURL);
  const state: KernelState = { timings: {}, hub: new WorkerHub(), ...stages() };
  const plugins = new PluginRegistry({ configured: state.configured.promise, loaded: state.loaded.promise, ready: state.ready.promise });
  if (options.builtins !== false) {
    plugins.register(pyScriptPlugin(root, state.hub));
    plugins.register(pyscriptModulePlugin(state.hub));
  }

  async function start(): Promise<void> {
    injectStyles();
    // Stage 0: WebAssembly can't load from file:// pages, so say so first.
    if (location.protocol === "file:") return fail(fileProtocolError());

    // Stage 1: read <py-config>, falling back to the defaults.
    const config = await readPageConfig(root);
    state.config = config;
    announce("py-configured", config);
    state.configured.resolve(config);
    const splash = showSplashSoon(config);
    try {
      // Stage 2, in parallel: download the interpreter, configure plugins, fetch files.
      const loading = loadInterpreter(config);
      loading.catch(() => {}); // handled below, once the other stages are under way
      await plugins.allConfigured(); // configure hooks may add files
      Object.freeze(config); // only configure may change the config
      const files = fetchFiles(config);
      const loaded = await loading;

      // Stage 3: start the interpreter; plugins' start hooks run meanwhile.
      const starting = startInterpreter(loaded, config);
      state.loaded.resolve();
      const interpreter = await starting;

      // Stage 4: the interpreter is ready: plugins get it, files are written.
      state.interpreter = interpreter;
      announce("py-interpreter-ready", interpreter);
      state.ready.resolve(interpreter);
      await Promise.all([plugins.allReady(), writeFiles(interpreter, files)]);

      // Stage 5: page code may run now.
      announce("py-finished-setup", { interpreter });
      state.finished.resolve(interpreter);
    } catch (error) {
      fail(error);
    } finally {
      splash.remove();
    }
  }

  async function readPageConfig(root: ParentNode): Promise<Config> {
    const { config, errors, warnings } = await readConfig(root, new URL(location.href), availableInterpreters());
    for (const error of errors) report(error);
    for (const warning of warnings) report(warning, { warning: true });
    return config;
  }

  function announce<K extends PyScriptEventName>(name: K, detail: PyScriptEventDetails[K]): void {
    state.timings[name] = performance.now();
    performance.mark(`micropyscript:${name}`);
    if (state.config?.debug) console.log(`🐍 ${name} at ${state.timings[name]!.toFixed(1)} ms`);
    dispatch(name, detail);
  }

  async function loadInterpreter(config: Config): Promise<LoadedInterpreter> {
    const info = availableInterpreters()[config.interpreter]!;
    const baseURL = interpreterFolder(info, config);
    // Everything the interpreter will ask for starts downloading now, in parallel.
    preload(assetURL(`adapters/${info.name}.js`));
    const downloads = startDownloads(info, baseURL, (progress) => dispatch("py-progress", progress));
    try {
      const adapter = await getAdapter(info.name);
      await adapter.load(baseURL);
      announce("py-interpreter-loaded", info.name);
      return { adapter, downloads, baseURL };
    } catch (error) {
      downloads.stop(false);
      throw new PyScriptError("interpreter-load", `Could not download ${info.label} from ${baseURL}: ${reasonOf(error)}`, {
        hint: `Serve the whole build folder (it holds ${info.name}/ next to pyscript.js), or point "interpreterURL" in <py-config> at a folder that holds ${info.label}'s files.`,
        cause: error,
      });
    }
  }

  async function startInterpreter({ adapter, downloads, baseURL }: LoadedInterpreter, config: Config): Promise<Interpreter> {
    const { info } = adapter;
    const options = Object.fromEntries(Object.keys(info.options).filter((key) => key in config).map((key) => [key, config[key]]));
    try {
      const starting = adapter.start({ baseURL, options, defaultWriter: printToConsole, observe: announcePrint });
      const interpreter = await Promise.race([starting, downloads.failed]);
      downloads.stop(true);
      return interpreter;
    } catch (error) {
      downloads.stop(false);
      const missing = (error as FailedDownload).url ? (error as FailedDownload) : undefined;
      throw new PyScriptError(missing ? "interpreter-load" : "interpreter-start", missing
        ? `Could not download ${missing.url} (${missing.reason}), so ${info.label} can't start.`
        : `${info.label} failed to start: ${reasonOf(error)}`, {
        hint: missing
          ? `Serve the whole build folder, including every file of ${info.name}/, or fix "interpreterURL" in <py-config>.`
          : "Reload the page. If you set interpreter options in <py-config> (such as heapsize), try the defaults.",
        cause: error,
      });
    }
  }

  function fetchFiles(config: Config): Promise<(FetchedFile | undefined)[]> {
    return Promise.all(Object.entries(config.files).map(async ([path, url]) => {
      try {
        const content = await downloadBytes(url, "file-fetch", `the file "${path}"`);
        announce("py-file-fetched", { path, content });
        return { path, content };
      } catch (error) {
        report(error as PyScriptError);
        return undefined;
      }
    }));
  }

  async function writeFiles(interpreter: Interpreter, fetching: Promise<(FetchedFile | undefined)[]>): Promise<void> {
    for (const file of await fetching) {
      if (!file) continue;
      try {
        interpreter.writeFile(file.path, file.content);
      } catch (error) {
        report(new PyScriptError("file-write", `Could not write "${file.path}" to Python's filesystem: ${reasonOf(error)}`, {
          hint: "Check the path in <py-config> files: it must be a file path like \"data/file.csv\".",
        }));
      }
    }
    announce("py-files-loaded", undefined);
  }

  function fail(error: unknown): void {
    const failure = asPyScriptError(error, (reason) => new PyScriptError("interpreter-start", reason));
    report(failure);
    state.finished.reject(failure);
    state.hub.pageScriptsDone(); // none will run: workers waiting for the page's functions must not wait forever
  }

  return { api: createAPI(state, plugins), start };
}

/** Output no run claimed goes to the console (it is also announced as py-print). */
const printToConsole: Writer = (text, stream) => {
  (stream === "stderr" ? console.error : console.log)(text.replace(/\n$/, ""));
};

const announcePrint: Writer = (text, stream) => dispatch("py-print", { text, stream });

function fileProtocolError(): PyScriptError {
  return new PyScriptError("file-protocol", "This page was opened as a file (file://), and browsers don't let such pages load Python's WebAssembly.", {
    hint: "Serve the folder with a web server and open it from http://localhost — for example run `npx serve .` or `python3 -m http.server` in the folder.",
  });
}

/** A promise with its resolve/reject handles, for each stage. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

function stages() {
  const finished = deferred<Interpreter>();
  finished.promise.catch(() => {}); // a failed start is reported, not an unhandled rejection
  return { configured: deferred<Config>(), loaded: deferred<void>(), ready: deferred<Interpreter>(), finished };
}

export type Deferred<T> = ReturnType<typeof deferred<T>>;
