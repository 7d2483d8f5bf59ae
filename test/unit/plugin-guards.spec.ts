// PluginRegistry's guards: a plugin registered twice, two plugins of one name, and hooks that never finish.
import { test, expect } from "@playwright/test";
import { settle, setup } from "./plugin-harness.js";

test("the same plugin object registered twice is refused with a warning naming it, and its hooks run once", async () => {
  const { registry, log, reported, warned, plugin, stages } = setup();
  const twice = plugin("twice");
  registry.register(twice);
  registry.register(twice);
  await stages.configure();
  await stages.load();
  await stages.ready();
  expect(log.filter((line) => line.startsWith("twice."))).toEqual(["twice.configure", "twice.start", "twice.onInterpreterReady"]);
  expect(registry.plugins).toEqual([twice]);
  expect(reported).toEqual([]);
  expect(warned.map((warning) => warning.message)).toEqual([
    'Plugin "twice" was registered twice; the second registration is ignored (its hooks run once).',
  ]);
});

test("a second plugin with the same name is warned about and still runs", async () => {
  const { registry, log, warned, plugin, stages } = setup();
  registry.register(plugin("same"));
  registry.register(plugin("same"));
  await stages.configure();
  expect(log.filter((line) => line === "same.configure")).toHaveLength(2);
  expect(warned).toHaveLength(1);
  expect(warned[0]!.message).toContain('Two different plugins are named "same"');
  expect(warned[0]!.code).toBe("plugin-hook");
});

test("a hook that never resolves is reported by name after pluginTimeout, its later hooks skipped, and the others go on", async () => {
  const { registry, log, reported, plugin, stages } = setup({ pluginTimeout: 50 });
  const never = new Promise<void>(() => {});
  registry.register(plugin("stuck", { start: () => never }));
  registry.register(plugin("fine"));
  await stages.configure();
  await stages.load();
  await stages.ready();
  await registry.allReady();
  expect(reported.map((error) => [error.code, error.message])).toEqual([
    ["plugin-hook", 'Plugin "stuck" did not finish start() within 0.05 s; the page goes on without it.'],
  ]);
  expect(reported[0]!.hint).toContain('"pluginTimeout"');
  expect(log).toContain("fine.onInterpreterReady");
  expect(log).not.toContain("stuck.onInterpreterReady");
});

test("a pluginTimeout of 0 waits for a slow hook as long as it takes", async () => {
  const { registry, log, reported, plugin, stages } = setup({ pluginTimeout: 0 });
  let finish!: () => void;
  registry.register(plugin("slow", { configure: () => new Promise<void>((resolve) => (finish = resolve)) }));
  await stages.configure();
  await new Promise((resolve) => setTimeout(resolve, 30));
  finish();
  await settle();
  expect(log).toContain("py-plugin-registered slow");
  expect(reported).toEqual([]);
});
