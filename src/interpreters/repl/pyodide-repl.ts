/**
 * A REPL on Pyodide, built on `pyodide.console.PyodideConsole` from its
 * standard library: the console compiles each line, says whether the
 * statement is complete, and runs it as a task (so top-level `await`
 * works); we add the terminal side that MicroPython has built in: a line
 * editor with history, auto-indent, Tab completion and Ctrl-C. Loaded only
 * when a page opens a REPL (`dist/interpreters/pyodide-repl.js`).
 *
 * Each terminal gets its own console and history; all share the page's
 * globals (`__main__`). Keys that arrive while code runs wait their turn,
 * except Ctrl-C, which cancels code that is awaiting something.
 */
import { reasonOf } from "../../errors.js";
import type { Repl, Writer } from "../interpreter.js";
import type { OutputRouter } from "../output-router.js";
import { KEY, normalizeKey, splitKeys } from "./keys.js";
import { LineEditor } from "./line-editor.js";
import { consoleHelpers, type ConsoleFuture, type Helpers, type PyodideREPLRuntime, type ReplConsole } from "./pyodide-console.js";
import { splitStatements } from "./statements.js";
import { columns, commonPrefix, indentAfter } from "./terminal-text.js";

const PS1 = ">>> ";
const PS2 = "... ";
const BLANK_OR_COMMENT = /^\s*(#.*)?$/;

/** Open a REPL with its own console on the page's globals. */
export function openRepl(runtime: PyodideREPLRuntime, router: OutputRouter, output: Writer): Repl {
  return new PyodideRepl(consoleHelpers(runtime), router, output);
}

/** What the REPL does next: queued in order, since running a line takes time. */
type Step =
  | { key: string } // a key typed
  | { paste: string } // a paste, turned into the steps below when its turn comes
  | { insert: string } // text put on the line as is
  | { line: string } // a line typed and entered, without auto-indent after it
  | { close: true } // an empty line, if a block is still open
  | { done: () => void }; // a paste has been typed

class PyodideRepl implements Repl {
  private console: ReplConsole;
  private editor: LineEditor;
  private steps: Step[] = [];
  private prompt = PS1;
  private running = false;
  private open = true;
  private writer: Writer = (text, stream) => this.open && this.output(text, stream);

  constructor(private helpers: Helpers, private router: OutputRouter, private output: Writer) {
    this.console = helpers.open_console();
    this.editor = new LineEditor((text) => this.writer(text, "stdout"));
    this.writer(`${helpers.banner}\n${PS1}`, "stdout");
  }

  input(data: string): void {
    for (const raw of splitKeys(data)) {
      const key = normalizeKey(raw);
      if (key === KEY.ctrlC && this.running) this.interrupt();
      else if (key !== undefined) this.steps.push({ key });
    }
    this.next();
  }

  paste(text: string): Promise<void> {
    return new Promise((done) => {
      this.steps.push({ paste: text.replace(/\r\n?/g, "\n") }, { done });
      this.next();
    });
  }

  close(): void {
    this.open = false;
    this.dropTypeahead();
    if (this.running) this.console.interrupt(); // run() destroys the console when it ends
    else this.console.destroy();
  }

  /** Take steps until one starts running code; it calls next() again when done. */
  private next(): void {
    while (!this.running && this.steps.length) {
      const step = this.steps.shift()!;
      if ("key" in step) this.onKey(step.key);
      else if ("paste" in step) this.steps.unshift(...this.pasteSteps(step.paste));
      else if ("insert" in step) this.editor.insert(step.insert);
      else if ("line" in step) (this.editor.insert(step.line), this.enter(false));
      else if ("close" in step) this.prompt === PS2 && this.enter(false);
      else step.done();
    }
  }

  private onKey(key: string): void {
    switch (key) {
      case KEY.enter: return this.enter(true);
      case KEY.tab: return this.complete();
      case KEY.ctrlC: return this.cancelInput();
      case KEY.ctrlL: return this.clearScreen();
      case KEY.ctrlD: if (this.editor.text) this.editor.edit(key); return; // on an empty line: nothing to exit, the page's REPL stays
      default: this.editor.edit(key);
    }
  }

  /**
   * A multi-line paste at an empty prompt is typed statement by statement,
   * each closed by an empty line (see statements.ts); elsewhere its
   * newlines are Enter keys. A last line without a newline stays on the prompt.
   */
  private pasteSteps(text: string): Step[] {
    const leaveLastLine = !BLANK_OR_COMMENT.test(text.slice(text.lastIndexOf("\n") + 1));
    if (this.editor.text || this.prompt === PS2) {
      const lines = text.split("\n");
      const last = lines.pop()!;
      return [...lines.map((line) => ({ line })), { insert: last }];
    }
    const statements = splitStatements(text);
    return statements.flatMap((statement, i): Step[] => {
      const lines: Step[] = statement.map((line) => ({ line }));
      if (i < statements.length - 1 || !leaveLastLine) return [...lines, { close: true }];
      return [...lines.slice(0, -1), { insert: statement[statement.length - 1]! }];
    });
  }

  /** Enter: the console says whether the statement is complete; if so it runs. */
  private enter(autoIndent: boolean): void {
    this.editor.leave();
    const line = this.editor.take();
    this.writer("\r\n", "stdout");
    const future = this.console.push(line);
    const check = future.syntax_check;
    if (check === "complete") return void this.run(future);
    if (check === "syntax-error") this.writer(future.formatted_error ?? "SyntaxError\n", "stderr");
    future.destroy();
    if (check === "incomplete") this.showPrompt(PS2, autoIndent ? indentAfter(line) : "");
    else this.showPrompt(PS1);
  }

  private async run(future: ConsoleFuture): Promise<void> {
    this.running = true;
    const settling = this.helpers.settle(future);
    try {
      // The line runs as a task once we yield: claim its output first.
      const result = await this.router.using({ output: this.writer }, async () => await settling);
      const [ok, text] = result.toJs();
      result.destroy();
      if (text) this.writer(text, ok ? "stdout" : "stderr");
    } catch (error) {
      this.writer(`${reasonOf(error)}\n`, "stderr"); // Pyodide itself failed, not the user's code
    } finally {
      settling.destroy();
      future.destroy();
      this.running = false;
      if (this.open) this.showPrompt(PS1);
      else this.console.destroy();
      this.next();
    }
  }

  private showPrompt(prompt: string, indent = ""): void {
    this.prompt = prompt;
    this.writer(prompt, "stdout");
    this.editor.reset();
    if (indent) this.editor.insert(indent);
  }

  /** Tab: indent at the start of a line, else complete the name before the cursor. */
  private complete(): void {
    const before = this.editor.beforeCursor;
    if (!before.trim()) return this.editor.insert(" ".repeat(4 - (before.length % 4)));
    const result = this.console.complete(before);
    const [candidates, start] = result.toJs();
    result.destroy();
    const word = before.slice(start);
    const common = commonPrefix(candidates);
    if (common.length > word.length) return this.editor.replaceBefore([...word].length, common);
    if (candidates.length < 2) return;
    // Nothing more to add: list the choices, as MicroPython does, and redraw the line.
    this.editor.leave();
    const names = candidates.map((name) => name.slice(word.lastIndexOf(".") + 1));
    this.writer(`\r\n${columns(names)}\r\n${this.prompt}`, "stdout");
    this.editor.redraw();
  }

  /** Ctrl-C at a prompt: drop the line and any unfinished block. */
  private cancelInput(): void {
    this.editor.leave();
    this.editor.reset();
    this.console.forget();
    this.writer("\r\nKeyboardInterrupt\r\n", "stderr");
    this.showPrompt(PS1);
  }

  /** Ctrl-C while code runs: cancel it (it must be awaiting: code that never yields blocks the page) and drop typeahead. */
  private interrupt(): void {
    this.dropTypeahead();
    this.console.interrupt();
  }

  /** Forget keys and pastes not taken yet; a paste waiting on them is over. */
  private dropTypeahead(): void {
    for (const step of this.steps) if ("done" in step) step.done();
    this.steps = [];
  }

  private clearScreen(): void {
    this.writer(`\x1b[H\x1b[2J${this.prompt}`, "stdout");
    this.editor.redraw();
  }
}
