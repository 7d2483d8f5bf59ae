/**
 * What a terminal sends when someone types: plain characters, control
 * characters (Enter is `\r`, Ctrl-C is `\x03`) and escape sequences for the
 * other keys (`\x1b[A` is ↑). The REPL engines read their input key by key,
 * so a pasted or fast-typed chunk behaves exactly like the same keys typed slowly.
 */

/** Keys by the names the engines use. */
export const KEY = {
  enter: "\r",
  tab: "\t",
  backspace: "\x7f",
  ctrlA: "\x01",
  ctrlC: "\x03",
  ctrlD: "\x04",
  ctrlE: "\x05",
  ctrlK: "\x0b",
  ctrlL: "\x0c",
  ctrlU: "\x15",
  up: "\x1b[A",
  down: "\x1b[B",
  right: "\x1b[C",
  left: "\x1b[D",
  home: "\x1b[H",
  end: "\x1b[F",
  delete: "\x1b[3~",
} as const;

/** A CSI sequence (`ESC [ params final`), an SS3 one (`ESC O x`), `ESC x`, or one character. */
const ONE_KEY = /\x1b\[[0-9;?]*[ -/]*[@-~]|\x1bO.|\x1b[\s\S]?|[\s\S]/gu;

/** Split terminal input into keys; a character outside the BMP stays whole. */
export function splitKeys(data: string): string[] {
  return data.match(ONE_KEY) ?? [];
}

/** Other spellings terminals use for the same key, mapped to the ones in {@link KEY}. */
const SYNONYMS: Record<string, string> = {
  "\x1bOA": KEY.up,
  "\x1bOB": KEY.down,
  "\x1bOC": KEY.right,
  "\x1bOD": KEY.left,
  "\x1bOH": KEY.home,
  "\x1bOF": KEY.end,
  "\x1b[1~": KEY.home,
  "\x1b[7~": KEY.home,
  "\x1b[4~": KEY.end,
  "\x1b[8~": KEY.end,
  "\b": KEY.backspace,
};

/**
 * The key in its usual spelling, or undefined for an escape sequence the
 * REPLs don't use (function keys, Ctrl+arrows…): those are dropped rather
 * than typed into the line as text.
 */
export function normalizeKey(key: string): string | undefined {
  const known = SYNONYMS[key] ?? key;
  if (!known.startsWith("\x1b")) return known;
  return Object.values(KEY).includes(known as never) ? known : undefined;
}

/** Is this a character that goes into the line as text? */
export function isPrintable(key: string): boolean {
  return key.length > 0 && !/[\x00-\x1f\x7f]/.test(key);
}
