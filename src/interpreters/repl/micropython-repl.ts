/**
 * MicroPython's own REPL, driven a byte at a time (`replProcessChar`):
 * history, Tab completion, auto-indent, paste mode (Ctrl-E … Ctrl-D) and
 * inline tracebacks are all MicroPython's. Loaded only when a page opens a
 * REPL (`dist/adapters/micropython-repl.js`).
 *
 * MicroPython has one REPL per page: its line editor lives in C globals. So
 * every terminal shares one native session, and the terminal that last
 * received input is the *active* one that gets the echo and output. When
 * input arrives from another terminal, a half-typed line in the active one
 * is cancelled with Ctrl-C (which leaves a fresh `>>> ` there, so every
 * inactive terminal ends on a prompt), then the new one takes over. History
 * is shared by all terminals.
 *
 * We learn the session's state from what it echoes: `>>> ` means a fresh
 * prompt, `... ` plus spaces a continuation line (the spaces are its
 * auto-indent), `=== ` paste mode.
 */
import type { Repl, Writer } from "../interpreter.js";
import type { OutputRouter } from "../output-router.js";
import { KEY, normalizeKey, splitKeys } from "./keys.js";
import { splitStatements, type Statement } from "./statements.js";

/** The part of MicroPython's API the REPL uses. */
export interface NativeRepl {
  replInit(): void;
  replProcessChar(byte: number): number;
}

/** A terminal attached to the session. */
interface Terminal {
  output: Writer;
  open: boolean;
}

