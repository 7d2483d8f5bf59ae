/**
 * A REPL on Pyodide, built on `pyodide.console.PyodideConsole` from its
 * standard library: the console compiles each line, says whether the
 * statement is complete, and runs it as a task (so top-level `await`
 * works); the terminal side (line editor with history, auto-indent, pastes,
 * Ctrl-C) is terminal-session.ts. Loaded only when a page opens a REPL
 * (`dist/interpreters/pyodide-repl.js`).
 *
 * Each terminal gets its own console and history; all share the page's
 * globals (`__main__`). Keys that arrive while code runs wait their turn,
 * except Ctrl-C, which cancels code that is awaiting something.
 */
import { reasonOf } from "../../errors.js";
import type { Repl, Writer } from "../interpreter.js";
import type { OutputRouter } from "../output-router.js";
import { consoleHelpers, type ConsoleFuture, type Helpers, type PyodideREPLRuntime, type ReplConsole } from "./pyodide-console.js";
import { PS1, PS2, TerminalSession } from "./terminal-session.js";
import { commonPrefix, indentAfter } from "./terminal-text.js";

/** Open a REPL with its own console on the page's globals. */
export function openRepl(runtime: PyodideREPLRuntime, router: OutputRouter, output: Writer): Repl {
  return new PyodideRepl(consoleHelpers(runtime), router, output);
}

class PyodideRepl extends TerminalSession {
  private console: ReplConsole;

  constructor(private helpers: Helpers, private router: OutputRouter, output: Writer) {
    super(output, helpers.banner);
    this.console = helpers.open_console();
  }

  override close(): void {
    super.close();
    if (this.running) this.console.interrupt(); // run() destroys the console when it ends
    else this.console.destroy();
  }

  /** Enter: the console says whether the statement is complete; if so it runs. */
  protected enter(autoIndent: boolean): void {
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

  /** Tab: indent at the start of a line, else complete the name before the cursor. */
  protected complete(): void {
    const before = this.editor.beforeCursor;
    if (!before.trim()) return this.editor.insert(" ".repeat(4 - (before.length % 4)));
    const result = this.console.complete(before);
    const [candidates, start] = result.toJs();
    result.destroy();
    this.completeWith(before.slice(start), candidates, commonPrefix(candidates));
  }

  /** Ctrl-C while code runs: cancel it (it must be awaiting: code that never yields blocks the page). */
  protected interrupt(): void {
    this.console.interrupt();
  }

  protected forget(): void {
    this.console.forget();
  }
}
