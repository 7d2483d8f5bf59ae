/**
 * Page scripts — `<py-script>` tags and PyScript's `<script type="py">`
 * (or `mpy`, `micropython`, `pyodide`) — as a built-in plugin. At
 * `configure` it claims every such tag on the page (inline code is read,
 * `src=` files start downloading, all in parallel) and watches for tags
 * added later. Once the kernel says setup
 * has finished, the scripts run one at a time in document order, each
 * printing into its own tag (or `output="element-id"`). A failing script
 * shows its traceback at its tag, and the next script runs anyway. A tag
 * with `worker` is handed to the kernel's worker starter instead.
 */
import type { Assets } from "../assets.js";
import type { Config } from "../config.js";
import type { Interpreter } from "../interpreters/interpreter.js";
import { outputTarget, placeOf, writerFor } from "../page-io/output.js";
import { interpreterOfTag, isScriptElement, readScriptSource, SCRIPT_TAGS, type Source } from "../page-io/script-source.js";
import { PyScriptError } from "../errors.js";
import { report } from "../report.js";
import { reportAtTag } from "../page-io/tracebacks.js";
import type { Plugin } from "../plugin.js";

/** What the `<py-script>` plugin is handed by its kernel. */
export interface ScriptKernel {
  assets: Assets;
  /** Resolves with the interpreter when setup has finished: scripts may run. */
  finished: Promise<Interpreter>;
  /** Called once every claimed script has run (or when none will). */
  scriptsDone(): void;
  /** Called as soon as a main-thread script's code is known, long before it runs: what it may need can start downloading. */
  read?(code: string): void;
  /** Called before a script runs, with its code: what it may need first (the kernel's: the pyscript package). */
  prepare?(code: string): Promise<unknown> | undefined;
  /** Run a `worker` tag's script in a Web Worker; resolves once the worker is named. */
  startWorker(tag: Element, source: Promise<Source>, config: Config): Promise<unknown>;
}

/** Create the `<py-script>` plugin for the tags under `root`. */
export function pyScriptPlugin(root: ParentNode, kernel: ScriptKernel): Plugin {
  const claimed = new WeakSet<Element>();
  let queue: Promise<unknown> = kernel.finished; // scripts run one at a time, in the order they were claimed
  let config: Config;
  // Workers get their names (PyScript.workers, pyscript.workers) before page scripts run.
  let workersNamed: Promise<unknown> = Promise.resolve();

  function claim(tag: Element, position?: number): void {
    if (claimed.has(tag)) return;
    claimed.add(tag);
    tag.setAttribute("data-py-state", "pending");
    const source = readScriptSource(tag, position, kernel.assets);
    const worker = tag.hasAttribute("worker");
    // The kernel reads a main-thread script's code at once; a failed download is reported when the script's turn comes.
    source.then(({ code }) => worker || kernel.read?.(code), () => {});
    if (worker) workersNamed = Promise.all([workersNamed, kernel.startWorker(tag, source, config)]);
    else {
      warnIfOtherInterpreter(tag, config);
      queue = queue.then((interpreter) => runScript(tag, source, interpreter as Interpreter, kernel)).then(() => kernel.finished);
    }
  }

  /** Tell the kernel once the queue has drained with nothing new in it. */
  function whenDrained(): void {
    const last = queue;
    void last.then(() => (last === queue ? kernel.scriptsDone() : whenDrained()), () => kernel.scriptsDone());
  }

  return {
    name: "py-script",
    // Not a config change: claiming tags this early starts `src=` downloads
    // and worker scripts alongside the interpreter's own download.
    configure(pageConfig) {
      config = pageConfig;
      claimPageTags(root, claim);
      watchForNewTags(root, claim);
      whenDrained();
    },
    async onInterpreterReady() {
      await workersNamed;
    },
  };
}

/** Claim the page's script tags in order, each with its position among the tags of its kind. */
function claimPageTags(root: ParentNode, claim: (tag: Element, position: number) => void): void {
  const counts = new Map<string, number>();
  root.querySelectorAll(SCRIPT_TAGS).forEach((tag) => {
    const position = (counts.get(tag.localName) ?? 0) + 1;
    counts.set(tag.localName, position);
    claim(tag, position);
  });
}

/** The page has one interpreter: a `<script type="mpy">` on a Pyodide page runs on Pyodide, and says so. */
function warnIfOtherInterpreter(tag: Element, config: Config): void {
  const wanted = interpreterOfTag(tag);
  if (!wanted || wanted === config.interpreter) return;
  report(new PyScriptError("config-value", `This <${tag.localName}${isScriptElement(tag) ? ` type="${tag.getAttribute("type")}"` : ""}> asks for ${wanted}, but the page runs ${config.interpreter}: it runs there.`, {
    hint: `A page has one interpreter. Choose ${wanted} for the page ("interpreter": "${wanted}" in the config), or give this script the worker attribute to run it in a ${wanted} worker.`,
    element: placeOf(tag),
  }), { warning: true });
}

function watchForNewTags(root: ParentNode, claim: (tag: Element) => void): void {
  new MutationObserver((mutations) => {
    for (const node of mutations.flatMap((m) => [...m.addedNodes])) {
      if (!(node instanceof Element)) continue;
      if (node.matches(SCRIPT_TAGS)) claim(node);
      for (const tag of node.querySelectorAll(SCRIPT_TAGS)) claim(tag);
    }
  }).observe(root instanceof Document ? root.documentElement : (root as Node), { childList: true, subtree: true });
}

/**
 * Run one script. What it prints shows in its output element; a
 * `<script type="py">` prints to the console instead, as in PyScript,
 * unless it has PyScript's `terminal` attribute.
 */
async function runScript(tag: Element, source: Promise<Source>, interpreter: Interpreter, { assets, prepare }: ScriptKernel): Promise<void> {
  try {
    const { code, filename } = await source;
    await prepare?.(code);
    tag.setAttribute("data-py-state", "running");
    const target = outputTarget(tag);
    const printsToPage = !isScriptElement(tag) || tag.hasAttribute("terminal");
    await interpreter.run(code, { filename, output: printsToPage ? writerFor(target) : undefined, target, value: false });
    tag.setAttribute("data-py-state", "done");
  } catch (thrown) {
    await reportAtTag(thrown, placeOf(tag), assets);
    tag.setAttribute("data-py-state", "error");
  }
}
