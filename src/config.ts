/**
 * The page's config: the defaults, the config the page wrote laid over them
 * (`<py-config>`, inline JSON or TOML or `src=`; or PyScript's ways, see
 * config-sources.ts), and a check of every key we understand, so a mistake
 * is reported with what is wrong, where, and how to fix it. A bad key falls
 * back to its default (and is reported); keys we don't know are kept for plugins.
 */
import type { Assets } from "./assets.js";
import { describeValue as describe, readWrittenConfig, type WrittenConfig } from "./config-sources.js";
import { PyScriptError } from "./errors.js";
import type { InterpreterInfo } from "./interpreters/interpreter.js";
import { interpreterOfTag, isScriptElement, SCRIPT_TAGS } from "./page-io/script-source.js";

/** The page's configuration: the defaults overlaid with `<py-config>`. */
export interface Config {
  /** Which interpreter runs the page's Python. Default: `"micropython"`. */
  interpreter: string;
  /** Files copied onto Python's filesystem, `{"path/on/vfs.py": "url"}`. Relative paths land in `/home/pyscript`, Python's working folder. Default: `{}`. */
  files: Record<string, string>;
  /** The loading overlay: `true` for ours, `false` for none, or your own HTML. Default: `true`. */
  splash: boolean | string;
  /** Folder URL of the interpreter's files. Default: `""`, the folder named after the interpreter next to `pyscript.js`. */
  interpreterURL: string;
  /** Let `?interpreter=name` in the page URL choose the interpreter. Default: `true`. */
  urlOverride: boolean;
  /** Log every stage with its duration to the console. Default: `false`. */
  debug: boolean;
  /** How long a plugin's async hook (configure, start, onInterpreterReady) may take, in milliseconds, before it is reported and the page goes on without it; `0` waits forever. Default: `10000`. */
  pluginTimeout: number;
  /** Any other key: kept as written, for plugins and interpreter options (e.g. MicroPython's `heapsize`). */
  [key: string]: unknown;
}

/** The value of every key `<py-config>` doesn't set. */
export const DEFAULT_CONFIG: Readonly<Config> = Object.freeze({
  interpreter: "micropython",
  files: {},
  splash: true,
  interpreterURL: "",
  urlOverride: true,
  debug: false,
  pluginTimeout: 10_000,
});

/** What reading the config produced: the config plus any problems found. */
export interface ConfigResult {
  config: Config;
  errors: PyScriptError[];
  warnings: PyScriptError[];
}

/**
 * Find the page's config under `root` (see config-sources.ts), read it as
 * ours or as PyScript's (see pyscript-config.ts), lay it over the defaults
 * and check it. Never throws. `assets` is where the TOML parser is loaded
 * from, only when TOML is used.
 */
export async function readConfig(
  root: ParentNode,
  pageURL: URL,
  interpreters: Record<string, InterpreterInfo>,
  assets: Pick<Assets, "import">,
): Promise<ConfigResult> {
  const written = await readWrittenConfig(root, assets);
  const { errors } = written;
  const warnings: PyScriptError[] = [];
  const config = mergeConfig(await asOurs(written, root, assets, errors, warnings), errors);
  applyURLOverride(config, pageURL);
  warnings.push(...checkInterpreter(config, interpreters, errors));
  return { config, errors, warnings };
}

/** The written settings in our dialect (PyScript's is read by pyscript-config.js, loaded only for it). */
async function asOurs({ settings, pyscriptStyle }: WrittenConfig, root: ParentNode, assets: Pick<Assets, "import">,
  errors: PyScriptError[], warnings: PyScriptError[]): Promise<Record<string, unknown>> {
  let ours = settings;
  if (pyscriptStyle || isPyScriptFiles(settings.files) || PINNED.test(String(settings.interpreter ?? ""))) {
    const { fromPyScript } = await assets.import<typeof import("./pyscript-config.js")>("pyscript-config.js");
    ours = fromPyScript(settings, errors, warnings);
  }
  const fromScripts = interpreterFromScripts(root);
  if (ours.interpreter === undefined && fromScripts) ours = { ...ours, interpreter: fromScripts };
  return ours;
}

/** An `interpreter` that pins a PyScript interpreter version or URL. */
export const PINNED = /^(\d|https?:|\.{0,2}\/)/;

/** Does this `files` map only make sense PyScript's way round (URL or template keys, empty or folder values)? */
function isPyScriptFiles(files: unknown): boolean {
  if (typeof files !== "object" || files === null || Array.isArray(files)) return false;
  return Object.entries(files).some(([from, to]) =>
    /^(\.{1,2}\/|https?:\/\/)|\{[^}]*\}/.test(from) || to === "" || (typeof to === "string" && to.endsWith("/")));
}

/**
 * With no interpreter configured, the page's first Python `<script>` on the
 * main thread chooses it, as in PyScript: `py` means Pyodide, `mpy` MicroPython.
 */
