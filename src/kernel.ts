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
 * | 7b| py-package-installed   | one package from config.packages is installed | {name, version}     |
 * | 8 | py-finished-setup      | ready and files loaded: page code may run     | {interpreter}       |
 *
 * After 1, plugins are configured, files fetched, packages resolved and
 * downloaded (packages/, loaded only when the config lists some) and the
 * interpreter downloaded, all in parallel. The kernel orders its steps with promises it
 * owns, and hands them to its plugins; the events (all announced through
 * announce.ts) are for observers. Any failure is reported (see report.ts)
 * and never leaves the splash up or the page hanging silently. Everything a
 * kernel knows is its own: two kernels share no state.
 */
import { createAnnouncer } from "./announce.js";
import { createAPI, type KernelState, type PyScriptAPI } from "./api.js";
import { deferred } from "./deferred.js";
import { Assets, bundleAssets } from "./assets.js";
import { DEFAULT_CONFIG, readConfig, unknownKeys, wantsPackages, type Config } from "./config.js";
import { PyScriptError, reasonOf } from "./errors.js";
import { dispatch } from "./events.js";
import { fetchBytes } from "./fetch-url.js";
import type { Interpreter, Writer } from "./interpreters/interpreter.js";
import { InterpreterRegistry, type InterpreterEntry } from "./interpreters/registry.js";
import { beginLoading, startLoaded, whenLoaded, type Loading } from "./interpreters/start.js";
import { PluginRegistry, type Plugin } from "./plugin.js";
import { pyScriptPlugin } from "./plugins/py-script.js";
import { hasEventAttributes, pyscriptPackage, usesPackage, type PyscriptPackage } from "./pyscript-package/plugin.js";
import { asPyScriptError, findErrorBoxIn, report } from "./report.js";
import { showSplashSoon } from "./splash.js";
import { injectStyles } from "./styles.js";
import type { Prepared } from "./packages/packages.js";
import { WorkerHub } from "./worker-hub.js";
import { startWorkerScript } from "./workers/boot.js";

/** Options for {@link createKernel}. */
export interface KernelOptions {
  /** Where to find `<py-config>` and `<py-script>` tags. Default: `document`. */
  root?: ParentNode;
  /** URL of the folder holding our build output; interpreters live in its subfolders. Default: this file's folder. */
  assetsURL?: string;
  /** Register the built-in plugins (`<py-script>`, Python's `pyscript` module). Default: `true`. */
  builtins?: boolean;
  /** Interpreters this kernel alone knows, besides the built-in and `registerInterpreter()`ed ones. Default: none. */
  interpreters?: InterpreterEntry[];
}

/** A kernel: its public API, and `start()` to run the story once. */
export interface Kernel {
  readonly api: PyScriptAPI;
  start(): Promise<void>;
}

type PackagesModule = typeof import("./packages/packages.js");

/** A file from `config.files`, downloaded. */
interface FetchedFile {
  path: string;
  content: Uint8Array;
}

