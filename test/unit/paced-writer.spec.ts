// pacedWriter: output shown a frame at a time, at most so much held, and a note where output was skipped.
import { test, expect } from "@playwright/test";
import { pacedWriter } from "../../src/page-io/paced-writer.js";

/** Frames run by hand: requestAnimationFrame only queues. */
function frames() {
  const queue: (() => void)[] = [];
  (globalThis as any).requestAnimationFrame = (callback: () => void) => queue.push(callback);
  return {
    pending: () => queue.length,
    run() {
      const now = queue.splice(0);
      for (const callback of now) callback();
    },
  };
}

function shown() {
  const log: [string, string][] = [];
  return { log, writer: (text: string, stream: string) => void log.push([stream, text]), text: () => log.map(([, text]) => text).join("") };
}

test("text waits for the next frame, in order, streams kept apart", () => {
  const frame = frames();
  const out = shown();
  const paced = pacedWriter(out.writer);
  paced.write("a", "stdout");
  paced.write("b", "stdout");
  paced.write("oops", "stderr");
  expect(out.log).toEqual([]);
  frame.run();
  expect(out.log).toEqual([["stdout", "a"], ["stdout", "b"], ["stderr", "oops"]]);
  expect(frame.pending()).toBe(0);
});

test("one frame shows at most 64 kB; the rest follows in the next frames", () => {
  const frame = frames();
  const out = shown();
  const paced = pacedWriter(out.writer);
  paced.write("x".repeat(150_000), "stdout");
  frame.run();
  expect(out.text().length).toBe(65_536);
  frame.run();
  frame.run();
  expect(out.text().length).toBe(150_000);
  expect(frame.pending()).toBe(0);
});

test("past 1 MB held, the oldest pieces are skipped, and a note says how much, where", () => {
  const frame = frames();
  const out = shown();
  const paced = pacedWriter(out.writer);
  for (let i = 0; i < 30; i++) paced.write(`${i}`.padEnd(100_000, "."), "stdout"); // 3 MB before the page draws
  paced.flush();
  const text = out.text();
  expect(text.length).toBeLessThan(1_200_000);
  expect(out.log[0]![0]).toBe("stderr");
  expect(out.log[0]![1]).toMatch(/^\n\[… 2\.\d MB of output skipped: it came faster than the page can show it …\]\n$/);
  expect(text.endsWith(`29`.padEnd(100_000, "."))).toBe(true);
  frame.run();
});

test("what the sender skipped is noted where it happened, and flush() shows everything now", () => {
  frames();
  const out = shown();
  const paced = pacedWriter(out.writer);
  paced.write("before\n", "stdout");
  paced.write("after\n", "stdout", 2500);
  paced.flush();
  expect(out.log).toEqual([["stdout", "before\n"], ["stderr", "\n[… 3 kB of output skipped: it came faster than the page can show it …]\n"], ["stdout", "after\n"]]);
});

test("in a hidden tab, which draws no frames, output is still written (on a timer)", async () => {
  const frame = frames();
  const out = shown();
  (globalThis as any).document = { hidden: true };
  try {
    pacedWriter(out.writer).write("while hidden\n", "stdout");
    await expect.poll(() => out.text()).toBe("while hidden\n");
    expect(frame.pending()).toBe(0);
  } finally {
    delete (globalThis as any).document;
  }
});
