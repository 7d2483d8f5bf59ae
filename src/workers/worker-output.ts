/**
 * A worker's output on its way to the page. It goes as it is written: no
 * timer can fire while Python runs, so anything held back could wait for
 * the end of a long computation. Only a chatty script (over 50 messages in
 * 16 ms) gets batched, so it can't flood the page; its batches go out at
 * 4 kB, at its next quiet moment, or on flush().
 */
import type { Stream, Writer } from "../interpreters/interpreter.js";
import type { FromWorker } from "./messages.js";

export interface WorkerOutput {
  write: Writer;
  /** Send what is held back now (before anything else goes to the page). */
  flush(): void;
}

/** Output sent to the page with `post`. */
export function workerOutput(post: (message: FromWorker) => void): WorkerOutput {
  let text = "";
  let stream: Stream = "stdout";
  let windowStart = 0;
  let sentInWindow = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    if (text) post({ type: "output", text, stream });
    text = "";
  };
  const write: Writer = (chunk, to) => {
    if (to !== stream) flush();
    stream = to;
    text += chunk;
    const now = performance.now();
    if (now - windowStart > 16) [windowStart, sentInWindow] = [now, 0];
    if (sentInWindow++ < 50 || text.length > 4096) flush();
    else timer ??= setTimeout(flush, 16);
  };
  return { write, flush };
}
