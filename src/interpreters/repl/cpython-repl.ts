/**
 * A REPL on upstream CPython: each line goes to `code.InteractiveConsole`
 * (CPython's own REPL compiler, results shown by `sys.displayhook`,
 * tracebacks as CPython prints them; top-level `await` works) running in
 * the page's Python loop (_cpython_loop.py); the terminal side is
 * terminal-session.ts. Loaded only when a page opens a REPL
 * (`dist/interpreters/cpython-repl.js`). Each terminal has its own console;
 * all share the page's globals.
 */
import { reasonOf } from "../../errors.js";
import type { Repl, Writer } from "../interpreter.js";
import { PS1, PS2, TerminalSession } from "./terminal-session.js";
import { commonPrefix, indentAfter } from "./terminal-text.js";

/** What the REPL asks of the page's CPython; each resolves when Python has done it. */
export interface CPythonConsole {
  banner: string;
  /** Push a line (None: forget the unfinished block); resolves to "more lines needed". */
  push(line: string | null): Promise<unknown>;
  /** Names completing `text`. */
  complete(text: string): Promise<unknown>;
  /** Ctrl-C while a line runs: stop what it waits for. */
  interrupt(): void;
}

export function openRepl(console: CPythonConsole, output: Writer): Repl {
  return new CPythonRepl(console, output);
}

class CPythonRepl extends TerminalSession {
  constructor(private console: CPythonConsole, output: Writer) {
    super(output, console.banner);
  }

  protected enter(autoIndent: boolean): void {
    this.editor.leave();
    const line = this.editor.take();
    this.writer("\r\n", "stdout");
    void this.busy(async () => {
      // A line of only spaces (the auto-indent, or typed) is an empty line: it ends a block, as in CPython's own REPL.
      const more = Boolean(await this.console.push(line.trim() ? line : ""));
      if (this.open) this.showPrompt(more ? PS2 : PS1, more && autoIndent ? indentAfter(line) : "");
    });
  }

  /** Tab: indent at the start of a line, else complete the name before the cursor. */
  protected complete(): void {
    const before = this.editor.beforeCursor;
    if (!before.trim()) return this.editor.insert(" ".repeat(4 - (before.length % 4)));
    const word = /[\w.]*$/.exec(before)![0];
    void this.busy(async () => {
      const candidates = ((await this.console.complete(word)) as string[]).map((name) => name.replace(/\($/, ""));
      this.completeWith(word, candidates, commonPrefix(candidates));
    });
  }

  protected interrupt(): void {
    this.console.interrupt();
  }

  protected forget(): void {
    void this.console.push(null);
  }

  /** Keys wait while Python works on a line. */
  private async busy(work: () => Promise<void>): Promise<void> {
    this.running = true;
    try {
      await work();
    } catch (error) {
      this.writer(`${reasonOf(error)}\r\n`, "stderr"); // CPython itself failed, not the user's code
      if (this.open) this.showPrompt(PS1);
    } finally {
      this.running = false;
      this.next();
    }
  }
}
