// The PluginRegistry's test harness: a registry whose stages a unit test resolves by hand.
import { PluginRegistry, type Plugin } from "../../src/plugin.js";
import { DEFAULT_CONFIG, type Config } from "../../src/config.js";
import type { PyScriptError } from "../../src/errors.js";
import type { Interpreter } from "../../src/interpreters/interpreter.js";

/** A promise resolved from outside. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** Let every pending promise callback run (a macrotask comes after all microtasks). */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * A registry whose stages the test resolves, with one log for hooks and
 * announcements alike, and the errors (and warnings) it reported.
 */
export function setup(configOverrides: Partial<Config> = {}) {
  const configured = deferred<Config>();
  const loaded = deferred<void>();
  const ready = deferred<Interpreter>();
  const log: string[] = [];
  const announced: { name: string; detail: unknown }[] = [];
  const reported: PyScriptError[] = [];
  const warned: PyScriptError[] = [];
  const registry = new PluginRegistry({
    stages: { configured: configured.promise, loaded: loaded.promise, ready: ready.promise },
    announce: ((name: string, detail: unknown) => {
      announced.push({ name, detail });
      log.push(`${name} ${(detail as { plugin: Plugin }).plugin.name}`);
    }) as never,
    report: (error, options) => (options?.warning ? warned : reported).push(error),
  });
  const config: Config = { ...DEFAULT_CONFIG, files: {}, ...configOverrides };
  const interpreter = { version: "fake 1.0" } as unknown as Interpreter;
  /** A plugin logging each hook it gets, with what it got. */
  const plugin = (name: string, overrides: Partial<Plugin> = {}): Plugin => ({
    name,
    configure: (c) => void log.push(`${name}.configure${c === config ? "" : " (wrong config)"}`),
    start: (c) => void log.push(`${name}.start${c === config ? "" : " (wrong config)"}`),
    onInterpreterReady: (c, i) => void log.push(`${name}.onInterpreterReady${c === config && i === interpreter ? "" : " (wrong args)"}`),
    ...overrides,
  });
  const stages = {
    configure: async () => (configured.resolve(config), settle()),
    load: async () => (loaded.resolve(), settle()),
    ready: async () => (ready.resolve(interpreter), settle()),
  };
  return { registry, log, announced, reported, warned, config, interpreter, plugin, stages };
}
