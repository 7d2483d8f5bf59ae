/**
 * The `<py-script>` tag, as a built-in plugin. At `start` it claims every tag
 * on the page (inline code is read, `src=` files start downloading, all in
 * parallel) and watches for tags added later. Once setup has finished, the
 * scripts run one at a time in document order, each printing into its own
 * tag (or `output="element-id"`). A failing script shows its traceback at
 * its tag, and the next script runs anyway.
 */
import { inlineMarkupError, PyScriptError } from "../errors.js";
import type { Interpreter, Writer } from "../interpreters/interpreter.js";
import type { Plugin } from "../plugin.js";
import { asPyScriptError, report } from "../report.js";
import { download } from "../download.js";
import { importAsset } from "../assets.js";

/** A script's code and the file name its tracebacks show. */
interface Source {
  code: string;
  filename: string;
}

/** Create the `<py-script>` plugin for the tags under `root`. */
export function pyScriptPlugin(root: ParentNode = document): Plugin {
  const claimed = new WeakSet<Element>();
  let interpreter: Interpreter | undefined;
  const finished = new Promise<Interpreter>((resolve) => {
    document.addEventListener("py-finished-setup", (event) => {
      if (event.detail.interpreter === interpreter) resolve(interpreter);
    });
  });
  // Scripts run one at a time, in the order they were claimed.
  let queue: Promise<unknown> = finished;

  const pageLines = new PageLines();

  function claim(tag: Element): void {
    if (claimed.has(tag)) return;
    claimed.add(tag);
    tag.setAttribute("data-py-state", "pending");
    const source = readSource(tag, pageLines);
    source.catch(() => {}); // a failed download is reported when the script's turn comes
    queue = queue.then(() => runScript(tag, source, interpreter!, pageLines));
  }

  function claimAll(): void {
    pageLines.original = [...root.querySelectorAll("py-script")];
    for (const tag of pageLines.original) claim(tag);
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
    start() {
      claimAll();
      watchForNewTags();
    },
    onInterpreterReady(_config, ready) {
      interpreter = ready;
    },
  };
}

/**
 * Inline scripts run under names of their own ("index.html <py-script #2>"),
 * which a traceback maps back to the page's file and line when it needs to.
 */
class PageLines {
  original: Element[] = [];
  private names = new Map<string, Element>();

  nameFor(tag: Element): string {
    const name = `${location.pathname.split("/").pop() || "index.html"} <py-script #${this.names.size + 1}>`;
    this.names.set(name, tag);
    return name;
  }

  async rewrite(traceback: string): Promise<string> {
    try {
      const { rewriteTraceback } = await importAsset<typeof import("./page-source.js")>("page-source.js");
      return await rewriteTraceback(traceback, this.names, this.original);
    } catch {
      return traceback; // without the helper, the script's own names and lines still say where
    }
  }
}

/** Inline code is read now (and removed from view); `src=` starts downloading. */
function readSource(tag: Element, pageLines: PageLines): Promise<Source> {
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
  return Promise.resolve({ code, filename: pageLines.nameFor(tag) });
}

async function runScript(tag: Element, source: Promise<Source>, interpreter: Interpreter, pageLines: PageLines): Promise<void> {
  try {
    const { code, filename } = await source;
    tag.setAttribute("data-py-state", "running");
    await interpreter.run(code, { filename, output: writerFor(outputTarget(tag)), value: false });
    tag.setAttribute("data-py-state", "done");
  } catch (thrown) {
    const error = asPyScriptError(thrown, (reason) => new PyScriptError("python", reason));
    error.element = tag;
    if (error.traceback) error.traceback = await pageLines.rewrite(error.traceback);
    report(error);
    tag.setAttribute("data-py-state", "error");
  }
}

/** Where a tag's output goes: itself, or the element named by `output=`. */
function outputTarget(tag: Element): Element {
  const id = tag.getAttribute("output");
  if (!id) return tag;
  const target = document.getElementById(id);
  if (target) return target;
  throw new PyScriptError("config-value", `<py-script output="${id}"> names no element: there is no element with id="${id}".`, {
    hint: `Add an element with id="${id}" to the page, or remove the output attribute to print into the tag itself.`,
  });
}

/** A writer that appends output as text (never HTML) into a `<pre>` in `target`. */
function writerFor(target: Element): Writer {
  let pre: HTMLPreElement | undefined;
  return (text, stream) => {
    if (!pre) {
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
