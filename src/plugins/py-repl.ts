/**
 * `<py-repl>`: an interactive Python terminal in the page. This file is a
 * module of its own, `py-repl.js`, registered like any third-party plugin
 * through `PyScript.registerPlugin` (it may load before or after
 * `pyscript.js`), and it drives Python only through the public
 * `interpreter.createRepl()`, so it works the same on every interpreter.
 *
 * ```html
 * <py-repl auto-focus>import arrr</py-repl>
 * <script type="module" src="./py-repl.js"></script>
 * <script type="module" src="./pyscript.js"></script>
 * ```
 *
 * The story of a tag:
 * 1. `start`: the tag is claimed; a terminal appears saying Python is on its
 *    way (keys typed now are kept), and its initial code (`src=` or the
 *    tag's text) is read or starts downloading.
 * 2. Setup finishes and the page's `<py-script>` tags run (the kernel says
 *    so: `PyScript.scriptsDone`), so what they define is there; then the
 *    tag's session opens with a banner and `>>> `.
 * 3. Its initial code is typed in as if by hand and runs, then the kept keys.
 *    Tags take steps 2 and 3 one at a time, in page order, like scripts.
 * 4. The terminal is live: `data-py-state="ready"`.
 */
import { bundleAssets } from "../assets.js";
import { PyScriptError, reasonOf } from "../errors.js";
import type { Interpreter, Repl, Writer } from "../interpreters/interpreter.js";
import { readTagCode } from "../page-io/script-source.js";
import type { Plugin } from "../plugin.js";
import { asPyScriptError, report } from "../report.js";
import { injectReplStyles, openTerminal, type TerminalView } from "./py-repl-terminal.js";

const DEFAULT_ROWS = 16;

/** A claimed `<py-repl>` tag. */
interface ReplTag {
  element: HTMLElement;
  view: TerminalView;
  /** The code it starts with ("" for none); rejects if `src=` can't be downloaded. */
  initialCode: Promise<string>;
  /** What was typed or pasted before its session opened, in order. */
  early: ({ keys: string } | { paste: string })[];
  repl?: Repl;
  removed?: boolean;
}

/** Create the `<py-repl>` plugin. */
export function pyReplPlugin(): Plugin {
  const tags = new Map<Element, ReplTag>();
  let live: Promise<Interpreter> | undefined; // sessions may open once it resolves
  let opening: Promise<unknown> = Promise.resolve(); // one at a time, in page order, so initial code runs in that order
  let label = "Python";

  /** `position`: the tag's place among the page's original `<py-repl>` tags (for its exact text). */
  function claim(element: HTMLElement, position?: number): void {
    if (tags.has(element)) return;
    const tag = claimTag(element, label, position);
    tags.set(element, tag);
    if (live) openWhenLive(tag);
  }

  function release(element: HTMLElement): void {
    const tag = tags.get(element);
    if (!tag || element.isConnected) return; // moved, not removed
    tag.removed = true;
    tag.repl?.close();
    tag.view.dispose();
    tags.delete(element);
  }

  function openWhenLive(tag: ReplTag): void {
    const open = (interpreter: Interpreter) => openSession(tag, interpreter).catch((error) => failed(tag, asPyScriptError(error, bugInRepl)));
    opening = opening.then(() => live!.then(open, () => failed(tag))); // no interpreter: the kernel has said why
  }

  return {
    name: "py-repl",
    start(config) {
      label = window.PyScript.availableInterpreters[config.interpreter]?.label ?? label;
      window.PyScript.ready.catch(() => tags.forEach((tag) => failed(tag)));
      document.querySelectorAll<HTMLElement>("py-repl").forEach((element, i) => claim(element, i + 1));
      watchTags((element) => claim(element), release);
    },
    onInterpreterReady(_config, interpreter) {
      // Not awaited: setup only finishes after this hook has returned.
      live = window.PyScript.scriptsDone.then(() => interpreter);
      tags.forEach(openWhenLive);
    },
  };
}

/** Claim a tag: a terminal saying Python is on its way, keeping what is typed; its initial code starts loading. */
function claimTag(element: HTMLElement, label: string, position: number | undefined): ReplTag {
  const initialCode = readTagCode(element, "the <py-repl> code", position, bundleAssets).then((code) => code.replace(/^\s*\n/, ""));
  initialCode.catch(() => {}); // reported when the session opens
  element.setAttribute("data-py-state", "pending");
  const view = openTerminal(element, rowsOf(element));
  const tag: ReplTag = { element, view, initialCode, early: [] };
  view.write(`\x1b[2mStarting ${label}…\x1b[22m`);
  view.listen(
    (keys) => (tag.repl ? tag.repl.input(keys) : tag.early.push({ keys })),
    (paste) => (tag.repl ? void tag.repl.paste(paste) : tag.early.push({ paste })),
  );
  if (element.hasAttribute("auto-focus")) view.focus();
  return tag;
}

