// OutputRouter (each run's output to its own writer) and ByteDecoder (runtime bytes to text chunks).
import { test, expect } from "@playwright/test";
import { ByteDecoder, OutputRouter } from "../../src/interpreters/output-router.js";
import type { Stream, Writer } from "../../src/interpreters/interpreter.js";

/** A writer that records what it got, tagged with its name. */
function recorder(log: string[], name: string): Writer {
  return (text: string, stream: Stream) => log.push(`${name}:${stream}:${text}`);
}

/** A promise with its resolve function, to end a run when the test says so. */
function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

const bytes = (text: string) => [...new TextEncoder().encode(text)];

test("sends output to the fallback writer when no run is in progress", () => {
  const log: string[] = [];
  const router = new OutputRouter(recorder(log, "page"));
  router.write("hi\n", "stdout");
  router.write("oops\n", "stderr");
  expect(log).toEqual(["page:stdout:hi\n", "page:stderr:oops\n"]);
  expect(router.context).toEqual({});
});

test("sends a run's output to its writer while it runs, then back to the fallback", async () => {
  const log: string[] = [];
  const router = new OutputRouter(recorder(log, "page"));
  const target = { id: "tag" } as unknown as Element;
  const result = await router.using({ output: recorder(log, "tag"), target }, async () => {
    router.write("inside", "stdout");
    expect(router.context.target).toBe(target);
    return 42;
  });
  router.write("after", "stdout");
  expect(result).toBe(42);
  expect(log).toEqual(["tag:stdout:inside", "page:stdout:after"]);
  expect(router.context).toEqual({});
});

test("restores the previous writer when the run throws, and passes the error on", async () => {
  const log: string[] = [];
  const router = new OutputRouter(recorder(log, "page"));
  await expect(router.using({ output: recorder(log, "run") }, async () => {
    router.write("before the error", "stdout");
    throw new Error("boom");
  })).rejects.toThrow("boom");
  expect(() => router.usingSync({ output: recorder(log, "sync") }, () => {
    throw new Error("sync boom");
  })).toThrow("sync boom");
  router.write("later", "stdout");
  expect(log).toEqual(["run:stdout:before the error", "page:stdout:later"]);
});

test("observe sees every chunk, whichever writer it goes to", async () => {
  const log: string[] = [];
  const seen: string[] = [];
  const router = new OutputRouter(recorder(log, "page"), recorder(seen, "observer"));
  router.write("a", "stdout");
  await router.using({ output: recorder(log, "run") }, async () => router.write("b", "stderr"));
  router.usingSync({ output: recorder(log, "sync") }, () => router.write("c", "stdout"));
  expect(seen).toEqual(["observer:stdout:a", "observer:stderr:b", "observer:stdout:c"]);
  expect(log).toEqual(["page:stdout:a", "run:stderr:b", "sync:stdout:c"]);
});

test("a nested run inherits what it doesn't set and hands back to the outer run", () => {
  const log: string[] = [];
  const router = new OutputRouter(recorder(log, "page"));
  const outerTarget = { id: "outer" } as unknown as Element;
  const innerTarget = { id: "inner" } as unknown as Element;
  router.usingSync({ output: recorder(log, "outer"), target: outerTarget }, () => {
    router.usingSync({ target: innerTarget }, () => {
      router.write("1", "stdout"); // the outer run's writer, the inner target
      expect(router.context.target).toBe(innerTarget);
    });
    router.usingSync({ output: recorder(log, "inner") }, () => {
      router.write("2", "stdout");
      expect(router.context.target).toBe(outerTarget);
    });
    router.usingSync({}, () => router.write("3", "stdout")); // an empty context changes nothing
    expect(router.context.target).toBe(outerTarget);
  });
  router.write("4", "stdout");
  expect(log).toEqual(["outer:stdout:1", "inner:stdout:2", "outer:stdout:3", "page:stdout:4"]);
});

test("a run that ends while a later one is going does not take the later one's output away", async () => {
  const log: string[] = [];
  const router = new OutputRouter(recorder(log, "page"));
  const first = deferred();
  const second = deferred();
  const one = router.using({ output: recorder(log, "one") }, () => first.promise);
  const two = router.using({ output: recorder(log, "two") }, () => second.promise);
  router.write("a", "stdout");
  first.resolve();
  await one;
  router.write("b", "stdout");
  expect(log).toEqual(["two:stdout:a", "two:stdout:b"]);
  second.resolve();
  await two;
});

