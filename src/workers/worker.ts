/**
 * Inside a worker (`dist/worker.js`): one `<py-script worker>` script with an
 * interpreter of its own. It starts the same adapter the page would, writes
 * the page's configured files, installs the `pyscript` package in worker
 * mode, runs the script, and then stays to serve the functions it exported.
 * Output streams to the page as it is printed (in small batches, so a
 * chatty loop can't flood the page).
 */
import type { Interpreter, InterpreterAdapter, InterpreterInfo, Stream } from "../interpreters/interpreter.js";
import { availableInterpreters, type AdapterModule } from "../interpreters/index.js";
import { startDownloads, type Downloads } from "../interpreters/downloads.js";
import { assetURL, importAsset } from "../assets.js";
import { fromPackage, installPackage } from "../plugins/pyscript-package.js";
import { waitForAnswer } from "./channel.js";
import { NOT_ISOLATED } from "./hub.js";
import type { Answer, BlockingRequest, ErrorData, FromWorker, ToWorker, WorkerInit } from "./messages.js";

const post = (message: FromWorker) => postMessage(message);

let interpreter: Interpreter | undefined;
let dispatch: ((name: string, argsJSON: string) => Promise<string>) | undefined;
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
  else replies.get(data.id)?.(data), replies.delete(data.id);
};

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

/** An interpreter being loaded: its downloads under way, its adapter coming. */
interface Loading {
  name: string;
  baseURL: string;
  downloads: Downloads;
  adapter: Promise<InterpreterAdapter>;
}

/**
 * Start loading an interpreter: its files download (its WebAssembly
 * compiling) while the adapter and the runtime's JavaScript load.
 */
function load(info: InterpreterInfo, baseURL: string): Loading {
  const adapter = importAsset<AdapterModule>(`adapters/${info.name}.js`).then(async (module) => {
    const created = module.createAdapter(info);
    await created.load(baseURL);
    return created;
  });
  adapter.catch(() => {}); // reported by whoever awaits it
  return { name: info.name, baseURL, downloads: startDownloads(info, baseURL), adapter };
}

/** The page boots us with our interpreter's name (worker.js?micropython): start on it before the page says more. */
const booted = (() => {
  const info = availableInterpreters()[location.search.slice(1)];
  return info && load(info, assetURL(`${info.name}/`));
})();

async function startInterpreter(init: WorkerInit): Promise<Interpreter> {
  const { info, config } = init;
  // A file that can't be downloaded is skipped, as on the page (which already reported it).
  const files = Promise.all(init.files.map(async ([path, url]) => {
    const content = await download(url);
    return content && ([path, content] as const);
  }));
  const fits = booted?.name === info.name && booted.baseURL === init.baseURL;
  if (!fits) booted?.downloads.stop(false); // e.g. a custom interpreterURL: load from there instead
  const { downloads, adapter: adapting } = fits ? booted : load(info, init.baseURL);
  let started: Interpreter;
  try {
    const adapter = await adapting;
    const options = Object.fromEntries(Object.keys(info.options).filter((key) => key in config).map((key) => [key, config[key]]));
    started = await Promise.race([adapter.start({ baseURL: init.baseURL, options, defaultWriter: output.write }), downloads.failed]);
  } catch (thrown) {
    const failed = thrown as { url?: string; reason?: string };
    throw failed.url ? new Error(`Could not download ${failed.url} (${failed.reason}), so the worker's ${info.label} can't start.`) : thrown;
  } finally {
    downloads.stop(false);
  }
  if (init.interrupt) started.setInterruptBuffer?.(new Int32Array(init.interrupt));
  for (const file of await files) if (file) started.writeFile(...file);
  installPackage(started, bridge(init, started));
  return started;
}

/** A configured file's bytes, or undefined if it can't be downloaded. */
async function download(url: string): Promise<Uint8Array | undefined> {
  const response = await fetch(url).catch(() => undefined);
  return response?.ok ? new Uint8Array(await response.arrayBuffer()) : undefined;
}

/** The page calls a function the script exported. */
async function answerCall(id: number, name: string, args: unknown[]): Promise<void> {
  try {
    if (!interpreter) throw new Error("the worker's interpreter isn't running");
    // Imported on the first call only: workers that export nothing never pay for it.
    dispatch ??= interpreter.runSync(fromPackage("_workers", "_dispatch"), { filename: "<pyscript>" }) as typeof dispatch;
    const value = JSON.parse(await dispatch!(name, JSON.stringify(args)));
    post({ type: "result", id, value });
  } catch (thrown) {
    post({ type: "result", id, error: interpreter ? interpreter.toError(thrown).message : String(thrown) });
  } finally {
    output.flush();
  }
}

/** `_pyscript` in a worker: output goes to the page, which does the drawing and the asking. */
function bridge(init: WorkerInit, interpreter: Interpreter) {
  const { none } = interpreter;
  return {
    in_worker: true,
    can_block: Boolean(init.channel),
    cannot_block_reason: NOT_ISOLATED,
    config_json: () => JSON.stringify(init.config),
    current_target: () => init.target,
    current_target_id: () => init.target,
    display_target: (id: string | null) => id ?? init.target, // the page checks the element exists
    display: (target: string, mime: string, data: string) => (output.flush(), post({ type: "display", target, mime, data })),
    clear: (target: string) => (output.flush(), post({ type: "clear", target })),
    ask: (prompt: string) => (block(init, interpreter, { kind: "input", prompt }).value as string | null) ?? none,
    call_main: (name: string, argsJSON: string) => new Promise<string>((resolve) => {
      const id = nextCall++;
      replies.set(id, (answer) => resolve(JSON.stringify(answer)));
      output.flush();
      post({ type: "call", id, name, args: JSON.parse(argsJSON) });
    }),
    call_main_sync: (name: string, argsJSON: string) =>
      JSON.stringify(block(init, interpreter, { kind: "call", name, args: JSON.parse(argsJSON) })),
  };
}

/** Ask the page and sleep until it answers (cross-origin isolated pages only). */
function block(init: WorkerInit, interpreter: Interpreter, request: BlockingRequest): Answer {
  interpreter.flush(); // the prompt must be on the page before we sleep
  output.flush();
  post({ type: "block", request });
  return waitForAnswer(init.channel!);
}

/**
 * Output goes to the page as it is written: no timer can fire while Python
 * runs, so anything held back could wait for the end of a long computation.
 * Only a chatty script (over 50 messages in 16 ms) gets batched, so it can't
 * flood the page; its batches go out at 4 kB, at its next quiet moment, or
 * on flush().
 */
const output = (() => {
  let text = "";
  let stream: Stream = "stdout";
  let windowStart = 0;
  let sentInWindow = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    if (text) post({ type: "output", text, stream });
    text = "";
  };
  const write = (chunk: string, to: Stream) => {
    if (to !== stream) flush();
    stream = to;
    text += chunk;
    const now = performance.now();
    if (now - windowStart > 16) [windowStart, sentInWindow] = [now, 0];
    if (sentInWindow++ < 50 || text.length > 4096) flush();
    else timer ??= setTimeout(flush, 16);
  };
  return { write, flush };
})();

function errorData(thrown: unknown, code: string): ErrorData {
  const error = thrown as Partial<ErrorData> & { message?: string };
  return {
    code: error.code ?? code,
    message: error.message ?? String(thrown),
    hint: error.hint ?? "",
    pythonType: error.pythonType,
    traceback: error.traceback,
  };
}
