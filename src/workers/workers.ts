/**
 * The page's side of `<py-script worker>` (`dist/workers.js`, loaded only by
 * pages that use workers). Each such script gets a module Web Worker with an
 * interpreter of its own (see worker.ts): its output streams into the tag,
 * its errors are shown there, a Stop button ends it, and the page answers
 * its calls. Where the page is cross-origin isolated, a worker may also wait
 * for the page (input(), sync calls) and Pyodide can be interrupted gently.
 */
import type { Config } from "../config.js";
import { PyScriptError, type ErrorCode } from "../errors.js";
import { availableInterpreters, interpreterFolder } from "../interpreters/index.js";
import type { Writer } from "../interpreters/interpreter.js";
import { assetURL } from "../assets.js";
import { report } from "../report.js";
import { askInline, render } from "../plugins/pyscript-bridge.js";
import { outputTarget, pointAtPage, writerFor, type Source } from "../plugins/py-script.js";
import { answer, createChannel } from "./channel.js";
import type { BootedWorker, WorkerHandle, WorkerHub, WorkerState } from "./hub.js";
import type { Answer, BlockingRequest, ErrorData, FromWorker, ToWorker } from "./messages.js";

/** How long a KeyboardInterrupt may take before the worker is ended outright. */
const GENTLE_STOP_MS = 1000;

/** Run the script of `tag` in a worker of its own. */
export function runInWorker(tag: Element, source: Promise<Source>, config: Config, hub: WorkerHub, worker: BootedWorker): void {
  const name = tag.getAttribute("worker") || tag.id || `worker-${Object.keys(hub.workers).length + 1}`;
  const interpreter = (tag.getAttribute("interpreter") || config.interpreter).toLowerCase();
  const known = availableInterpreters();
  const fail = (code: ErrorCode, message: string, hint: string) => {
    worker.terminate();
    report(new PyScriptError(code, message, { hint, element: tag }));
    tag.setAttribute("data-py-state", "error");
  };
  let target: Element;
  try {
    target = outputTarget(tag);
  } catch (error) {
    return fail("config-value", (error as PyScriptError).message, (error as PyScriptError).hint);
  }
  if (!known[interpreter]) {
    return fail("unknown-interpreter", `<py-script interpreter="${interpreter}">: there is no interpreter called "${interpreter}".`,
      `Use one of: ${Object.keys(known).join(", ")}.`);
  }
  if (hub.workers[name]) {
    return fail("config-value", `Two <py-script worker> tags are called "${name}".`, 'Give each a name of its own: worker="name".');
  }
  hub.workers[name] = new PageWorker(name, interpreter, tag, target, hub, source, config, worker);
}

class PageWorker implements WorkerHandle {
  state: WorkerState = "starting";
  readonly done: Promise<void>;
  private finish!: () => void;
  private channel = createChannel();
  private interrupt = this.channel && new SharedArrayBuffer(4);
  private write: Writer;
  private calls = new Map<number, (answer: Answer) => void>();
  private nextCall = 0;
  private stopping = false;
  private ran = false; // the interpreter started: exported functions can be called
  private interruptible = false; // Stop can raise KeyboardInterrupt (Pyodide on an isolated page)
  private stopButton: HTMLButtonElement;

  constructor(readonly name: string, readonly interpreter: string, private tag: Element, private target: Element,
    private hub: WorkerHub, source: Promise<Source>, config: Config, private worker: BootedWorker) {
    this.done = new Promise((resolve) => (this.finish = resolve));
    this.write = writerFor(target);
    this.stopButton = this.addStopButton();
    this.setState("starting");
    worker.onmessage = ({ data }: MessageEvent<FromWorker>) => this.onMessage(data);
    worker.onerror = (event) => this.onWorkerError(event);
    if (worker.bootError) this.onWorkerError(worker.bootError);
    else void this.init(source, config);
  }

  async call(name: string, ...args: unknown[]): Promise<unknown> {
    await this.done;
    if (this.state === "stopped") throw new Error(`the worker "${this.name}" was stopped, so it can't run ${name}()`);
    if (!this.ran) throw new Error(`the worker "${this.name}" didn't start, so it can't run ${name}()`);
    const id = this.nextCall++;
    const reply = new Promise<Answer>((resolve) => this.calls.set(id, resolve));
    this.post({ type: "call", id, name, args });
    const { value, error } = await reply;
    if (error !== undefined) throw new Error(error);
    return value;
  }

  async stop(): Promise<void> {
    if (this.state !== "starting" && this.state !== "running") return;
    this.stopping = true;
    if (this.interruptible && this.state === "running") {
      Atomics.store(new Int32Array(this.interrupt!), 0, 2); // SIGINT: Pyodide raises KeyboardInterrupt
      const stopped = await Promise.race([this.done.then(() => true), new Promise((wait) => setTimeout(wait, GENTLE_STOP_MS, false))]);
      if (stopped) return;
    }
    this.worker.terminate();
    this.setState("stopped");
  }

