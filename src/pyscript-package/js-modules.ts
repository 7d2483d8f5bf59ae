/**
 * PyScript's `js_modules` config: JavaScript modules the page's Python
 * imports as `from pyscript.js_modules import name`.
 *
 *     "js_modules": {"main": {"./lib/chart.js": "chart", "./lib/chart.css": "chart"},
 *                    "worker": {"./lib/escape.js": "escape"}}
 *
 * `main` modules load on the page, `worker` ones in each worker; a `.css`
 * file is added to the page as a stylesheet. Each module starts loading as
 * soon as the config is read, and is there before the first script runs.
 * URLs are relative to the page; one elsewhere is fetched only because the
 * author wrote it.
 */
import type { Config } from "../config.js";
import { PyScriptError, reasonOf } from "../errors.js";

/** The modules that loaded, by name, and why the others didn't: `_pyscript_js_modules` in Python. */
export interface JsModules {
  loaded: Record<string, unknown>;
  failed: Record<string, string>;
}

/** The `js_modules` entries for one side, as [absolute URL, name] pairs (bad entries are reported through `onError`). */
export function jsModuleEntries(config: Config, side: "main" | "worker", base: string, onError: (error: PyScriptError) => void): [string, string][] {
  const table = (config.js_modules as Record<string, unknown> | undefined)?.[side];
  if (table === undefined) return [];
  if (typeof table !== "object" || table === null || Array.isArray(table) || !Object.values(table).every((name) => typeof name === "string")) {
    onError(new PyScriptError("config-value", `"js_modules.${side}" must map module URLs to names, but it is ${JSON.stringify(table)}.`, {
      hint: `Write it like "js_modules": {"${side}": {"./lib/chart.js": "chart"}}.`,
    }));
    return [];
  }
  return Object.entries(table as Record<string, string>).map(([url, name]) => [new URL(url, base).href, name]);
}

/**
 * Load the modules (and, on the page, add the stylesheets). A module that
 * can't be imported is reported through `onError`, and Python's import of
 * it then raises an ImportError saying so.
 */
export async function loadJsModules(entries: [string, string][], onError: (error: PyScriptError) => void): Promise<JsModules> {
  const modules: JsModules = { loaded: {}, failed: {} };
  await Promise.all(entries.map(async ([url, name]) => {
    if (/\.css([?#]|$)/.test(url)) return addStylesheet(url);
    try {
      modules.loaded[name] = await import(/* @vite-ignore */ url);
    } catch (error) {
      const failure = new PyScriptError("js-module", `The JavaScript module "${name}" (${url}) from "js_modules" could not be loaded: ${reasonOf(error)}`, {
        hint: "Check the URL in js_modules (relative URLs are relative to the page), and that the file is an ES module.",
      });
      onError(failure);
      modules.failed[name] = reasonOf(error);
    }
  }));
  return modules;
}

function addStylesheet(url: string): void {
  if (typeof document === "undefined") return; // a worker has no page to style
  document.head.append(Object.assign(document.createElement("link"), { rel: "stylesheet", href: url }));
}
