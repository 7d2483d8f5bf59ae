/**
 * Reads `<py-config>` (inline JSON or TOML, or from `src=`), lays it over the
 * defaults and checks every key we understand, so a mistake is reported with
 * what is wrong, where, and how to fix it. A bad key falls back to its
 * default (and is reported); keys we don't know are kept for plugins.
 */
import { inlineMarkupError, PyScriptError, reasonOf } from "./errors.js";
import { fetchURL } from "./fetch-url.js";
import type { Assets } from "./assets.js";
import type { InterpreterInfo } from "./interpreters/interpreter.js";

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
});

/** What reading the config produced: the config plus any problems found. */
export interface ConfigResult {
  config: Config;
  errors: PyScriptError[];
  warnings: PyScriptError[];
}

/**
 * Find `<py-config>` under `root`, parse it and check it. Never throws.
 * `assets` is where the TOML parser is loaded from, only when TOML is used.
 */
export async function readConfig(
  root: ParentNode,
  pageURL: URL,
  interpreters: Record<string, InterpreterInfo>,
  assets: Pick<Assets, "import">,
): Promise<ConfigResult> {
  const errors: PyScriptError[] = [];
  const tags = root.querySelectorAll("py-config");
  let written: Record<string, unknown> = {};
  if (tags.length > 1) {
    errors.push(new PyScriptError("config-value", `This page has ${tags.length} <py-config> tags; only the first is used.`, {
      hint: "Merge them into one <py-config> tag.",
    }));
  }
  if (tags[0]) {
    try {
      written = await parseTag(tags[0], assets);
    } catch (error) {
      errors.push(error as PyScriptError);
    }
  }
  const config = mergeConfig(written, errors);
  applyURLOverride(config, pageURL);
  const warnings = checkInterpreter(config, interpreters, errors);
  return { config, errors, warnings };
}

async function parseTag(tag: Element, assets: Pick<Assets, "import">): Promise<Record<string, unknown>> {
  const src = tag.getAttribute("src");
  if (!src && tag.firstElementChild) throw inlineMarkupError(tag);
  const text = src ? await (await fetchURL(src, "config-fetch", "the <py-config> file")).text() : tag.textContent ?? "";
  const where = src ? `<py-config src="${src}">` : "<py-config>";
  const type = tag.getAttribute("type") ?? (src?.endsWith(".toml") ? "toml" : undefined) ?? detectType(text);
  const parsed = type === "toml" ? await parseTOML(text, where, assets) : parseJSON(text, where);
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new PyScriptError("config-parse", `${where} must hold an object of settings, but it holds ${describe(parsed)}.`, {
      hint: 'Write it as {"key": value, …} in JSON, or as key = value lines in TOML.',
    });
  }
  return parsed as Record<string, unknown>;
}

/** JSON starts with "{" (or is empty); anything else is read as TOML. */
function detectType(text: string): "json" | "toml" {
  const start = text.trimStart()[0];
  return start === undefined || start === "{" ? "json" : "toml";
}

function parseJSON(text: string, where: string): unknown {
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch (error) {
    const position = /position (\d+)/.exec(reasonOf(error));
    const at = position ? ` at ${lineAndColumn(text, Number(position[1]))}` : "";
    throw new PyScriptError("config-parse", `${where} is not valid JSON${at}: ${reasonOf(error)}`, {
      hint: 'Keys and strings need "double quotes", and there is no comma after the last item. ' +
        'Or write the config as TOML with <py-config type="toml">.',
      cause: error,
    });
  }
}

async function parseTOML(text: string, where: string, assets: Pick<Assets, "import">): Promise<unknown> {
  const { parse } = await assets.import<typeof import("./toml.js")>("toml.js"); // only pages with TOML download it
  try {
    return parse(text);
  } catch (error) {
    const { line, column } = error as { line?: number; column?: number };
    const at = line ? ` at line ${line}, column ${column}` : "";
    throw new PyScriptError("config-parse", `${where} is not valid TOML${at}: ${reasonOf(error).split("\n")[0]}`, {
      hint: 'Write one key = value per line; strings need "quotes" and tables start with [name].',
      cause: error,
    });
  }
}

function lineAndColumn(text: string, position: number): string {
  const before = text.slice(0, position).split("\n");
  return `line ${before.length}, column ${before[before.length - 1]!.length + 1}`;
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
const isFiles = (v: unknown) => typeof v === "object" && v !== null && !Array.isArray(v) &&
  Object.entries(v).every(([path, url]) => typeof url === "string" && path && !path.endsWith("/"));

/** Each known key: how to tell a valid value, what it must be, and an example. */
const RULES: Record<string, [(value: unknown) => boolean, string, string]> = {
  interpreter: [isString, "a string", '"micropython" (or "pyodide")'],
  interpreterURL: [isString, "a string", '"./vendor/micropython/"'],
  urlOverride: [isBoolean, "true or false", "false"],
  debug: [isBoolean, "true or false", "true"],
  splash: [(v) => isBoolean(v) || isString(v), "true, false or a string of HTML", 'false (or "&lt;p>Loading…&lt;/p>")'],
  files: [isFiles, "an object mapping file paths to URL strings", '{"data/sales.csv": "./sales.csv"}'],
};

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

function describe(value: unknown): string {
  if (Array.isArray(value)) return "a list";
  if (value === null) return "null";
  if (typeof value === "object") return "an object";
  return `${typeof value === "string" ? "the string" : "the " + typeof value} ${JSON.stringify(value)}`;
}
