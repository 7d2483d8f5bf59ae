/**
 * The `<py-script>` tag, as a built-in plugin. At `start` it claims every tag
 * on the page (inline code is read, `src=` files start downloading, all in
 * parallel) and watches for tags added later. Once setup has finished, the
 * scripts run one at a time in document order, each printing into its own
 * tag (or `output="element-id"`). A failing script shows its traceback at
 * its tag, and the next script runs anyway.
 */
import { PyScriptError } from "../errors.js";
import type { Interpreter, Writer } from "../interpreters/interpreter.js";
import type { Plugin } from "../plugin.js";
import { asPyScriptError, report } from "../report.js";
import { download } from "../download.js";
import { pageFileName, sourceLines } from "./page-source.js";

/** A script's code and where it came from, for tracebacks. */
interface Source {
  code: string;
  filename: string;
  firstLine: number;
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

  function claim(tag: Element, lines: Promise<Map<Element, number>>): void {
    if (claimed.has(tag)) return;
    claimed.add(tag);
    tag.setAttribute("data-py-state", "pending");
    const source = readSource(tag, lines);
    source.catch(() => {}); // a failed download is reported when the script's turn comes
    queue = queue.then(() => runScript(tag, source, interpreter!));
  }

  function claimAll(): void {
    const tags = [...root.querySelectorAll("py-script")];
    const hasInline = tags.some((tag) => !tag.hasAttribute("src"));
    const lines = hasInline ? sourceLines(tags) : Promise.resolve(new Map<Element, number>());
    for (const tag of tags) claim(tag, lines);
  }

  function watchForNewTags(): void {
    const none = Promise.resolve(new Map<Element, number>());
    new MutationObserver((mutations) => {
      for (const node of mutations.flatMap((m) => [...m.addedNodes])) {
        if (!(node instanceof Element)) continue;
        if (node.localName === "py-script") claim(node, none);
        for (const tag of node.querySelectorAll("py-script")) claim(tag, none);
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

/** Inline code is read now (and removed from view); `src=` starts downloading. */
function readSource(tag: Element, lines: Promise<Map<Element, number>>): Promise<Source> {
  const src = tag.getAttribute("src");
  if (src) {
    return download(src, "script-fetch", "the <py-script> source").then(async (response) => ({
      code: await response.text(),
      filename: src.replace(/^\.\//, ""),
      firstLine: 1,
    }));
  }
  const markup = tag.firstElementChild?.localName;
  const code = dedent(tag.textContent ?? "");
  tag.textContent = ""; // the tag now shows the script's output, not its source
  if (markup) return Promise.reject(markupError(markup));
  return lines.then((found) => ({ code, filename: found.has(tag) ? pageFileName() : "<py-script>", firstLine: found.get(tag) ?? 1 }));
}

async function runScript(tag: Element, source: Promise<Source>, interpreter: Interpreter): Promise<void> {
  try {
    const { code, filename, firstLine } = await source;
    tag.setAttribute("data-py-state", "running");
    await interpreter.run(code, { filename, firstLine, output: writerFor(outputTarget(tag)) });
    tag.setAttribute("data-py-state", "done");
  } catch (thrown) {
    const error = asPyScriptError(thrown, (reason) => new PyScriptError("python", reason));
    error.element = tag;
    report(error);
    tag.setAttribute("data-py-state", "error");
  }
}

/** The browser turned part of the code into HTML elements: the code is no longer what was written. */
function markupError(element: string): PyScriptError {
  return new PyScriptError("script-markup", `This script's code contains <${element}…>, which the browser read as an HTML tag and removed from the code.`, {
    hint: "In inline code write &lt; for every < (e.g. print(\"&lt;b>hi&lt;/b>\")), or move the code into a file and use <py-script src=\"file.py\">.",
  });
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
    if (stream === "stdout") {
      pre.append(text);
      return;
    }
    const span = document.createElement("span");
    span.className = "py-stderr";
    span.textContent = text;
    pre.append(span);
  };
}

/** Remove the indentation common to all lines, keeping line numbers. */
export function dedent(code: string): string {
  const lines = code.split("\n");
  const indents = lines.filter((line) => line.trim()).map((line) => /^[ \t]*/.exec(line)![0].length);
  const common = indents.length ? Math.min(...indents) : 0;
  return lines.map((line) => line.slice(common)).join("\n");
}
