/**
 * A worker waiting for the page: the worker sends a request and sleeps on a
 * SharedArrayBuffer (`Atomics.wait`) until the page writes the answer there
 * and wakes it. Only cross-origin isolated pages have SharedArrayBuffer.
 * Most requests are posted as messages; DOM operations, many and small, are
 * written into the buffer too, where the page waits for them with
 * `Atomics.waitAsync` (about 10 µs sooner than a message, measured here).
 *
 * Layout: Int32 [0] = 0 waiting / 1 answered, [1] = answer length, [2] = 1
 * when a request is there, [3] = its length; then the answer and the request
 * as UTF-8 JSON, 1 MB of room each.
 */
import type { Answer } from "./messages.js";

const HEADER = 16;
const encoder = new TextEncoder();
const decoder = new TextDecoder();
const SIZE = 1 << 20; // room for a 1 MB answer

/** A new channel, or undefined where the page can't share memory. */
export function createChannel(): SharedArrayBuffer | undefined {
  return globalThis.crossOriginIsolated ? new SharedArrayBuffer(HEADER + 2 * SIZE) : undefined;
}

/** The page's side: write the answer and wake the worker. */
export function answer(channel: SharedArrayBuffer, reply: Answer): void {
  let bytes = encoder.encode(JSON.stringify(reply));
  if (bytes.length > SIZE) bytes = encoder.encode(JSON.stringify({ error: `the answer is over ${SIZE} bytes: too big to pass to a waiting worker` }));
  const header = new Int32Array(channel, 0, 4);
  new Uint8Array(channel, HEADER, bytes.length).set(bytes);
  header[1] = bytes.length;
  Atomics.store(header, 0, 1);
  Atomics.notify(header, 0);
}

/** The worker's side: after posting a request, sleep until it is answered. */
export function waitForAnswer(channel: SharedArrayBuffer): Answer {
  const header = new Int32Array(channel, 0, 4);
  // A wake-up alone proves nothing: the page's notify for the previous answer can arrive late,
  // after we read that answer and asked again. Only the flag says an answer is there.
  while (Atomics.load(header, 0) === 0) Atomics.wait(header, 0, 0);
  const bytes = new Uint8Array(channel, HEADER, header[1]).slice(); // TextDecoder can't read shared memory
  Atomics.store(header, 0, 0);
  return JSON.parse(decoder.decode(bytes)) as Answer;
}

/** The worker's side: write a request into the channel for the page (then wait for its answer). */
export function sendRequest(channel: SharedArrayBuffer, request: unknown): void {
  const bytes = encoder.encode(JSON.stringify(request));
  if (bytes.length > SIZE) throw new RangeError(`a request to the page is over ${SIZE} bytes`);
  const header = new Int32Array(channel, 0, 4);
  new Uint8Array(channel, HEADER + SIZE, bytes.length).set(bytes);
  header[3] = bytes.length;
  Atomics.store(header, 2, 1);
  Atomics.notify(header, 2);
}

type WaitAsync = (array: Int32Array, index: number, value: number) => { async: boolean; value: Promise<unknown> | string };

/** The page's side: call `handle` with each request the worker writes into the channel; returns what stops it. */
export function listenForRequests(channel: SharedArrayBuffer, handle: (request: unknown) => void): () => void {
  const header = new Int32Array(channel, 0, 4);
  const waitAsync = (Atomics as unknown as { waitAsync: WaitAsync }).waitAsync;
  let stopped = false;
  const next = (): void => {
    if (stopped) return;
    const waiting = waitAsync(header, 2, 0);
    if (waiting.async) void (waiting.value as Promise<unknown>).then(take);
    else take();
  };
  const take = (): void => {
    if (stopped) return;
    // The worker's notify for a request we already took (we saw its flag before waiting) can wake the next wait: nothing new.
    if (Atomics.load(header, 2) === 0) return next();
    const bytes = new Uint8Array(channel, HEADER + SIZE, header[3]).slice();
    Atomics.store(header, 2, 0); // before answering: the worker's next request can only come after the answer
    try {
      handle(JSON.parse(decoder.decode(bytes)));
    } finally {
      next();
    }
  };
  next();
  return () => (stopped = true);
}

/** Why a worker can't wait for the page here, and how to fix that. */
export const NOT_ISOLATED =
  "a worker can only wait for the page (input(), sync calls) when the page is cross-origin isolated. " +
  "Serve it with the headers Cross-Origin-Opener-Policy: same-origin and Cross-Origin-Embedder-Policy: require-corp " +
  "(npm start -- --isolated does), or use the async form: await main.function(...).";

/** Why a worker can't reach the page's `%s` (document or window) here, and how to fix that (Python fills in the name). */
export const NOT_ISOLATED_DOM =
  "[not-isolated] %s: a worker reaches the page's document and window only when the page is cross-origin isolated. " +
  "Serve it with the headers Cross-Origin-Opener-Policy: same-origin and Cross-Origin-Embedder-Policy: require-corp " +
  "(npm start -- --isolated does), or do the DOM work in a script without `worker` and @export it for the worker to call.";

/** How to fix a `not-isolated` error. */
export const NOT_ISOLATED_HINT = "Serve the page with Cross-Origin-Opener-Policy: same-origin and Cross-Origin-Embedder-Policy: require-corp " +
  "(npm start -- --isolated does), or keep DOM work out of the worker.";
