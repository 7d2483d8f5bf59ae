/**
 * The page's side of `<py-script worker>` (`dist/worker-host.js`, loaded only
 * by pages that use workers). Each such script gets a module Web Worker with
 * an interpreter of its own (see worker-thread.ts): its output streams into
 * the tag (and is announced as `py-print`), its errors are shown there, a
 * Stop button ends it, and the page answers its calls. Where the page is
 * cross-origin isolated, a worker may also wait for the page (input(), sync
 * calls, checking a display() target) and Pyodide can be interrupted gently.
 */
import type { Config } from "../config.js";
import { PyScriptError, type ErrorCode } from "../errors.js";
import { dispatch } from "../events.js";
import { askInline } from "../page-io/input-field.js";
import { outputTarget, render, writerFor } from "../page-io/output.js";
import { pacedWriter, type PacedWriter } from "../page-io/paced-writer.js";
import { interpreterOfTag, type Source } from "../page-io/script-source.js";
import { reportAtTag } from "../page-io/tracebacks.js";
import { targetId } from "../pyscript-package/target-ids.js";
import { report } from "../report.js";
import type { WorkerHandle, WorkerState } from "../worker-hub.js";
import type { BootedWorker, WorkerKernel } from "./boot.js";
import { answer, createChannel, listenForRequests } from "./channel.js";
import { DomHost } from "./dom-host.js";
import type { Answer, BlockingRequest, ErrorData, FromWorker, ToWorker } from "./messages.js";

/** How long a KeyboardInterrupt may take before the worker is ended outright. */
const GENTLE_STOP_MS = 1000;

/** A worker script, as worker-host.js receives it from boot.ts. */
export interface WorkerScript {
  tag: Element;
  source: Promise<Source>;
  config: Config;
  worker: BootedWorker;
  kernel: WorkerKernel;
}

/** Take over a booted worker and run the script of its tag in it. */
export function hostWorker(script: WorkerScript): void {
  const { tag, config, worker, kernel } = script;
  const name = tag.getAttribute("worker") || tag.getAttribute("name") || tag.id || `worker-${Object.keys(kernel.hub.workers).length + 1}`;
  const interpreter = interpreterOfTag(tag) ?? config.interpreter;
  const known = kernel.interpreters.available();
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
  if (kernel.hub.workers[name]) {
    return fail("config-value", `Two <py-script worker> tags are called "${name}".`, 'Give each a name of its own: worker="name".');
  }
  kernel.hub.add(new PageWorker(name, interpreter, target, script));
}

class PageWorker implements WorkerHandle {
  state: WorkerState = "starting";
  readonly done: Promise<void>;
  private finish!: () => void;
  private channel = createChannel();
  private interrupt = this.channel && new SharedArrayBuffer(4);
  private output: PacedWriter;
  private calls = new Map<number, (answer: Answer) => void>();
  private nextCall = 0;
  private stopping = false;
  private ran = false; // the interpreter started: exported functions can be called
  private interruptible = false; // Stop can raise KeyboardInterrupt (Pyodide on an isolated page)
  private stopButton: HTMLButtonElement;
  private tag: Element;
  private worker: BootedWorker;
  private dom = new DomHost((id, args) => this.post({ type: "callback", id, args })); // the page objects the worker reaches
  private stopListening = this.channel && listenForRequests(this.channel, (request) => void this.answerBlocking(request as BlockingRequest)); // DOM operations too (channel.ts)
  get pageObjectsHeld(): number { return this.dom.held; }

  constructor(readonly name: string, readonly interpreter: string, private target: Element, private script: WorkerScript) {
    ({ tag: this.tag, worker: this.worker } = script);
    this.done = new Promise((resolve) => (this.finish = resolve));
    this.output = pacedWriter(writerFor(target));
    this.stopButton = this.addStopButton();
    this.setState("starting");
    this.worker.onmessage = ({ data }: MessageEvent<FromWorker>) => this.onMessage(data);
    this.worker.onerror = (event) => this.onWorkerError(event);
    if (this.worker.bootError) this.onWorkerError(this.worker.bootError);
    else void this.init();
  }