function interpreterFromScripts(root: ParentNode): string | undefined {
  const first = [...root.querySelectorAll(SCRIPT_TAGS)].find((tag) => isScriptElement(tag) && !tag.hasAttribute("worker"));
  return first && interpreterOfTag(first);
}

/** Overlay what the page wrote on the defaults, checking each known key. */
function mergeConfig(written: Record<string, unknown>, errors: PyScriptError[]): Config {
  const config: Config = { ...DEFAULT_CONFIG, files: {}, ...written };
  for (const [key, [isValid, expected, example]] of Object.entries(RULES)) {
    if (!(key in written) || isValid(written[key])) continue;
    errors.push(new PyScriptError("config-value", `<py-config> "${key}" must be ${expected}, but it is ${describe(written[key])}.`, {
      hint: `Write it like "${key}": ${example}. Using the default (${JSON.stringify(DEFAULT_CONFIG[key])}) meanwhile.`,
    }));
    config[key] = DEFAULT_CONFIG[key];
  }
  return config;
}

const isString = (v: unknown) => typeof v === "string";
const isBoolean = (v: unknown) => typeof v === "boolean";
const isDuration = (v: unknown) => typeof v === "number" && v >= 0 && Number.isFinite(v);
const isFiles = (v: unknown) => typeof v === "object" && v !== null && !Array.isArray(v) &&
  Object.entries(v).every(([path, url]) => typeof url === "string" && path && !path.endsWith("/"));

/** Each known key: how to tell a valid value, what it must be, and an example. */
const RULES: Record<string, [(value: unknown) => boolean, string, string]> = {
  interpreter: [isString, "a string", '"micropython" (or "pyodide")'],
  interpreterURL: [isString, "a string", '"./vendor/micropython/"'],
  urlOverride: [isBoolean, "true or false", "false"],
  debug: [isBoolean, "true or false", "true"],
  pluginTimeout: [isDuration, "a number of milliseconds (0 or more)", "30000"],
  splash: [(v) => isBoolean(v) || isString(v), "true, false or a string of HTML", 'false (or "&lt;p>Loading…&lt;/p>")'],
  files: [isFiles, "an object mapping file paths to URL strings", '{"data/sales.csv": "./sales.csv"}'],
};

/**
 * The config's keys that nothing is known to read: not ours, not an
 * interpreter's option, not one `readers` (plugins) name. (PyScript's keys
 * that we keep for `pyscript.config` are sorted out by config-keys.js.)
 */
export function unknownKeys(config: Config, interpreters: Record<string, InterpreterInfo>, readers: readonly string[]): string[] {
  const known = [...Object.keys(DEFAULT_CONFIG), "packages", "package_index", ...readers, ...Object.values(interpreters).flatMap((info) => Object.keys(info.options))];
  return Object.keys(config).filter((key) => !known.includes(key));
}

/** Does the config list packages (or get the key wrong, which packages.js reports)? Only then is packages.js loaded. */
export const wantsPackages = ({ packages }: Config): boolean => packages !== undefined && !(Array.isArray(packages) && !packages.length);

/** `?interpreter=pyodide` in the page URL wins over the config (unless turned off). */
function applyURLOverride(config: Config, pageURL: URL): void {
  const chosen = pageURL.searchParams.get("interpreter");
  if (chosen && config.urlOverride) config.interpreter = chosen;
}

/** The interpreter must exist; options meant for another interpreter are flagged. */
function checkInterpreter(config: Config, known: Record<string, InterpreterInfo>, errors: PyScriptError[]): PyScriptError[] {
  const names = Object.keys(known);
  config.interpreter = config.interpreter.toLowerCase();
  if (!known[config.interpreter]) {
    errors.push(new PyScriptError("unknown-interpreter", `There is no interpreter called "${config.interpreter}". Known interpreters: ${names.join(", ")}.`, {
      hint: `Set "interpreter" in <py-config> (or ?interpreter= in the URL) to one of: ${names.join(", ")}. Using "${DEFAULT_CONFIG.interpreter}" meanwhile.`,
    }));
    config.interpreter = DEFAULT_CONFIG.interpreter;
  }
  return optionWarnings(config, known, errors);
}

function optionWarnings(config: Config, known: Record<string, InterpreterInfo>, errors: PyScriptError[]): PyScriptError[] {
  const chosen = known[config.interpreter]!;
  const warnings: PyScriptError[] = [];
  for (const info of Object.values(known)) {
    for (const [key, type] of Object.entries(info.options)) {
      if (!(key in config)) continue;
      if (info !== chosen) {
        warnings.push(new PyScriptError("config-value", `<py-config> "${key}" is a ${info.label} option, but this page runs ${chosen.label}, which ignores it.`, {
          hint: `Remove "${key}", or run the page with "interpreter": "${info.name}".`,
        }));
      } else if (typeof config[key] !== type) {
        errors.push(new PyScriptError("config-value", `<py-config> "${key}" must be a ${type}, but it is ${describe(config[key])}.`, {
          hint: `Write "${key}" as a ${type}, or remove it to use ${info.label}'s default.`,
        }));
        delete config[key];
      }
    }
  }
  return warnings;
}