  private async init(source: Promise<Source>, config: Config): Promise<void> {
    let code: string, filename: string;
    try {
      ({ code, filename } = await source);
    } catch (thrown) {
      this.worker.terminate();
      this.setState("error");
      report(Object.assign(thrown as PyScriptError, { element: this.tag }));
      return;
    }
    const info = availableInterpreters()[this.interpreter]!;
    this.target.id ||= `py-worker-${this.name}`;
    this.post({
      type: "init",
      init: {
        name: this.name, info, config, code, filename,
        baseURL: interpreterFolder(info, config),
        files: Object.entries(config.files).map(([path, url]) => [path, new URL(url, document.baseURI).href]),
        target: this.target.id,
        channel: this.channel,
        interrupt: this.interrupt,
      },
    });
  }

  private onMessage(message: FromWorker): void {
    switch (message.type) {
      case "ready":
        [this.ran, this.interruptible] = [true, message.interruptible];
        return this.setState("running");
      case "output": return this.write(message.text, message.stream);
      case "display": return this.elementFor(message.target)?.append(render(message.mime, message.data));
      case "clear": return this.elementFor(message.target)?.replaceChildren();
      case "done": return this.setState("done");
      case "error": return void this.onError(message.error, message.started);
      case "result": return this.calls.get(message.id)?.(message), void this.calls.delete(message.id);
      case "call": return void this.callExposed(message.name, message.args).then((reply) => this.post({ type: "reply", id: message.id, ...reply }));
      case "block": return void this.answerBlocking(message.request);
    }
  }

  private async onError(data: ErrorData, started: boolean): Promise<void> {
    if (this.stopping && data.pythonType === "KeyboardInterrupt") return this.setState("stopped");
    const hint = data.hint || (started ? "" : `The worker's ${this.interpreter} could not start: check that the whole build folder is served.`);
    const error = new PyScriptError(data.code as ErrorCode, data.message, { hint, pythonType: data.pythonType, traceback: data.traceback, element: this.tag });
    await pointAtPage(error);
    report(error);
    if (!started) this.worker.terminate();
    this.setState("error");
  }

  /** A function the page exposed (PyScript.expose(), or @export on the page), called by the worker. */
  private async callExposed(name: string, args: unknown[]): Promise<Answer> {
    const fn = await this.hub.find(name);
    if (!fn) {
      const offered = this.hub.names().join(", ") || "none";
      return { error: `the page exposes no function called "${name}" (it exposes: ${offered}). Use @export on the page, or PyScript.expose("${name}", fn).` };
    }
    try {
      return { value: (await fn(...args)) ?? null };
    } catch (thrown) {
      return { error: (thrown as Error).message ?? String(thrown) };
    }
  }

  private async answerBlocking(request: BlockingRequest): Promise<void> {
    const reply = request.kind === "input"
      ? { value: (await askInline(this.target, request.prompt)) ?? null }
      : await this.callExposed(request.name, request.args);
    answer(this.channel!, reply);
  }

  private elementFor(id: string): Element | undefined {
    const element = document.getElementById(id);
    if (element) return element;
    report(new PyScriptError("python", `display(target="${id}") in the worker "${this.name}": there is no element with id="${id}" on the page.`, {
      hint: "Add one, or leave out target= to show output in this tag.",
      element: this.tag,
    }));
    return undefined;
  }

  private setState(state: WorkerState): void {
    this.state = state;
    this.tag.setAttribute("data-py-state", state === "starting" ? "running" : state);
    if (state === "done" || state === "error" || state === "stopped") {
      this.stopButton.remove();
      if (state === "stopped") this.tag.append(Object.assign(document.createElement("p"), { className: "py-stopped", textContent: "⏹ Stopped." }));
      this.finish();
    }
  }

  /** The worker's own code failed (most often: worker.js could not be loaded). */
  private onWorkerError(event: ErrorEvent): void {
    event.preventDefault();
    report(new PyScriptError("interpreter-start", `The worker for this script could not start: ${event.message || "its code failed to load"}.`, {
      hint: `Check that ${assetURL("worker.js")} is served (the whole build folder must be), and the browser console.`,
      element: this.tag,
    }));
    this.worker.terminate();
    this.setState("error");
  }

  private addStopButton(): HTMLButtonElement {
    const button = Object.assign(document.createElement("button"), { type: "button", className: "py-stop", textContent: "⏹ Stop" });
    button.onclick = () => void this.stop();
    this.tag.prepend(button);
    return button;
  }

  private post(message: ToWorker): void {
    this.worker.postMessage(message);
  }
}
