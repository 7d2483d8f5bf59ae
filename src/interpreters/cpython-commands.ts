/**
 * The page's side of CPython's command loop (_cpython_loop.py): commands
 * (run code, call a Python function, a REPL line) wait here until Python's
 * loop asks for them; each ask brings the outcomes of commands that ended,
 * and, while none is queued, waits (suspending WebAssembly) until one is or
 * the loop's next timer is due. Python also says which command's task it is
 * running, so output and `display()` go to that command's tag.
 */
import type { PyScriptError } from "../errors.js";
import type { RunContext } from "./interpreter.js";

/** One command for Python's loop, and who waits for its outcome. */
interface Command {
  id: number;
  message: Record<string, unknown>;
  context: RunContext;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/** How a command ended: its value (wire format), or its exception. */
export type Outcome = { v?: unknown; e?: { type: string; traceback: string } };

/** How many ended commands' contexts are kept for their background tasks. */
const KEPT = 500;

export class CommandQueue {
  /** Where the task Python runs now writes: its command's (or, for a task it left behind, that command's). */
  running: { context: RunContext } | undefined;
  private ended = new Map<number, RunContext>();
  private queue: Command[] = [];
  private inFlight = new Map<number, Command>();
  private lastId = 0;
  private wake: ((message: string) => void) | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stopped: PyScriptError | undefined;

  /** `settled(outcome)`: the value of a command that worked, or throws its error. */
  constructor(private settled: (outcome: Outcome) => unknown) {}

  /** A number no command has (REPL sessions use them too). */
  newId(): number {
    return ++this.lastId;
  }

  /** The outcome Python's loop sends first, before asking for anything (command 0). */
  first(): Promise<unknown> {
    return new Promise((resolve, reject) => this.inFlight.set(0, { id: 0, message: {}, context: {}, resolve, reject }));
  }

  /** Queue a command; resolves to its value, rejects with its Python exception. */
  send(message: Record<string, unknown>, context: RunContext): Promise<unknown> {
    return new Promise((resolve, reject) => {
      if (this.stopped) return reject(this.stopped);
      this.queue.push({ id: this.newId(), message, context, resolve, reject });
      this.wake?.(this.deliver());
    });
  }

  /** Python runs command `id`'s task now. */
  switchTo(id: number): void {
    const context = this.inFlight.get(id)?.context ?? this.ended.get(id);
    this.running = context && { context };
  }

  /** Python's loop asks for commands: settle its outcomes, then answer now, or when a command comes or `timeout` ms pass (null: no limit). */
  ask(outcomes: [number, Outcome][], timeout: number | null): string | Promise<string> {
    this.running = undefined;
    for (const [id, outcome] of outcomes) this.settle(id, outcome);
    if (this.queue.length || timeout === 0) return this.deliver();
    return new Promise((resolve) => {
      this.wake = resolve;
      if (timeout !== null) this.timer = setTimeout(() => resolve(this.deliver()), timeout);
    });
  }

  /** Python ended: every waiting command fails with `error`, and so will later ones. */
  stop(error: PyScriptError): void {
    this.stopped = error;
    for (const command of [...this.inFlight.values(), ...this.queue]) command.reject(error);
    this.running = undefined;
    this.inFlight.clear();
    this.queue = [];
  }

  /** Every queued command, to Python's loop. */
  private deliver(): string {
    clearTimeout(this.timer);
    this.wake = undefined;
    const commands = this.queue.splice(0);
    for (const command of commands) this.inFlight.set(command.id, command);
    return JSON.stringify({ v: commands.map(({ id, message }) => ({ ...message, id })) });
  }

  private settle(id: number, outcome: Outcome): void {
    const command = this.inFlight.get(id);
    this.inFlight.delete(id);
    if (command) this.ended.set(id, command.context);
    if (this.ended.size > KEPT) this.ended.delete(this.ended.keys().next().value!);
    try {
      command?.resolve(this.settled(outcome));
    } catch (error) {
      command?.reject(error);
    }
  }
}
