/**
 * Output plumbing shared by the adapters. Runtimes hand us bytes (one at a
 * time for MicroPython, in chunks for Pyodide); we turn them into text chunks
 * and send each to whichever writer the current run asked for, so a
 * `<py-script>` tag or a REPL terminal gets exactly its own output.
 */
import type { RunContext, Stream, Writer } from "./interpreter.js";

/** Sends output to the writer of the run in progress, or to the default. */
export class OutputRouter {
  private current: RunContext = {};
  private runs: RunContext[] = [];

  constructor(public fallback: Writer, private observe?: Writer) {}

  write(text: string, stream: Stream): void {
    this.observe?.(text, stream);
    (this.current.output ?? this.fallback)(text, stream);
  }

  /** Where the run in progress sends output and `display()`. */
  get context(): RunContext {
    return this.current;
  }

  /** Run `fn` with its output going to `context.output` (if given). */
  async using<T>(context: RunContext, fn: () => Promise<T>): Promise<T> {
    const restore = this.enter(context);
    try {
      return await fn();
    } finally {
      restore();
    }
  }

  /** The synchronous twin of {@link using}. */
  usingSync<T>(context: RunContext, fn: () => T): T {
    const restore = this.enter(context);
    try {
      return fn();
    } finally {
      restore();
    }
  }

  /**
   * Runs may overlap (an awaiting script, an event handler): each is an
   * entry on a stack, the newest one current, and each removes only its own
   * entry when it ends, whatever the order.
   */
  enter({ output, target }: RunContext): () => void {
    if (!output && !target) return () => {};
    const mine = { output: output ?? this.current.output, target: target ?? this.current.target };
    this.runs.push(mine);
    this.current = mine;
    return () => {
      this.runs.splice(this.runs.indexOf(mine), 1);
      this.current = this.runs[this.runs.length - 1] ?? {};
    };
  }
}

/**
 * Collects bytes of one stream and emits UTF-8 text at each newline, or when
 * flushed (end of a run, before an input prompt, or at the next microtask),
 * so `print("a", end="")` shows without waiting for a newline.
 */
export class ByteDecoder {
  private bytes: number[] = [];
  private text = "";
  private decoder = new TextDecoder();
  private scheduled = false;

  constructor(private emit: (text: string) => void) {}

  /** One byte (MicroPython's stdout, where its writes can't be had whole). */
  push(byte: number): void {
    this.bytes.push(byte);
    if (byte === 10) this.flush();
    else this.schedule();
  }

  /** A piece of what Python wrote, held like bytes until a newline or the next microtask. */
  pushChunk(chunk: Uint8Array): void {
    this.text += this.decoder.decode(chunk, { stream: true });
    if (chunk.includes(10)) this.flush();
    else this.schedule();
  }

  /** A chunk emitted at once (Pyodide's write handler). */
  pushAll(chunk: Uint8Array): void {
    const text = this.decoder.decode(chunk, { stream: true });
    if (text) this.emit(text);
  }

  flush(): void {
    this.scheduled = false;
    if (this.bytes.length) this.text += this.decoder.decode(new Uint8Array(this.bytes), { stream: true });
    const text = this.text;
    [this.bytes, this.text] = [[], ""];
    if (text) this.emit(text);
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => this.flush());
  }
}

/** A new router for a runtime's output, with a decoder for each of its streams. */
export function routeOutput(defaultWriter: Writer, observe?: Writer): { router: OutputRouter; stdout: ByteDecoder; stderr: ByteDecoder } {
  const router = new OutputRouter(defaultWriter, observe);
  return {
    router,
    stdout: new ByteDecoder((text) => router.write(text, "stdout")),
    stderr: new ByteDecoder((text) => router.write(text, "stderr")),
  };
}