/** Make a kernel. Nothing happens until `start()`. */
export function createKernel(options: KernelOptions = {}): Kernel {
  const root = options.root ?? document;
  const assets = options.assetsURL ? new Assets(options.assetsURL) : bundleAssets;
  if (options.assetsURL) findErrorBoxIn(assets);
  const interpreters = new InterpreterRegistry(assets, options.interpreters);
  const state = kernelState();
  const announce = createAnnouncer(state.timings, () => state.config?.debug === true);
  // Python's pyscript package is installed when first needed: before code that may use it, and before others' plugins get the interpreter.
  let pyscript: PyscriptPackage | undefined;
  const own = new Set<Plugin>();
  const needsPackage = (code: string) => (pyscript && !pyscript.settled && usesPackage(code) ? pyscript.ensure() : undefined);
  const plugins = new PluginRegistry({ stages: stagePromises(state), announce, report,
    beforeReady: (plugin) => (own.has(plugin) ? undefined : pyscript?.ensure()) });
  if (options.builtins !== false) {
    pyscript = pyscriptPackage(state.hub, assets, state.ready.promise);
    own.add(pyScriptPlugin(root, {
      assets,
      finished: state.finished.promise,
      read: (code) => (usesPackage(code) ? pyscript!.prefetch() : undefined),
      prepare: needsPackage,
      // py-* event attributes are bound by the package once the scripts have run, before they count as done
      scriptsDone: () => void Promise.resolve(hasEventAttributes() ? pyscript!.bind() : undefined).then(() => state.scriptsDone.resolve()),
      startWorker: (tag, source, config) => startWorkerScript(tag, source, config, { hub: state.hub, assets, interpreters }),
    })).add(pyscript.plugin).forEach((plugin) => plugins.register(plugin));
  }

  // The story itself, kept in one piece on purpose (so a little over 40 lines): each stage below names its steps.
  async function start(): Promise<void> {
    injectStyles();
    // Stage 0: WebAssembly can't load from file:// pages, so say so first.
    if (location.protocol === "file:") return fail(fileProtocolError());

    // Stage 1: read <py-config>, falling back to the defaults.
    const config = await readPageConfig();
    state.config = config;
    announce("py-configured", config);
    state.configured.resolve(config);
    const splash = showSplashSoon(config, assets);
    try {
      // Stage 2, in parallel: download the interpreter, configure plugins, fetch files.
      const loading = loadInterpreter(config);
      const loaded = whenLoaded(loading);
      loaded.catch(() => {}); // handled below, once the other stages are under way
      await plugins.allConfigured(); // configure hooks may add files
      warnOfUnreadKeys(config);
      Object.freeze(config); // only configure may change the config
      const files = fetchFiles(config);
      const packages = wantsPackages(config) ? preparePackages(config, loading) : undefined;
      const adapter = await loaded;
      announce("py-interpreter-loaded", loading.info.name);

      // Stage 3: start the interpreter; plugins' start hooks run meanwhile.
      const starting = startLoaded(loading, adapter, config, { defaultWriter: printToConsole, observe: announcePrint });
      state.loaded.resolve();
      const interpreter = await starting;

      // Stage 4: the interpreter is ready: plugins get it, files are written.
      state.interpreter = interpreter;
      announce("py-interpreter-ready", interpreter);
      state.ready.resolve(interpreter);
      const [, filesUsePackage] = await Promise.all([plugins.allReady(), writeFiles(interpreter, files)]);
      // A module among the files, or any installed package, may import pyscript (a package's code isn't scanned).
      await Promise.all([packages && installPackages(interpreter, packages), (filesUsePackage || packages) && pyscript?.ensure()]);

      // Stage 5: page code may run now.
      announce("py-finished-setup", { interpreter });
      state.finished.resolve(interpreter);
      if (interpreter.bootedFrom === "snapshot") state.timings["snapshot-restored"] = state.timings["py-interpreter-ready"]!;
      void state.scriptsDone.promise.then(() => interpreter.pageSettled?.());
    } catch (error) {
      fail(error);
    } finally {
      splash.remove();
    }
  }

  async function readPageConfig(): Promise<Config> {
    const { config, errors, warnings } = await readConfig(root, new URL(location.href), interpreters.available(), assets);
    for (const error of errors) report(error);
    for (const warning of warnings) report(warning, { warning: true });
    return config;
  }

  /** Keys nothing reads (a typo, a habit from elsewhere) get a warning; its wording loads only then. */
  function warnOfUnreadKeys(config: Config): void {
    const readers = plugins.plugins.flatMap((plugin) => plugin.configKeys ?? []);
    const unknown = unknownKeys(config, interpreters.available(), readers);
    if (!unknown.length) return;
    assets.import<typeof import("./config-keys.js")>("config-keys.js").then(({ unknownKeyWarnings }) => {
      for (const warning of unknownKeyWarnings(unknown, [...Object.keys(DEFAULT_CONFIG), ...readers])) report(warning, { warning: true });
    }, () => {}); // config-keys.js missing: the build folder is broken, and loading the interpreter says so
  }

  function loadInterpreter(config: Config): Loading {
    const { info, load } = interpreters.get(config.interpreter)!;
    return beginLoading(info, interpreters.folder(info, config), load, (progress) => dispatch("py-progress", progress));
  }

  function fetchFiles(config: Config): Promise<(FetchedFile | undefined)[]> {
    return Promise.all(Object.entries(config.files).map(async ([path, url]) => {
      try {
        const content = await fetchBytes(url, "file-fetch", `the file "${path}"`);
        announce("py-file-fetched", { path, content });
        return { path, content };
      } catch (error) {
        report(error as PyScriptError);
        return undefined;
      }
    }));
  }

  /** Write the fetched files; resolves to whether a Python file among them may use the pyscript package. */
  async function writeFiles(interpreter: Interpreter, fetching: Promise<(FetchedFile | undefined)[]>): Promise<boolean> {
    let usePackage = false;
    for (const file of await fetching) {
      if (!file) continue;
      usePackage ||= file.path.endsWith(".py") && usesPackage(new TextDecoder().decode(file.content));
      try {
        interpreter.writeFile(file.path, file.content);
      } catch (error) {
        report(new PyScriptError("file-write", `Could not write "${file.path}" to Python's filesystem: ${reasonOf(error)}`, {
          hint: "Check the path in <py-config> files: it must be a file path like \"data/file.csv\".",
        }));
      }
    }
    announce("py-files-loaded", undefined);
    return usePackage;
  }

  /** Start resolving and downloading the config's packages (their code, packages.js, loads only now). */
  function preparePackages(config: Config, { info, baseURL }: Loading): Promise<Prepared> {
    return assets.import<PackagesModule>("packages.js").then((module) => module.preparePackages({ config, info, interpreterFolder: baseURL, pageURL: document.baseURI }));
  }

  /** After the files: install the packages, each announced; failures are reported, the page goes on. */
  async function installPackages(interpreter: Interpreter, preparing: Promise<Prepared>): Promise<void> {
    const errors = await preparing.then((prepared) => prepared.install(interpreter, announce), (error) => [asPyScriptError(error, (reason) => new PyScriptError("package-fetch", reason))]);
    for (const error of errors) report(error);
  }

  function fail(error: unknown): void {
    const failure = asPyScriptError(error, (reason) => new PyScriptError("interpreter-start", reason));
    report(failure);
    state.finished.reject(failure);
    state.scriptsDone.resolve(); // none will run: workers and REPLs waiting for the page's scripts must not wait forever
  }

  return { api: createAPI(state, plugins, interpreters, needsPackage), start };
}

/** Output no run claimed goes to the console (it is also announced as py-print). */
const printToConsole: Writer = (text, stream) => {
  (stream === "stderr" ? console.error : console.log)(text.replace(/\n$/, ""));
};

const announcePrint: Writer = (text, stream) => dispatch("py-print", { text, stream });

function fileProtocolError(): PyScriptError {
  return new PyScriptError("file-protocol", "This page was opened as a file (file://), and browsers don't let such pages load Python's WebAssembly.", {
    hint: "Serve the folder with a web server: for example run `python3 -m http.server` in the folder and open http://localhost:8000/.",
  });
}

/** A new kernel's state: nothing known yet, every stage a promise to keep. */
function kernelState(): KernelState {
  const finished = deferred<Interpreter>();
  finished.promise.catch(() => {}); // a failed start is reported, not an unhandled rejection
  const scriptsDone = deferred<void>();
  return {
    timings: {}, hub: new WorkerHub(scriptsDone.promise), finished, scriptsDone,
    configured: deferred<Config>(), loaded: deferred<void>(), ready: deferred<Interpreter>(),
  };
}

function stagePromises(state: KernelState) {
  return { configured: state.configured.promise, loaded: state.loaded.promise, ready: state.ready.promise };
}
