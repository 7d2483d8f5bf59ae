/**
 * The `<py-script>` tag, as a built-in plugin. At `configure` it claims every tag
 * on the page (inline code is read, `src=` files start downloading, all in
 * parallel) and watches for tags added later. Once setup has finished, the
 * scripts run one at a time in document order, each printing into its own
 * tag (or `output="element-id"`). A failing script shows its traceback at
 * its tag, and the next script runs anyway. A tag with `worker` runs at once
 * in a Web Worker of its own instead (see workers/workers.ts).
 */
import { inlineMarkupError, PyScriptError } from "../errors.js";
import type { Interpreter, Writer } from "../interpreters/interpreter.js";
import type { Plugin } from "../plugin.js";
import { asPyScriptError, report } from "../report.js";
import { download } from "../download.js";
import { assetURL, importAsset } from "../assets.js";
import type { Config } from "../config.js";
import type { BootedWorker, WorkerHub } from "../workers/hub.js";
import { inlineScriptName } from "./page-source.js"; // only this small function is bundled here

/** A script's code and the file name its tracebacks show. */
export interface Source {
  code: string;
  filename: string;
}

/** Create the `<py-script>` plugin for the tags under `root`; `worker` tags go to `hub`. */
export function pyScriptPlugin(root: ParentNode, hub: WorkerHub): Plugin {
  const claimed = new WeakSet<Element>();
  let interpreter: Interpreter | undefined;
  const finished = new Promise<Interpreter>((resolve) => {
    document.addEventListener("py-finished-setup", (event) => {
      if (event.detail.interpreter === interpreter) resolve(interpreter);
    });
  });
  // Scripts run one at a time, in the order they were claimed.
  let queue: Promise<unknown> = finished;

  let config: Config;
  // Workers get their names (PyScript.workers, pyscript.workers) before page scripts run.
  let workersNamed: Promise<unknown> = Promise.resolve();

  function claim(tag: Element, position?: number): void {
    if (claimed.has(tag)) return;
    claimed.add(tag);
    tag.setAttribute("data-py-state", "pending");
    const source = readSource(tag, position);
    source.catch(() => {}); // a failed download is reported when the script's turn comes
    if (tag.hasAttribute("worker")) workersNamed = Promise.all([workersNamed, startWorker(tag, source, config, hub)]);
    else queue = queue.then(() => runScript(tag, source, interpreter!));
  }

  function claimAll(): void {
    root.querySelectorAll("py-script").forEach((tag, i) => claim(tag, i + 1));
    void queue.then(() => hub.pageScriptsDone());
  }

  function watchForNewTags(): void {
    new MutationObserver((mutations) => {
      for (const node of mutations.flatMap((m) => [...m.addedNodes])) {
        if (!(node instanceof Element)) continue;
        if (node.localName === "py-script") claim(node);
        for (const tag of node.querySelectorAll("py-script")) claim(tag);
      }
    }).observe(root instanceof Document ? root.documentElement : (root as Node), { childList: true, subtree: true });
  }

  return {
    name: "py-script",
    // Not a config change: claiming tags this early starts `src=` downloads
    // and worker scripts alongside the interpreter's own download.
    configure(pageConfig) {
      config = pageConfig;
      claimAll();
      watchForNewTags();
    },
    async onInterpreterReady(_config, ready) {
      interpreter = ready;
      await workersNamed;
    },
  };
}

/**
 * A `worker` script runs in a Web Worker of its own. The worker boots now,
 * told only its interpreter, so it starts loading that at once; workers.js
 * (loaded only by such pages) takes it over when it arrives.
 */
