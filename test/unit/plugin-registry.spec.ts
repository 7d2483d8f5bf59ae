// PluginRegistry: each plugin walked through the kernel's stages, driven here by hand.
import { test, expect } from "@playwright/test";
import type { Plugin } from "../../src/plugin.js";
import { deferred, settle, setup } from "./plugin-harness.js";

test("runs each hook only once its stage is reached, announcing registration and start", async () => {
  const { registry, log, announced, config, plugin, stages } = setup();
  const hello = plugin("hello");
  registry.register(hello);
  await settle();
  expect(log).toEqual([]);
  await stages.configure();
  expect(log).toEqual(["hello.configure", "py-plugin-registered hello"]);
  expect(announced[0]).toEqual({ name: "py-plugin-registered", detail: { config, plugin: hello } });
  await stages.load();
  expect(log).toEqual(["hello.configure", "py-plugin-registered hello", "hello.start", "py-plugin-started hello"]);
  expect(announced[1]!.detail).toEqual({ config, plugin: hello });
  await stages.ready();
  expect(log.at(-1)).toBe("hello.onInterpreterReady");
  expect(log).toHaveLength(5);
  expect(registry.plugins).toEqual([hello]);
});

test("start waits for loaded even when it comes first in the page's life, and ready waits for start", async () => {
  const { registry, log, plugin, stages } = setup();
  registry.register(plugin("early"));
  await stages.ready(); // ready alone: nothing may run before configured and loaded
  expect(log).toEqual([]);
  await stages.configure();
  expect(log).toEqual(["early.configure", "py-plugin-registered early"]);
  await stages.load();
  expect(log).toEqual(["early.configure", "py-plugin-registered early", "early.start", "py-plugin-started early", "early.onInterpreterReady"]);
});

test("a plugin registered after every stage runs configure, start and onInterpreterReady at once, in order", async () => {
  const { registry, log, plugin, stages } = setup();
  await stages.configure();
  await stages.load();
  await stages.ready();
  registry.register(plugin("late"));
  await registry.allReady();
  expect(log).toEqual(["late.configure", "py-plugin-registered late", "late.start", "py-plugin-started late", "late.onInterpreterReady"]);
});

test("plugins without hooks are still announced, and async hooks are awaited before the next stage", async () => {
  const { registry, log, plugin, stages } = setup();
  const gate = deferred<void>();
  registry.register({ name: "bare" });
  registry.register(plugin("slow", {
    configure: async () => {
      await gate.promise;
      log.push("slow.configure done");
    },
  }));
  await stages.configure();
  await stages.load();
  await stages.ready();
  expect(log).toEqual(["py-plugin-registered bare", "py-plugin-started bare"]);
  gate.resolve();
  await registry.allReady();
  expect(log.slice(2)).toEqual(["slow.configure done", "py-plugin-registered slow", "slow.start", "py-plugin-started slow", "slow.onInterpreterReady"]);
});

test("a hook that throws is reported as plugin-hook naming the plugin and hook; its later hooks are skipped, others go on", async () => {
  const { registry, log, reported, plugin, stages } = setup();
  registry.register(plugin("broken", { configure: () => { throw new Error("no config for me"); } }));
  registry.register(plugin("fine"));
  registry.register(plugin("fails-later", { start: async () => { throw new TypeError("bad start"); } }));
  await stages.configure();
  await stages.load();
  await stages.ready();
  await registry.allReady();
  expect(reported.map((error) => [error.code, error.message])).toEqual([
    ["plugin-hook", 'Plugin "broken" failed in configure(): no config for me'],
    ["plugin-hook", 'Plugin "fails-later" failed in start(): bad start'],
  ]);
  expect(reported[0]!.hint).toContain('"broken" plugin');
  expect(reported[0]!.cause).toBeInstanceOf(Error);
  expect(log.filter((entry) => entry.includes("broken"))).toEqual([]); // not even announced
  expect(log.filter((entry) => entry.includes("fails-later"))).toEqual(["fails-later.configure", "py-plugin-registered fails-later"]);
  expect(log.filter((entry) => entry.includes("fine"))).toEqual([
    "fine.configure", "py-plugin-registered fine", "fine.start", "py-plugin-started fine", "fine.onInterpreterReady",
  ]);
});

test("a throw in onInterpreterReady, even of a non-Error, is reported with the hook's name", async () => {
  const { registry, reported, plugin, stages } = setup();
  registry.register(plugin("thrower", { onInterpreterReady: () => { throw "just a string"; } }));
  await stages.configure();
  await stages.load();
  await stages.ready();
  await registry.allReady();
  expect(reported.map((error) => error.message)).toEqual(['Plugin "thrower" failed in onInterpreterReady(): just a string']);
});

test("allConfigured and allReady resolve only once every registered plugin got there", async () => {
  const { registry, plugin, stages } = setup();
  const gate = deferred<void>();
  registry.register(plugin("quick"));
  registry.register(plugin("waits", { onInterpreterReady: () => gate.promise }));
  let configuredAll = false;
  let readyAll = false;
  void registry.allConfigured().then(() => (configuredAll = true));
  void registry.allReady().then(() => (readyAll = true));
  await settle();
  expect(configuredAll).toBe(false);
  await stages.configure();
  expect(configuredAll).toBe(true);
  await stages.load();
  await stages.ready();
  expect(readyAll).toBe(false); // "waits" is still in onInterpreterReady
  gate.resolve();
  await settle();
  expect(readyAll).toBe(true);
});

test("allReady resolves even when a plugin failed, and covers only plugins registered so far", async () => {
  const { registry, plugin, stages } = setup();
  await stages.configure();
  await stages.load();
  await stages.ready();
  registry.register(plugin("broken", { configure: () => { throw new Error("x"); } }));
  await expect(registry.allReady()).resolves.toBeDefined();
  const before = registry.allReady();
  const gate = deferred<void>();
  registry.register(plugin("later", { onInterpreterReady: () => gate.promise }));
  let afterDone = false;
  void registry.allReady().then(() => (afterDone = true));
  await before; // does not wait for "later"
  await settle();
  expect(afterDone).toBe(false);
  gate.resolve();
  await settle();
  expect(afterDone).toBe(true);
});

test("registering something that is not a plugin reports plugin-hook instead of throwing", async () => {
  const { registry, reported, stages } = setup();
  const selfReferring: any = {};
  selfReferring.self = selfReferring;
  for (const notAPlugin of [null, undefined, "hello", 42, { configure() {} }, { name: "" }, {}, selfReferring]) {
    expect(() => registry.register(notAPlugin as never)).not.toThrow();
  }
  expect(reported.map((error) => error.code)).toEqual(Array(8).fill("plugin-hook"));
  expect(reported.map((error) => error.message)).toEqual([
    "registerPlugin() was given null, which is not a plugin.",
    "registerPlugin() was given undefined, which is not a plugin.",
    'registerPlugin() was given the string "hello", which is not a plugin.',
    "registerPlugin() was given 42, which is not a plugin.",
    "registerPlugin() was given an object with configure, which is not a plugin.",
    "registerPlugin() was given an object with name, which is not a plugin.",
    "registerPlugin() was given an empty object, which is not a plugin.",
    "registerPlugin() was given an object with self, which is not a plugin.",
  ]);
  expect(reported[0]!.hint).toContain('"name" string');
  expect(registry.plugins).toEqual([]);
  await stages.configure();
  await expect(registry.allConfigured()).resolves.toEqual([]);
});