test("overlapping runs that end in the order they started leave output with the fallback, not the first run", async () => {
  const log: string[] = [];
  const router = new OutputRouter(recorder(log, "page"));
  const first = deferred();
  const second = deferred();
  const one = router.using({ output: recorder(log, "one") }, () => first.promise);
  const two = router.using({ output: recorder(log, "two") }, () => second.promise);
  first.resolve();
  await one;
  second.resolve();
  await two;
  router.write("b", "stdout");
  expect(log).toEqual(["page:stdout:b"]);
  expect(router.context).toEqual({});
});

test("overlapping runs that end in reverse order leave output with the fallback", async () => {
  const log: string[] = [];
  const router = new OutputRouter(recorder(log, "page"));
  const first = deferred();
  const second = deferred();
  const one = router.using({ output: recorder(log, "one") }, () => first.promise);
  const two = router.using({ output: recorder(log, "two") }, () => second.promise);
  second.resolve();
  await two;
  router.write("a", "stdout");
  first.resolve();
  await one;
  router.write("b", "stdout");
  expect(log).toEqual(["one:stdout:a", "page:stdout:b"]);
});

test("the fallback writer can be swapped, and the change applies at once", () => {
  const log: string[] = [];
  const router = new OutputRouter(recorder(log, "old"));
  router.fallback = recorder(log, "new");
  router.write("x", "stdout");
  expect(log).toEqual(["new:stdout:x"]);
});

test("ByteDecoder emits a line as soon as its newline byte arrives", () => {
  const out: string[] = [];
  const decoder = new ByteDecoder((text) => out.push(text));
  for (const byte of bytes("hi\nthere\n")) decoder.push(byte);
  expect(out).toEqual(["hi\n", "there\n"]); // synchronously, no microtask needed
});

test("ByteDecoder emits text without a newline at the next microtask, or at once when flushed", async () => {
  const out: string[] = [];
  const decoder = new ByteDecoder((text) => out.push(text));
  for (const byte of bytes("a")) decoder.push(byte);
  expect(out).toEqual([]);
  await Promise.resolve();
  expect(out).toEqual(["a"]);
  for (const byte of bytes("> ")) decoder.push(byte);
  decoder.flush();
  expect(out).toEqual(["a", "> "]);
  await Promise.resolve();
  decoder.flush(); // nothing left: emits nothing
  expect(out).toEqual(["a", "> "]);
});

test("ByteDecoder keeps a UTF-8 character split across flushes whole", async () => {
  const out: string[] = [];
  const decoder = new ByteDecoder((text) => out.push(text));
  const [first, ...rest] = bytes("é🐍");
  decoder.push(first!);
  decoder.flush(); // half a character: nothing to show yet
  expect(out).toEqual([]);
  decoder.push(rest[0]!);
  decoder.push(rest[1]!);
  await Promise.resolve();
  expect(out).toEqual(["é"]);
  for (const byte of rest.slice(2)) decoder.push(byte);
  decoder.flush();
  expect(out.join("")).toBe("é🐍");
});

test("ByteDecoder decodes chunks at once, joining characters split between chunks", () => {
  const out: string[] = [];
  const decoder = new ByteDecoder((text) => out.push(text));
  const all = new TextEncoder().encode("naïve 🐍 ok");
  const cut = [...all].indexOf(0xf0) + 2; // the middle of the snake's four bytes
  decoder.pushAll(all.slice(0, 3)); // "na" and the first byte of "ï"
  expect(out).toEqual(["na"]);
  decoder.pushAll(all.slice(3, cut));
  decoder.pushAll(all.slice(cut));
  expect(out).toEqual(["na", "ïve ", "🐍 ok"]);
  decoder.pushAll(new Uint8Array()); // an empty chunk emits nothing
  expect(out).toHaveLength(3);
});

test("ByteDecoder.pushChunk holds pieces until a newline (or the next microtask), across split UTF-8", async () => {
  const out: string[] = [];
  const decoder = new ByteDecoder((text) => out.push(text));
  const bytes = new TextEncoder().encode("é!\n");
  decoder.pushChunk(bytes.subarray(0, 1)); // half of "é"
  decoder.pushChunk(bytes.subarray(1, 2));
  expect(out).toEqual([]);
  decoder.pushChunk(bytes.subarray(2));
  expect(out).toEqual(["é!\n"]);
  decoder.pushChunk(new TextEncoder().encode("no newline"));
  expect(out).toEqual(["é!\n"]);
  await Promise.resolve();
  expect(out).toEqual(["é!\n", "no newline"]);
});
