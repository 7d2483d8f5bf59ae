/**
 * Plugins are plain objects with a `name` and any of three hooks. Each
 * registered plugin follows the kernel through its stages as a chain of
 * promises: configure once the config is read, start once the interpreter's
 * code has arrived, onInterpreterReady once it runs. A plugin registered late
 * simply finds those promises already resolved and runs its hooks at once.
 * A hook that throws, or whose promise outlives the config's `pluginTimeout`,
 * is reported with the plugin's name; that plugin's later hooks are skipped
 * and every other plugin goes on. The same object registered twice runs once.
 */
import type { Announce } from "./announce.js";
import type { Config } from "./config.js";
import { PyScriptError, reasonOf } from "./errors.js";
import type { Interpreter } from "./interpreters/interpreter.js";

/**
 * A plugin. Only `configure` may change the config.
 *
 * @example
 * PyScript.registerPlugin({
 *   name: "hello",
 *   onInterpreterReady(config, interpreter) { interpreter.runSync("print('hi')"); },
 * });
 */
export interface Plugin {
  /** Shown in logs and error messages. */
  name: string;
  /** The `<py-config>` keys this plugin reads, so the page isn't warned that nothing reads them. */
  configKeys?: readonly string[];
  /** Called once the config is read; may change it (e.g. add files). */
  configure?(config: Config): void | Promise<void>;
  /** Called once the interpreter's code has downloaded: define elements, start fetches. */
  start?(config: Config): void | Promise<void>;
  /** Called once the interpreter can run code. */
  onInterpreterReady?(config: Config, interpreter: Interpreter): void | Promise<void>;
}

/** The kernel's stages, as promises the plugin chains wait on. */
export interface Stages {
  configured: Promise<Config>;
  loaded: Promise<void>;
  ready: Promise<Interpreter>;
}

/** What the registry needs from its kernel: its stages, and how to announce and report. */
export interface RegistryHooks {
  stages: Stages;
  announce: Announce;
  report(error: PyScriptError, options?: { warning?: boolean }): void;
  /** What must be done before this plugin gets the interpreter (the kernel's: the pyscript package for plugins not its own). */
  beforeReady?(plugin: Plugin): Promise<unknown> | undefined;
}

/** Keeps the registered plugins and walks each through the stages. */
export class PluginRegistry {
  readonly plugins: Plugin[] = [];
  private configuring: Promise<unknown>[] = [];
  private readying: Promise<unknown>[] = [];

  constructor(private kernel: RegistryHooks) {}

  /** Register a plugin; its hooks run as the kernel reaches each stage. The same object twice is refused. */
  register(plugin: Plugin): void {
    if (!this.isRegistrable(plugin)) return;
    this.plugins.push(plugin);
    const configured = this.configure(plugin);
    this.configuring.push(configured);
    this.readying.push(configured.then(async (ok) => ok && (await this.startAndReady(plugin))));
  }

  /** Is this a plugin, not registered before? A second plugin of the same name is only warned about. */
  private isRegistrable(plugin: Plugin): boolean {
    if (typeof plugin !== "object" || plugin === null || typeof plugin.name !== "string" || !plugin.name) {
      this.kernel.report(new PyScriptError("plugin-hook", `registerPlugin() was given ${describePlugin(plugin)}, which is not a plugin.`, {
        hint: 'Pass an object with a "name" string and any of configure(config), start(config), onInterpreterReady(config, interpreter).',
      }));
      return false;
    }
    if (this.plugins.includes(plugin)) {
      this.kernel.report(new PyScriptError("plugin-hook", `Plugin "${plugin.name}" was registered twice; the second registration is ignored (its hooks run once).`, {
        hint: "Call registerPlugin() once per plugin: a script that registers it may be on the page twice.",
      }), { warning: true });
      return false;
    }
    if (this.plugins.some((other) => other.name === plugin.name)) {
      this.kernel.report(new PyScriptError("plugin-hook", `Two different plugins are named "${plugin.name}"; both run, but errors and logs can't tell them apart.`, {
        hint: `Give one of them another name; the page's plugins are: ${this.plugins.map((other) => `"${other.name}"`).join(", ")}.`,
      }), { warning: true });
    }
    return true;
  }

  /** Resolves when every plugin registered so far has been configured. */
  allConfigured(): Promise<unknown> {
    return Promise.all(this.configuring);
  }

  /** Resolves when every plugin registered so far has run onInterpreterReady. */
  allReady(): Promise<unknown> {
    return Promise.all(this.readying);
  }

  private async configure(plugin: Plugin): Promise<boolean> {
    const config = await this.kernel.stages.configured;
    if (!(await this.call(plugin, "configure", () => plugin.configure?.(config)))) return false;
    this.kernel.announce("py-plugin-registered", { config, plugin });
    return true;
  }

  private async startAndReady(plugin: Plugin): Promise<void> {
    const config = await this.kernel.stages.configured;
    await this.kernel.stages.loaded;
    if (!(await this.call(plugin, "start", () => plugin.start?.(config)))) return;
    this.kernel.announce("py-plugin-started", { config, plugin });
    const interpreter = await this.kernel.stages.ready;
    await this.kernel.beforeReady?.(plugin);
    await this.call(plugin, "onInterpreterReady", () => plugin.onInterpreterReady?.(config, interpreter));
  }

  /** Run one hook; report it by name if it throws or overruns the config's pluginTimeout. Resolves to "it worked". */
  private async call(plugin: Plugin, hook: string, run: () => unknown): Promise<boolean> {
    const { pluginTimeout } = await this.kernel.stages.configured;
    try {
      if ((await withDeadline(run(), pluginTimeout)) !== OVERDUE) return true;
      this.kernel.report(new PyScriptError("plugin-hook", `Plugin "${plugin.name}" did not finish ${hook}() within ${pluginTimeout / 1000} s; the page goes on without it.`, {
        hint: `Make ${hook}() resolve (is it awaiting something that never comes?), or give plugins longer with "pluginTimeout" ` +
          `(milliseconds; 0 waits forever) in <py-config>. Its later hooks are skipped.`,
      }));
    } catch (error) {
      this.kernel.report(new PyScriptError("plugin-hook", `Plugin "${plugin.name}" failed in ${hook}(): ${reasonOf(error)}`, {
        hint: `This is a bug in the "${plugin.name}" plugin, or in how it is configured; its later hooks are skipped and the rest of the page goes on.`,
        cause: error,
      }));
    }
    return false;
  }
}

const OVERDUE = Symbol("overdue");

/** What a hook gave back, once settled, or OVERDUE if it is a promise still pending after `ms` (0: no deadline). */
function withDeadline(work: unknown, ms: number): Promise<unknown> {
  if (!ms || typeof (work as PromiseLike<unknown> | undefined)?.then !== "function") return Promise.resolve(work);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const overdue = new Promise((resolve) => (timer = setTimeout(() => resolve(OVERDUE), ms)));
  return Promise.race([work, overdue]).finally(() => clearTimeout(timer));
}

/** A short description of something that isn't a plugin (never serialised: it may refer to itself). */
function describePlugin(value: unknown): string {
  if (value === null || typeof value !== "object") return typeof value === "string" ? `the string ${JSON.stringify(value)}` : String(value);
  const keys = Object.keys(value).slice(0, 5);
  return keys.length ? `an object with ${keys.join(", ")}` : "an empty object";
}