  async call(name: string, ...args: unknown[]): Promise<unknown> {
    await this.done;
    if (this.state === "stopped" || !this.ran) {
      throw new PyScriptError("worker-call", `The worker "${this.name}" ${this.state === "stopped" ? "was stopped" : "didn't start"}, so it can't run ${name}().`, {
        hint: this.state === "stopped" ? "Call it before stopping the worker." : "See the error shown at the worker's tag.",
        element: this.tag,
      });
    }
    const id = this.nextCall++;
    const reply = new Promise<Answer>((resolve) => this.calls.set(id, resolve));
    this.post({ type: "call", id, name, args });
    const { value, error } = await reply;
    if (error !== undefined) throw new PyScriptError("worker-call", `The worker "${this.name}" could not run ${name}(): ${error}`, { element: this.tag });
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

  private async init(): Promise<void> {
    const { source, config, kernel } = this.script;
    let code: string, filename: string;
    try {
      ({ code, filename } = await source);
    } catch (thrown) {
      this.worker.terminate();
      this.setState("error");
      report(Object.assign(thrown as PyScriptError, { element: this.tag }));
      return;
    }
    const info = kernel.interpreters.available()[this.interpreter]!;
    targetId(this.target, config.interpreter);
    this.post({
      type: "init",
      init: {
        name: this.name, info, config, code, filename,
        baseURL: kernel.interpreters.folder(info, config),
        files: Object.entries(config.files).map(([path, url]) => [path, new URL(url, document.baseURI).href]),
        pageURL: document.baseURI,
        target: this.target.id,
        channel: this.channel,
        interrupt: this.interrupt,
      },
    });
  }

  private onMessage(message: FromWorker): void {
    if (message.type === "output") {
      dispatch("py-print", { text: message.text, stream: message.stream });
      return this.output.write(message.text, message.stream, message.skipped);
    }
    this.output.flush(); // whatever comes next shows after the output before it
    switch (message.type) {
      case "ready":
        [this.ran, this.interruptible] = [true, message.interruptible];
        return this.setState("running");
      case "display": return this.elementFor(message.target)?.append(render(message.mime, message.data, message.attributes));
      case "clear": return this.elementFor(message.target)?.replaceChildren();
      case "done": return this.setState("done");
      case "error": return void this.onError(message.error, message.started);
      case "warning": return report(new PyScriptError(message.error.code as ErrorCode, message.error.message, { hint: message.error.hint, element: this.tag }));
      case "result": return this.calls.get(message.id)?.(message), void this.calls.delete(message.id);
      case "call": return void this.callExposed(message.name, message.args).then((reply) => this.post({ type: "reply", id: message.id, ...reply }));
      case "block": return void this.answerBlocking(message.request);
      case "release": return this.dom.release(message.dropped);
    }
  }

  private async onError(data: ErrorData, started: boolean): Promise<void> {
    if (this.stopping && data.pythonType === "KeyboardInterrupt") return this.setState("stopped");
    const hint = data.hint || (started ? "" : `The worker's ${this.interpreter} could not start: check that the whole build folder is served.`);
    const error = new PyScriptError(data.code as ErrorCode, data.message, { hint, pythonType: data.pythonType, traceback: data.traceback });
    await reportAtTag(error, this.tag, this.script.kernel.assets);
    if (!started) this.worker.terminate();
    this.setState("error");
  }

  /** A function the page exposed (PyScript.expose(), or @export on the page), called by the worker. */
  private async callExposed(name: string, args: unknown[]): Promise<Answer> {
    const { hub } = this.script.kernel;
    const fn = await hub.find(name);
    if (!fn) {
      const offered = hub.names().join(", ") || "none";
      return { error: `the page exposes no function called "${name}" (it exposes: ${offered}). Use @export on the page, or PyScript.expose("${name}", fn).` };
    }
    try {
      return { value: (await fn(...args)) ?? null };
    } catch (thrown) {
      return { error: (thrown as Error).message ?? String(thrown) };
    }
  }

  private async answerBlocking(request: BlockingRequest): Promise<void> {
    if (request.kind === "dom") return answer(this.channel!, this.dom.perform(request.op)); // at once: the worker is asleep
    const reply = request.kind === "input" ? { value: (await askInline(this.target, request.prompt)) ?? null }
      : request.kind === "element" ? { value: document.getElementById(request.id) !== null }
      : await this.callExposed(request.name, request.args);
    answer(this.channel!, reply);
  }

  /** The element display() names; a worker that couldn't check it first (not isolated) learns here. */
  private elementFor(id: string): Element | undefined {
    const element = document.getElementById(id);
    if (element) return element;
    report(new PyScriptError("python", `display(target="${id}") in the worker "${this.name}": there is no element with id="${id}" on the page.`, {
      hint: "Add one, or leave out target= to show output in this tag.",
      pythonType: "ValueError",
      element: this.tag,
    }));
    return undefined;
  }

  private setState(state: WorkerState): void {
    this.state = state;
    this.tag.setAttribute("data-py-state", state === "starting" ? "running" : state);
    if (state === "done" || state === "error" || state === "stopped") {
      this.output.flush(); // before "Stopped."
      this.stopButton.remove();
      if (state !== "done") this.stopListening?.(); // a finished script's worker stays, for its exports and handlers
      if (state === "stopped") this.tag.append(Object.assign(document.createElement("p"), { className: "py-stopped", textContent: "⏹ Stopped." }));
      this.finish();
    }
  }

  /** The worker's own code failed (most often: worker-thread.js could not be loaded). */
  private onWorkerError(event: ErrorEvent): void {
    event.preventDefault();
    report(new PyScriptError("interpreter-start", `The worker for this script could not start: ${event.message || "its code failed to load"}.`, {
      hint: `Check that ${this.script.kernel.assets.url("worker-thread.js")} is served (the whole build folder must be), and the browser console.`,
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
