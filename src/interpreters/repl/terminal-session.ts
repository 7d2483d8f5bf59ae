/**
 * The terminal side of a line-by-line REPL (Pyodide's and CPython's; the
 * MicroPython REPL has its own in C): a line editor with history and
 * auto-indent, keys and pastes queued in order while code runs, Ctrl-C,
 * Ctrl-L. Each engine says what Enter, Tab and an interrupt do.
 */
import type { Repl, Writer } from "../interpreter.js";
import { KEY, normalizeKey, splitKeys } from "./keys.js";
import { LineEditor } from "./line-editor.js";
import { splitStatements } from "./statements.js";
import { columns } from "./terminal-text.js";

export const PS1 = ">>> ";
export const PS2 = "... ";
const BLANK_OR_COMMENT = /^\s*(#.*)?$/;

/** What the REPL does next: queued in order, since running a line takes time. */
type Step =
  | { key: string } // a key typed
  | { paste: string } // a paste, turned into the steps below when its turn comes
  | { insert: string } // text put on the line as is
  | { line: string } // a line typed and entered, without auto-indent after it
  | { close: true } // an empty line, if a block is still open
  | { done: () => void }; // a paste has been typed

export abstract class TerminalSession implements Repl {
  protected editor: LineEditor;
  protected prompt = PS1;
  /** True while a line runs: keys wait their turn. */
  protected running = false;
  protected open = true;
  protected writer: Writer = (text, stream) => this.open && this.output(text, stream);
  private steps: Step[] = [];

  constructor(private output: Writer, banner: string) {
    this.editor = new LineEditor((text) => this.writer(text, "stdout"));
    this.writer(`${banner}\n${PS1}`, "stdout");
  }

  /** Enter: the line is taken off the editor; run it or ask for more. */
  protected abstract enter(autoIndent: boolean): void;
  /** Tab, with text before the cursor. */
  protected abstract complete(): void;
  /** Ctrl-C while code runs. */
  protected abstract interrupt(): void;
  /** Ctrl-C at a prompt: the engine forgets an unfinished block. */
  protected abstract forget(): void;

  input(data: string): void {
    for (const raw of splitKeys(data)) {
      const key = normalizeKey(raw);
      if (key === KEY.ctrlC && this.running) (this.dropTypeahead(), this.interrupt());
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
  }

  /** Take steps until one starts running code; it calls next() again when done. */
  protected next(): void {
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

  protected showPrompt(prompt: string, indent = ""): void {
    this.prompt = prompt;
    this.writer(prompt, "stdout");
    this.editor.reset();
    if (indent) this.editor.insert(indent);
  }

  /** Tab's outcome: `candidates` for the `word` before the cursor. */
  protected completeWith(word: string, candidates: string[], common: string): void {
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
    this.forget();
    this.writer("\r\nKeyboardInterrupt\r\n", "stderr");
    this.showPrompt(PS1);
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
