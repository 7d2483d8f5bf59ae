// The shared-memory channel between a waiting worker and the page (src/workers/channel.ts).
// A notify can arrive after the flag it announced was already seen and handled:
// neither side may take such a late wake-up for a new request or a new answer.
import { test, expect } from "@playwright/test";
import { Worker } from "node:worker_threads";
import { answer, createChannel, listenForRequests, sendRequest, waitForAnswer } from "../../src/workers/channel.js";

function newChannel(): SharedArrayBuffer {
  (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated = true;
  return createChannel()!;
}

/** Let the event loop turn (a waitAsync wake-up is delivered as a task). */
async function turns(count = 5): Promise<void> {
  for (let i = 0; i < count; i++) await new Promise((resolve) => setImmediate(resolve));
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await turns(1);
}

test("the page handles each request once, even when the worker's notify for it arrives after the page took it", async () => {
  const channel = newChannel();
  const handled: unknown[] = [];
  const stop = listenForRequests(channel, (request) => {
    handled.push(request);
    answer(channel, { value: handled.length });
  });
  sendRequest(channel, { n: 1 });
  await until(() => handled.length === 1);
  Atomics.notify(new Int32Array(channel, 0, 4), 2); // request 1's notify, late: the page already took it
  await turns();
  sendRequest(channel, { n: 2 });
  await until(() => handled.length >= 2);
  await turns();
  stop();
  expect(handled).toEqual([{ n: 1 }, { n: 2 }]);
});

test("the worker waits for a new answer, not for any wake-up: a late notify of the last answer is ignored", async () => {
  const channel = newChannel();
  const header = new Int32Array(channel, 0, 4);
  // The page, in another thread: once asked (header[2]), it sends a bare notify (an old answer's, late), then the answer.
  const page = new Worker(`
    const { workerData: channel } = require("node:worker_threads");
    const header = new Int32Array(channel, 0, 4);
    const pause = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
    Atomics.wait(header, 2, 0);
    for (let i = 0; i < 5; i++) { pause(10); Atomics.notify(header, 0); }
    const bytes = new TextEncoder().encode(JSON.stringify({ value: "the new answer" }));
    new Uint8Array(channel, 16, bytes.length).set(bytes);
    header[1] = bytes.length;
    Atomics.store(header, 0, 1);
    Atomics.notify(header, 0);
  `, { eval: true, workerData: channel });
  // The last answer, already read: its bytes are still there, its flag is down.
  const old = new TextEncoder().encode(JSON.stringify({ value: "the old answer" }));
  new Uint8Array(channel, 16, old.length).set(old);
  header[1] = old.length;
  Atomics.store(header, 2, 1);
  Atomics.notify(header, 2);
  expect(waitForAnswer(channel)).toEqual({ value: "the new answer" });
  await page.terminate();
});