const bugInRepl = (reason: string) => new PyScriptError("plugin-hook", `<py-repl> stopped: ${reason}`, { hint: "This is a bug in py-repl.js; reload the page." });

/** Open the tag's session, run its initial code, then what was typed meanwhile. */
async function openSession(tag: ReplTag, interpreter: Interpreter): Promise<void> {
  if (tag.removed) return;
  let repl: Repl;
  try {
    repl = await createRepl(interpreter, clearingFirst(tag.view));
  } catch (error) {
    return failed(tag, error as PyScriptError);
  }
  if (tag.removed) return repl.close();
  const code = await tag.initialCode.catch((error: PyScriptError) => (reportAt(tag, error), ""));
  if (code.trim()) await repl.paste(code.endsWith("\n") ? code : `${code}\n`); // run all of it
  for (const early of tag.early) "keys" in early ? repl.input(early.keys) : await repl.paste(early.paste);
  tag.early = [];
  tag.repl = repl;
  tag.element.setAttribute("data-py-state", "ready");
}

async function createRepl(interpreter: Interpreter, output: Writer): Promise<Repl> {
  const { label, name } = interpreter.info;
  if (!interpreter.createRepl) {
    throw new PyScriptError("config-value", `${label} offers no REPL, so <py-repl> can't start on it.`, {
      hint: 'Choose an interpreter with a REPL ("micropython" or "pyodide") in <py-config>, or remove the <py-repl> tags.',
    });
  }
  try {
    return await interpreter.createRepl(output);
  } catch (error) {
    throw new PyScriptError("interpreter-load", `${label}'s REPL could not start: ${reasonOf(error)}`, {
      hint: `Serve the whole build folder: adapters/${name}-repl.js sits next to adapters/${name}.js.`,
      cause: error,
    });
  }
}

/** The "Starting…" line makes way for the banner. */
function clearingFirst(view: TerminalView): Writer {
  let first = true;
  return (text, stream) => {
    if (first) view.write("\r\x1b[2K");
    first = false;
    view.write(text, stream);
  };
}

function failed(tag: ReplTag, error?: PyScriptError): void {
  if (tag.element.getAttribute("data-py-state") === "error") return; // said once is enough
  if (error) reportAt(tag, error);
  tag.view.write(`\r\x1b[2K${error ? "The REPL could not start" : "Python could not start"}: see the error on the page.`, "stderr");
  tag.element.setAttribute("data-py-state", "error");
}

function reportAt(tag: ReplTag, thrown: unknown): void {
  const error = asPyScriptError(thrown, (reason) => new PyScriptError("script-fetch", reason));
  error.element = tag.element;
  report(error);
}

/** The `rows=` attribute: how tall the terminal is. */
function rowsOf(element: HTMLElement): number {
  const value = element.getAttribute("rows");
  if (value === null) return DEFAULT_ROWS;
  const rows = Number(value);
  if (Number.isInteger(rows) && rows >= 2 && rows <= 200) return rows;
  report(new PyScriptError("config-value", `<py-repl rows="${value}"> is not a number of rows.`, {
    hint: `Use a whole number from 2 to 200, e.g. rows="12", or leave it out for ${DEFAULT_ROWS}.`,
    element,
  }), { warning: true });
  return DEFAULT_ROWS;
}

/** Claim `<py-repl>` tags added later; close the sessions of removed ones. */
function watchTags(claim: (element: HTMLElement) => void, release: (element: HTMLElement) => void): void {
  const each = (node: Node, action: (element: HTMLElement) => void) => {
    if (!(node instanceof HTMLElement)) return;
    if (node.localName === "py-repl") action(node);
    node.querySelectorAll<HTMLElement>("py-repl").forEach(action);
  };
  new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      mutation.addedNodes.forEach((node) => each(node, claim));
      mutation.removedNodes.forEach((node) => each(node, release));
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
}

function missingKernelError(): PyScriptError {
  return new PyScriptError("plugin-hook", "This page has <py-repl> tags and loads py-repl.js, but not pyscript.js, so there is no Python to talk to.", {
    hint: 'Add <script type="module" src="pyscript.js"></script> to the page (before or after py-repl.js).',
  });
}

// Register as soon as the kernel exists, whichever of the two scripts came first.
const plugin = pyReplPlugin();
injectReplStyles(); // keeps the tags' inline code out of sight until they are claimed
if (window.PyScript) window.PyScript.registerPlugin(plugin);
else document.addEventListener("py-configured", () => window.PyScript.registerPlugin(plugin), { once: true });
window.addEventListener("load", () => {
  if (!window.PyScript && document.querySelector("py-repl")) report(missingKernelError());
}, { once: true });