/** What `replProcessChar` returns when Python asked to exit (Ctrl-D, `sys.exit()`). */
const EXIT_REQUESTED = 256;
const CONTINUATION = /\.\.\. ( *)$/;
const BLANK_OR_COMMENT = /^\s*(#.*)?$/;

const sessions = new WeakMap<NativeRepl, Session>();

/**
 * Open a REPL on MicroPython's native session (created on first use).
 * @param flush - pushes out output still held by the adapter's decoders.
 */
export function openRepl(runtime: NativeRepl, router: OutputRouter, flush: () => void, output: Writer): Repl {
  let session = sessions.get(runtime);
  if (!session) sessions.set(runtime, (session = new Session(runtime, router, flush)));
  return session.open(output);
}

class Session {
  private active: Terminal | undefined;
  private banner = "";
  private mode: "prompt" | "continuation" | "paste" = "prompt";
  /** At a fresh `>>> ` with nothing typed since. */
  private clean = true;
  /** Spaces MicroPython has just auto-indented a continuation line with (0 once anything else was echoed). */
  private autoIndent = 0;
  /** Nothing but spaces typed on this continuation line (so Enter ends the block). */
  private lineBlank = false;
  private encoder = new TextEncoder();

  constructor(private runtime: NativeRepl, private router: OutputRouter, private flush: () => void) {}

  open(output: Writer): Repl {
    const terminal: Terminal = { output, open: true };
    // The first terminal starts the session; later ones get the same greeting.
    // It becomes active when it is first typed in.
    this.banner ||= this.feed(() => this.runtime.replInit()).echo.replace(/^\r\n/, "");
    output(this.banner, "stdout");
    return {
      input: (data) => terminal.open && this.input(terminal, data),
      paste: async (text) => void (terminal.open && this.paste(terminal, text)),
      close: () => void (terminal.open = false),
    };
  }

  private input(terminal: Terminal, data: string): void {
    this.activate(terminal);
    for (const key of splitKeys(data)) {
      const known = normalizeKey(key);
      if (known === undefined) continue;
      // As in CPython's REPL, one empty line ends a block (MicroPython's own wants up to three).
      if (known === KEY.enter && this.mode === "continuation" && this.lineBlank) this.closeBlock();
      else this.typeKey(known);
      if (![KEY.enter, KEY.backspace, KEY.tab, " "].includes(known)) this.lineBlank = false;
    }
  }

  private paste(terminal: Terminal, text: string): void {
    this.activate(terminal);
    text = text.replace(/\r\n?/g, "\n");
    if (!text.includes("\n")) return this.typeText(text);
    // Mid-line, or in paste mode already: the newlines are just Enter keys.
    if (!this.clean) return this.typeText(text.replaceAll("\n", KEY.enter));
    this.typeStatements(text);
  }

  /** Give the session to `terminal`, cancelling what the previous one left half-typed. */
  private activate(terminal: Terminal): void {
    if (this.active === terminal) return;
    if (!this.clean) this.typeKey(KEY.ctrlC); // echoes "\r\n>>> " in the terminal being left
    this.active = terminal;
  }

  /**
   * Type each statement as a person would, with MicroPython's auto-indent
   * taken back before each line (the pasted lines carry their own), and an
   * empty line to close each block. A statement with non-ASCII text goes
   * through paste mode, because the line editor only accepts ASCII.
   */
  private typeStatements(text: string): void {
    const statements = splitStatements(text);
    const leaveLastLine = !BLANK_OR_COMMENT.test(text.slice(text.lastIndexOf("\n") + 1));
    statements.forEach((statement, i) => {
      const isLast = i === statements.length - 1;
      if (/[^\x00-\x7f]/.test(statement.join(""))) return this.pasteMode(statement);
      statement.forEach((line, j) => {
        this.takeBackAutoIndent();
        this.typeText(line.replaceAll("\t", "    "));
        if (!(isLast && leaveLastLine && j === statement.length - 1)) this.typeKey(KEY.enter);
      });
      if (!(isLast && leaveLastLine)) this.closeBlock();
    });
  }

  private pasteMode(statement: Statement): void {
    this.typeKey(KEY.ctrlE);
    this.typeText(statement.join(KEY.enter) + KEY.enter);
    this.typeKey(KEY.ctrlD);
  }

  /** Backspace removes a whole auto-indent level at a time. */
  private takeBackAutoIndent(): void {
    for (let levels = Math.ceil(this.autoIndent / 4); levels > 0; levels--) this.typeKey(KEY.backspace);
  }

  /** Enter on an empty line ends a block; a few tries at most (one per level of nesting), in case the code is odd. */
  private closeBlock(): void {
    for (let tries = 0; tries < 8 && this.mode === "continuation"; tries++) {
      this.takeBackAutoIndent();
      this.typeKey(KEY.enter);
    }
  }

  private typeText(text: string): void {
    for (const char of text) this.typeKey(char);
  }

  private typeKey(key: string): void {
    // At an empty prompt Ctrl-A would enter the machine-facing "raw REPL";
    // people mean "start of line", which is what it does on a non-empty one.
    if (key === KEY.ctrlA) key = KEY.home;
    for (const byte of this.encoder.encode(key)) {
      const { echo, code } = this.feed(() => this.runtime.replProcessChar(byte));
      if (code === EXIT_REQUESTED) this.stayOpen();
      else this.learnFrom(echo);
    }
  }

  /** Run one step of the native REPL with its output going to the active terminal. */
  private feed(step: () => number | void): { echo: string; code: number } {
    let echo = "";
    const writer: Writer = (text, stream) => {
      echo = (echo + text).slice(-1000); // only the end matters (the prompt), and the banner
      if (this.active?.open) this.active.output(text, stream);
    };
    const code = this.router.usingSync({ output: writer }, () => {
      try {
        return step() ?? 0;
      } finally {
        this.flush();
      }
    });
    return { echo, code };
  }

  private learnFrom(echo: string): void {
    if (!echo) return; // a key that changed nothing (← at the start of a line…)
    const continuation = CONTINUATION.exec(echo);
    this.autoIndent = continuation ? continuation[1]!.length : 0;
    if (continuation) this.lineBlank = true;
    this.clean = echo.endsWith(">>> ");
    if (this.clean) this.mode = "prompt";
    else if (continuation) this.mode = "continuation";
    else if (echo.endsWith("=== ")) this.mode = "paste";
  }

  /**
   * Ctrl-D on an empty line or `sys.exit()` asks MicroPython to exit, which
   * a page can't; its line editor keeps the old line, so clear it quietly
   * and show a fresh prompt.
   */
  private stayOpen(): void {
    const active = this.active;
    this.active = undefined; // drop the echo of the reset
    this.feed(() => this.runtime.replProcessChar(KEY.ctrlC.charCodeAt(0)));
    this.active = active;
    if (active?.open) active.output(">>> ", "stdout");
    this.mode = "prompt";
    this.clean = true;
    this.autoIndent = 0;
  }
}
