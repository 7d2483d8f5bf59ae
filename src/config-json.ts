/**
 * Reading a JSON config, with errors that say where. V8 gives a position for
 * most mistakes, but none for the commonest one in a Python page: values
 * written the Python way (`True`, `None`, `'single quotes'`, bare words). So
 * we find those ourselves, say their line and column, and suggest the JSON
 * spelling (`true`, `null`, `"double quotes"`).
 */
import { PyScriptError, reasonOf } from "./errors.js";

/** Where a config's JSON goes wrong the Python way, and what to write instead. */
export interface Pythonism {
  /** Offset in the text. */
  position: number;
  /** What was written there (a word, or a quote). */
  found: string;
  /** What to write instead. */
  suggestion: string;
}

const JSON_WORDS: Record<string, string> = { True: "true", False: "false", None: "null" };

/** Parse a config's JSON text (empty means `{}`); a mistake is a `config-parse` error with line and column. */
export function parseJSON(text: string, where: string): unknown {
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch (error) {
    throw jsonError(text, where, error);
  }
}

/**
 * The `config-parse` error for JSON that `JSON.parse` refused with `error`
 * (config-sources.ts loads this module, `dist/config-json.js`, only then).
 */
export function jsonError(text: string, where: string, error: unknown): PyScriptError {
  const pythonism = findPythonism(text);
  const position = pythonism?.position ?? /position (\d+)/.exec(reasonOf(error))?.[1];
  const at = position === undefined ? "" : ` at ${lineAndColumn(text, Number(position))}`;
  const what = pythonism ? `${pythonism.found} is not JSON; write ${pythonism.suggestion}.` : reasonOf(error);
  return new PyScriptError("config-parse", `${where} is not valid JSON${at}: ${what}`, {
    hint: 'JSON writes true, false and null (not True, False, None); keys and strings need "double quotes", ' +
      'and there is no comma after the last item. Or write the config as TOML with <py-config type="toml">.',
    cause: error,
  });
}

/** The first Python-style value outside a string: a word JSON doesn't know, or a single quote. */
export function findPythonism(text: string): Pythonism | undefined {
  const token = /"(?:[^"\\]|\\.)*"?|'|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|[A-Za-z_][\w.]*|[^"'A-Za-z_\d-]+|-/g;
  for (let match = token.exec(text); match; match = token.exec(text)) {
    const found = match[0];
    if (found === "'") return { position: match.index, found: "'", suggestion: '"double quotes" around keys and strings' };
    if (!/^[A-Za-z_]/.test(found) || ["true", "false", "null"].includes(found)) continue;
    const suggestion = JSON_WORDS[found] ?? `"${found}" (keys and strings need double quotes)`;
    return { position: match.index, found, suggestion };
  }
  return undefined;
}

/** `line 2, column 5` for an offset in `text`. */
export function lineAndColumn(text: string, position: number): string {
  const before = text.slice(0, position).split("\n");
  return `line ${before.length}, column ${before[before.length - 1]!.length + 1}`;
}