function startWorker(tag: Element, source: Promise<Source>, config: Config, hub: WorkerHub): Promise<void> {
  const worker: BootedWorker = new Worker(`${assetURL("worker.js")}?${(tag.getAttribute("interpreter") || config.interpreter).toLowerCase()}`, { type: "module" });
  worker.onerror = (event) => (worker.bootError = event); // before workers.js is there to say so
  return importAsset<typeof import("../workers/workers.js")>("workers.js").then(
    ({ runInWorker }) => runInWorker(tag, source, config, hub, worker),
    (error) => report(new PyScriptError("interpreter-load", `Could not load workers.js: ${(error as Error).message}`, {
      hint: "Serve the whole build folder.",
      element: tag,
    })),
  );
}

/**
 * Inline code is read now (and removed from view); `src=` starts downloading.
 * Inline code runs under a name like "index.html <py-script #2>" (the tag's
 * position on the page), which a traceback maps to the HTML line if needed.
 */
function readSource(tag: Element, position: number | undefined): Promise<Source> {
  const src = tag.getAttribute("src");
  if (src) {
    return download(src, "script-fetch", "the <py-script> source").then(async (response) => ({
      code: await response.text(),
      filename: src.replace(/^\.\//, ""),
    }));
  }
  const markup = tag.firstElementChild && inlineMarkupError(tag);
  const code = dedent(tag.textContent ?? "");
  tag.textContent = ""; // the tag now shows the script's output, not its source
  if (markup) return Promise.reject(markup);
  return Promise.resolve({ code, filename: inlineScriptName(position) });
}

async function runScript(tag: Element, source: Promise<Source>, interpreter: Interpreter): Promise<void> {
  try {
    const { code, filename } = await source;
    tag.setAttribute("data-py-state", "running");
    const target = outputTarget(tag);
    await interpreter.run(code, { filename, output: writerFor(target), target, value: false });
    tag.setAttribute("data-py-state", "done");
  } catch (thrown) {
    const error = asPyScriptError(thrown, (reason) => new PyScriptError("python", reason));
    error.element = tag;
    await pointAtPage(error);
    report(error);
    tag.setAttribute("data-py-state", "error");
  }
}

/** Map a traceback's inline-script frames to the page's lines (loads page-source.js only now). */
export async function pointAtPage(error: PyScriptError): Promise<void> {
  if (!error.traceback?.includes("<py-script #")) return;
  try {
    const { rewriteTraceback } = await importAsset<typeof import("./page-source.js")>("page-source.js");
    error.traceback = await rewriteTraceback(error.traceback);
  } catch {
    // Without the helper, the script's own names and line numbers still say where.
  }
}

/** Where a tag's output goes: itself, or the element named by `output=`. */
export function outputTarget(tag: Element): Element {
  const id = tag.getAttribute("output");
  if (!id) return tag;
  const target = document.getElementById(id);
  if (target) return target;
  throw new PyScriptError("config-value", `<py-script output="${id}"> names no element: there is no element with id="${id}".`, {
    hint: `Add an element with id="${id}" to the page, or remove the output attribute to print into the tag itself.`,
  });
}

/**
 * A writer that appends output as text (never HTML) to the `<pre>` at the end
 * of `target`, starting a new one after anything else (such as `display()`
 * output), so everything shows in the order it was produced.
 */
export function writerFor(target: Element): Writer {
  return (text, stream) => {
    let pre = target.lastElementChild;
    if (!pre?.matches("pre.py-output")) {
      pre = document.createElement("pre");
      pre.className = "py-output";
      target.append(pre);
    }
    const last = pre.lastChild;
    if (stream === "stdout") pre.append(text);
    else if (last instanceof HTMLSpanElement) last.append(text); // more of the same stderr text
    else pre.append(Object.assign(document.createElement("span"), { className: "py-stderr", textContent: text }));
  };
}

/** Remove the indentation common to all lines, keeping line numbers. */
export function dedent(code: string): string {
  const lines = code.split("\n");
  const indents = lines.filter((line) => line.trim()).map((line) => /^[ \t]*/.exec(line)![0].length);
  const common = indents.length ? Math.min(...indents) : 0;
  return lines.map((line) => line.slice(common)).join("\n");
}
