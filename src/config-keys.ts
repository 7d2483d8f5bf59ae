/**
 * Config keys nothing reads (`dist/config-keys.js`, loaded only when a page
 * has one): most often a typo (`"fils"`) or a habit from elsewhere. Each gets
 * a warning naming the nearest known key, when one is close enough.
 */
import { PyScriptError } from "./errors.js";

/** PyScript's config keys that we keep for Python's `pyscript.config` but don't act on (see the README's "Coming from PyScript"). */
const KEPT_FROM_PYSCRIPT = ["plugins", "sync_main_only", "packages_cache"];
const PYSCRIPT_KEYS = ["packages", "js_modules", ...KEPT_FROM_PYSCRIPT];

/** A warning for each key in `unknown` that isn't PyScript's; near misses are looked for among `known` and PyScript's keys. */
export function unknownKeyWarnings(unknown: readonly string[], ours: readonly string[]): PyScriptError[] {
  const known = [...new Set([...ours, "package_index", ...PYSCRIPT_KEYS])];
  return unknown.filter((key) => !KEPT_FROM_PYSCRIPT.includes(key) && !key.startsWith("experimental_")).map((key) => {
    const near = nearest(key, known);
    return new PyScriptError("config-key", `<py-config> has a key nothing reads: "${key}"${near ? `. Did you mean "${near}"?` : "."}`, {
      hint: near
        ? `Rename "${key}" to "${near}". (A plugin that reads "${key}" can say so: list it in the plugin's configKeys.)`
        : `Check its spelling against the known keys: ${known.map((name) => `"${name}"`).join(", ")}. A plugin that reads it can list it in its configKeys.`,
    });
  });
}

/** The known key closest to `key` (case aside), if it is a near miss: at most a third of its letters changed. */
export function nearest(key: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(1, Math.floor(key.length / 3)) + 1;
  for (const name of known) {
    const distance = editDistance(key.toLowerCase(), name.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [name, distance];
  }
  return best;
}

/** Letters inserted, deleted, changed or swapped (adjacent) to turn `a` into `b`. */
function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let distance = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) distance = Math.min(distance, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = distance;
    }
  }
  return rows[a.length]![b.length]!;
}
