/**
 * Where a page writes its config, and reading it: a `<py-config>` (or
 * PyScript's `<mpy-config>`) tag, inline or `src=`, or — PyScript's way —
 * the `config=` attribute of the page's first Python script, holding inline
 * JSON or the URL of a JSON/TOML file. Parse errors say where (line and
 * column) and how to fix them.
 */
import type { Assets } from "./assets.js";
import { inlineMarkupError, PyScriptError, reasonOf } from "./errors.js";
import { fetchURL } from "./fetch-url.js";
import { SCRIPT_TAGS } from "./page-io/script-source.js";

/** A config as written, before defaults and checks. */
export interface WrittenConfig {
  settings: Record<string, unknown>;
  /** Written PyScript's way (`config=` attribute, `<mpy-config>`): its `files` point from URL to path. */
  pyscriptStyle: boolean;
  errors: PyScriptError[];
}

/** Find the page's config under `root` and parse it. Never throws. */
export async function readWrittenConfig(root: ParentNode, assets: Pick<Assets, "import">): Promise<WrittenConfig> {
  const errors: PyScriptError[] = [];
  const tags = [...root.querySelectorAll("py-config, mpy-config")];
  const attributes = [...root.querySelectorAll(SCRIPT_TAGS)].filter((tag) => tag.hasAttribute("config"));
  if (tags.length + attributes.length > 1) {
    const names = [...tags.map((tag) => `<${tag.localName}>`), ...attributes.map((tag) => `config="${tag.getAttribute("config")}"`)];
    errors.push(new PyScriptError("config-value", `This page has ${names.length} configs (${names.join(", ")}); only the first is used.`, {
      hint: "Merge them into one: a <py-config> tag, or the config= attribute of the page's first Python script.",
    }));
  }
  const tag = tags[0];
  const attribute = attributes[0]?.getAttribute("config")?.trim();
  try {
    if (tag) return { settings: await parseTag(tag, assets), pyscriptStyle: tag.localName === "mpy-config", errors };
    if (attribute) return { settings: await parseAttribute(attribute, assets), pyscriptStyle: true, errors };
  } catch (error) {
    errors.push(error as PyScriptError);
  }
  return { settings: {}, pyscriptStyle: false, errors };
}

async function parseTag(tag: Element, assets: Pick<Assets, "import">): Promise<Record<string, unknown>> {
  const src = tag.getAttribute("src");
  const name = tag.localName;
  if (!src && tag.firstElementChild) throw inlineMarkupError(tag);
  if (src) return parseFile(src, `<${name} src="${src}">`, tag.getAttribute("type"), assets);
  return parseText(tag.textContent ?? "", `<${name}>`, tag.getAttribute("type") ?? detectType(tag.textContent ?? ""), assets);
}

/** `config='{"packages": []}'` is inline JSON; anything else is the URL of a file. */
function parseAttribute(value: string, assets: Pick<Assets, "import">): Promise<Record<string, unknown>> {
  if (value.startsWith("{")) return parseText(value, `config='${value.slice(0, 40)}…'`, "json", assets);
  return parseFile(value, `config="${value}"`, null, assets);
}

async function parseFile(src: string, where: string, type: string | null, assets: Pick<Assets, "import">): Promise<Record<string, unknown>> {
  const text = await (await fetchURL(src, "config-fetch", "the config file")).text();
  return parseText(text, where, type ?? (/\.toml(\?|#|$)/.test(src) ? "toml" : detectType(text)), assets);
}

async function parseText(text: string, where: string, type: string, assets: Pick<Assets, "import">): Promise<Record<string, unknown>> {
  const parsed = type === "toml" ? await parseTOML(text, where, assets) : await parseJSON(text, where, assets);
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new PyScriptError("config-parse", `${where} must hold an object of settings, but it holds ${describeValue(parsed)}.`, {
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

/** JSON (empty means `{}`); only a mistake loads config-json.js, which says where it is and how to fix it. */
async function parseJSON(text: string, where: string, assets: Pick<Assets, "import">): Promise<unknown> {
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch (error) {
    const { jsonError } = await assets.import<typeof import("./config-json.js")>("config-json.js");
    throw jsonError(text, where, error);
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

/** A value, described for a message: `the string "x"`, `a list`… */
export function describeValue(value: unknown): string {
  if (Array.isArray(value)) return "a list";
  if (value === null) return "null";
  if (typeof value === "object") return "an object";
  return `${typeof value === "string" ? "the string" : "the " + typeof value} ${JSON.stringify(value)}`;
}
