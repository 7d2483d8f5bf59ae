/**
 * Configs written for PyScript, read as PyScript means them:
 * - `files` point from a URL to a path (`{"./data.csv": "./data/"}`; ours
 *   point from a path to a URL), with `{PLACEHOLDER}` templates, "" for
 *   "same file name" and a trailing "/" for "into this folder";
 * - `interpreter` may pin a Pyodide version (we serve our own copy);
 * - with no interpreter configured, the page's Python `<script>` types
 *   choose it: `py` (and `pyodide`) mean Pyodide, `mpy` (and
 *   `micropython`) MicroPython, as in PyScript.
 * A config is read PyScript's way when it comes from a `config=` attribute
 * or `<mpy-config>`, or when its `files` can only be PyScript's (a key that
 * is a URL or a template, a value that is empty or a folder): config.ts
 * tells, and loads this module (`dist/pyscript-config.js`) only then.
 */
import { PyScriptError } from "./errors.js";
import { PINNED } from "./config.js";

/** The written settings in our dialect: PyScript's `files` turned round, its interpreter pins dropped. */
export function fromPyScript(settings: Record<string, unknown>, errors: PyScriptError[], warnings: PyScriptError[]): Record<string, unknown> {
  const ours = { ...settings };
  if (typeof ours.files === "object" && ours.files !== null && !Array.isArray(ours.files)) {
    ours.files = filesFromPyScript(ours.files as Record<string, unknown>, errors);
  }
  const pin = interpreterPinWarning(ours.interpreter);
  if (pin) warnings.push(pin), delete ours.interpreter;
  return ours;
}

/** PyScript's `files` (URL → path, with templates) as ours (path → URL). Problems are pushed to `errors`. */
function filesFromPyScript(files: Record<string, unknown>, errors: PyScriptError[]): Record<string, string> {
  const values: Record<string, string> = {};
  const fill = (text: string) => text.replace(/\{[^}]*\}/g, (name) => values[name] ?? name);
  const ours: Record<string, string> = {};
  for (const [key, value] of Object.entries(files)) {
    if (typeof value !== "string") {
      errors.push(filesError(`"${key}" maps to ${JSON.stringify(value)}, not a path`, 'Write "files": {"URL": "path/on/python/fs"} with strings.'));
    } else if (/^\{[^}]*\}$/.test(key)) {
      values[key] = fill(value); // a placeholder's definition
    } else {
      addFile(ours, fill(key), fill(value), errors);
    }
  }
  return ours;
}

function addFile(ours: Record<string, string>, url: string, destination: string, errors: PyScriptError[]): void {
  if (destination.endsWith("/*")) {
    errors.push(filesError(`"${url}" → "${destination}" asks to unpack an archive, which MicroPyScript doesn't do yet`,
      "Unpack the archive on your server and list its files one by one."));
    return;
  }
  const name = url.split(/[?#]/)[0]!.split("/").pop() ?? "";
  const path = (destination === "" ? name : destination.endsWith("/") ? destination + name : destination).replace(/^\.\//, "");
  if (path in ours) {
    errors.push(filesError(`"${url}" and "${ours[path]}" are both copied to "${path}"`, "Give each file a destination of its own."));
    return;
  }
  ours[path] = url;
}

/** A pinned PyScript interpreter version or URL, which we don't use: the warning that says so. */
function interpreterPinWarning(value: unknown): PyScriptError | undefined {
  if (typeof value !== "string" || !PINNED.test(value)) return undefined;
  return new PyScriptError("config-value", `"interpreter": "${value}" pins a PyScript interpreter version or URL; MicroPyScript runs the interpreters it ships.`, {
    hint: 'Remove the pin, or write "interpreter": "pyodide" or "micropython".',
  });
}

function filesError(problem: string, hint: string): PyScriptError {
  return new PyScriptError("config-value", `The config's "files" (written PyScript's way, URL → path): ${problem}.`, { hint });
}
