/**
 * A worker's output on its way to the page. It goes as it is written: no
 * timer can fire while Python runs, so anything held back could wait for
 * the end of a long computation. Only a chatty script (over 50 messages or
 * HELD_CHARS in 16 ms) gets batched, so it can't flood the page: its text
 * then goes once per 16 ms (checked as it writes, or at its next quiet
 * moment, or on flush()), and at most about HELD_CHARS of it, the newest,
 * with the count of what was skipped, so the page shows where output was
 * dropped.
 */
import type { Stream, Writer } from "../interpreters/interpreter.js";
import type { FromWorker } from "./messages.js";

const WINDOW_MS = 16;
const HELD_CHARS = 65_536;

export interface WorkerOutput {
  write: Writer;
  /** Send what is held back now (before anything else goes to the page). */
  flush(): void;
}

/** Output sent to the page with `post`. */
export function workerOutput(post: (message: FromWorker) => void): WorkerOutput {
  let text = "";
  let stream: Stream = "stdout";
  let skipped = 0;
  let windowStart = 0;
  let sentInWindow = 0;
  let charsInWindow = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    if (text || skipped) post({ type: "output", text, stream, ...(skipped && { skipped }) });
    [text, skipped] = ["", 0];
  };
  const write: Writer = (chunk, to) => {
    if (to !== stream) flush();
    stream = to;
    text += chunk;
    if (text.length > 2 * HELD_CHARS) { // trimmed now and then, not at every write
      skipped += text.length - HELD_CHARS;
      text = text.slice(-HELD_CHARS);
    }
    const now = performance.now();
    if (now - windowStart > WINDOW_MS) [windowStart, sentInWindow, charsInWindow] = [now, 0, 0];
    charsInWindow += chunk.length;
    const first = sentInWindow++ === 0; // the window's first write always goes, with what was held
    if (first || (sentInWindow <= 50 && charsInWindow <= HELD_CHARS)) flush();
    else timer ??= setTimeout(flush, WINDOW_MS);
  };
  return { write, flush };
}
